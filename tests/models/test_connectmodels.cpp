// The Connect page's models (models/connectmodels.h): connectors of several Connect clusters merged by name (rows
// inserted, removed and updated in place, so a selection survives a refresh), the last known state of a worker that
// stopped answering, the clusters' rows, and one connector's tasks with their traces. Each starts with
// QAbstractItemModelTester.
#include "models/connectmodels.h"
#include "modeltestutil.h"

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace kafscope;
using kafscope::test::dumpColumn;
using kafscope::test::dumpHeader;
using kafscope::test::dumpModel;

namespace {

const QString kA = QStringLiteral("http://127.0.0.1:8083");
const QString kB = QStringLiteral("http://127.0.0.1:9083");

connect::ConnectorInfo connector(const QString& name, const QString& type, const QString& state,
    QList<connect::TaskStatus> tasks = {}, const QString& className = QStringLiteral("FileStreamSource"))
{
    connect::ConnectorInfo c;
    c.name = name;
    c.type = type;
    c.state = state;
    c.workerId = QStringLiteral("w1:8083");
    c.tasks = std::move(tasks);
    c.config.insert(QStringLiteral("connector.class"), QStringLiteral("org.apache.kafka.connect.file.") + className);
    return c;
}

connect::TaskStatus task(int id, const QString& state, const QString& trace = {})
{
    return connect::TaskStatus { id, state, QStringLiteral("w%1:8083").arg(id + 1), trace };
}

} // namespace

class ConnectModelsTest : public QObject
{
    Q_OBJECT

private slots:
    void connectorsOfTwoClustersMergeByName()
    {
        ConnectorModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(
            dumpHeader(model), QStringLiteral("Connector | Type | State | Tasks | Worker | Class | Connect cluster"));
        model.setConnectors(kA,
            { connector(QStringLiteral("orders-in"), QStringLiteral("source"), QStringLiteral("RUNNING"),
                  { task(0, QStringLiteral("RUNNING")), task(1, QStringLiteral("RUNNING")) }),
                connector(QStringLiteral("audit-out"), QStringLiteral("sink"), QStringLiteral("RUNNING"),
                    { task(0, QStringLiteral("FAILED"), QStringLiteral("java.io.IOException: disk full")) },
                    QStringLiteral("FileStreamSink")) });
        model.setConnectors(kB,
            { connector(QStringLiteral("orders-in"), QStringLiteral("source"), QStringLiteral("PAUSED"),
                { task(0, QStringLiteral("PAUSED")) }) });
        QCOMPARE(dumpModel(model),
            QStringLiteral("audit-out | sink | RUNNING | 1 of 1 failed | w1:8083 | FileStreamSink | %1\n"
                           "orders-in | source | RUNNING | 2/2 running | w1:8083 | FileStreamSource | %1\n"
                           "orders-in | source | PAUSED | 0/1 running | w1:8083 | FileStreamSource | %2")
                .arg(kA, kB));
        QCOMPARE(model.index(0, ConnectorModel::TasksColumn).data(Qt::ForegroundRole).value<QColor>(),
            ConnectorModel::stateColor(QStringLiteral("FAILED")));
        QCOMPARE(model.index(0, ConnectorModel::TasksColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("Task 0: FAILED on w1:8083"));
        QCOMPARE(model.index(1, ConnectorModel::ClassColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("org.apache.kafka.connect.file.FileStreamSource"));
        QCOMPARE(model.rowOf(kB, QStringLiteral("orders-in")), 2);

        // The next listing of A: audit-out gone, billing-in new, orders-in changed. The row of orders-in (on A) is
        // the same row throughout: its persistent index follows it, as a selection would.
        const QPersistentModelIndex orders = model.index(1, 0);
        const QPersistentModelIndex ordersOfB = model.index(2, 0);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setConnectors(kA,
            { connector(QStringLiteral("orders-in"), QStringLiteral("source"), QStringLiteral("RUNNING"),
                  { task(0, QStringLiteral("RUNNING")), task(1, QStringLiteral("FAILED")) }),
                connector(QStringLiteral("billing-in"), QStringLiteral("source"), QStringLiteral("UNASSIGNED")) });
        QCOMPARE(resets.count(), 0);
        QCOMPARE(dumpColumn(model, ConnectorModel::NameColumn), QStringLiteral("billing-in, orders-in, orders-in"));
        QVERIFY(orders.isValid());
        QCOMPARE(orders.row(), 1);
        QCOMPARE(orders.data(ConnectorModel::ClusterRole).toString(), kA);
        QCOMPARE(model.index(1, ConnectorModel::TasksColumn).data().toString(), QStringLiteral("1 of 2 failed"));
        QCOMPARE(ordersOfB.row(), 2);
        QCOMPARE(model.index(0, ConnectorModel::TasksColumn).data().toString(), QStringLiteral("no tasks"));
        QVERIFY(changed.count() >= 1);

        // The same listing again changes nothing.
        changed.clear();
        model.setConnectors(kA,
            { connector(QStringLiteral("orders-in"), QStringLiteral("source"), QStringLiteral("RUNNING"),
                  { task(0, QStringLiteral("RUNNING")), task(1, QStringLiteral("FAILED")) }),
                connector(QStringLiteral("billing-in"), QStringLiteral("source"), QStringLiteral("UNASSIGNED")) });
        QCOMPARE(changed.count(), 0);

        // B is no longer a Connect cluster of the connection: its rows go.
        model.keepClusters({ kA });
        QCOMPARE(dumpColumn(model, ConnectorModel::ClusterColumn), QStringLiteral("%1, %1").arg(kA));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void aWorkerThatStopsAnsweringKeepsItsLastKnownState()
    {
        ConnectorModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConnectors(
            kA, { connector(QStringLiteral("in"), QStringLiteral("source"), QStringLiteral("RUNNING")) });
        model.setConnectors(
            kB, { connector(QStringLiteral("out"), QStringLiteral("sink"), QStringLiteral("RUNNING")) });
        model.setStale(kA, true);
        QCOMPARE(model.index(0, ConnectorModel::StateColumn).data().toString(), QStringLiteral("RUNNING (last known)"));
        QCOMPARE(model.index(0, ConnectorModel::StateColumn).data(ConnectorModel::StateRole).toString(),
            QStringLiteral("RUNNING"));
        QVERIFY(model.index(0, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("did not answer")));
        QCOMPARE(model.index(1, ConnectorModel::StateColumn).data().toString(), QStringLiteral("RUNNING"));
        // It answers again: the rows are current again.
        model.setConnectors(
            kA, { connector(QStringLiteral("in"), QStringLiteral("source"), QStringLiteral("PAUSED")) });
        QCOMPARE(model.index(0, ConnectorModel::StateColumn).data().toString(), QStringLiteral("PAUSED"));
        QVERIFY(!model.row(0)->stale);
    }

    void aSortingProxyStaysRightThroughMerges()
    {
        ConnectorModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ConnectorModel::SortRole);
        proxy.sort(ConnectorModel::TasksColumn, Qt::DescendingOrder);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConnectors(kA,
            { connector(QStringLiteral("a"), QStringLiteral("source"), QStringLiteral("RUNNING"),
                  { task(0, QStringLiteral("RUNNING")) }),
                connector(QStringLiteral("b"), QStringLiteral("source"), QStringLiteral("RUNNING"),
                    { task(0, QStringLiteral("FAILED")) }) });
        QCOMPARE(dumpColumn(proxy, ConnectorModel::NameColumn), QStringLiteral("b, a"));
        model.setConnectors(kA,
            { connector(QStringLiteral("a"), QStringLiteral("source"), QStringLiteral("RUNNING"),
                  { task(0, QStringLiteral("FAILED")), task(1, QStringLiteral("FAILED")) }),
                connector(QStringLiteral("b"), QStringLiteral("source"), QStringLiteral("RUNNING"),
                    { task(0, QStringLiteral("RUNNING")) }),
                connector(QStringLiteral("c"), QStringLiteral("sink"), QStringLiteral("RUNNING"),
                    { task(0, QStringLiteral("FAILED")) }) });
        QCOMPARE(dumpColumn(proxy, ConnectorModel::NameColumn), QStringLiteral("a, c, b"));
    }

    void clustersSayWhetherTheirWorkerAnswers()
    {
        ConnectClusterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setUrls({ kA, kB });
        QCOMPARE(dumpColumn(model, ConnectClusterModel::StatusColumn), QStringLiteral("Asking…, Asking…"));
        model.setRow(
            { kA, connect::WorkerInfo { QStringLiteral("4.1.2"), QStringLiteral("c82f"), QStringLiteral("Qnz3") }, {},
                { QStringLiteral("w1:8083"), QStringLiteral("w2:8083") }, 3, {} });
        model.setRow({ kB, std::nullopt,
            QStringLiteral("The Connect worker http://127.0.0.1:9083 cannot be reached: Connection refused."), {}, -1,
            {} });
        QCOMPARE(dumpModel(model),
            QStringLiteral("%1 | OK | 4.1.2 | Qnz3 | w1:8083, w2:8083 | 3\n%2 | Not answering |  |  |  | ")
                .arg(kA, kB));
        QVERIFY(model.index(1, ConnectClusterModel::StatusColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Connection refused")));
        // The known rows stay when the URLs are given again; a URL no longer given goes.
        model.setUrls({ kA });
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, ConnectClusterModel::ConnectorsColumn).data().toInt(), 3);
        model.setRow({ QStringLiteral("http://elsewhere:1"), std::nullopt, {}, {}, 1, {} }); // not listed: ignored
        QCOMPARE(model.rowCount(), 1);
    }

    void tasksWithTheConnectorFirstAndTracesInOneLine()
    {
        ConnectTaskModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dumpHeader(model), QStringLiteral("Task | State | Worker | Error"));
        auto c = connector(QStringLiteral("out"), QStringLiteral("sink"), QStringLiteral("RUNNING"),
            { task(0, QStringLiteral("RUNNING")),
                task(1, QStringLiteral("FAILED"),
                    QStringLiteral("org.apache.kafka.connect.errors.ConnectException: Couldn't find or create file\n"
                                   "\tat X.y(X.java:1)\nCaused by: java.nio.file.NoSuchFileException: /x\n")) });
        model.setConnector(c);
        QCOMPARE(dumpModel(model),
            QStringLiteral("connector | RUNNING | w1:8083 | \n0 | RUNNING | w1:8083 | \n1 | FAILED | w2:8083 | "
                           "ConnectException: Couldn't find or create file (root cause: NoSuchFileException: /x)"));
        QCOMPARE(model.taskId(0), -1);
        QCOMPARE(model.taskId(2), 1);
        QVERIFY(model.index(2, 0).data(ConnectTaskModel::TraceRole).toString().contains(QStringLiteral("X.java:1")));
        // A refresh with the same tasks updates in place; another count resets; none empties.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        c.tasks[1].state = QStringLiteral("RUNNING");
        c.tasks[1].trace.clear();
        model.setConnector(c);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.index(2, ConnectTaskModel::StateColumn).data().toString(), QStringLiteral("RUNNING"));
        model.setConnector(std::nullopt);
        QCOMPARE(model.rowCount(), 0);
    }
};

KAFSCOPE_MODEL_TEST_MAIN(ConnectModelsTest)
#include "test_connectmodels.moc"
