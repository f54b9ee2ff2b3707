// The Live tab on the fake cluster (issue #6): the page builds the tail's options from what the user chose, shows
// what the consumer hands it in arrival order with its partition, says what the consumer says, and the producer
// panel sends through the cluster's producer and puts each delivery beside its prediction. No broker, no mock.
#include "../fakes/fakecluster.h"
#include "kafka/client/partitioners.h"
#include "models/deliverymodel.h"
#include "models/predictionmodel.h"
#include "models/recordfilterproxy.h"
#include "models/recordmodel.h"
#include "ui/livepage.h"
#include "ui/producerpanel.h"
#include "ui/settings.h"
#include "uitestutil.h"

#include <QHeaderView>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>

using namespace kafscope;
using kafscope::test::FakeCluster;
using kafscope::test::visibleLabelContaining;

namespace {

void script(FakeCluster& cluster)
{
    cluster.bootstrap = QStringLiteral("10.0.0.1:9092");
    cluster.metadataAnswer.brokers = { { 1, QStringLiteral("k1"), 9092, {} } };
    TopicInfo orders;
    orders.name = QStringLiteral("orders");
    for (int32_t p = 0; p < 6; ++p) {
        PartitionInfo info;
        info.partition = p;
        info.leader = 1;
        info.replicas = info.isr = { 1 };
        orders.partitions.append(info);
    }
    cluster.metadataAnswer.topics = { orders };
}

std::vector<Record> keyedRecords(int count)
{
    std::vector<Record> out;
    QHash<int32_t, int64_t> next;
    for (int i = 0; i < count; ++i) {
        const QByteArray key = "restaurant-" + QByteArray::number(i % 12 + 1);
        const QByteArray value = "{\"n\":" + QByteArray::number(i) + "}";
        const int32_t p = partitioning::predict(partitioning::Partitioner::ConsistentRandom, key, 6).partition;
        out.push_back(Record::make(p, next[p]++, 1700000000000 + i, TimestampType::CreateTime, key.constData(),
            int32_t(key.size()), value.constData(), int32_t(value.size())));
    }
    return out;
}

struct Fixture
{
    FakeCluster cluster;
    LivePage page { &cluster };
    Fixture()
    {
        script(cluster);
        page.resize(1200, 700);
        page.show();
        cluster.connectTo({ QStringLiteral("fake"), QStringLiteral("10.0.0.1:9092"), false });
    }
};

} // namespace

class TestLivePageFake : public QObject
{
    Q_OBJECT

private slots:
    void startBuildsTheTailsOptionsFromTheChoices()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        QVERIFY(f.page.startTailing(QStringLiteral("orders"), QStringLiteral("-50"), QStringLiteral("0-2,5")));
        auto* consumer = f.cluster.lastConsumer;
        QVERIFY(consumer);
        QCOMPARE(consumer->starts.size(), 1);
        const auto& options = consumer->starts.first();
        QCOMPARE(options.topic, QStringLiteral("orders"));
        QCOMPARE(options.bootstrap, QStringLiteral("10.0.0.1:9092"));
        QCOMPARE(options.partitions, (QList<int32_t> { 0, 1, 2, 5 }));
        QCOMPARE(options.start.kind, ConsumeStart::Kind::LastN);
        QCOMPARE(options.start.value, 50);
    }

    void badInputIsRefusedWithAReasonAndNothingStarts()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        QVERIFY(!f.page.startTailing(QStringLiteral("orders"), QStringLiteral("earliest"), QStringLiteral("7")));
        QVERIFY(visibleLabelContaining(&f.page, QStringLiteral("no partition 7")));
        QVERIFY(!f.page.startTailing(QStringLiteral("nope")));
        QVERIFY(visibleLabelContaining(&f.page, QStringLiteral("does not exist")));
        QVERIFY(f.cluster.lastConsumer->starts.isEmpty());
    }

    void recordsAppearInArrivalOrderWithTheirPartitionAndCounters()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        QVERIFY(f.page.startTailing(QStringLiteral("orders"), QStringLiteral("earliest")));
        f.cluster.lastConsumer->push(keyedRecords(300));
        QTRY_COMPARE(f.page.recordModel()->rowCount(), 300);
        for (int row = 0; row < 300; ++row) {
            const auto& r = f.page.recordModel()->record(row);
            QCOMPARE(r.partition(),
                partitioning::predict(partitioning::Partitioner::ConsistentRandom, r.key().toByteArray(), 6).partition);
            QCOMPARE(r.timestamp(), 1700000000000 + row); // arrival order
        }
        QVERIFY(visibleLabelContaining(&f.page, QStringLiteral("received 300 · shown 300 · evicted 0")));
    }

    void recordsStreamingInManySlicesAreAllShownWhenTheRepaintHoldEnds()
    {
        // Issue #6: while records stream, the table, strip and counters repaint at most every 100 ms; none is lost
        // and the last batch is shown.
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        QVERIFY(f.page.startTailing(QStringLiteral("orders"), QStringLiteral("earliest")));
        for (int i = 0; i < 20; ++i) {
            f.cluster.lastConsumer->push(keyedRecords(50));
            QTest::qWait(7); // a stream, not one burst: many drain slices
        }
        QTRY_COMPARE(f.page.recordModel()->rowCount(), 1000);
        QTRY_VERIFY(visibleLabelContaining(&f.page, QStringLiteral("received 1,000 · shown 1,000 · evicted 0")));
        auto* view = f.page.findChild<QTableView*>(QStringLiteral("recordView"));
        QTRY_VERIFY(view->updatesEnabled());
    }

    void theConsumersTroubleIsSaidInThePage()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        QVERIFY(f.page.startTailing(QStringLiteral("orders"), QStringLiteral("earliest")));
        f.cluster.lastConsumer->setStatus(ConsumerInterface::Status::Retrying,
            QStringLiteral("Broker 1 is down: retrying (records so far are kept)"));
        QVERIFY(visibleLabelContaining(&f.page, QStringLiteral("Broker 1 is down")));
    }

    void producerSendsThroughTheClustersProducerAndShowsDeliveryBesideThePrediction()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        auto* producer = f.page.producerPanel();
        producer->setTopic(QStringLiteral("orders"));
        producer->setKey(QStringLiteral("user-1"));
        producer->setPartitioner(partitioning::Partitioner::Murmur2Random);
        QVERIFY(producer->send());
        auto* fake = f.cluster.lastProducer;
        QVERIFY(fake);
        QCOMPARE(fake->options.bootstrap, QStringLiteral("10.0.0.1:9092"));
        QCOMPARE(fake->sent.size(), 1);
        QCOMPARE(*fake->sent.first().key, QByteArray("user-1"));
        QTRY_COMPARE(producer->deliveredCount(), 1);
        QCOMPARE(producer->predictionMatches(), 1); // murmur2("user-1") % 6 = 2, and the fake delivered there
        QTRY_VERIFY(visibleLabelContaining(producer, QStringLiteral("as predicted 1 of 1")));
        QCOMPARE(producer->deliveryModel()->rowCount(), 1);
        QCOMPARE(producer->deliveryModel()->index(0, DeliveryModel::ResultColumn).data().toString(),
            QStringLiteral("delivered, as predicted"));
        QVERIFY(producer->predictionModel()->chosen());
        QCOMPARE(producer->predictionModel()->chosen()->partition, 2);
    }

    void theSidePanelCanBeHiddenAndStaysHidden()
    {
        // Issue #6: at 1200 px the producer panel took half the window and the Value column was out of view.
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("kafscope.ini")));
        {
            Fixture f;
            f.page.restoreViewState(&settings);
            QVERIFY(f.page.isSidePanelVisible());
            f.page.setSidePanelVisible(false);
            QVERIFY(!f.page.isSidePanelVisible());
        }
        Fixture again;
        again.page.restoreViewState(&settings);
        QVERIFY(!again.page.isSidePanelVisible()); // remembered
        auto* view = again.page.findChild<QTableView*>(QStringLiteral("recordView"));
        QVERIFY(view);
        // Key and value come right after partition and offset, within the visible width.
        auto* header = view->horizontalHeader();
        QCOMPARE(header->visualIndex(RecordModel::KeyColumn), 2);
        QCOMPARE(header->visualIndex(RecordModel::ValueColumn), 3);
        QVERIFY(header->sectionViewportPosition(RecordModel::ValueColumn) + 100 < view->viewport()->width());
    }

    void viewStateIsSavedWhenTheUserDragsNotWhenCodeSizes()
    {
        QTemporaryDir dir;
        Settings settings(dir.filePath(QStringLiteral("kafscope.ini")));
        Fixture f;
        f.page.restoreViewState(&settings);
        auto* splitter = f.page.findChild<QSplitter*>(QStringLiteral("mainSplitter"));
        QVERIFY(splitter);
        QVERIFY(QTest::qWaitForWindowExposed(&f.page));
        splitter->setSizes({ 800, 400 }); // code: not the user's choice
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        QVERIFY(f.page.startTailing(QStringLiteral("orders"), QStringLiteral("earliest")));
        QVERIFY(settings.viewState(QStringLiteral("live/main")).isEmpty());
        QVERIFY(settings.viewState(QStringLiteral("live/records")).isEmpty());

        // The user drags the handle between the table and the side panel.
        auto* handle = splitter->handle(1);
        const QPoint from = handle->rect().center();
        QTest::mousePress(handle, Qt::LeftButton, {}, from);
        QTest::mouseMove(handle, from + QPoint(-120, 0));
        QTest::mouseRelease(handle, Qt::LeftButton, {}, from + QPoint(-120, 0));
        QTRY_VERIFY(!settings.viewState(QStringLiteral("live/main")).isEmpty());
        const auto sizes = splitter->sizes();

        Fixture again;
        again.page.restoreViewState(&settings);
        QCOMPARE(again.page.findChild<QSplitter*>(QStringLiteral("mainSplitter"))->sizes(), sizes);
    }

    void viewStateSavedByAnotherLayoutVersionIsNotRestored()
    {
        QTemporaryDir dir;
        const auto file = dir.filePath(QStringLiteral("kafscope.ini"));
        {
            QSettings raw(file, QSettings::IniFormat);
            raw.setValue(QStringLiteral("views/live/main"), QByteArray("old layout"));
            raw.setValue(QStringLiteral("views/live/main-version"), Settings::kWindowStateVersion + 1);
        }
        Settings settings(file);
        QVERIFY(settings.viewState(QStringLiteral("live/main")).isEmpty());
        settings.saveViewState(QStringLiteral("live/main"), QByteArray("new"));
        QCOMPARE(settings.viewState(QStringLiteral("live/main")), QByteArray("new"));
    }

    void aFailedDeliveryIsShownWithItsErrorName()
    {
        Fixture f;
        QTRY_COMPARE(f.cluster.state(), Cluster::State::Connected);
        auto* producer = f.page.producerPanel();
        producer->setTopic(QStringLiteral("orders"));
        producer->setKey(QStringLiteral("k"));
        QVERIFY(producer->send()); // makes the producer
        QTRY_COMPARE(producer->deliveredCount(), 1);
        f.cluster.lastProducer->answer = [](quint64 id, const ProduceRequest& request) {
            DeliveryReport r;
            r.id = id;
            r.topic = request.topic;
            r.errorCode = -192;
            r.errorName = QStringLiteral("_MSG_TIMED_OUT");
            r.errorMessage = QStringLiteral("Local: Message timed out");
            return r;
        };
        QVERIFY(producer->send());
        QTRY_COMPARE(producer->failedCount(), 1);
        QTRY_VERIFY(visibleLabelContaining(producer, QStringLiteral("Delivery failed: _MSG_TIMED_OUT")));
    }
};

KAFSCOPE_UI_TEST_MAIN(TestLivePageFake)
#include "test_livepage_fake.moc"
