// The configs editor on the fake cluster (issue #7): bad values are refused inline with nothing sent; changes are
// previewed in words, checked validate-only, then sent as exactly the operations lined up; the broker's refusal is
// shown with its Kafka error name and the changes stay; read-only connections and the demo send nothing.
#include "../fakes/fakecluster.h"
#include "models/configeditmodel.h"
#include "ui/brokerspage.h"
#include "ui/dialogs/configeditordialog.h"
#include "ui/dialogs/createtopicdialog.h"
#include "ui/dialogs/deletetopicdialog.h"
#include "ui/topicspage.h"
#include "uitestutil.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>

using namespace kafscope;
using kafscope::test::FakeCluster;

namespace {

ConfigEntry entry(const QString& name, const QString& value, ConfigSource source, int8_t type)
{
    ConfigEntry e;
    e.name = name;
    e.value = value;
    e.source = source;
    e.configType = type;
    return e;
}

struct Fixture
{
    FakeCluster cluster;
    explicit Fixture(bool readOnly = false, bool demo = false)
    {
        cluster.metadataAnswer.brokers
            = { { 1, QStringLiteral("k1"), 9092, {} }, { 2, QStringLiteral("k2"), 9092, {} } };
        TopicInfo orders;
        orders.name = QStringLiteral("orders");
        orders.partitions.resize(3);
        cluster.metadataAnswer.topics = { orders };
        ConfigResourceResult topic;
        topic.type = ConfigResourceType::Topic;
        topic.name = QStringLiteral("orders");
        auto retention
            = entry(QStringLiteral("retention.ms"), QStringLiteral("3600000"), ConfigSource::DynamicTopic, 5);
        retention.synonyms
            = { { QStringLiteral("retention.ms"), QStringLiteral("3600000"), false, ConfigSource::DynamicTopic },
                  { QStringLiteral("log.retention.hours"), QStringLiteral("168"), false, ConfigSource::Default } };
        retention.documentation = QStringLiteral("How long records are kept before they are deleted.");
        topic.entries
            = { retention, entry(QStringLiteral("cleanup.policy"), QStringLiteral("delete"), ConfigSource::Default, 7),
                  entry(QStringLiteral("min.insync.replicas"), QStringLiteral("1"), ConfigSource::Default, 3) };
        cluster.configAnswers.insert(FakeCluster::configKey(ConfigResourceType::Topic, topic.name), topic);
        ConfigResourceResult defaults;
        defaults.type = ConfigResourceType::Broker;
        defaults.entries = { entry(
            QStringLiteral("log.retention.ms"), QStringLiteral("86400000"), ConfigSource::DynamicDefaultBroker, 5) };
        cluster.configAnswers.insert(FakeCluster::configKey(ConfigResourceType::Broker, QString()), defaults);
        ConnectionProfile profile { QStringLiteral("fake"), QStringLiteral("127.0.0.1:9092"), demo };
        profile.readOnly = readOnly;
        cluster.connectTo(profile);
    }
};

} // namespace

class TestConfigEditorDialog : public QObject
{
    Q_OBJECT

private slots:
    void badValuesAreRefusedInlineAndNothingIsSent_data()
    {
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("reason");
        QTest::newRow("retention not a number")
            << QStringLiteral("retention.ms") << QStringLiteral("a week") << QStringLiteral("whole number");
        QTest::newRow("int out of range")
            << QStringLiteral("min.insync.replicas") << QStringLiteral("99999999999") << QStringLiteral("outside");
        QTest::newRow("no config selected") << QString() << QStringLiteral("1") << QStringLiteral("Select a config");
    }

    void badValuesAreRefusedInlineAndNothingIsSent()
    {
        QFETCH(QString, config);
        QFETCH(QString, value);
        QFETCH(QString, reason);
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        ConfigEditorDialog dialog(&f.cluster, ConfigResourceType::Topic, QStringLiteral("orders"));
        dialog.show();
        QTRY_VERIFY(dialog.isLoaded());
        const auto error = dialog.lineUpValue(config, value);
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY(!dialog.canApply());
        dialog.apply();
        QVERIFY(f.cluster.alterRequests.isEmpty());
    }

    void valuesAreTypedIntoTheFieldAndTheRefusalIsShown()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        ConfigEditorDialog dialog(&f.cluster, ConfigResourceType::Topic, QStringLiteral("orders"));
        dialog.show();
        QTRY_VERIFY(dialog.isLoaded());
        dialog.selectConfig(QStringLiteral("retention.ms"));
        auto* edit = test::child<QLineEdit>(&dialog, "valueEdit");
        QCOMPARE(edit->text(), QStringLiteral("3600000")); // starts from the value in force
        edit->setText(QStringLiteral("soon"));
        test::child<QPushButton>(&dialog, "setButton")->click();
        QVERIFY2(dialog.message().contains(QStringLiteral("whole number")), qPrintable(dialog.message()));
        QVERIFY(!dialog.model()->hasChanges());
        // The documentation of the selected config is shown beside the table.
        QVERIFY(test::child<QLabel>(&dialog, "docLabel")->text().contains(QStringLiteral("How long records are kept")));
    }

    void changesArePreviewedCheckedThenSentAsLinedUp()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        ConfigEditorDialog dialog(&f.cluster, ConfigResourceType::Topic, QStringLiteral("orders"));
        QSignalSpy changed(&dialog, &ConfigEditorDialog::configsChanged);
        dialog.show();
        QTRY_VERIFY(dialog.isLoaded());
        QCOMPARE(dialog.lineUpValue(QStringLiteral("cleanup.policy"), QStringLiteral("compact")), QString());
        QCOMPARE(dialog.lineUpReset(QStringLiteral("retention.ms")), QString());
        QVERIFY2(dialog.changesText().contains(QStringLiteral("cleanup.policy: delete → compact")),
            qPrintable(dialog.changesText()));
        QVERIFY2(dialog.changesText().contains(QStringLiteral("retention.ms: 3600000 (1 h) → back to 168 (7 days)")),
            qPrintable(dialog.changesText()));
        QVERIFY(f.cluster.alterRequests.isEmpty()); // nothing before Apply
        QVERIFY(dialog.canApply());
        test::saveScreenshot(&dialog, QStringLiteral("configeditor.png"));
        dialog.apply();
        QTRY_COMPARE(f.cluster.alterRequests.size(), 2);
        QVERIFY(f.cluster.alterRequests[0].second); // validate-only first
        QVERIFY(!f.cluster.alterRequests[1].second);
        const auto& sent = f.cluster.alterRequests[1].first;
        QCOMPARE(sent.type, ConfigResourceType::Topic);
        QCOMPARE(sent.name, QStringLiteral("orders"));
        QCOMPARE(sent.configs.size(), 2);
        QCOMPARE(sent.configs[0].name, QStringLiteral("cleanup.policy"));
        QCOMPARE(sent.configs[0].operation, protocol::ConfigOperation::Set);
        QCOMPARE(sent.configs[1].name, QStringLiteral("retention.ms"));
        QCOMPARE(sent.configs[1].operation, protocol::ConfigOperation::Delete);
        QTRY_COMPARE(changed.count(), 1);
        QVERIFY2(dialog.message().contains(QStringLiteral("Changed 2 config(s) of topic orders")),
            qPrintable(dialog.message()));
        QVERIFY(!dialog.model()->hasChanges());
    }

    void theBrokersRefusalIsShownWithItsErrorNameAndTheChangesStay()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        f.cluster.alterAnswer = [](const protocol::AlterConfigsResource&, bool) {
            return AdminResult<protocol::AlterConfigsResourceResponse>::failure(AdminError::kafka(40,
                QStringLiteral("Changing the configs of orders"), QStringLiteral("Invalid value -5 for retention.ms")));
        };
        ConfigEditorDialog dialog(&f.cluster, ConfigResourceType::Topic, QStringLiteral("orders"));
        dialog.show();
        QTRY_VERIFY(dialog.isLoaded());
        QCOMPARE(dialog.lineUpValue(QStringLiteral("retention.ms"), QStringLiteral("-5")), QString());
        dialog.apply();
        QTRY_VERIFY2(dialog.message().contains(QStringLiteral("INVALID_CONFIG")), qPrintable(dialog.message()));
        QVERIFY(dialog.message().contains(QStringLiteral("nothing was changed")));
        QCOMPARE(f.cluster.alterRequests.size(), 1); // only the validate-only check went out
        QVERIFY(dialog.model()->hasChanges());
        QVERIFY(dialog.canApply());
    }

    void theClusterDefaultsAreEditedAsTheEmptyBrokerName()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        ConfigEditorDialog dialog(&f.cluster, ConfigResourceType::Broker, QString());
        dialog.show();
        QTRY_VERIFY(dialog.isLoaded());
        QVERIFY(dialog.windowTitle().contains(QStringLiteral("cluster-wide broker defaults")));
        QCOMPARE(dialog.lineUpReset(QStringLiteral("log.retention.ms")), QString());
        dialog.apply();
        QTRY_COMPARE(f.cluster.alterRequests.size(), 2);
        QCOMPARE(f.cluster.alterRequests[1].first.type, ConfigResourceType::Broker);
        QCOMPARE(f.cluster.alterRequests[1].first.name, QString());
    }

    void aReadOnlyConnectionSendsNothingAndItsWriteActionsAreDisabled()
    {
        Fixture f(true);
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        ConfigEditorDialog dialog(&f.cluster, ConfigResourceType::Topic, QStringLiteral("orders"));
        dialog.show();
        QTRY_VERIFY(dialog.isLoaded()); // reading still works
        QVERIFY(dialog.message().contains(QStringLiteral("read-only")));
        dialog.lineUpValue(QStringLiteral("cleanup.policy"), QStringLiteral("compact"));
        QVERIFY(!dialog.canApply());
        dialog.apply();
        QVERIFY(f.cluster.alterRequests.isEmpty());

        CreateTopicDialog create(&f.cluster);
        create.setName(QStringLiteral("fresh"));
        QVERIFY(!create.canCreate());
        DeleteTopicDialog remove(&f.cluster, QStringLiteral("orders"));
        remove.setConfirmation(QStringLiteral("orders"));
        QVERIFY(!remove.canDelete());
        QVERIFY(remove.message().contains(QStringLiteral("read-only")));
        remove.deleteTopic();
        QVERIFY(f.cluster.deleteRequests.isEmpty());

        TopicsPage topics(&f.cluster);
        BrokersPage brokers(&f.cluster);
        f.cluster.refresh();
        QTRY_VERIFY(!topics.selectedTopic().isEmpty());
        for (auto* action : topics.writeActions()) {
            QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
            QVERIFY(action->toolTip().contains(QStringLiteral("read-only")));
        }
        QVERIFY(!brokers.editConfigsButton()->isEnabled());
        QVERIFY(!brokers.editDefaultsButton()->isEnabled());
    }

    void onAWritableConnectionThePagesWriteActionsAreEnabled()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        TopicsPage topics(&f.cluster);
        BrokersPage brokers(&f.cluster);
        f.cluster.refresh();
        QTRY_VERIFY(!topics.selectedTopic().isEmpty());
        for (auto* action : topics.writeActions())
            QVERIFY2(action->isEnabled(), qPrintable(action->objectName()));
        QTRY_VERIFY(brokers.editConfigsButton()->isEnabled());
        QVERIFY(brokers.editDefaultsButton()->isEnabled());
    }

    void theDemoSaysItServesNoWritesAndNamesTheWayToARealCluster()
    {
        Fixture f(false, true);
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        ConfigEditorDialog dialog(&f.cluster, ConfigResourceType::Topic, QStringLiteral("orders"));
        QVERIFY2(dialog.message().contains(QStringLiteral("scripts/run-demo --real")), qPrintable(dialog.message()));
        CreateTopicDialog create(&f.cluster);
        create.setName(QStringLiteral("fresh"));
        QVERIFY(!create.canCreate());
        DeleteTopicDialog remove(&f.cluster, QStringLiteral("orders"));
        QVERIFY(remove.message().contains(QStringLiteral("scripts/run-demo --real")));
    }
};

KAFSCOPE_UI_TEST_MAIN(TestConfigEditorDialog)
#include "test_configeditordialog.moc"
