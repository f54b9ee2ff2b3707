#pragma once
// What the kafscope-cli tests against the real cluster share: running the CLI, reading its JSON, polling with a
// guard, and a few lookups through the CLI itself (partitions, record counts, config values, throttles).
#include "realcluster.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QThread>
#include <functional>

namespace kafscope::clitest {

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline CliRun cli(QStringList args, bool withBootstrap = true)
{
    if (withBootstrap)
        args << QStringLiteral("--bootstrap") << kafscope::itest::bootstrap();
    QProcess process;
    process.start(QStringLiteral(KAFSCOPE_CLI_PATH), args);
    process.waitForFinished(120000);
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
        process.readAllStandardError() };
}

inline QJsonDocument json(const CliRun& run)
{
    QJsonParseError error;
    auto doc = QJsonDocument::fromJson(run.out, &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << run.out.toStdString();
    return doc;
}

// Metadata reaches every broker a moment after the controller wrote it: poll with a guard, never sleep a fixed time.
inline bool eventually(const std::function<bool()>& condition)
{
    for (int i = 0; i < 100; ++i) {
        if (condition())
            return true;
        QThread::msleep(100);
    }
    return false;
}

struct CliReal : ::testing::Test
{
    void SetUp() override { REQUIRE_REAL_CLUSTER(); }
};

inline QJsonArray describePartitions(const QString& topic)
{
    return json(cli({ QStringLiteral("describe"), topic, QStringLiteral("--json") }))
        .object()
        .value(QStringLiteral("partitions"))
        .toArray();
}

inline int consumedRecords(const QString& topic)
{
    const auto run = cli({ QStringLiteral("consume"), topic, QStringLiteral("--from"), QStringLiteral("earliest"),
        QStringLiteral("--end"), QStringLiteral("--json") });
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    return int(run.out.count('\n'));
}

// The value of a config of a broker or topic ("" when it is at its default, null or absent).
inline QString configValue(const QString& kind, const QString& name, const QString& key)
{
    const auto run = cli({ QStringLiteral("configs"), kind, name, QStringLiteral("--json") });
    for (const auto& v : json(run).array()) {
        const auto c = v.toObject();
        if (c.value(QStringLiteral("name")).toString() == key)
            return c.value(QStringLiteral("source")).toString() == QLatin1String("default")
                ? QString()
                : c.value(QStringLiteral("value")).toString();
    }
    return {};
}

inline bool throttleGone(const QString& topic)
{
    for (const auto* broker : { "1", "2", "3" })
        for (const auto* key : { "leader.replication.throttled.rate", "follower.replication.throttled.rate" })
            if (!configValue(QStringLiteral("broker"), QLatin1String(broker), QLatin1String(key)).isEmpty())
                return false;
    return configValue(QStringLiteral("topic"), topic, QStringLiteral("leader.replication.throttled.replicas"))
               .isEmpty()
        && configValue(QStringLiteral("topic"), topic, QStringLiteral("follower.replication.throttled.replicas"))
               .isEmpty();
}

} // namespace kafscope::clitest
