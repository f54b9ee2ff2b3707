// The topic dialogs on the real cluster (issue #7): what the fake cannot show. Add partitions samples the topic's keys
// with the real consumer and raises the count; Retention shows the real sizes on disk and the eligible estimate, and
// changes only the values that change; the configs editor sets and resets a config. The dialog logic is tested on
// the fake cluster (test_*dialog.cpp); this proves the wiring: ClusterSession, the admin thread and librdkafka.
#include "kafka/clustersession.h"
#include "kafka/protocol/adminclient.h"
#include "models/configeditmodel.h"
#include "models/groupmodel.h"
#include "ui/brokerspage.h"
#include "ui/dialogs/configeditordialog.h"
#include "ui/dialogs/deleterecordsdialog.h"
#include "ui/dialogs/electleadersdialog.h"
#include "ui/dialogs/partitioncountdialog.h"
#include "ui/dialogs/replicationdialog.h"
#include "ui/dialogs/retentiondialog.h"
#include "ui/pages/groupspage.h"
#include "uitestutil.h"

#include <QDateTime>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QStandardItemModel>
#include <QTimer>

using namespace kafscope;

namespace {

constexpr int kGuardMs = 60000;

QString bootstrap()
{
    return qEnvironmentVariable("KAFSCOPE_BOOTSTRAP");
}

QString uniqueTopic(const char* prefix)
{
    return QStringLiteral("%1-%2-%3")
        .arg(QLatin1String(prefix))
        .arg(QDateTime::currentMSecsSinceEpoch())
        .arg(QRandomGenerator::global()->bounded(100000));
}

template <typename T, typename Start> std::optional<AdminResult<T>> await(Start start)
{
    std::optional<AdminResult<T>> result;
    QEventLoop loop;
    QObject context;
    start(&context, [&](const AdminResult<T>& r) {
        result = r;
        loop.quit();
    });
    QTimer::singleShot(kGuardMs, &loop, &QEventLoop::quit);
    if (!result)
        loop.exec();
    return result;
}

} // namespace

class TestDialogsReal : public QObject
{
    Q_OBJECT

    std::unique_ptr<ClusterSession> m_session;

    // A topic with `partitions` partitions and `records` keyed records ("key-<i % keys>"), produced by the app's own
    // producer. Fails the test when the cluster refused (callers check QTest::currentTestFailed()).
    void makeTopic(const QString& name, int partitions, int records, int keys)
    {
        protocol::CreateTopicsRequest request;
        protocol::CreatableTopic topic;
        topic.name = name;
        topic.numPartitions = partitions;
        topic.replicationFactor = 2;
        request.topics = { topic };
        const auto created = await<protocol::CreateTopicsResponse>(
            [&](QObject* context, auto done) { m_session->createTopics(request, context, done); });
        QVERIFY(created.has_value());
        QVERIFY2(created->ok(), qPrintable(created->error.message));
        QCOMPARE(created->value->topics.value(0).errorCode, int16_t(0));
        // Metadata reaches every broker a moment after the controller wrote it.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                m_session->refresh();
                QTest::qWait(100);
                const auto* t = m_session->metadata().topic(name);
                return t && t->partitions.size() == partitions && t->offlineCount() == 0;
            }(),
            kGuardMs);
        ProducerOptions options;
        options.bootstrap = m_session->bootstrapServers();
        auto producer = m_session->createProducer(options);
        int delivered = 0;
        int failed = 0;
        connect(producer.get(), &ProducerInterface::delivered, this,
            [&](const DeliveryReport& report) { report.ok() ? ++delivered : ++failed; });
        for (int i = 0; i < records; ++i) {
            ProduceRequest r;
            r.topic = name;
            r.key = QByteArrayLiteral("key-") + QByteArray::number(i % keys);
            r.value = QByteArrayLiteral("value-") + QByteArray::number(i);
            r.partitioner = partitioning::Partitioner::Murmur2Random;
            producer->send(r);
        }
        QTRY_VERIFY_WITH_TIMEOUT(delivered + failed == records, kGuardMs);
        producer->shutdown();
        QCOMPARE(failed, 0);
    }

private slots:
    void initTestCase()
    {
        if (bootstrap().isEmpty()) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL("KAFSCOPE_BOOTSTRAP is not set: in CI the real cluster must run (scripts/test starts it)");
            QSKIP("no real cluster (not CI): run scripts/test, or set KAFSCOPE_BOOTSTRAP");
        }
        m_session = std::make_unique<ClusterSession>();
        m_session->connectTo({ QStringLiteral("real"), bootstrap(), false });
        QTRY_COMPARE_WITH_TIMEOUT(m_session->state(), Cluster::State::Connected, kGuardMs);
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->metadata().brokers.isEmpty(), kGuardMs);
    }

    void cleanupTestCase()
    {
        if (m_session)
            m_session->shutdown();
        m_session.reset();
    }

    void addPartitionsSamplesTheRealKeysAndRaisesTheCount()
    {
        const auto name = uniqueTopic("dialog-grow");
        makeTopic(name, 3, 600, 150);
        if (QTest::currentTestFailed())
            return;
        PartitionCountDialog dialog(m_session.get(), name);
        dialog.show();
        // Every partition reports its end: the sample is complete, not cut by the timeout.
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isSampling(), kGuardMs);
        QCOMPARE(dialog.sampledKeys(), 150);
        dialog.setCount(6);
        // At most the last 200 of each partition are read: fewer than the 600 written, every key still among them.
        QVERIFY2(dialog.movesText().contains(QStringLiteral("Of the 150 distinct keys in the last")),
            qPrintable(dialog.movesText()));
        test::saveScreenshot(&dialog, QStringLiteral("partitions-real.png"));
        dialog.apply();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kGuardMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                m_session->refresh();
                QTest::qWait(100);
                const auto* t = m_session->metadata().topic(name);
                return t && t->partitions.size() == 6;
            }(),
            kGuardMs);
    }

    void retentionShowsTheRealDiskAndChangesOnlyTheTime()
    {
        const auto name = uniqueTopic("dialog-retention");
        makeTopic(name, 2, 400, 40);
        if (QTest::currentTestFailed())
            return;
        m_session->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->metadata().topic(name), kGuardMs);
        RetentionDialog dialog(m_session.get(), name);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), kGuardMs);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.diskModel()->rowCount(), 4, kGuardMs); // 2 partitions x RF 2
        QVERIFY2(dialog.diskText().contains(QStringLiteral("in 4 replica(s) of 2 partition(s)")),
            qPrintable(dialog.diskText()));
        // A minute of retention: nothing is a minute old yet.
        dialog.setTime(QStringLiteral("1"), admin::TimeUnit::Minutes);
        QTRY_VERIFY2_WITH_TIMEOUT(
            dialog.eligibleText().contains(QStringLiteral("nothing")), qPrintable(dialog.eligibleText()), kGuardMs);
        test::saveScreenshot(&dialog, QStringLiteral("retention-real.png"));
        dialog.setTime(QStringLiteral("2"), admin::TimeUnit::Days);
        dialog.apply();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kGuardMs);
    }

    void theReplicationDialogRaisesTheFactorWithAThrottleAndRemovesIt()
    {
        const auto name = uniqueTopic("dialog-rf");
        makeTopic(name, 3, 300, 30);
        if (QTest::currentTestFailed())
            return;
        ReplicationDialog dialog(m_session.get(), name);
        dialog.show();
        dialog.setReplicationFactor(3);
        dialog.setThrottle(true, QStringLiteral("50"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog.canStart(), kGuardMs);
        dialog.start();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.phase(), ReplicationDialog::Phase::Done, kGuardMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                m_session->refresh();
                QTest::qWait(100);
                const auto* t = m_session->metadata().topic(name);
                return t && t->replicationFactor() == 3 && t->underReplicatedCount() == 0;
            }(),
            kGuardMs);
        // The throttle went with the end of the reassignment.
        std::optional<ConfigResourceResult> configs;
        auto connection
            = connect(m_session.get(), &Cluster::configsAvailable, this, [&](const ConfigResourceResult& r) {
                  if (r.name == name)
                      configs = r;
              });
        m_session->loadConfigs(ConfigResourceType::Topic, name);
        QTRY_VERIFY_WITH_TIMEOUT(configs.has_value(), kGuardMs);
        disconnect(connection);
        for (const auto& e : configs->entries)
            if (e.name.endsWith(QLatin1String(".replication.throttled.replicas")))
                QVERIFY2(e.source != ConfigSource::DynamicTopic, qPrintable(e.name + QLatin1Char('=') + e.value));
    }

    void theBrokersPageShowsTheRealQuorum()
    {
        BrokersPage page(m_session.get());
        m_session->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(page.quorumText().contains(QStringLiteral("KRaft quorum</b>")), kGuardMs);
        QCOMPARE(page.quorumText().count(QStringLiteral("<td>voter")), 3);
        QTRY_VERIFY_WITH_TIMEOUT(page.quorumText().contains(QStringLiteral("Fenced brokers: none")), kGuardMs);
    }

    void deleteRecordsAndAnElectionThroughTheSession()
    {
        const auto name = uniqueTopic("dialog-delete-records");
        makeTopic(name, 1, 50, 5);
        if (QTest::currentTestFailed())
            return;
        DeleteRecordsDialog dialog(m_session.get(), name);
        dialog.show();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), kGuardMs);
        QCOMPARE(dialog.model()->item(0, DeleteRecordsDialog::LatestColumn)->text(), QStringLiteral("50"));
        dialog.setBefore(0, QStringLiteral("20"));
        dialog.setConfirmation(name);
        QVERIFY(dialog.canDelete());
        dialog.deleteRecords();
        QTRY_VERIFY2_WITH_TIMEOUT(
            dialog.message().contains(QStringLiteral("0 → earliest 20")), qPrintable(dialog.message()), kGuardMs);

        ElectLeadersDialog elect(m_session.get(), name);
        QVERIFY(elect.canElect());
        elect.elect();
        QTRY_VERIFY2_WITH_TIMEOUT(
            elect.message().contains(QStringLiteral("needed none")), qPrintable(elect.message()), kGuardMs);
    }

    void theGroupsPageShowsARealGroupsLagAndItsPartitionWithoutOffset()
    {
        const auto name = uniqueTopic("dialog-groups");
        makeTopic(name, 3, 90, 30);
        if (QTest::currentTestFailed())
            return;
        const QString group = name + QStringLiteral("-group");
        // Commits as an admin, through the own admin client: partitions 0 and 1 at offset 1, partition 2 nothing.
        protocol::AdminClient admin(parseBootstrap(bootstrap()).addresses);
        std::optional<AdminResult<protocol::OffsetCommitResponse>> committed;
        admin.commitGroupOffsets(group, { { name, 0, 1, -1, {}, 0 }, { name, 1, 1, -1, {}, 0 } },
            [&](const AdminResult<protocol::OffsetCommitResponse>& r) { committed = r; });
        QTRY_VERIFY_WITH_TIMEOUT(committed.has_value(), kGuardMs);
        QVERIFY2(committed->ok(), qPrintable(committed->error.message));

        GroupsPage page(m_session.get());
        page.resize(1300, 700);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(page.groupModel()->rowOf(group) >= 0, kGuardMs);
        page.selectGroup(group);
        QTRY_COMPARE_WITH_TIMEOUT(page.lagModel()->rowCount(), 3, kGuardMs);
        const auto* topic = m_session->metadata().topic(name);
        QVERIFY(topic);
        int64_t expectedTotal = 0;
        for (int row = 0; row < 3; ++row) {
            const auto* p = page.lagModel()->partition(row);
            QVERIFY(p);
            QTRY_VERIFY_WITH_TIMEOUT(page.lagModel()->partition(row)->latest >= 0, kGuardMs);
            if (p->partition == 2) {
                QVERIFY(!p->committed);
                QVERIFY(!p->lag);
                QCOMPARE(
                    page.lagModel()->index(row, LagModel::LagColumn).data().toString(), QStringLiteral("no offset"));
            } else {
                QCOMPARE(p->committed.value_or(-1), 1);
                QCOMPARE(p->lag.value_or(-1), p->latest - 1);
                expectedTotal += p->latest - 1;
            }
        }
        QTRY_VERIFY_WITH_TIMEOUT(page.groupModel()->summary(page.groupModel()->rowOf(group)), kGuardMs);
        QCOMPARE(page.groupModel()->summary(page.groupModel()->rowOf(group))->totalLag.value_or(-1), expectedTotal);
        QVERIFY(page.detailInfoText().contains(QStringLiteral("Empty")));
        test::saveScreenshot(&page, QStringLiteral("groups-real.png"));
    }

    void theConfigsEditorSetsAndResetsAConfig()
    {
        const auto name = uniqueTopic("dialog-configs");
        makeTopic(name, 1, 1, 1);
        if (QTest::currentTestFailed())
            return;
        {
            ConfigEditorDialog dialog(m_session.get(), ConfigResourceType::Topic, name);
            dialog.show();
            QTRY_VERIFY_WITH_TIMEOUT(dialog.isLoaded(), kGuardMs);
            const int row = dialog.model()->rowOf(QStringLiteral("retention.ms"));
            QVERIFY(row >= 0);
            QVERIFY(!dialog.model()->entry(row).documentation.isEmpty()); // the broker's own docs
            QCOMPARE(dialog.lineUpValue(QStringLiteral("retention.ms"), QStringLiteral("7200000")), QString());
            dialog.apply();
            QTRY_VERIFY2_WITH_TIMEOUT(dialog.message().contains(QStringLiteral("Changed 1 config(s)")),
                qPrintable(dialog.message()), kGuardMs);
            // Read back from the brokers (the dialog reloads, once at once and once after the change settled).
            QTRY_VERIFY_WITH_TIMEOUT(dialog.model()->entry(dialog.model()->rowOf(QStringLiteral("retention.ms"))).value
                    == QStringLiteral("7200000"),
                kGuardMs);
            QCOMPARE(dialog.lineUpReset(QStringLiteral("retention.ms")), QString());
            dialog.apply();
            QTRY_VERIFY_WITH_TIMEOUT(dialog.model()->entry(dialog.model()->rowOf(QStringLiteral("retention.ms"))).source
                    != ConfigSource::DynamicTopic,
                kGuardMs);
        }
    }
};

KAFSCOPE_UI_TEST_MAIN(TestDialogsReal)
#include "test_dialogs_real.moc"
