// kafscope-cli logdirs [--topic T]: every broker's log directories with the size of each partition replica
// (DescribeLogDirs, one request per broker). A broker that does not answer is reported on stderr and only its rows
// are missing; the exit code says so (3 unreachable, 4 a log dir in error).
#include "app/cli/cli.h"
#include "app/cli/common.h"
#include "app/cli/dataplane.h"
#include "app/cli/output.h"
#include "kafka/admin/configedit.h"
#include "kafka/protocol/adminclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kafscope::cli {

void addLogDirsOptions(QCommandLineParser& parser)
{
    parser.addOption(
        { QStringLiteral("topic"), QStringLiteral("Only this topic's partitions, repeatable."), QStringLiteral("T") });
}

int runLogDirs(const QCommandLineParser& parser, const CommandContext& context)
{
    const QStringList topics = parser.values(QStringLiteral("topic"));
    auto admin = adminClient(context);
    const auto r = awaitResult<QList<protocol::BrokerLogDirs>>([&](auto done) {
        admin->describeLogDirs(topics.isEmpty() ? std::nullopt : std::optional<QStringList>(topics), {}, done);
    });
    if (!r.ok())
        return adminFailure(r.error);
    int code = Ok;
    QJsonArray json;
    QList<QStringList> rows;
    for (const auto& broker : *r.value) {
        if (!broker.error.isEmpty()) {
            err() << "kafscope-cli: broker " << broker.broker << ": " << broker.error << Qt::endl;
            code = Unreachable;
            continue;
        }
        for (const auto& dir : broker.dirs) {
            if (dir.errorCode != 0) {
                err() << "kafscope-cli: "
                      << AdminError::kafka(dir.errorCode,
                             QStringLiteral("Log dir %1 of broker %2").arg(dir.logDir).arg(broker.broker))
                             .message
                      << Qt::endl;
                if (code == Ok)
                    code = KafkaError;
                continue;
            }
            for (const auto& topic : dir.topics) {
                for (const auto& p : topic.partitions) {
                    json.append(QJsonObject { { QStringLiteral("broker"), broker.broker },
                        { QStringLiteral("dir"), dir.logDir }, { QStringLiteral("topic"), topic.name },
                        { QStringLiteral("partition"), p.partition }, { QStringLiteral("size"), qint64(p.size) },
                        { QStringLiteral("offset_lag"), qint64(p.offsetLag) },
                        { QStringLiteral("future"), p.isFuture } });
                    rows.append({ QString::number(broker.broker), dir.logDir, topic.name, QString::number(p.partition),
                        QString::number(p.size), admin::formatBytes(p.size), QString::number(p.offsetLag),
                        p.isFuture ? QStringLiteral("yes") : QString() });
                }
            }
        }
    }
    if (context.json) {
        out() << QJsonDocument(json).toJson(QJsonDocument::Indented);
    } else {
        std::sort(rows.begin(), rows.end(), [](const QStringList& a, const QStringList& b) {
            if (a[2] != b[2])
                return a[2] < b[2];
            if (a[3].toInt() != b[3].toInt())
                return a[3].toInt() < b[3].toInt();
            return a[0].toInt() < b[0].toInt();
        });
        out() << formatTable({ QStringLiteral("BROKER"), QStringLiteral("DIR"), QStringLiteral("TOPIC"),
                                 QStringLiteral("PARTITION"), QStringLiteral("BYTES"), QStringLiteral("SIZE"),
                                 QStringLiteral("OFFSET_LAG"), QStringLiteral("FUTURE") },
            rows, { true, false, false, true, true, true, true, false });
    }
    out().flush();
    return code;
}

} // namespace kafscope::cli
