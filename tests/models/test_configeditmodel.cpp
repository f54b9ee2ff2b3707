// The configs editor's model: changes lined up before anything is sent, checked against each config's type, listed in
// words, and turned into exactly the IncrementalAlterConfigs operations asked for.
#include "models/configeditmodel.h"
#include "modeltestutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace kafscope;
using kafscope::test::dumpHeader;

namespace {

ConfigEntry entry(const QString& name, const QString& value, ConfigSource source, int8_t type)
{
    ConfigEntry e;
    e.name = name;
    e.value = value;
    e.source = source;
    e.configType = type;
    e.isDefault = source == ConfigSource::Default;
    return e;
}

ConfigResourceResult topicConfigs()
{
    ConfigResourceResult r;
    r.type = ConfigResourceType::Topic;
    r.name = QStringLiteral("orders");
    auto retention = entry(QStringLiteral("retention.ms"), QStringLiteral("3600000"), ConfigSource::DynamicTopic, 5);
    retention.synonyms
        = { { QStringLiteral("retention.ms"), QStringLiteral("3600000"), false, ConfigSource::DynamicTopic },
              { QStringLiteral("log.retention.hours"), QStringLiteral("168"), false, ConfigSource::Default } };
    retention.documentation = QStringLiteral("How long records are kept.");
    auto policy = entry(QStringLiteral("cleanup.policy"), QStringLiteral("delete"), ConfigSource::Default, 7);
    auto unclean
        = entry(QStringLiteral("unclean.leader.election.enable"), QStringLiteral("false"), ConfigSource::Default, 1);
    auto version
        = entry(QStringLiteral("message.format.version"), QStringLiteral("3.0-IV1"), ConfigSource::StaticBroker, 2);
    version.readOnly = true;
    auto secret = entry(QStringLiteral("sasl.jaas.config"), {}, ConfigSource::DynamicTopic, 9);
    secret.valueIsNull = true;
    secret.isSensitive = true;
    r.entries = { retention, policy, unclean, version, secret };
    return r;
}

} // namespace

class TestConfigEditModel : public QObject
{
    Q_OBJECT
private slots:
    void showsValuesInWordsAndWhatAResetBrings()
    {
        ConfigEditModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConfigs(topicConfigs());
        QCOMPARE(dumpHeader(model), QStringLiteral("Name | Value | New value | Default | Source | Flags"));
        const int row = model.rowOf(QStringLiteral("retention.ms"));
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, ConfigEditModel::ValueColumn).data().toString(), QStringLiteral("3600000 (1 h)"));
        QCOMPARE(model.index(row, ConfigEditModel::ResetValueColumn).data().toString(), QStringLiteral("168 (7 days)"));
        QVERIFY(model.index(row, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("How long")));
        const int secret = model.rowOf(QStringLiteral("sasl.jaas.config"));
        QCOMPARE(model.index(secret, ConfigEditModel::ValueColumn).data().toString(), QStringLiteral("(sensitive)"));
        QCOMPARE(model.index(secret, ConfigEditModel::FlagsColumn).data().toString(), QStringLiteral("sensitive"));
        const int version = model.rowOf(QStringLiteral("message.format.version"));
        QCOMPARE(model.index(version, ConfigEditModel::FlagsColumn).data().toString(), QStringLiteral("read-only"));
        QVERIFY(!(model.flags(model.index(version, ConfigEditModel::NewValueColumn)) & Qt::ItemIsEditable));
        QVERIFY(model.flags(model.index(row, ConfigEditModel::NewValueColumn)) & Qt::ItemIsEditable);
    }

    void badValuesAreRefusedAndNothingIsLinedUp()
    {
        ConfigEditModel model;
        model.setConfigs(topicConfigs());
        QSignalSpy refused(&model, &ConfigEditModel::editRefused);
        const int row = model.rowOf(QStringLiteral("retention.ms"));
        QVERIFY(model.setValue(row, QStringLiteral("a week")).contains(QStringLiteral("whole number")));
        QVERIFY(!model.setData(model.index(row, ConfigEditModel::NewValueColumn), QStringLiteral("soon")));
        QCOMPARE(refused.count(), 1);
        QVERIFY(model.setValue(model.rowOf(QStringLiteral("unclean.leader.election.enable")), QStringLiteral("yes"))
                    .contains(QStringLiteral("true or false")));
        QVERIFY(model.setValue(model.rowOf(QStringLiteral("message.format.version")), QStringLiteral("3.9"))
                    .contains(QStringLiteral("read-only")));
        // cleanup.policy is inherited: nothing of this topic's own to delete.
        QVERIFY(model.reset(model.rowOf(QStringLiteral("cleanup.policy"))).contains(QStringLiteral("already")));
        QVERIFY(!model.hasChanges());
        QVERIFY(model.alterations().isEmpty());
    }

    void changesBecomeExactlyTheOperationsAskedFor()
    {
        ConfigEditModel model;
        model.setConfigs(topicConfigs());
        QSignalSpy changed(&model, &ConfigEditModel::changesChanged);
        QCOMPARE(
            model.setValue(model.rowOf(QStringLiteral("cleanup.policy")), QStringLiteral("compact,delete")), QString());
        QVERIFY(model.setData(
            model.index(model.rowOf(QStringLiteral("unclean.leader.election.enable")), ConfigEditModel::NewValueColumn),
            QStringLiteral("true")));
        QCOMPARE(model.reset(model.rowOf(QStringLiteral("retention.ms"))), QString());
        QCOMPARE(model.setValue(model.rowOf(QStringLiteral("sasl.jaas.config")), QStringLiteral("s3cret")), QString());
        QCOMPARE(changed.count(), 4);
        QCOMPARE(model.changeCount(), 4);

        const auto ops = model.alterations();
        QCOMPARE(ops.size(), 4);
        QCOMPARE(ops[0].name, QStringLiteral("cleanup.policy"));
        QCOMPARE(ops[0].operation, protocol::ConfigOperation::Set);
        QCOMPARE(ops[0].value, std::optional<QString>(QStringLiteral("compact,delete")));
        QCOMPARE(ops[1].name, QStringLiteral("retention.ms"));
        QCOMPARE(ops[1].operation, protocol::ConfigOperation::Delete);
        QVERIFY(!ops[1].value.has_value());
        QCOMPARE(ops[2].name, QStringLiteral("sasl.jaas.config"));
        QCOMPARE(ops[3].name, QStringLiteral("unclean.leader.election.enable"));
        QCOMPARE(ops[3].value, std::optional<QString>(QStringLiteral("true")));

        const auto lines = model.changeDescriptions().join(QLatin1Char('\n'));
        QVERIFY2(lines.contains(QStringLiteral("cleanup.policy: delete → compact,delete")), qPrintable(lines));
        QVERIFY2(
            lines.contains(QStringLiteral("retention.ms: 3600000 (1 h) → back to 168 (7 days)")), qPrintable(lines));
        QVERIFY2(!lines.contains(QStringLiteral("s3cret")), "a secret value appeared in the preview");
        QVERIFY(!model.index(model.rowOf(QStringLiteral("sasl.jaas.config")), ConfigEditModel::NewValueColumn)
                     .data()
                     .toString()
                     .contains(QStringLiteral("s3cret")));

        // Setting a value back to what it is drops the change; a reload keeps the others.
        model.setValue(model.rowOf(QStringLiteral("retention.ms")), QStringLiteral("3600000"));
        QCOMPARE(model.changeCount(), 3);
        model.setConfigs(topicConfigs());
        QCOMPARE(model.changeCount(), 3);
        model.undoChange(model.rowOf(QStringLiteral("cleanup.policy")));
        QCOMPARE(model.changeCount(), 2);
        model.revertAll();
        QVERIFY(!model.hasChanges());
    }

    void theClusterDefaultsResetTheirOwnValuesOnly()
    {
        ConfigResourceResult r;
        r.type = ConfigResourceType::Broker;
        r.name = QString(); // cluster-wide defaults
        r.entries = { entry(QStringLiteral("log.retention.ms"), QStringLiteral("86400000"),
                          ConfigSource::DynamicDefaultBroker, 5),
            entry(QStringLiteral("num.io.threads"), QStringLiteral("8"), ConfigSource::StaticBroker, 3) };
        ConfigEditModel model;
        model.setConfigs(r);
        QVERIFY(model.isResettable(model.rowOf(QStringLiteral("log.retention.ms"))));
        QVERIFY(!model.isResettable(model.rowOf(QStringLiteral("num.io.threads"))));
        QCOMPARE(model.index(model.rowOf(QStringLiteral("log.retention.ms")), 0).data(ConfigEditModel::OverriddenRole),
            QVariant(true));
    }
};

QTEST_MAIN(TestConfigEditModel)
#include "test_configeditmodel.moc"
