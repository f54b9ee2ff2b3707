#include "kafka/client/input.h"

#include <QDateTime>

namespace kafscope::input {

namespace {
template <typename T> std::optional<T> refuse(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return std::nullopt;
}
} // namespace

std::optional<QList<int32_t>> parsePartitions(const QString& text, int count, QString* error)
{
    QList<int32_t> result;
    const auto trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return result;
    for (const auto& part : trimmed.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto range = part.trimmed().split(QLatin1Char('-'));
        bool okA = false;
        bool okB = true;
        const int a = range[0].toInt(&okA);
        const int b = range.size() == 2 ? range[1].toInt(&okB) : a;
        if (range.size() > 2 || !okA || !okB || a < 0 || b < a)
            return refuse<QList<int32_t>>(
                error, QStringLiteral("\"%1\" is not a partition or a range like 0-3.").arg(part.trimmed()));
        if (count > 0 && b >= count)
            return refuse<QList<int32_t>>(error,
                QStringLiteral("The topic has partitions 0 to %1; there is no partition %2.").arg(count - 1).arg(b));
        for (int p = a; p <= b; ++p)
            if (!result.contains(p))
                result.append(p);
    }
    return result;
}

std::optional<ConsumeStart> parseStart(StartChoice choice, const QString& value, QString* error)
{
    const auto text = value.trimmed();
    bool isNumber = false;
    switch (choice) {
    case StartChoice::Latest:
        return ConsumeStart::latest();
    case StartChoice::Earliest:
        return ConsumeStart::earliest();
    case StartChoice::Offset: {
        const qint64 offset = text.toLongLong(&isNumber);
        if (!isNumber || offset < 0 || text.startsWith(QLatin1Char('+')))
            return refuse<ConsumeStart>(
                error, QStringLiteral("\"%1\" is not an offset: give a number, 0 or more.").arg(text));
        return ConsumeStart::offset(offset);
    }
    case StartChoice::Timestamp: {
        const qint64 ms = text.toLongLong(&isNumber);
        const QDateTime when = isNumber ? QDateTime::fromMSecsSinceEpoch(ms)
                                        : QDateTime::fromString(text,
                                            text.count(QLatin1Char(':')) == 2 ? QStringLiteral("yyyy-MM-dd HH:mm:ss")
                                                                              : QStringLiteral("yyyy-MM-dd HH:mm"));
        if (!when.isValid() || (isNumber && ms < 0))
            return refuse<ConsumeStart>(error,
                QStringLiteral("\"%1\" is not a time: use yyyy-MM-dd HH:mm[:ss] (local time) "
                               "or milliseconds since the epoch.")
                    .arg(text));
        return ConsumeStart::timestamp(when.toMSecsSinceEpoch());
    }
    case StartChoice::LastN: {
        const qint64 n = text.toLongLong(&isNumber);
        if (!isNumber || n < 1 || text.startsWith(QLatin1Char('+')))
            return refuse<ConsumeStart>(
                error, QStringLiteral("\"%1\" is not a number of records: give 1 or more.").arg(text));
        return ConsumeStart::lastN(n);
    }
    }
    return refuse<ConsumeStart>(error, QStringLiteral("Unknown start position."));
}

std::optional<QList<RecordHeader>> parseHeaders(const QString& text, QString* error)
{
    QList<RecordHeader> headers;
    const auto trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return headers;
    for (const auto& part : trimmed.split(QLatin1Char(','))) {
        const auto eq = part.indexOf(QLatin1Char('='));
        const auto name = part.left(eq).trimmed();
        if (eq <= 0 || name.isEmpty())
            return refuse<QList<RecordHeader>>(
                error, QStringLiteral("Header \"%1\" is not key=value.").arg(part.trimmed()));
        headers.append({ name, part.mid(eq + 1).trimmed().toUtf8(), false });
    }
    return headers;
}

std::optional<ProduceRequest> validateProduce(
    const ProduceForm& form, const ClusterMetadata& metadata, bool connected, QString* error)
{
    const auto topic = form.topic.trimmed();
    if (!connected)
        return refuse<ProduceRequest>(error, QStringLiteral("Connect to a cluster first."));
    if (topic.isEmpty())
        return refuse<ProduceRequest>(error, QStringLiteral("Choose a topic."));
    const auto* info = metadata.topic(topic);
    const int n = info ? int(info->partitions.size()) : 0;
    if (n == 0)
        return refuse<ProduceRequest>(error,
            QStringLiteral("Topic \"%1\" does not exist on this cluster (the list shows the existing ones).")
                .arg(topic));
    if (form.partition >= n)
        return refuse<ProduceRequest>(error,
            QStringLiteral("Topic \"%1\" has partitions 0 to %2; there is no partition %3.")
                .arg(topic)
                .arg(n - 1)
                .arg(form.partition));
    const auto headers = parseHeaders(form.headers, error);
    if (!headers)
        return std::nullopt;
    ProduceRequest request;
    request.topic = topic;
    request.key = form.nullKey ? std::nullopt : std::optional(form.key.toUtf8());
    request.value = form.value.toUtf8();
    request.partition = form.partition;
    request.partitioner = form.partitioner;
    request.headers = *headers;
    return request;
}

} // namespace kafscope::input
