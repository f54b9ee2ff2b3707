#include "app/cli/dataplane.h"

#include "app/cli/cli.h"
#include "kafka/client/liveconsumer.h"
#include "kafka/client/producer.h"
#include "kafka/client/recordexport.h"
#include "kafka/protocol/adminclient.h"
#include "kafka/protocol/bootstrap.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimer>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>

namespace kafscope::cli {

namespace {

// Raw bytes: records are written as they are (JSON lines are UTF-8 already), and a 10 MB value is not re-encoded.
void write(FILE* f, const QByteArray& bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), f);
}

int usage(const QString& message)
{
    write(stderr, "kafscope-cli: " + message.toUtf8() + "\nRun 'kafscope-cli --help' for usage.\n");
    return Usage;
}

void warn(const QString& message)
{
    write(stderr, "kafscope-cli: " + message.toUtf8() + '\n');
    std::fflush(stderr);
}

// A one-line, capped preview: text with control characters escaped, or a hex prefix for binary.
QByteArray preview(QByteArrayView bytes, bool isNull)
{
    constexpr qsizetype kCap = 200;
    if (isNull)
        return QByteArrayLiteral("(null)");
    QByteArray out;
    if (record_export::isValidUtf8(bytes)) {
        const QString text = QString::fromUtf8(bytes);
        QString shown;
        for (const QChar c : QStringView(text).left(kCap))
            shown += c == QLatin1Char('\n') ? QStringLiteral("\\n")
                : c == QLatin1Char('\t')    ? QStringLiteral("\\t")
                : c.unicode() < 0x20        ? QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'))
                                            : QString(c);
        out = shown.toUtf8();
        if (text.size() > kCap)
            out += "... (" + QByteArray::number(bytes.size()) + " bytes)";
        return out;
    }
    return "<binary " + QByteArray::number(bytes.size())
        + " bytes: " + bytes.first(std::min<qsizetype>(16, bytes.size())).toByteArray().toHex(' ')
        + (bytes.size() > 16 ? " ...>" : ">");
}

std::atomic<bool> g_interrupted { false };
extern "C" void onStopSignal(int)
{
    g_interrupted = true;
}

bool isUnreachable(const QString& errorName)
{
    return errorName == QLatin1String("_MSG_TIMED_OUT") || errorName == QLatin1String("_TRANSPORT")
        || errorName == QLatin1String("_ALL_BROKERS_DOWN") || errorName == QLatin1String("_RESOLVE");
}

// librdkafka 2.0.2 reports a record for a topic that does not exist as _MSG_TIMED_OUT, like an unreachable cluster.
// Metadata from the admin client tells the two apart: "" when the topic exists or the cluster cannot be asked.
// Why a write found no place, from the metadata: the topic does not exist, or (a write to --partition P) how many
// partitions it has. Empty when the metadata does not say.
QString missingTargetError(const QString& bootstrap, const QString& topic, int32_t partition, int timeoutMs)
{
    protocol::ConnectionOptions options;
    options.connectTimeoutMs = timeoutMs;
    options.clientId = QStringLiteral("kafscope-cli");
    protocol::AdminClient admin(parseBootstrap(bootstrap).addresses, options);
    QString error;
    QEventLoop loop;
    admin.fetchMetadata(QStringList { topic }, [&](const AdminResult<ClusterMetadata>& md) {
        if (md.ok()) {
            const auto* t = md.value->topic(topic);
            if (!t || t->errorCode == 3)
                error = QStringLiteral("Topic %1 does not exist (UNKNOWN_TOPIC_OR_PART)").arg(topic);
            else if (partition >= qsizetype(t->partitions.size()) && !t->partitions.isEmpty())
                error = QStringLiteral("Topic %1 has %2 partition(s), 0 to %3: there is no partition %4 "
                                       "(_UNKNOWN_PARTITION)")
                            .arg(topic)
                            .arg(t->partitions.size())
                            .arg(t->partitions.size() - 1)
                            .arg(partition);
        }
        loop.exit();
    });
    loop.exec();
    return error;
}

} // namespace

void addConsumeOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("from"),
        QStringLiteral("Where to start: earliest, latest (default), OFFSET, @EPOCH_MS, or -N (last N per partition)."),
        QStringLiteral("WHERE"), QStringLiteral("latest") });
    parser.addOption(
        { QStringLiteral("partition"), QStringLiteral("Only this partition (repeatable)."), QStringLiteral("P") });
    parser.addOption({ QStringLiteral("max"), QStringLiteral("Exit after N records."), QStringLiteral("N") });
    parser.addOption({ QStringLiteral("end"), QStringLiteral("Exit when every partition is caught up.") });
}

int runConsume(const QCommandLineParser& parser, const CommandContext& context)
{
    ConsumerOptions options;
    options.bootstrap = context.bootstrap;
    options.extraConfig = context.dataPlane;
    options.topic = context.positionals.at(0);
    const auto start = ConsumeStart::parse(parser.value(QStringLiteral("from")));
    if (!start)
        return usage(QStringLiteral("--from takes earliest, latest, OFFSET, @EPOCH_MS or -N, not '%1'")
                         .arg(parser.value(QStringLiteral("from"))));
    options.start = *start;
    for (const auto& text : parser.values(QStringLiteral("partition"))) {
        bool ok = false;
        const int p = text.toInt(&ok);
        if (!ok || p < 0)
            return usage(QStringLiteral("--partition takes a partition number, not '%1'").arg(text));
        options.partitions.append(p);
    }
    qint64 max = -1;
    if (parser.isSet(QStringLiteral("max"))) {
        bool ok = false;
        max = parser.value(QStringLiteral("max")).toLongLong(&ok);
        if (!ok || max <= 0)
            return usage(QStringLiteral("--max takes a positive number"));
    }
    const bool untilEnd = parser.isSet(QStringLiteral("end"));
    options.reportEndOfPartition = untilEnd;
    options.bufferCapacity = 10000;

    LiveConsumer consumer;
    QEventLoop loop;
    int code = -1;
    qint64 printed = 0;
    bool assignedOnce = false;
    QSet<int32_t> assigned, caughtUp;
    auto finish = [&](int c) {
        if (code < 0) {
            code = c;
            loop.exit();
        }
    };
    bool outputClosed = false;
    auto printBuffered = [&] {
        if (outputClosed)
            return;
        for (const auto& r : consumer.drain()) {
            if (max >= 0 && printed >= max)
                break;
            if (context.json)
                write(stdout, record_export::toJsonLine(options.topic, r));
            else
                write(stdout,
                    "partition=" + QByteArray::number(r.partition()) + " offset=" + QByteArray::number(r.offset())
                        + " key=" + preview(r.key(), r.keyIsNull()) + " value=" + preview(r.value(), r.valueIsNull())
                        + '\n');
            ++printed;
        }
        // A reader that went away (`| head`, a closed pipe: EPIPE, SIGPIPE being ignored) ends the tail quietly, as
        // for other Unix tools; a full disk is an error.
        if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
            outputClosed = true;
            if (errno == EPIPE) {
                finish(Ok);
            } else {
                warn(QStringLiteral("cannot write the records: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
                finish(Failure);
            }
            return;
        }
        if (max >= 0 && printed >= max)
            finish(Ok);
    };
    QObject::connect(&consumer, &LiveConsumer::recordsAvailable, &loop, printBuffered);
    QObject::connect(&consumer, &LiveConsumer::partitionsAssigned, &loop, [&](const QList<int32_t>& partitions, int) {
        assignedOnce = true;
        assigned = QSet<int32_t>(partitions.begin(), partitions.end());
    });
    QObject::connect(&consumer, &LiveConsumer::endOfPartition, &loop, [&](int32_t partition, int64_t) {
        printBuffered(); // the partition's records are in the buffer before its end is signalled
        caughtUp.insert(partition);
        if (untilEnd && assignedOnce && caughtUp.contains(assigned))
            finish(Ok);
    });
    QObject::connect(
        &consumer, &LiveConsumer::statusChanged, &loop, [&](LiveConsumer::Status status, const QString& message) {
            if (status == LiveConsumer::Status::Failed) {
                warn(message);
                finish(KafkaError);
            } else if (status == LiveConsumer::Status::Retrying) {
                warn(QStringLiteral("warning: ") + message);
            } else if (status == LiveConsumer::Status::Running && assignedOnce) {
                warn(message); // back after trouble, or the topic grew: "Topic T grew from 2 to 4 partitions; ..."
            }
        });
    // Unreachable: nothing assigned within --timeout (librdkafka itself would retry for ever).
    QTimer::singleShot(context.timeoutMs, &loop, [&] {
        if (!assignedOnce) {
            warn(QStringLiteral("could not reach the cluster at %1 within %2 ms")
                     .arg(context.bootstrap)
                     .arg(context.timeoutMs));
            finish(Unreachable);
        }
    });
    // Ctrl-C, or SIGTERM from a supervisor, ends a tail cleanly: stop, print what arrived, flush, exit 0. The handler
    // only sets a flag (async-signal-safe).
    g_interrupted = false;
    const auto previousInt = std::signal(SIGINT, onStopSignal);
    const auto previousTerm = std::signal(SIGTERM, onStopSignal);
    const auto previousPipe = std::signal(SIGPIPE, SIG_IGN);
    QTimer interruptCheck;
    QObject::connect(&interruptCheck, &QTimer::timeout, &loop, [&] {
        if (g_interrupted)
            finish(Ok);
    });
    interruptCheck.start(50);

    consumer.start(options);
    loop.exec();
    consumer.stop();
    if (max < 0 || printed < max)
        printBuffered();
    std::fflush(stdout);
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
    std::signal(SIGPIPE, previousPipe);
    return code;
}

void addProduceOptions(QCommandLineParser& parser)
{
    parser.addOption(
        { QStringLiteral("key"), QStringLiteral("The record's key (default: a null key)."), QStringLiteral("K") });
    parser.addOption({ QStringLiteral("null-key"), QStringLiteral("Send a null key (the default).") });
    parser.addOption({ QStringLiteral("value"), QStringLiteral("The record's value."), QStringLiteral("V") });
    parser.addOption(
        { QStringLiteral("null-value"), QStringLiteral("Send a null value (a tombstone) instead of --value.") });
    parser.addOption(
        { QStringLiteral("header"), QStringLiteral("A header key=value (repeatable)."), QStringLiteral("K=V") });
    QStringList names;
    for (const auto p : partitioning::all())
        names << partitioning::name(p);
    parser.addOption({ QStringLiteral("partitioner"),
        QStringLiteral("Partitioner: %1 (default: consistent_random, librdkafka's).")
            .arg(names.join(QStringLiteral(", "))),
        QStringLiteral("NAME"), QStringLiteral("consistent_random") });
    parser.addOption({ QStringLiteral("partition"),
        QStringLiteral("Write to this partition (the partitioner is not used)."), QStringLiteral("P") });
}

int runProduce(const QCommandLineParser& parser, const CommandContext& context)
{
    if (refuseOnReadOnly(context, QStringLiteral("produce to %1").arg(context.positionals.at(0))))
        return Refused;
    ProduceRequest request;
    request.topic = context.positionals.at(0);
    if (parser.isSet(QStringLiteral("key")) && parser.isSet(QStringLiteral("null-key")))
        return usage(QStringLiteral("give --key or --null-key, not both"));
    if (parser.isSet(QStringLiteral("key")))
        request.key = parser.value(QStringLiteral("key")).toUtf8();
    if (parser.isSet(QStringLiteral("value")) == parser.isSet(QStringLiteral("null-value")))
        return usage(QStringLiteral("give either --value V or --null-value"));
    if (parser.isSet(QStringLiteral("value")))
        request.value = parser.value(QStringLiteral("value")).toUtf8();
    for (const auto& header : parser.values(QStringLiteral("header"))) {
        const auto eq = header.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(QStringLiteral("--header takes key=value, not '%1'").arg(header));
        request.headers.append({ header.left(eq), header.mid(eq + 1).toUtf8(), false });
    }
    const auto partitioner = partitioning::fromName(parser.value(QStringLiteral("partitioner")));
    if (!partitioner)
        return usage(QStringLiteral("unknown partitioner '%1'").arg(parser.value(QStringLiteral("partitioner"))));
    request.partitioner = *partitioner;
    if (parser.isSet(QStringLiteral("partition"))) {
        bool ok = false;
        request.partition = parser.value(QStringLiteral("partition")).toInt(&ok);
        if (!ok || request.partition < 0)
            return usage(QStringLiteral("--partition takes a partition number"));
    }

    ProducerOptions options;
    options.bootstrap = context.bootstrap;
    options.extraConfig = context.dataPlane;
    options.messageTimeoutMs = context.timeoutMs; // the delivery fails (and says why) within --timeout
    RecordProducer producer(options);
    std::optional<DeliveryReport> report;
    QEventLoop loop;
    QObject::connect(&producer, &RecordProducer::delivered, &loop, [&](const DeliveryReport& r) {
        report = r;
        loop.exit();
    });
    producer.send(request);
    loop.exec();
    if (!report->ok()) {
        if (report->errorName == QLatin1String("_MSG_TIMED_OUT")
            || report->errorName == QLatin1String("_UNKNOWN_PARTITION")) {
            if (const auto missing
                = missingTargetError(context.bootstrap, request.topic, request.partition, context.timeoutMs);
                !missing.isEmpty()) {
                warn(missing);
                return KafkaError;
            }
        }
        warn(QStringLiteral("could not write to %1: %2 (%3)")
                 .arg(request.topic, report->errorMessage, report->errorName));
        return isUnreachable(report->errorName) ? Unreachable : KafkaError;
    }
    if (context.json) {
        const QJsonObject o { { QStringLiteral("topic"), report->topic },
            { QStringLiteral("partition"), report->partition }, { QStringLiteral("offset"), qint64(report->offset) },
            { QStringLiteral("timestamp"), qint64(report->timestamp) },
            { QStringLiteral("partitioner"), partitioning::name(report->partitioner) } };
        write(stdout, QJsonDocument(o).toJson(QJsonDocument::Indented));
    } else {
        write(stdout,
            QStringLiteral("Wrote to %1 partition %2 at offset %3 (partitioner %4)\n")
                .arg(report->topic)
                .arg(report->partition)
                .arg(report->offset)
                .arg(partitioning::name(report->partitioner))
                .toUtf8());
    }
    std::fflush(stdout);
    return Ok;
}

} // namespace kafscope::cli
