// Reset offsets, Delete offsets and Delete group on the fake cluster (issue #8): the preview's old -> new values and
// lag, the refusal while the group has active members (also when a member joins between preview and send), read-only
// refusal with nothing sent, the broker's per-partition errors by name, and exactly what was sent.
#include "../fakes/fakecluster.h"
#include "models/groupmodel.h"
#include "models/resetplanmodel.h"
#include "ui/dialogs/deletegroupdialog.h"
#include "ui/dialogs/resetoffsetsdialog.h"
#include "ui/pages/groupspage.h"
#include "uitestutil.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>

using namespace kafscope;
using admin::ResetTarget;
using kafscope::test::FakeCluster;

namespace {

const QString kGroup = QStringLiteral("billing");

// Topic "orders" (3 partitions): earliest 10, latest 100 each. The group committed 40 on p0 and 70 on p1.
struct Fixture
{
    FakeCluster cluster;
    explicit Fixture(bool readOnly = false)
    {
        cluster.metadataAnswer.brokers = { { 1, QStringLiteral("k1"), 9092, {} } };
        for (const auto& name : { QStringLiteral("orders"), QStringLiteral("payments") }) {
            TopicInfo t;
            t.name = name;
            for (int p = 0; p < 3; ++p) {
                PartitionInfo info;
                info.partition = p;
                info.leader = 1;
                info.replicas = { 1 };
                info.isr = { 1 };
                t.partitions.append(info);
                cluster.offsetsAnswer.earliest.append({ name, p, 0, 10 });
                cluster.offsetsAnswer.latest.append({ name, p, 0, 100 });
            }
            cluster.metadataAnswer.topics.append(t);
        }
        GroupDescription g;
        g.name = kGroup;
        g.type = group_type::classic;
        g.state = QStringLiteral("Empty");
        g.coordinator = 1;
        cluster.groupDescriptions.insert(kGroup, g);
        cluster.groupsAnswer
            = { { kGroup, group_type::classic, QStringLiteral("Empty"), QStringLiteral("consumer"), 1 } };
        GroupOffsets o;
        o.group = kGroup;
        o.offsets = { { QStringLiteral("orders"), 0, 40, -1, std::nullopt, 0 },
            { QStringLiteral("orders"), 1, 70, -1, std::nullopt, 0 } };
        cluster.groupOffsets.insert(kGroup, o);
        cluster.offsetsAtAnswer = [](const QString& topic, int64_t) {
            OffsetsAt r;
            for (int p = 0; p < 3; ++p)
                r.offsets.append({ topic, p, 0, p == 2 ? -1 : 55, -1, -1 });
            return AdminResult<OffsetsAt>::success(r);
        };
        ConnectionProfile profile { QStringLiteral("fake"), QStringLiteral("127.0.0.1:9092"), false };
        profile.readOnly = readOnly;
        cluster.connectTo(profile);
    }
    void load() { QTRY_COMPARE(cluster.state(), Cluster::State::Connected); }
    void addMember()
    {
        auto& g = cluster.groupDescriptions[kGroup];
        g.state = QStringLiteral("Stable");
        GroupMember m;
        m.memberId = QStringLiteral("consumer-1-abc");
        m.clientId = QStringLiteral("consumer-1");
        g.members = { m };
    }
};

QString column(const ResetPlanModel* model, int column)
{
    QStringList cells;
    for (int row = 0; row < model->rowCount(); ++row)
        cells << model->index(row, column).data().toString();
    return cells.join(QStringLiteral(", "));
}

QString sent(const QList<CommittedOffset>& offsets)
{
    QStringList parts;
    for (const auto& o : offsets)
        parts << QStringLiteral("%1-%2@%3").arg(o.topic).arg(o.partition).arg(o.offset);
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestResetOffsetsDialog : public QObject
{
    Q_OBJECT

private slots:
    void previewShowsOldNewAndTheLagLeftForEachTarget()
    {
        Fixture f;
        f.load();
        ResetOffsetsDialog dialog(&f.cluster, kGroup);
        QTRY_VERIFY(dialog.isLoaded());
        auto* model = dialog.model();
        QCOMPARE(model->rowCount(), 3); // every partition of the committed topic, p2 without a commit
        QCOMPARE(column(model, ResetPlanModel::OldColumn), QStringLiteral("40, 70, none"));
        QCOMPARE(column(model, ResetPlanModel::NewColumn), QStringLiteral("10, 10, 10"));
        QCOMPARE(column(model, ResetPlanModel::LagColumn), QStringLiteral("90, 90, 90"));
        QVERIFY2(dialog.totalText().contains(QStringLiteral("3 of 3 partition(s)</b> move; lag after the reset 270 "
                                                            "(now 90)")),
            qPrintable(dialog.totalText()));

        dialog.setTarget(ResetTarget::Latest);
        QCOMPARE(column(model, ResetPlanModel::NewColumn), QStringLiteral("100, 100, 100"));
        QCOMPARE(column(model, ResetPlanModel::LagColumn), QStringLiteral("0, 0, 0"));

        dialog.setTarget(ResetTarget::Offset, QStringLiteral("150"));
        QCOMPARE(column(model, ResetPlanModel::NewColumn), QStringLiteral("100, 100, 100"));
        QCOMPARE(model->index(0, ResetPlanModel::NoteColumn).data().toString(),
            QStringLiteral("150 is above the latest offset 100: moved down to it"));

        dialog.setTarget(ResetTarget::Shift, QStringLiteral("-35"));
        QCOMPARE(column(model, ResetPlanModel::NewColumn), QStringLiteral("10, 35, not reset"));
        QCOMPARE(model->index(2, ResetPlanModel::NoteColumn).data().toString(),
            QStringLiteral("nothing committed to shift from: left alone"));

        dialog.setTarget(ResetTarget::Shift, QStringLiteral("x"));
        QVERIFY(!dialog.canReset());
        QVERIFY2(dialog.message().contains(QStringLiteral("\"x\" is not a number to shift by")),
            qPrintable(dialog.message()));

        dialog.setTarget(ResetTarget::Timestamp, QStringLiteral("1700000000000"));
        QTRY_COMPARE(column(model, ResetPlanModel::NewColumn), QStringLiteral("55, 55, 100"));
        QVERIFY(f.cluster.offsetsAtRequests.contains(std::pair { QStringLiteral("orders"), int64_t(1700000000000) }));
        QCOMPARE(model->index(2, ResetPlanModel::NoteColumn).data().toString(),
            QStringLiteral("no record at or after that time: the latest offset"));
        QVERIFY(f.cluster.commitRequests.isEmpty());
    }

    // Bad input, a table (issue #11): each target is refused with its reason in the dialog, and with the group's name
    // typed nothing is committed.
    void badTargetsAreRefusedWithTheirReasonAndNothingIsSent_data()
    {
        QTest::addColumn<int>("target");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("reason");
        const int offset = int(ResetTarget::Offset);
        const int shift = int(ResetTarget::Shift);
        // A time is picked in a date-time editor, which takes no text that is not a time.
        QTest::newRow("offset empty") << offset << QString() << QStringLiteral("Type the offset to reset to.");
        QTest::newRow("offset not a number") << offset << QStringLiteral("ten") << QStringLiteral("is not an offset");
        QTest::newRow("offset negative") << offset << QStringLiteral("-5") << QStringLiteral("is not an offset");
        QTest::newRow("offset beyond 64 bits")
            << offset << QStringLiteral("99999999999999999999") << QStringLiteral("is not an offset");
        QTest::newRow("shift empty") << shift << QString() << QStringLiteral("Type by how many offsets to shift");
        QTest::newRow("shift a fraction")
            << shift << QStringLiteral("1.5") << QStringLiteral("is not a number to shift by");
        QTest::newRow("shift not a number")
            << shift << QStringLiteral("x") << QStringLiteral("is not a number to shift by");
    }
    void badTargetsAreRefusedWithTheirReasonAndNothingIsSent()
    {
        QFETCH(int, target);
        QFETCH(QString, typed);
        QFETCH(QString, reason);
        Fixture f;
        f.load();
        ResetOffsetsDialog dialog(&f.cluster, kGroup);
        QTRY_VERIFY(dialog.isLoaded());
        dialog.setTarget(ResetTarget(target), typed);
        dialog.setConfirmation(kGroup);
        QVERIFY2(dialog.message().contains(reason), qPrintable(dialog.message()));
        QVERIFY(!dialog.canReset());
        dialog.resetOffsets(); // as if forced
        QTest::qWait(50);
        QVERIFY(f.cluster.commitRequests.isEmpty());
    }

    void sendsExactlyTheCheckedPreviewAfterTheTypedName()
    {
        Fixture f;
        f.load();
        ResetOffsetsDialog dialog(&f.cluster, kGroup);
        QSignalSpy reset(&dialog, &ResetOffsetsDialog::offsetsReset);
        QTRY_VERIFY(dialog.isLoaded());
        dialog.setTarget(ResetTarget::Offset, QStringLiteral("20"));
        dialog.model()->setChecked({ QStringLiteral("orders"), 1 }, false);
        QCOMPARE(column(dialog.model(), ResetPlanModel::NewColumn), QStringLiteral("20, not reset, 20"));
        QVERIFY(!dialog.canReset()); // not confirmed yet
        dialog.setConfirmation(QStringLiteral("billin"));
        QVERIFY(!dialog.canReset());
        dialog.resetOffsets();
        QVERIFY(f.cluster.commitRequests.isEmpty());
        dialog.setConfirmation(kGroup);
        QVERIFY(dialog.canReset());
        dialog.resetOffsets();
        QTRY_COMPARE(f.cluster.commitRequests.size(), 1);
        QCOMPARE(f.cluster.commitRequests[0].first, kGroup);
        QCOMPARE(sent(f.cluster.commitRequests[0].second), QStringLiteral("orders-0@20 orders-2@20"));
        QTRY_COMPARE(reset.count(), 1);
        QVERIFY2(dialog.message().contains(QStringLiteral("Reset 2 partition(s) of billing to offset 20")),
            qPrintable(dialog.message()));
        // The preview now starts from what was committed.
        QCOMPARE(column(dialog.model(), ResetPlanModel::OldColumn), QStringLiteral("20, 70, 20"));
        QVERIFY(!dialog.canReset()); // the confirmation is typed again for the next one
    }

    void aGroupWithActiveMembersIsRefusedWithItsStateAlsoWhenOneJoinsBeforeSending()
    {
        Fixture f;
        f.addMember();
        f.load();
        {
            ResetOffsetsDialog dialog(&f.cluster, kGroup);
            QTRY_VERIFY(dialog.isLoaded());
            QVERIFY(!dialog.canReset());
            QVERIFY2(dialog.message().contains(QStringLiteral("Group billing is Stable with 1 active member(s)")),
                qPrintable(dialog.message()));
            dialog.setConfirmation(kGroup);
            dialog.resetOffsets();
            QVERIFY(test::holdsFor([&] { return f.cluster.commitRequests.isEmpty(); }, 50));
        }
        // Empty at the preview, a member by the time the reset is sent: re-checked, nothing sent.
        f.cluster.groupDescriptions[kGroup].members.clear();
        f.cluster.groupDescriptions[kGroup].state = QStringLiteral("Empty");
        ResetOffsetsDialog dialog(&f.cluster, kGroup);
        QTRY_VERIFY(dialog.isLoaded());
        dialog.setConfirmation(kGroup);
        QVERIFY(dialog.canReset());
        f.addMember();
        dialog.resetOffsets();
        QTRY_VERIFY2(dialog.message().contains(QStringLiteral("is Stable with 1 active member(s)")),
            qPrintable(dialog.message()));
        QVERIFY(!dialog.canReset());
        QVERIFY(f.cluster.commitRequests.isEmpty());
    }

    void offsetsThatMovedSinceThePreviewAreShownAgainNotSent()
    {
        Fixture f;
        f.load();
        ResetOffsetsDialog dialog(&f.cluster, kGroup);
        QTRY_VERIFY(dialog.isLoaded());
        dialog.setConfirmation(kGroup);
        f.cluster.offsetsAnswer.earliest[0].offset = 30; // records deleted meanwhile
        dialog.resetOffsets();
        QTRY_VERIFY2(dialog.message().contains(QStringLiteral("The offsets changed since the preview")),
            qPrintable(dialog.message()));
        QVERIFY(f.cluster.commitRequests.isEmpty());
        QCOMPARE(column(dialog.model(), ResetPlanModel::NewColumn), QStringLiteral("30, 10, 10"));
        dialog.resetOffsets();
        QTRY_COMPARE(f.cluster.commitRequests.size(), 1);
        QCOMPARE(sent(f.cluster.commitRequests[0].second), QStringLiteral("orders-0@30 orders-1@10 orders-2@10"));
    }

    void readOnlyConnectionsRefuseEveryGroupWrite()
    {
        Fixture f(true);
        f.load();
        ResetOffsetsDialog dialog(&f.cluster, kGroup);
        QTRY_VERIFY(dialog.isLoaded());
        dialog.setConfirmation(kGroup);
        QVERIFY(!dialog.canReset());
        QVERIFY2(dialog.message().contains(QStringLiteral("read-only")), qPrintable(dialog.message()));
        dialog.resetOffsets();
        DeleteGroupDialog del(&f.cluster, kGroup, DeleteGroupDialog::Mode::Group, f.cluster.groupOffsets[kGroup]);
        del.setConfirmation(kGroup);
        QVERIFY(!del.canDelete());
        QVERIFY2(del.message().contains(QStringLiteral("read-only")), qPrintable(del.message()));
        del.deleteNow();
        QVERIFY(test::holdsFor(
            [&] { return f.cluster.commitRequests.isEmpty() && f.cluster.deleteGroupsRequests.isEmpty(); }, 50));

        // The page keeps the buttons visible, disabled, with the reason.
        GroupsPage page(&f.cluster);
        page.show();
        QTRY_COMPARE(page.groupModel()->rowCount(), 1);
        page.selectGroup(kGroup);
        auto* button = test::child<QPushButton>(&page, "resetOffsetsButton");
        QVERIFY(button && !button->isEnabled());
        QVERIFY(button->toolTip().contains(QStringLiteral("read-only")));
    }

    void theBrokersPerPartitionErrorsAreShownByName()
    {
        Fixture f;
        f.load();
        f.cluster.commitAnswer = [](const QString&, const QList<CommittedOffset>& offsets) {
            protocol::OffsetCommitResponse r;
            protocol::OffsetCommitResponseTopic t { QStringLiteral("orders"), {} };
            for (const auto& o : offsets)
                t.partitions.append({ o.partition, int16_t(o.partition == 1 ? 25 : 0) }); // UNKNOWN_MEMBER_ID
            r.topics = { t };
            return AdminResult<protocol::OffsetCommitResponse>::success(r);
        };
        ResetOffsetsDialog dialog(&f.cluster, kGroup);
        QTRY_VERIFY(dialog.isLoaded());
        dialog.setConfirmation(kGroup);
        dialog.resetOffsets();
        QTRY_VERIFY2(
            dialog.message().contains(QStringLiteral("orders-1: UNKNOWN_MEMBER_ID")), qPrintable(dialog.message()));
        QVERIFY(dialog.message().contains(QStringLiteral("Reset 2 partition(s)")));
    }

    void deleteGroupAndDeleteOffsetsSendWhatWasTypedAndShowKafkaErrors()
    {
        Fixture f;
        f.load();
        f.cluster.deleteGroupsAnswer = [](const QStringList& names) {
            protocol::DeleteGroupsResponse r;
            r.results.append({ names.value(0), 68 }); // NON_EMPTY_GROUP
            return AdminResult<protocol::DeleteGroupsResponse>::success(r);
        };
        {
            DeleteGroupDialog dialog(
                &f.cluster, kGroup, DeleteGroupDialog::Mode::Group, f.cluster.groupOffsets[kGroup]);
            QVERIFY(!dialog.canDelete());
            dialog.deleteNow();
            QVERIFY(f.cluster.deleteGroupsRequests.isEmpty());
            dialog.setConfirmation(kGroup);
            QVERIFY(dialog.canDelete());
            dialog.deleteNow();
            QTRY_COMPARE(f.cluster.deleteGroupsRequests.size(), 1);
            QCOMPARE(f.cluster.deleteGroupsRequests[0], QStringList { kGroup });
            QTRY_VERIFY2(dialog.message().contains(QStringLiteral("NON_EMPTY_GROUP")), qPrintable(dialog.message()));
        }
        f.cluster.deleteGroupsAnswer = nullptr;
        {
            DeleteGroupDialog dialog(
                &f.cluster, kGroup, DeleteGroupDialog::Mode::Group, f.cluster.groupOffsets[kGroup]);
            QSignalSpy deleted(&dialog, &DeleteGroupDialog::groupDeleted);
            dialog.setConfirmation(kGroup);
            dialog.deleteNow();
            QTRY_COMPARE(deleted.count(), 1);
            QVERIFY(dialog.message().contains(QStringLiteral("Deleted group billing")));
            QVERIFY(!dialog.canDelete());
        }

        f.cluster.deleteOffsetsAnswer = [](const QString&, const QList<TopicPartitionRef>& partitions) {
            protocol::OffsetDeleteResponse r;
            protocol::OffsetDeleteResponseTopic t { partitions.value(0).topic, {} };
            for (const auto& tp : partitions)
                t.partitions.append({ tp.partition, 86 }); // GROUP_SUBSCRIBED_TO_TOPIC
            r.topics = { t };
            return AdminResult<protocol::OffsetDeleteResponse>::success(r);
        };
        DeleteGroupDialog dialog(&f.cluster, kGroup, DeleteGroupDialog::Mode::Offsets, f.cluster.groupOffsets[kGroup]);
        dialog.setTopic(QStringLiteral("orders"));
        dialog.setConfirmation(kGroup);
        dialog.deleteNow();
        QTRY_COMPARE(f.cluster.deleteOffsetsRequests.size(), 1);
        QCOMPARE(f.cluster.deleteOffsetsRequests[0].first, kGroup);
        QCOMPARE(f.cluster.deleteOffsetsRequests[0].second.size(), 3); // every partition of the topic
        QTRY_VERIFY2(
            dialog.message().contains(QStringLiteral("GROUP_SUBSCRIBED_TO_TOPIC")), qPrintable(dialog.message()));
    }

    void thePageOpensTheDialogsForTheSelectedGroupAndReloadsAfterwards()
    {
        Fixture f;
        f.load();
        GroupsPage page(&f.cluster);
        page.show();
        QTRY_COMPARE(page.groupModel()->rowCount(), 1);
        page.selectGroup(kGroup);
        auto* button = test::child<QPushButton>(&page, "resetOffsetsButton");
        QVERIFY(button && button->isEnabled());
        QVERIFY(test::child<QPushButton>(&page, "deleteGroupButton")->isEnabled());
        QTRY_VERIFY(!f.cluster.describeGroupRequests.isEmpty());
        const int listings = f.cluster.groupListRequests;
        QTimer::singleShot(0, &page, [&] {
            auto* dialog = page.findChild<ResetOffsetsDialog*>();
            QVERIFY(dialog);
            QTRY_VERIFY(dialog->isLoaded());
            dialog->setConfirmation(kGroup);
            dialog->resetOffsets();
            QTRY_COMPARE(f.cluster.commitRequests.size(), 1);
            QTRY_VERIFY(!dialog->message().isEmpty());
            dialog->reject();
        });
        button->click();
        QTRY_VERIFY(f.cluster.groupListRequests > listings);
    }
};

KAFSCOPE_UI_TEST_MAIN(TestResetOffsetsDialog)
#include "test_resetoffsetsdialog.moc"
