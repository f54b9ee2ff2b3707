// The Create topic dialog on the fake cluster (issue #7): every bad input is refused inline with nothing sent; a
// good one is checked with a validate-only request, then created; the broker's refusal is shown with its name.
#include "../fakes/fakecluster.h"
#include "ui/dialogs/createtopicdialog.h"
#include "uitestutil.h"

#include <QLabel>
#include <QSignalSpy>

using namespace kafscope;
using kafscope::test::FakeCluster;

namespace {

struct Fixture
{
    FakeCluster cluster;
    Fixture()
    {
        cluster.metadataAnswer.brokers = { { 1, QStringLiteral("k1"), 9092, {} }, { 2, QStringLiteral("k2"), 9092, {} },
            { 3, QStringLiteral("k3"), 9092, {} } };
        TopicInfo existing;
        existing.name = QStringLiteral("orders");
        existing.partitions.resize(1);
        cluster.metadataAnswer.topics = { existing };
        cluster.connectTo({ QStringLiteral("fake"), QStringLiteral("127.0.0.1:9092"), false });
    }
};

} // namespace

class TestCreateTopicDialog : public QObject
{
    Q_OBJECT

private slots:
    void badInputIsRefusedInlineAndNothingIsSent_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("replicationFactor");
        QTest::addColumn<QString>("retention");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty name") << QString() << 1 << QString() << QStringLiteral("Name the topic.");
        QTest::newRow("illegal character")
            << QStringLiteral("my topic") << 1 << QString() << QStringLiteral("only letters, digits");
        QTest::newRow("dot") << QStringLiteral(".") << 1 << QString() << QStringLiteral("cannot be named");
        QTest::newRow("too long") << QString(250, QLatin1Char('x')) << 1 << QString() << QStringLiteral("at most 249");
        QTest::newRow("exists") << QStringLiteral("orders") << 1 << QString() << QStringLiteral("already exists");
        QTest::newRow("rf 0") << QStringLiteral("fresh") << 0 << QString() << QStringLiteral("at least 1");
        QTest::newRow("rf above brokers")
            << QStringLiteral("fresh") << 4 << QString() << QStringLiteral("needs 4 brokers; the cluster has 3");
        QTest::newRow("retention not a number")
            << QStringLiteral("fresh") << 1 << QStringLiteral("a week") << QStringLiteral("number of milliseconds");
        QTest::newRow("retention below -1")
            << QStringLiteral("fresh") << 1 << QStringLiteral("-2") << QStringLiteral("number of milliseconds");
    }

    void badInputIsRefusedInlineAndNothingIsSent()
    {
        QFETCH(QString, name);
        QFETCH(int, replicationFactor);
        QFETCH(QString, retention);
        QFETCH(QString, reason);
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        CreateTopicDialog dialog(&f.cluster);
        dialog.show();
        dialog.setName(name);
        dialog.setReplicationFactor(replicationFactor);
        dialog.setRetentionMs(retention);
        QVERIFY(!dialog.canCreate());
        dialog.create(); // as if forced: still refused before sending
        QVERIFY2(dialog.message().contains(reason), qPrintable(dialog.message()));
        QVERIFY(f.cluster.createRequests.isEmpty());
    }

    void aGoodTopicIsCheckedThenCreated()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        CreateTopicDialog dialog(&f.cluster);
        dialog.show();
        QSignalSpy created(&dialog, &CreateTopicDialog::topicCreated);
        dialog.setName(QStringLiteral("payments"));
        dialog.setPartitions(6);
        dialog.setReplicationFactor(3);
        dialog.setRetentionMs(QStringLiteral("86400000"));
        QVERIFY(dialog.canCreate());
        dialog.create();
        QTRY_COMPARE(created.count(), 1);
        QCOMPARE(created.first().first().toString(), QStringLiteral("payments"));
        QCOMPARE(f.cluster.createRequests.size(), 2);
        QVERIFY(f.cluster.createRequests[0].validateOnly); // checked first
        QVERIFY(!f.cluster.createRequests[1].validateOnly);
        const auto& topic = f.cluster.createRequests[1].topics.first();
        QCOMPARE(topic.numPartitions, 6);
        QCOMPARE(topic.replicationFactor, 3);
        QCOMPARE(topic.configs.first().name, QStringLiteral("retention.ms"));
        QCOMPARE(*topic.configs.first().value, QStringLiteral("86400000"));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void checkSendsOnlyAValidateOnlyRequest()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        CreateTopicDialog dialog(&f.cluster);
        dialog.setName(QStringLiteral("payments"));
        dialog.check();
        QTRY_VERIFY(dialog.message().contains(QStringLiteral("would create payments")));
        QCOMPARE(f.cluster.createRequests.size(), 1);
        QVERIFY(f.cluster.createRequests[0].validateOnly);
    }

    void theBrokersRefusalIsShownWithItsErrorNameAndNothingIsCreated()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        f.cluster.createAnswer = [](const protocol::CreateTopicsRequest& request) {
            protocol::CreateTopicsResponse response;
            protocol::CreatableTopicResult r;
            r.name = request.topics.first().name;
            r.errorCode = 44; // POLICY_VIOLATION
            r.errorMessage = QStringLiteral("Topics must have at least 3 partitions");
            response.topics = { r };
            return AdminResult<protocol::CreateTopicsResponse>::success(response);
        };
        CreateTopicDialog dialog(&f.cluster);
        dialog.show();
        dialog.setName(QStringLiteral("payments"));
        dialog.setPartitions(1);
        dialog.create();
        QTRY_VERIFY2(dialog.message().contains(QStringLiteral("POLICY_VIOLATION")), qPrintable(dialog.message()));
        QVERIFY(dialog.message().contains(QStringLiteral("at least 3 partitions")));
        QCOMPARE(f.cluster.createRequests.size(), 1); // the validate-only request; the real one was never sent
        QVERIFY(dialog.isVisible());
    }

    void aWarningForMixingDotsAndUnderscoresDoesNotBlock()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        CreateTopicDialog dialog(&f.cluster);
        dialog.show();
        dialog.setName(QStringLiteral("team.events_v2"));
        QVERIFY(dialog.canCreate());
        QVERIFY(dialog.message().contains(QStringLiteral("collide")));
    }
};

KAFSCOPE_UI_TEST_MAIN(TestCreateTopicDialog)
#include "test_createtopicdialog.moc"
