// The Delete topic dialog on the fake cluster (issue #7): nothing is sent until the name is typed exactly,
// internal topics are refused, the broker's refusal is shown with its error name.
#include "../fakes/fakecluster.h"
#include "ui/dialogs/deletetopicdialog.h"
#include "uitestutil.h"

#include <QSignalSpy>

using namespace kafscope;
using kafscope::test::FakeCluster;

namespace {

struct Fixture
{
    FakeCluster cluster;
    Fixture()
    {
        TopicInfo orders;
        orders.name = QStringLiteral("orders");
        orders.partitions.resize(6);
        TopicInfo offsets;
        offsets.name = QStringLiteral("__consumer_offsets");
        offsets.isInternal = true;
        offsets.partitions.resize(50);
        cluster.metadataAnswer.brokers = { { 1, QStringLiteral("k1"), 9092, {} } };
        cluster.metadataAnswer.topics = { orders, offsets };
        cluster.connectTo({ QStringLiteral("fake"), QStringLiteral("127.0.0.1:9092"), false });
    }
};

} // namespace

class TestDeleteTopicDialog : public QObject
{
    Q_OBJECT

private slots:
    void nothingIsSentUntilTheNameIsTypedExactly()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        DeleteTopicDialog dialog(&f.cluster, QStringLiteral("orders"));
        dialog.show();
        QVERIFY(test::visibleLabelContaining(&dialog, QStringLiteral("6 partition(s)")));
        QVERIFY(!dialog.canDelete());
        for (const char* typed : { "", "order", "Orders", "orders " }) {
            dialog.setConfirmation(QString::fromLatin1(typed));
            QVERIFY2(!dialog.canDelete(), typed);
        }
        dialog.deleteTopic(); // as if forced
        QVERIFY(dialog.message().contains(QStringLiteral("Type \"orders\" exactly")));
        QVERIFY(f.cluster.deleteRequests.isEmpty());

        QSignalSpy deleted(&dialog, &DeleteTopicDialog::topicDeleted);
        dialog.setConfirmation(QStringLiteral("orders"));
        QVERIFY(dialog.canDelete());
        dialog.deleteTopic();
        QTRY_COMPARE(deleted.count(), 1);
        QCOMPARE(f.cluster.deleteRequests, (QList<QStringList> { { QStringLiteral("orders") } }));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void internalTopicsAreRefused()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        DeleteTopicDialog dialog(&f.cluster, QStringLiteral("__consumer_offsets"));
        dialog.show();
        dialog.setConfirmation(QStringLiteral("__consumer_offsets"));
        QVERIFY(!dialog.canDelete());
        QVERIFY(dialog.message().contains(QStringLiteral("internal topics")));
        dialog.deleteTopic();
        QVERIFY(f.cluster.deleteRequests.isEmpty());
    }

    void theBrokersRefusalIsShownWithItsErrorName()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        f.cluster.deleteAnswer = [](const QStringList& names) {
            protocol::DeleteTopicsResponse response;
            response.results = { { names.first(), {}, 73 /* TOPIC_DELETION_DISABLED */,
                QStringLiteral("Topic deletion is disabled.") } };
            return AdminResult<protocol::DeleteTopicsResponse>::success(response);
        };
        DeleteTopicDialog dialog(&f.cluster, QStringLiteral("orders"));
        dialog.show();
        dialog.setConfirmation(QStringLiteral("orders"));
        dialog.deleteTopic();
        QTRY_VERIFY2(
            dialog.message().contains(QStringLiteral("TOPIC_DELETION_DISABLED")), qPrintable(dialog.message()));
        QVERIFY(dialog.isVisible());
    }
};

KAFSCOPE_UI_TEST_MAIN(TestDeleteTopicDialog)
#include "test_deletetopicdialog.moc"
