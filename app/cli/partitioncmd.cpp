// kafscope-cli partition: which partition a key goes to under every partitioner. Needs no cluster.
#include "app/cli/cli.h"
#include "app/cli/dataplane.h"
#include "app/cli/output.h"
#include "kafka/client/partitioners.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace kafscope::cli {

void addPartitionOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("key"), QStringLiteral("The key (UTF-8 text)."), QStringLiteral("K") });
    parser.addOption({ QStringLiteral("null-key"), QStringLiteral("A null key (no key at all), not an empty one.") });
    parser.addOption(
        { QStringLiteral("partitions"), QStringLiteral("Number of partitions of the topic."), QStringLiteral("N") });
}

int runPartition(const QCommandLineParser& parser, const CommandContext& context)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    auto usage = [&](const QString& message) {
        err << "kafscope-cli: " << message << "\nRun 'kafscope-cli partition --help' for usage." << Qt::endl;
        return int(Usage);
    };
    const bool nullKey = parser.isSet(QStringLiteral("null-key"));
    if (nullKey == parser.isSet(QStringLiteral("key")))
        return usage(QStringLiteral("give exactly one of --key K and --null-key"));
    bool ok = false;
    const int partitions = parser.value(QStringLiteral("partitions")).toInt(&ok);
    if (!ok || partitions < 1)
        return usage(QStringLiteral("--partitions takes a number of partitions (1 or more)"));
    const std::optional<QByteArray> key
        = nullKey ? std::nullopt : std::optional(parser.value(QStringLiteral("key")).toUtf8());
    const auto predictions = partitioning::predictAll(key, partitions);
    if (context.json) {
        // {"murmur2_random": p, ...}; null where the producer picks at random.
        QJsonObject object;
        for (const auto& p : predictions)
            object.insert(partitioning::name(p.partitioner), p.deterministic ? QJsonValue(p.partition) : QJsonValue());
        out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return Ok;
    }
    QList<QStringList> rows;
    for (const auto& p : predictions)
        rows.append({ partitioning::name(p.partitioner),
            p.deterministic ? QString::number(p.partition) : QStringLiteral("random"), p.explanation });
    out << formatTable({ QStringLiteral("PARTITIONER"), QStringLiteral("PARTITION"), QStringLiteral("HOW") }, rows,
        { false, true, false });
    return Ok;
}

} // namespace kafscope::cli
