// The group models (models/groupmodel.h): the listing filled in as summaries arrive, members with their partitions,
// and per-partition lag where "no offset" is never lag 0. Each starts with QAbstractItemModelTester.
#include "models/groupmodel.h"
#include "modeltestutil.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace kafscope;
using kafscope::test::dumpHeader;
using kafscope::test::dumpModel;

namespace {

GroupListing listing(const QString& name, const QString& type, const QString& state, int32_t coordinator)
{
    return GroupListing { name, type, state,
        type == group_type::classic ? std::optional<QString>(QStringLiteral("consumer")) : std::nullopt, coordinator };
}

admin::GroupSummary summary(const GroupListing& g, int members, QStringList topics, std::optional<int64_t> lag,
    admin::LagStatus status = admin::LagStatus::Ok)
{
    admin::GroupSummary s;
    s.listing = g;
    s.described = true;
    s.memberCount = members;
    s.topics = std::move(topics);
    s.totalLag = lag;
    s.status = status;
    return s;
}

admin::PartitionLag row(const QString& topic, int32_t partition, std::optional<int64_t> committed, int64_t latest)
{
    admin::PartitionLag p;
    p.topic = topic;
    p.partition = partition;
    p.committed = committed;
    p.earliest = 0;
    p.latest = latest;
    if (committed && latest >= 0)
        p.lag = latest - *committed;
    p.status = committed ? admin::LagStatus::Ok : admin::LagStatus::NoOffset;
    return p;
}

} // namespace

class TestGroupModels : public QObject
{
    Q_OBJECT
private slots:
    void listingFillsInAsSummariesArrive()
    {
        ConsumerGroupModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dumpHeader(model),
            QStringLiteral("Group | Type | State | Members | Topics | Lag | Status | Coordinator | Protocol type"));
        const auto payments = listing(QStringLiteral("payments"), group_type::consumer, QStringLiteral("Stable"), 2);
        const auto audit = listing(QStringLiteral("audit"), group_type::classic, QStringLiteral("Empty"), 1);
        const auto shares = listing(QStringLiteral("shares"), group_type::share, QStringLiteral("Stable"), 3);
        model.setGroups({ payments, audit, shares });
        QCOMPARE(dumpModel(model),
            QStringLiteral("audit | classic | Empty | … |  | … |  | 1 | consumer\n"
                           "payments | consumer | Stable | … |  | … |  | 2 | \n"
                           "shares | share | Stable | … |  | … |  | 3 | "));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setSummaries({ summary(audit, 0, { QStringLiteral("orders") }, 1500, admin::LagStatus::Stopped),
            summary(payments, 2, { QStringLiteral("orders"), QStringLiteral("refunds") }, 0) });
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(dumpModel(model),
            QStringLiteral("audit | classic | Empty | 0 | orders | 1,500 | stopped | 1 | consumer\n"
                           "payments | consumer | Stable | 2 | orders, refunds | 0 | ok | 2 | \n"
                           "shares | share | Stable | … |  | … |  | 3 | "));
        QVERIFY(model.index(0, ConsumerGroupModel::StatusColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("no active members")));
        QCOMPARE(model.index(0, ConsumerGroupModel::LagColumn).data(ConsumerGroupModel::SortRole).toLongLong(), 1500);
        QCOMPARE(model.index(2, ConsumerGroupModel::LagColumn).data(ConsumerGroupModel::SortRole).toLongLong(), -1);

        // The periodic refresh with the same groups: updated in place, summaries kept.
        auto rebalancing = payments;
        rebalancing.state = QStringLiteral("Reconciling");
        model.setGroups({ shares, rebalancing, audit });
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.index(1, ConsumerGroupModel::StateColumn).data().toString(), QStringLiteral("Reconciling"));
        QCOMPARE(model.index(1, ConsumerGroupModel::MembersColumn).data().toString(), QStringLiteral("2"));

        // A group gone: a reset, the others' summaries kept.
        model.setGroups({ payments, shares });
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("shares")), 1);
        QCOMPARE(model.index(0, ConsumerGroupModel::LagColumn).data().toString(), QStringLiteral("0"));

        // Sorted by total lag through a proxy on SortRole.
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ConsumerGroupModel::SortRole);
        proxy.sort(ConsumerGroupModel::LagColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("payments"));
    }

    void unknownLagIsSaidNotZero()
    {
        ConsumerGroupModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto g = listing(QStringLiteral("g"), group_type::classic, QStringLiteral("Stable"), 1);
        model.setGroups({ g });
        model.setSummaries({ summary(g, 1, { QStringLiteral("orders") }, std::nullopt, admin::LagStatus::NoOffset) });
        QCOMPARE(model.index(0, ConsumerGroupModel::LagColumn).data().toString(), QStringLiteral("unknown"));
        QCOMPARE(model.index(0, ConsumerGroupModel::StatusColumn).data().toString(), QStringLiteral("no_offset"));
        auto failed = summary(g, -1, {}, std::nullopt);
        failed.described = false;
        failed.error = QStringLiteral("GROUP_AUTHORIZATION_FAILED: not allowed");
        model.setSummaries({ failed });
        QCOMPARE(model.index(0, ConsumerGroupModel::NameColumn).data(Qt::ToolTipRole).toString(), failed.error);
    }

    void membersWithCompactAssignments()
    {
        GroupMemberModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dumpHeader(model),
            QStringLiteral(
                "Member id | Client id | Host | Instance id | Epoch | Assigned partitions | Target assignment"));
        GroupDescription g;
        GroupMember a;
        a.memberId = QStringLiteral("m-b");
        a.clientId = QStringLiteral("worker-2");
        a.host = QStringLiteral("/10.0.0.2");
        a.memberEpoch = 7;
        a.assignment = { { QStringLiteral("orders"), 3 }, { QStringLiteral("orders"), 0 },
            { QStringLiteral("orders"), 1 }, { QStringLiteral("orders"), 2 }, { QStringLiteral("audit"), 5 } };
        a.targetAssignment = { { QStringLiteral("orders"), 0 }, { QStringLiteral("orders"), 1 } };
        GroupMember b;
        b.memberId = QStringLiteral("m-a");
        b.clientId = QStringLiteral("worker-1");
        b.host = QStringLiteral("/10.0.0.1");
        b.instanceId = QStringLiteral("static-1");
        b.assignment = { { QStringLiteral("orders"), 4 }, { QStringLiteral("orders"), 6 } };
        g.members = { a, b };
        model.setGroup(g);
        QCOMPARE(dumpModel(model),
            QStringLiteral("m-a | worker-1 | /10.0.0.1 | static-1 |  | orders: 4, 6 | \n"
                           "m-b | worker-2 | /10.0.0.2 |  | 7 | audit: 5; orders: 0-3 | orders: 0, 1"));
        QVERIFY(model.index(1, GroupMemberModel::TargetColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("reconciling")));
        QCOMPARE(model.index(0, 0).data(GroupMemberModel::PartitionsRole).toList().size(), 2);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        g.members[0].assignment.removeLast();
        model.setGroup(g);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.index(1, GroupMemberModel::AssignmentColumn).data().toString(), QStringLiteral("orders: 0-3"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void lagRowsSayNoOffsetNeverZero()
    {
        LagModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dumpHeader(model),
            QStringLiteral("Topic | Partition | Committed | Log end | Lag | Last stable | Owner | Status"));
        admin::GroupLag lag;
        auto p0 = row(QStringLiteral("orders"), 0, 1200, 1250);
        p0.memberId = QStringLiteral("m-1");
        p0.clientId = QStringLiteral("app");
        p0.host = QStringLiteral("/10.1.1.1");
        p0.lastStable = 1240;
        auto p1 = row(QStringLiteral("orders"), 1, std::nullopt, 80);
        auto p2 = row(QStringLiteral("orders"), 2, 10, -1);
        p2.status = admin::LagStatus::Unknown;
        p2.error = QStringLiteral("The partition's leader did not answer.");
        lag.partitions = { p0, p1, p2 };
        model.setLag(lag);
        QCOMPARE(dumpModel(model),
            QStringLiteral("orders | 0 | 1,200 | 1,250 | 50 | 1,240 | app (/10.1.1.1) | ok\n"
                           "orders | 1 | no offset | 80 | no offset |  |  | no_offset\n"
                           "orders | 2 | 10 | unknown | unknown |  |  | unknown"));
        const QString tip = model.index(1, LagModel::CommittedColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("earliest")) && tip.contains(QStringLiteral("latest")), qPrintable(tip));
        QVERIFY(model.index(0, LagModel::LastStableColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("10 records")));
        QCOMPARE(model.index(2, LagModel::LogEndColumn).data(Qt::ToolTipRole).toString(), p2.error);
        QCOMPARE(model.index(1, LagModel::LagColumn).data(LagModel::SortRole).toLongLong(), -1);
        QVERIFY(model.index(0, LagModel::PartitionColumn).data(Qt::DecorationRole).canConvert<QColor>());

        // The next sample: in place.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        lag.partitions[0].committed = 1250;
        lag.partitions[0].lag = 0;
        model.setLag(lag);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, LagModel::LagColumn).data().toString(), QStringLiteral("0"));

        // Window verdicts from the sampler replace the single-sample ones.
        model.setStatuses({ { TopicPartitionRef { QStringLiteral("orders"), 0 }, admin::LagStatus::Stalled } });
        QCOMPARE(model.index(0, LagModel::StatusColumn).data().toString(), QStringLiteral("stalled"));
    }
};

KAFSCOPE_MODEL_TEST_MAIN(TestGroupModels)
#include "test_groupmodels.moc"
