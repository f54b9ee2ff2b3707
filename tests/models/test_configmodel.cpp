#include "models/configmodel.h"
#include "modeltestutil.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

using namespace kafscope;
using kafscope::test::dumpColumn;
using kafscope::test::dumpHeader;
using kafscope::test::dumpModel;

namespace {

ConfigEntry entry(const QString& name, const QString& value, ConfigSource source)
{
    ConfigEntry e;
    e.name = name;
    e.value = value;
    e.source = source;
    e.isDefault = source == ConfigSource::Default;
    return e;
}

// Entries in broker order (not sorted): the model sorts them by name.
ConfigResourceResult topicConfigs()
{
    ConfigResourceResult r;
    r.type = ConfigResourceType::Topic;
    r.name = QStringLiteral("orders");
    ConfigEntry retention
        = entry(QStringLiteral("retention.ms"), QStringLiteral("86400000"), ConfigSource::DynamicTopic);
    retention.documentation = QStringLiteral("How long a log is retained <before> deletion.");
    retention.synonyms
        = { { QStringLiteral("retention.ms"), QStringLiteral("86400000"), false, ConfigSource::DynamicTopic },
              { QStringLiteral("log.retention.hours"), QStringLiteral("168"), false, ConfigSource::StaticBroker } };
    ConfigEntry password = entry(QStringLiteral("ssl.key.password"), {}, ConfigSource::DynamicTopic);
    password.valueIsNull = true; // brokers never send sensitive values
    password.isSensitive = true;
    password.synonyms = { { QStringLiteral("ssl.key.password"), {}, true, ConfigSource::DynamicTopic } };
    ConfigEntry policy = entry(QStringLiteral("cleanup.policy"), QStringLiteral("delete"), ConfigSource::Default);
    ConfigEntry leader = entry(QStringLiteral("leader.replication.throttled.replicas"), {}, ConfigSource::Default);
    leader.valueIsNull = true;
    ConfigEntry version
        = entry(QStringLiteral("message.format.version"), QStringLiteral("3.0-IV1"), ConfigSource::StaticBroker);
    version.readOnly = true;
    r.entries = { retention, password, policy, leader, version };
    return r;
}

} // namespace

class TestConfigModel : public QObject
{
    Q_OBJECT
private slots:
    void showsEntriesSortedByName()
    {
        ConfigModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dumpHeader(model), QStringLiteral("Name | Value | Source | Default | Read-only"));

        model.setConfigs(topicConfigs());
        QCOMPARE(dumpModel(model),
            QStringLiteral("cleanup.policy | delete | default | default | \n"
                           "leader.replication.throttled.replicas | (null) | default | default | \n"
                           "message.format.version | 3.0-IV1 | server.properties | overridden | read-only\n"
                           "retention.ms | 86400000 | topic override | overridden | \n"
                           "ssl.key.password | (sensitive) | topic override | overridden | "));
        QCOMPARE(model.entry(3).name, QStringLiteral("retention.ms"));
        QCOMPARE(model.configs().name, QStringLiteral("orders"));
        QCOMPARE(
            dumpColumn(model, 0, ConfigModel::IsSensitiveRole), QStringLiteral("false, false, false, false, true"));
        // The sort value of a hidden or null value is a null string, never the "(sensitive)" placeholder.
        QCOMPARE(model.index(4, ConfigModel::ValueColumn).data(ConfigModel::SortRole).toString(), QString());
        QCOMPARE(model.index(0, ConfigModel::ReadOnlyColumn).data(ConfigModel::SortRole).typeId(), QMetaType::LongLong);
    }

    void overriddenRowsAreBold()
    {
        ConfigModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfigs(topicConfigs());

        QCOMPARE(dumpColumn(model, 0, ConfigModel::IsOverriddenRole), QStringLiteral("false, false, true, true, true"));
        QVERIFY(!model.index(0, ConfigModel::NameColumn).data(Qt::FontRole).isValid());
        QVERIFY(model.index(3, ConfigModel::ValueColumn).data(Qt::FontRole).value<QFont>().bold());
    }

    void toolTipShowsDocumentationAndSynonyms()
    {
        ConfigModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfigs(topicConfigs());

        QCOMPARE(model.index(3, ConfigModel::NameColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("<p>How long a log is retained &lt;before&gt; deletion.</p>"
                           "<p><b>Synonyms</b> (highest precedence first)<br/>"
                           "retention.ms = 86400000 (topic override)<br/>"
                           "log.retention.hours = 168 (server.properties)</p>"));
        QCOMPARE(model.index(4, ConfigModel::ValueColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("<p><b>Synonyms</b> (highest precedence first)<br/>"
                           "ssl.key.password = (sensitive) (topic override)</p>"));
        QVERIFY(!model.index(0, 0).data(Qt::ToolTipRole).isValid());
        QVERIFY(!model.headerData(ConfigModel::SourceColumn, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
    }

    void refreshUpdatesInPlaceAndOtherResourceResets()
    {
        ConfigModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ConfigResourceResult r = topicConfigs();
        model.setConfigs(r);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

        r.entries[0].value = QStringLiteral("3600000"); // retention.ms, row 3
        model.setConfigs(r);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes[0][0].toModelIndex(), model.index(3, 0));
        QCOMPARE(changes[0][1].toModelIndex(), model.index(3, ConfigModel::ColumnCount - 1));
        QCOMPARE(model.index(3, ConfigModel::ValueColumn).data().toString(), QStringLiteral("3600000"));

        r.name = QStringLiteral("payments");
        model.setConfigs(r);
        QCOMPARE(resets.size(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.size(), 2);
    }
};

KAFSCOPE_MODEL_TEST_MAIN(TestConfigModel)
#include "test_configmodel.moc"
