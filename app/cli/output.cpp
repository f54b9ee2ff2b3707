#include "app/cli/output.h"

#include <algorithm>

namespace kafscope::cli {

namespace {
QString idList(const QList<int32_t>& ids)
{
    QStringList parts;
    for (auto id : ids)
        parts.append(QString::number(id));
    return parts.join(QLatin1Char(','));
}

QJsonArray idArray(const QList<int32_t>& ids)
{
    QJsonArray array;
    for (auto id : ids)
        array.append(id);
    return array;
}

QString offsetText(int64_t offset)
{
    return offset < 0 ? QStringLiteral("-") : QString::number(offset);
}

QList<PartitionInfo> sortedPartitions(const TopicInfo& topic)
{
    auto partitions = topic.partitions;
    std::sort(
        partitions.begin(), partitions.end(), [](const auto& a, const auto& b) { return a.partition < b.partition; });
    return partitions;
}

QList<ConfigEntry> sortedEntries(const ConfigResourceResult& result)
{
    auto entries = result.entries;
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return entries;
}

QList<TopicInfo> sortedTopics(const ClusterMetadata& metadata)
{
    auto topics = metadata.topics;
    std::sort(topics.begin(), topics.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return topics;
}
} // namespace

QString formatTable(const QStringList& headers, const QList<QStringList>& rows, const QList<bool>& numeric)
{
    QList<qsizetype> widths;
    for (const auto& h : headers)
        widths.append(h.size());
    for (const auto& row : rows)
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    auto line = [&](const QStringList& cells) {
        QString out;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const bool right = c < numeric.size() && numeric[c];
            const bool last = c + 1 == cells.size();
            out += right ? cells[c].rightJustified(widths[c]) : (last ? cells[c] : cells[c].leftJustified(widths[c]));
            if (!last)
                out += QStringLiteral("  ");
        }
        return out + QLatin1Char('\n');
    };
    QString out = line(headers);
    for (const auto& row : rows)
        out += line(row);
    return out;
}

QJsonArray brokersJson(const ClusterMetadata& metadata)
{
    QJsonArray array;
    for (const auto& b : metadata.brokers) {
        array.append(QJsonObject { { QStringLiteral("id"), b.nodeId }, { QStringLiteral("host"), b.host },
            { QStringLiteral("port"), b.port },
            { QStringLiteral("rack"), b.rack.isEmpty() ? QJsonValue() : QJsonValue(b.rack) },
            { QStringLiteral("controller"), b.nodeId == metadata.controllerId } });
    }
    return array;
}

QString brokersTable(const ClusterMetadata& metadata)
{
    QList<QStringList> rows;
    for (const auto& b : metadata.brokers) {
        int leaders = 0;
        int replicas = 0;
        for (const auto& t : metadata.topics)
            for (const auto& p : t.partitions) {
                leaders += p.leader == b.nodeId;
                replicas += p.replicas.contains(b.nodeId);
            }
        rows.append({ QString::number(b.nodeId), b.address(), b.rack.isEmpty() ? QStringLiteral("-") : b.rack,
            b.nodeId == metadata.controllerId ? QStringLiteral("yes") : QString(), QString::number(leaders),
            QString::number(replicas) });
    }
    return formatTable({ QStringLiteral("ID"), QStringLiteral("ADDRESS"), QStringLiteral("RACK"),
                           QStringLiteral("CONTROLLER"), QStringLiteral("LEADERS"), QStringLiteral("REPLICAS") },
        rows, { true, false, false, false, true, true });
}

QJsonArray topicsJson(const ClusterMetadata& metadata)
{
    QJsonArray array;
    for (const auto& t : sortedTopics(metadata)) {
        array.append(QJsonObject { { QStringLiteral("name"), t.name },
            { QStringLiteral("partitions"), int(t.partitions.size()) },
            { QStringLiteral("replication_factor"), t.replicationFactor() },
            { QStringLiteral("internal"), t.isInternal } });
    }
    return array;
}

QString topicsTable(const ClusterMetadata& metadata)
{
    QList<QStringList> rows;
    for (const auto& t : sortedTopics(metadata)) {
        rows.append({ t.name, QString::number(t.partitions.size()), QString::number(t.replicationFactor()),
            QString::number(t.underReplicatedCount()), QString::number(t.offlineCount()),
            t.isInternal ? QStringLiteral("yes") : QString() });
    }
    return formatTable({ QStringLiteral("NAME"), QStringLiteral("PARTITIONS"), QStringLiteral("RF"),
                           QStringLiteral("UNDER-REPLICATED"), QStringLiteral("OFFLINE"), QStringLiteral("INTERNAL") },
        rows, { false, true, true, true, true, false });
}

// null when unknown (its leader did not answer, or there is none): -1 would read as an offset.
static QJsonValue offsetJson(int64_t offset)
{
    return offset < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(qint64(offset));
}

QJsonObject describeJson(const TopicInfo& topic)
{
    QJsonArray partitions;
    for (const auto& p : sortedPartitions(topic)) {
        partitions.append(QJsonObject { { QStringLiteral("partition"), p.partition },
            { QStringLiteral("leader"), p.leader }, { QStringLiteral("replicas"), idArray(p.replicas) },
            { QStringLiteral("isr"), idArray(p.isr) }, { QStringLiteral("offline"), idArray(p.offlineReplicas) },
            { QStringLiteral("earliest"), offsetJson(p.earliest) },
            { QStringLiteral("latest"), offsetJson(p.latest) } });
    }
    return { { QStringLiteral("name"), topic.name }, { QStringLiteral("partitions"), partitions } };
}

QString describeTable(const TopicInfo& topic)
{
    QList<QStringList> rows;
    for (const auto& p : sortedPartitions(topic)) {
        rows.append({ QString::number(p.partition), p.leader < 0 ? QStringLiteral("none") : QString::number(p.leader),
            idList(p.replicas), idList(p.isr), idList(p.offlineReplicas), offsetText(p.earliest), offsetText(p.latest),
            p.hasOffsets() ? QString::number(p.messageCount()) : QStringLiteral("-") });
    }
    QString header = QStringLiteral("Topic %1: %2 partitions, replication factor %3")
                         .arg(topic.name)
                         .arg(topic.partitions.size())
                         .arg(topic.replicationFactor());
    if (topic.underReplicatedCount() > 0)
        header += QStringLiteral(", %1 under-replicated").arg(topic.underReplicatedCount());
    return header + QLatin1Char('\n')
        + formatTable({ QStringLiteral("PARTITION"), QStringLiteral("LEADER"), QStringLiteral("REPLICAS"),
                          QStringLiteral("ISR"), QStringLiteral("OFFLINE"), QStringLiteral("EARLIEST"),
                          QStringLiteral("LATEST"), QStringLiteral("MESSAGES") },
            rows, { true, true, false, false, false, true, true, true });
}

QJsonArray configsJson(const ConfigResourceResult& result)
{
    QJsonArray array;
    for (const auto& e : sortedEntries(result)) {
        QJsonArray synonyms;
        for (const auto& s : e.synonyms)
            synonyms.append(QJsonObject { { QStringLiteral("name"), s.name },
                { QStringLiteral("value"), s.valueIsNull ? QJsonValue() : QJsonValue(s.value) },
                { QStringLiteral("source"), configSourceName(s.source) } });
        array.append(QJsonObject { { QStringLiteral("name"), e.name },
            { QStringLiteral("value"), e.valueIsNull ? QJsonValue() : QJsonValue(e.value) },
            { QStringLiteral("source"), configSourceName(e.source) }, { QStringLiteral("default"), e.isDefault },
            { QStringLiteral("read_only"), e.readOnly }, { QStringLiteral("sensitive"), e.isSensitive },
            { QStringLiteral("synonyms"), synonyms } });
    }
    return array;
}

QString configsTable(const ConfigResourceResult& result)
{
    QList<QStringList> rows;
    for (const auto& e : sortedEntries(result)) {
        const QString value = e.isSensitive ? QStringLiteral("(sensitive)")
            : e.valueIsNull                 ? QStringLiteral("(null)")
                                            : e.value;
        QStringList flags;
        if (!e.isDefault)
            flags << QStringLiteral("overridden");
        if (e.readOnly)
            flags << QStringLiteral("read-only");
        rows.append({ e.name, value, configSourceName(e.source), flags.join(QLatin1Char(',')) });
    }
    return formatTable(
        { QStringLiteral("NAME"), QStringLiteral("VALUE"), QStringLiteral("SOURCE"), QStringLiteral("FLAGS") }, rows);
}

} // namespace kafscope::cli
