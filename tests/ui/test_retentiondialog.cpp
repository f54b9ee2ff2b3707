// The Retention dialog on the fake cluster (issue #7): it starts from the topic's values, refuses bad input inline
// with nothing sent, sends only the values that change (validate-only first), says what the values mean, shows the
// topic's size on disk per broker and partition, and how much would be eligible for deletion.
#include "../fakes/fakecluster.h"
#include "ui/dialogs/retentiondialog.h"
#include "uitestutil.h"

#include <QSignalSpy>
#include <QStandardItemModel>

using namespace kafscope;
using kafscope::admin::SizeUnit;
using kafscope::admin::TimeUnit;
using kafscope::test::FakeCluster;

namespace {

ConfigEntry entry(const QString& name, const QString& value, ConfigSource source)
{
    ConfigEntry e;
    e.name = name;
    e.value = value;
    e.source = source;
    return e;
}

struct Fixture
{
    FakeCluster cluster;
    explicit Fixture(const QString& policy = QStringLiteral("delete"))
    {
        cluster.metadataAnswer.brokers
            = { { 1, QStringLiteral("k1"), 9092, {} }, { 2, QStringLiteral("k2"), 9092, {} } };
        TopicInfo orders;
        orders.name = QStringLiteral("orders");
        for (int p = 0; p < 2; ++p) {
            PartitionInfo info;
            info.partition = p;
            info.leader = p + 1;
            info.replicas = { p + 1, 2 - p };
            info.isr = info.replicas;
            orders.partitions.append(info);
        }
        cluster.metadataAnswer.topics = { orders };
        ConfigResourceResult configs;
        configs.type = ConfigResourceType::Topic;
        configs.name = QStringLiteral("orders");
        configs.entries = { entry(QStringLiteral("retention.ms"), QStringLiteral("604800000"), ConfigSource::Default),
            entry(QStringLiteral("retention.bytes"), QStringLiteral("-1"), ConfigSource::Default),
            entry(QStringLiteral("cleanup.policy"), policy, ConfigSource::DynamicTopic),
            entry(QStringLiteral("min.insync.replicas"), QStringLiteral("2"), ConfigSource::DynamicTopic) };
        cluster.configAnswers.insert(FakeCluster::configKey(ConfigResourceType::Topic, configs.name), configs);
        // Partition 0: offsets 0..1000, 1 MiB on its leader (broker 1); partition 1: 0..500, 2 MiB on broker 2.
        cluster.offsetsAtAnswer = [](const QString& topic, int64_t timestamp) {
            OffsetsAt r;
            const int64_t p0 = timestamp == -2 ? 0 : timestamp == -1 ? 1000 : 400; // the cut-off: 400 older
            const int64_t p1 = timestamp == -2 ? 0 : timestamp == -1 ? 500 : -1; // every record older
            r.offsets = { { topic, 0, 0, p0, -1, -1 }, { topic, 1, 0, p1, -1, -1 } };
            return AdminResult<OffsetsAt>::success(r);
        };
        protocol::BrokerLogDirs one { 1, {}, {} };
        protocol::LogDirResult dir1;
        dir1.logDir = QStringLiteral("/data/one");
        dir1.topics = { { QStringLiteral("orders"), { { 0, 1 << 20, 0, false }, { 1, 2 << 20, 5, false } } } };
        one.dirs = { dir1 };
        protocol::BrokerLogDirs two { 2, {}, {} };
        protocol::LogDirResult dir2;
        dir2.logDir = QStringLiteral("/data/two");
        dir2.topics = { { QStringLiteral("orders"), { { 0, 1 << 20, 0, false }, { 1, 2 << 20, 0, false } } } };
        two.dirs = { dir2 };
        protocol::BrokerLogDirs down { 3, QStringLiteral("Connection refused"), {} };
        cluster.logDirsAnswer = AdminResult<QList<protocol::BrokerLogDirs>>::success({ one, two, down });
        cluster.connectTo({ QStringLiteral("fake"), QStringLiteral("127.0.0.1:9092"), false });
    }
};

} // namespace

class TestRetentionDialog : public QObject
{
    Q_OBJECT

private slots:
    void startsFromTheTopicsValuesAndShowsItsDiskUsage()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        f.cluster.refresh();
        QTRY_VERIFY(f.cluster.metadata().topic(QStringLiteral("orders")));
        RetentionDialog dialog(&f.cluster, QStringLiteral("orders"));
        QTRY_VERIFY(dialog.isLoaded());
        QCOMPARE(f.cluster.logDirsRequests, (QList<QStringList> { { QStringLiteral("orders") } }));
        QVERIFY2(dialog.meaningText().contains(QStringLiteral("older than 7 days")), qPrintable(dialog.meaningText()));
        QTRY_COMPARE(dialog.diskModel()->rowCount(), 4); // 2 partitions x 2 replicas
        QVERIFY2(dialog.diskText().contains(QStringLiteral("6 MiB in 4 replica(s) of 2 partition(s) on 2 broker(s)")),
            qPrintable(dialog.diskText()));
        QVERIFY(dialog.diskText().contains(QStringLiteral("(the leaders') is 3 MiB")));
        QVERIFY(dialog.diskText().contains(QStringLiteral("broker 3: Connection refused")));
        // Nothing is older than 7 days in the fake's script until the cut-off answer says so: 400 + 500 records.
        QTRY_VERIFY2(
            dialog.eligibleText().contains(QStringLiteral("about 900 record(s)")), qPrintable(dialog.eligibleText()));
        QVERIFY(f.cluster.offsetsAtRequests.size() >= 3);
        test::saveScreenshot(&dialog, QStringLiteral("retention.png"));
    }

    void badInputIsRefusedInlineAndNothingIsSent_data()
    {
        QTest::addColumn<QString>("time");
        QTest::addColumn<QString>("size");
        QTest::addColumn<QString>("reason");
        QTest::newRow("time not a number")
            << QStringLiteral("a week") << QStringLiteral("-1") << QStringLiteral("must be a number");
        QTest::newRow("time below -1") << QStringLiteral("-2") << QStringLiteral("-1")
                                       << QStringLiteral("cannot be negative");
        QTest::newRow("size not a number")
            << QStringLiteral("7") << QStringLiteral("big") << QStringLiteral("Retention size must be a number");
    }

    void badInputIsRefusedInlineAndNothingIsSent()
    {
        QFETCH(QString, time);
        QFETCH(QString, size);
        QFETCH(QString, reason);
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        RetentionDialog dialog(&f.cluster, QStringLiteral("orders"));
        QTRY_VERIFY(dialog.isLoaded());
        dialog.setTime(time, TimeUnit::Days);
        dialog.setSize(size, SizeUnit::GiB);
        QVERIFY(!dialog.canApply());
        QVERIFY2(dialog.message().contains(reason), qPrintable(dialog.message()));
        dialog.apply();
        QVERIFY(f.cluster.alterRequests.isEmpty());
    }

    void onlyTheValuesThatChangeAreSentValidateOnlyFirst()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        RetentionDialog dialog(&f.cluster, QStringLiteral("orders"));
        QSignalSpy changed(&dialog, &RetentionDialog::retentionChanged);
        QTRY_VERIFY(dialog.isLoaded());
        dialog.setTime(QStringLiteral("1"), TimeUnit::Days);
        QVERIFY(dialog.canApply());
        dialog.apply();
        QTRY_COMPARE(f.cluster.alterRequests.size(), 2);
        QVERIFY(f.cluster.alterRequests[0].second);
        QVERIFY(!f.cluster.alterRequests[1].second);
        const auto& configs = f.cluster.alterRequests[1].first.configs;
        QCOMPARE(configs.size(), 1); // cleanup.policy, retention.bytes and min.insync.replicas are left alone
        QCOMPARE(configs[0].name, QStringLiteral("retention.ms"));
        QCOMPARE(configs[0].operation, protocol::ConfigOperation::Set);
        QCOMPARE(configs[0].value, std::optional<QString>(QStringLiteral("86400000")));
        QTRY_COMPARE(changed.count(), 1);
    }

    void theSizeLimitAndTheCleanupPolicyChangeTheEstimate()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        f.cluster.refresh();
        QTRY_VERIFY(f.cluster.metadata().topic(QStringLiteral("orders")));
        RetentionDialog dialog(&f.cluster, QStringLiteral("orders"));
        QTRY_VERIFY(dialog.isLoaded());
        QTRY_COMPARE(dialog.diskModel()->rowCount(), 4);
        dialog.setTime(QStringLiteral("-1"), TimeUnit::Days); // forever: only the size rule
        dialog.setSize(QStringLiteral("1"), SizeUnit::MiB); // partition 1 (2 MiB) loses half of its 500 records
        QTRY_VERIFY2(
            dialog.eligibleText().contains(QStringLiteral("about 250 record(s)")), qPrintable(dialog.eligibleText()));
        QVERIFY(dialog.meaningText().contains(QStringLiteral("per partition")));
        dialog.setCleanupPolicy(QStringLiteral("compact"));
        QVERIFY(dialog.eligibleText().contains(QStringLiteral("compaction only")));
        QVERIFY(dialog.meaningText().contains(QStringLiteral("only the latest per key")));
        QString error;
        const auto changes = dialog.changes(&error);
        QVERIFY(changes.has_value());
        QCOMPARE(changes->size(), 3);
    }
};

KAFSCOPE_UI_TEST_MAIN(TestRetentionDialog)
#include "test_retentiondialog.moc"
