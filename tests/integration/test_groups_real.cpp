// Consumer groups on the real cluster through kafscope-cli: a group with known commits shows exact lag per partition
// and "no offset" where nothing was committed; a KIP-848 group made by a Java consumer (group.protocol=consumer), a
// classic one and a share group made by Kafka's console share consumer (tests/cluster/group-clients.sh) are listed
// with their type and members; offset resets move committed offsets exactly as previewed and are refused while a
// consumer is a member; delete-offsets and delete remove a topic's offsets and the group.
#include "clirun.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <librdkafka/rdkafka.h>

using namespace kafscope;
using namespace kafscope::clitest;

namespace {

// Records to one partition, so the offsets are known exactly.
std::string produceTo(const QString& topic, int32_t partition, int count)
{
    for (int i = 0; i < count; ++i) {
        const auto run
            = cli({ QStringLiteral("produce"), topic, QStringLiteral("--partition"), QString::number(partition),
                QStringLiteral("--key"), QStringLiteral("k"), QStringLiteral("--value"), QString::number(i) });
        if (run.exitCode != 0)
            return run.err.toStdString();
    }
    return {};
}

// A Java group client of tests/cluster/group-clients.sh, stopped (SIGTERM) when it goes out of scope.
class GroupClient
{
public:
    GroupClient(const QString& kind, const QString& topic, const QString& group, const QStringList& props = {})
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(
            QStringLiteral(KAFSCOPE_GROUP_CLIENTS), QStringList { kind, itest::bootstrap(), topic, group } + props);
    }
    ~GroupClient()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(15000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
    GroupClient(const GroupClient&) = delete;
    GroupClient& operator=(const GroupClient&) = delete;
    // Waits for the "ready" line of the KIP-848 / classic consumer (a member with partitions).
    bool waitReady(int ms = 90000)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < ms && m_process.state() != QProcess::NotRunning) {
            m_process.waitForReadyRead(500);
            m_out += m_process.readAllStandardOutput();
            if (m_out.contains("ready"))
                return true;
        }
        return false;
    }
    QString log() { return QString::fromUtf8(m_out + m_process.readAllStandardError()); }

private:
    QProcess m_process;
    QByteArray m_out;
};

QJsonObject listedGroup(const QString& name)
{
    for (const auto& v : json(cli({ QStringLiteral("groups"), QStringLiteral("--json") })).array()) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

// Polls for up to `seconds` (group membership settles in seconds on the test cluster).
bool within(int seconds, const std::function<bool()>& condition)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < seconds * 1000) {
        if (condition())
            return true;
        QThread::msleep(250);
    }
    return false;
}

QJsonObject row(const QJsonArray& rows, int partition)
{
    for (const auto& v : rows) {
        if (v.toObject().value(QStringLiteral("partition")).toInt() == partition)
            return v.toObject();
    }
    return {};
}

} // namespace

TEST_F(CliReal, AGroupWithKnownCommitsShowsExactLagAndNoOffsetWhereNothingWasCommitted)
{
    const QString topic = itest::uniqueTopic("grp-known");
    ASSERT_EQ(itest::createTopic(topic, 3, 3), "");
    ASSERT_EQ(produceTo(topic, 0, 10), "");
    ASSERT_EQ(produceTo(topic, 1, 4), "");
    ASSERT_EQ(produceTo(topic, 2, 7), "");
    const QString group = topic + QStringLiteral("-group");
    ASSERT_EQ(itest::commitOffsets(group, topic, { { 0, 4 }, { 1, 4 } }), "");

    const auto lag = cli({ QStringLiteral("lag"), group, QStringLiteral("--json") });
    ASSERT_EQ(lag.exitCode, 0) << lag.err.toStdString();
    const QJsonArray rows = json(lag).array();
    ASSERT_EQ(rows.size(), 3);
    EXPECT_EQ(row(rows, 0).value(QStringLiteral("committed")).toInteger(), 4);
    EXPECT_EQ(row(rows, 0).value(QStringLiteral("latest")).toInteger(), 10);
    EXPECT_EQ(row(rows, 0).value(QStringLiteral("lag")).toInteger(), 6);
    EXPECT_EQ(row(rows, 0).value(QStringLiteral("status")).toString(), QStringLiteral("stopped")); // nobody consumes
    EXPECT_EQ(row(rows, 1).value(QStringLiteral("lag")).toInteger(), 0);
    EXPECT_EQ(row(rows, 1).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    // Never committed: no offset, never lag 0.
    EXPECT_TRUE(row(rows, 2).value(QStringLiteral("committed")).isNull());
    EXPECT_TRUE(row(rows, 2).value(QStringLiteral("lag")).isNull());
    EXPECT_EQ(row(rows, 2).value(QStringLiteral("latest")).toInteger(), 7);
    EXPECT_EQ(row(rows, 2).value(QStringLiteral("status")).toString(), QStringLiteral("no_offset"));

    const QJsonObject listed = listedGroup(group);
    ASSERT_FALSE(listed.isEmpty());
    EXPECT_EQ(listed.value(QStringLiteral("type")).toString(), QStringLiteral("classic"));
    EXPECT_EQ(listed.value(QStringLiteral("state")).toString(), QStringLiteral("Empty"));
    EXPECT_EQ(listed.value(QStringLiteral("member_count")).toInt(), 0);
    EXPECT_EQ(listed.value(QStringLiteral("lag")).toInteger(), 6);
    const int coordinator = listed.value(QStringLiteral("coordinator")).toInt();
    EXPECT_TRUE(coordinator >= 1 && coordinator <= 3) << coordinator;
    for (const auto* key : { "name", "type", "state", "protocol_type", "member_count", "coordinator", "lag" })
        EXPECT_TRUE(listed.contains(QLatin1String(key))) << key;

    const auto described
        = cli({ QStringLiteral("group"), QStringLiteral("describe"), group, QStringLiteral("--json") });
    ASSERT_EQ(described.exitCode, 0) << described.err.toStdString();
    const QJsonObject g = json(described).object();
    EXPECT_EQ(g.value(QStringLiteral("coordinator")).toInt(), coordinator);
    EXPECT_TRUE(g.value(QStringLiteral("members")).toArray().isEmpty());
    const QJsonArray offsets = g.value(QStringLiteral("offsets")).toArray();
    ASSERT_EQ(offsets.size(), 3);
    EXPECT_EQ(row(offsets, 0).value(QStringLiteral("lag")).toInteger(), 6);
    EXPECT_TRUE(row(offsets, 2).value(QStringLiteral("member_id")).isNull());

    const auto table = cli({ QStringLiteral("lag"), group });
    EXPECT_TRUE(table.out.contains("no offset")) << table.out.toStdString();
}

TEST_F(CliReal, AnUnknownGroupIsAKafkaErrorWithItsName)
{
    const auto run
        = cli({ QStringLiteral("group"), QStringLiteral("describe"), QStringLiteral("no-such-group-kafscope") });
    EXPECT_EQ(run.exitCode, 4);
    EXPECT_TRUE(run.err.contains("GROUP_ID_NOT_FOUND")) << run.err.toStdString();
    EXPECT_EQ(cli({ QStringLiteral("group"), QStringLiteral("explode"), QStringLiteral("g") }).exitCode, 2);
    EXPECT_EQ(
        cli({ QStringLiteral("lag"), QStringLiteral("g"), QStringLiteral("--watch"), QStringLiteral("-1") }).exitCode,
        2);
}

TEST_F(CliReal, AKip848GroupOfAJavaConsumerIsListedWithItsTypeMembersAndEpochs)
{
    const QString topic = itest::uniqueTopic("grp-848");
    ASSERT_EQ(itest::createTopic(topic, 3, 3), "");
    ASSERT_EQ(itest::produce(topic, 30), "");
    const QString group = topic + QStringLiteral("-group");
    GroupClient consumer(QStringLiteral("consumer"), topic, group);
    ASSERT_TRUE(consumer.waitReady()) << consumer.log().toStdString();

    QJsonObject listed;
    ASSERT_TRUE(within(30, [&] {
        listed = listedGroup(group);
        return listed.value(QStringLiteral("member_count")).toInt() == 1;
    })) << QJsonDocument(listed).toJson().toStdString();
    EXPECT_EQ(listed.value(QStringLiteral("type")).toString(), QStringLiteral("consumer"));
    EXPECT_EQ(listed.value(QStringLiteral("state")).toString(), QStringLiteral("Stable"));

    // It reads from the earliest offset and commits: the lag falls to 0 on every partition.
    QJsonObject g;
    ASSERT_TRUE(within(60, [&] {
        g = json(cli({ QStringLiteral("group"), QStringLiteral("describe"), group, QStringLiteral("--json") }))
                .object();
        const auto offsets = g.value(QStringLiteral("offsets")).toArray();
        return offsets.size() == 3 && std::all_of(offsets.begin(), offsets.end(), [](const QJsonValue& v) {
            return v.toObject().value(QStringLiteral("lag")).toInteger(-1) == 0;
        });
    })) << QJsonDocument(g).toJson().toStdString();
    EXPECT_EQ(g.value(QStringLiteral("type")).toString(), QStringLiteral("consumer"));
    EXPECT_FALSE(g.value(QStringLiteral("assignor")).toString().isEmpty());
    EXPECT_GT(g.value(QStringLiteral("group_epoch")).toInt(), 0);
    const QJsonArray members = g.value(QStringLiteral("members")).toArray();
    ASSERT_EQ(members.size(), 1);
    const QJsonObject m = members.first().toObject();
    EXPECT_EQ(m.value(QStringLiteral("assignment")).toArray().size(), 3);
    EXPECT_EQ(m.value(QStringLiteral("target_assignment")).toArray().size(), 3);
    EXPECT_GT(m.value(QStringLiteral("member_epoch")).toInt(), 0);
    for (const auto& v : g.value(QStringLiteral("offsets")).toArray())
        EXPECT_EQ(v.toObject().value(QStringLiteral("member_id")).toString(),
            m.value(QStringLiteral("member_id")).toString());
}

TEST_F(CliReal, AClassicGroupShowsItsAssignorAndEachMembersPartitions)
{
    const QString topic = itest::uniqueTopic("grp-classic");
    ASSERT_EQ(itest::createTopic(topic, 4, 3), "");
    const QString group = topic + QStringLiteral("-group");
    GroupClient consumer(QStringLiteral("consumer"), topic, group, { QStringLiteral("group.protocol=classic") });
    ASSERT_TRUE(consumer.waitReady()) << consumer.log().toStdString();
    QJsonObject g;
    ASSERT_TRUE(within(30, [&] {
        g = json(cli({ QStringLiteral("group"), QStringLiteral("describe"), group, QStringLiteral("--json") }))
                .object();
        const auto members = g.value(QStringLiteral("members")).toArray();
        return members.size() == 1
            && members.first().toObject().value(QStringLiteral("assignment")).toArray().size() == 4;
    })) << QJsonDocument(g).toJson().toStdString();
    EXPECT_EQ(g.value(QStringLiteral("type")).toString(), QStringLiteral("classic"));
    EXPECT_EQ(g.value(QStringLiteral("protocol_type")).toString(), QStringLiteral("consumer"));
    EXPECT_FALSE(g.value(QStringLiteral("assignor")).toString().isEmpty()); // the Java default: range
    EXPECT_EQ(g.value(QStringLiteral("state")).toString(), QStringLiteral("Stable"));
    // Nothing produced, nothing committed: every partition "no offset", owned by the member.
    for (const auto& v : g.value(QStringLiteral("offsets")).toArray()) {
        EXPECT_EQ(v.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("no_offset"));
        EXPECT_FALSE(v.toObject().value(QStringLiteral("member_id")).toString().isEmpty());
    }
    EXPECT_EQ(listedGroup(group).value(QStringLiteral("protocol_type")).toString(), QStringLiteral("consumer"));
}

TEST_F(CliReal, AShareGroupOfKafkasConsoleShareConsumerIsListedAsShareWithItsMember)
{
    const QString topic = itest::uniqueTopic("grp-share");
    ASSERT_EQ(itest::createTopic(topic, 2, 3), "");
    const QString group = topic + QStringLiteral("-group");
    GroupClient consumer(QStringLiteral("share-consumer"), topic, group);
    QJsonObject listed;
    ASSERT_TRUE(within(90,
        [&] {
            listed = listedGroup(group);
            return listed.value(QStringLiteral("member_count")).toInt() == 1;
        }))
        << QJsonDocument(listed).toJson().toStdString() << consumer.log().toStdString();
    EXPECT_EQ(listed.value(QStringLiteral("type")).toString(), QStringLiteral("share"));
    // The member gets its partitions a heartbeat after it joined.
    QJsonObject g;
    ASSERT_TRUE(within(30, [&] {
        g = json(cli({ QStringLiteral("group"), QStringLiteral("describe"), group, QStringLiteral("--json") }))
                .object();
        const auto members = g.value(QStringLiteral("members")).toArray();
        return members.size() == 1
            && members.first().toObject().value(QStringLiteral("assignment")).toArray().size() == 2;
    })) << QJsonDocument(g).toJson().toStdString();
    EXPECT_EQ(g.value(QStringLiteral("type")).toString(), QStringLiteral("share"));
    const QJsonArray members = g.value(QStringLiteral("members")).toArray();
    ASSERT_EQ(members.size(), 1);
    EXPECT_EQ(members.first().toObject().value(QStringLiteral("client_id")).toString(),
        QStringLiteral("console-share-consumer"));
    EXPECT_EQ(members.first().toObject().value(QStringLiteral("assignment")).toArray().size(), 2);
}

namespace {

// `group reset-offsets G --to TO [extra] --json` with --dry-run, then with --yes: both must print the same plan, and
// afterwards `lag G --json` must show exactly the new offsets. Returns the plan ({partition -> new}) by
// topic-partition.
QHash<QString, qint64> resetAsPreviewed(const QString& group, const QString& to, const QStringList& extra = {})
{
    const QStringList base = QStringList { QStringLiteral("group"), QStringLiteral("reset-offsets"), group,
        QStringLiteral("--to"), to, QStringLiteral("--json") }
        + extra;
    const auto dry = cli(base + QStringList { QStringLiteral("--dry-run") });
    EXPECT_EQ(dry.exitCode, 0) << to.toStdString() << ": " << dry.err.toStdString();
    const auto done = cli(base + QStringList { QStringLiteral("--yes") });
    EXPECT_EQ(done.exitCode, 0) << to.toStdString() << ": " << done.err.toStdString();
    const QJsonArray previewed = json(dry).array();
    EXPECT_EQ(previewed, json(done).array())
        << to.toStdString() << ": " << dry.out.toStdString() << " vs " << done.out.toStdString();
    QHash<QString, qint64> plan;
    for (const auto& v : previewed) {
        const auto o = v.toObject();
        for (const auto* key : { "topic", "partition", "old", "new" })
            EXPECT_TRUE(o.contains(QLatin1String(key))) << key;
        plan.insert(QStringLiteral("%1-%2")
                        .arg(o.value(QStringLiteral("topic")).toString())
                        .arg(o.value(QStringLiteral("partition")).toInt()),
            o.value(QStringLiteral("new")).toInteger());
    }
    // The committed offsets are exactly what the preview said.
    const auto lag = cli({ QStringLiteral("lag"), group, QStringLiteral("--json") });
    EXPECT_EQ(lag.exitCode, 0) << lag.err.toStdString();
    for (const auto& v : json(lag).array()) {
        const auto o = v.toObject();
        const QString key = QStringLiteral("%1-%2")
                                .arg(o.value(QStringLiteral("topic")).toString())
                                .arg(o.value(QStringLiteral("partition")).toInt());
        if (plan.contains(key)) {
            EXPECT_EQ(o.value(QStringLiteral("committed")).toInteger(-1), plan.value(key))
                << to.toStdString() << " " << key.toStdString();
        }
    }
    return plan;
}

// partition -> committed offset (-1: none) of `group` on `topic`, from `lag --json`.
QMap<int, qint64> committedOffsets(const QString& group)
{
    QMap<int, qint64> out;
    for (const auto& v : json(cli({ QStringLiteral("lag"), group, QStringLiteral("--json") })).array())
        out.insert(v.toObject().value(QStringLiteral("partition")).toInt(),
            v.toObject().value(QStringLiteral("committed")).toInteger(-1));
    return out;
}

} // namespace

// Issue #8: "offset reset moves committed offsets as previewed and is refused while members are active".
TEST_F(CliReal, OffsetResetMovesCommittedOffsetsAsPreviewedToEveryKindOfTarget)
{
    const QString topic = itest::uniqueTopic("grp-reset");
    ASSERT_EQ(itest::createTopic(topic, 3, 3), "");
    ASSERT_EQ(produceTo(topic, 0, 10), "");
    ASSERT_EQ(produceTo(topic, 1, 4), "");
    ASSERT_EQ(produceTo(topic, 2, 7), "");
    QThread::msleep(50);
    const qint64 later = QDateTime::currentMSecsSinceEpoch();
    QThread::msleep(50);
    ASSERT_EQ(produceTo(topic, 0, 3), ""); // offsets 10..12, written after `later`
    const QString group = topic + QStringLiteral("-group");
    ASSERT_EQ(itest::commitOffsets(group, topic, { { 0, 4 }, { 1, 4 } }), "");
    const auto p = [&](int partition) { return QStringLiteral("%1-%2").arg(topic).arg(partition); };

    // Neither --dry-run nor --yes: says what would happen, sends nothing.
    const auto unconfirmed = cli({ QStringLiteral("group"), QStringLiteral("reset-offsets"), group,
        QStringLiteral("--to"), QStringLiteral("earliest") });
    EXPECT_EQ(unconfirmed.exitCode, 2);
    EXPECT_TRUE(unconfirmed.err.contains("this would reset 3 partition(s)")) << unconfirmed.err.toStdString();
    EXPECT_EQ(committedOffsets(group), (QMap<int, qint64> { { 0, 4 }, { 1, 4 }, { 2, -1 } }));

    // The dry run names old offsets, null where nothing was committed.
    const auto dry = cli({ QStringLiteral("group"), QStringLiteral("reset-offsets"), group, QStringLiteral("--to"),
        QStringLiteral("earliest"), QStringLiteral("--dry-run"), QStringLiteral("--json") });
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    const QJsonArray rows = json(dry).array();
    ASSERT_EQ(rows.size(), 3);
    EXPECT_EQ(row(rows, 0).value(QStringLiteral("old")).toInteger(), 4);
    EXPECT_TRUE(row(rows, 2).value(QStringLiteral("old")).isNull());

    auto plan = resetAsPreviewed(group, QStringLiteral("earliest"));
    EXPECT_EQ(plan, (QHash<QString, qint64> { { p(0), 0 }, { p(1), 0 }, { p(2), 0 } }));
    plan = resetAsPreviewed(group, QStringLiteral("latest"));
    EXPECT_EQ(plan, (QHash<QString, qint64> { { p(0), 13 }, { p(1), 4 }, { p(2), 7 } }));
    plan = resetAsPreviewed(group, QStringLiteral("5")); // clamped to p1's end
    EXPECT_EQ(plan, (QHash<QString, qint64> { { p(0), 5 }, { p(1), 4 }, { p(2), 5 } }));
    plan = resetAsPreviewed(group, QStringLiteral("shift:-3"));
    EXPECT_EQ(plan, (QHash<QString, qint64> { { p(0), 2 }, { p(1), 1 }, { p(2), 2 } }));
    plan = resetAsPreviewed(
        group, QStringLiteral("shift:+1"), { QStringLiteral("--topic"), topic + QStringLiteral(":0") });
    EXPECT_EQ(plan, (QHash<QString, qint64> { { p(0), 3 } }));
    EXPECT_EQ(committedOffsets(group), (QMap<int, qint64> { { 0, 3 }, { 1, 1 }, { 2, 2 } }));
    // A time: the first record at or after it; the log end where no record is that new.
    plan = resetAsPreviewed(group, QStringLiteral("@%1").arg(later));
    EXPECT_EQ(plan, (QHash<QString, qint64> { { p(0), 10 }, { p(1), 4 }, { p(2), 7 } }));
    plan = resetAsPreviewed(group, QStringLiteral("@0"));
    EXPECT_EQ(plan, (QHash<QString, qint64> { { p(0), 0 }, { p(1), 0 }, { p(2), 0 } }));

    // Read-only: the reset is refused (5), the dry run still works.
    const QStringList readOnly { QStringLiteral("group"), QStringLiteral("reset-offsets"), group,
        QStringLiteral("--to"), QStringLiteral("latest"), QStringLiteral("--read-only") };
    EXPECT_EQ(cli(readOnly + QStringList { QStringLiteral("--yes") }).exitCode, 5);
    EXPECT_EQ(cli(readOnly + QStringList { QStringLiteral("--dry-run") }).exitCode, 0);
    EXPECT_EQ(committedOffsets(group), (QMap<int, qint64> { { 0, 0 }, { 1, 0 }, { 2, 0 } }));
    // Bad input is a usage error.
    EXPECT_EQ(cli({ QStringLiteral("group"), QStringLiteral("reset-offsets"), group, QStringLiteral("--to"),
                      QStringLiteral("-3"), QStringLiteral("--dry-run") })
                  .exitCode,
        2);
    const auto unknown = cli({ QStringLiteral("group"), QStringLiteral("reset-offsets"), group, QStringLiteral("--to"),
        QStringLiteral("earliest"), QStringLiteral("--topic"), topic + QStringLiteral(":9"),
        QStringLiteral("--dry-run") });
    EXPECT_EQ(unknown.exitCode, 4);
    EXPECT_TRUE(unknown.err.contains("has no partition 9")) << unknown.err.toStdString();
}

TEST_F(CliReal, OffsetResetIsRefusedWhileAClassicOrKip848ConsumerIsAMember)
{
    for (const auto& protocol : { QStringLiteral("classic"), QStringLiteral("consumer") }) {
        SCOPED_TRACE(protocol.toStdString());
        const QString topic = itest::uniqueTopic("grp-reset-active");
        ASSERT_EQ(itest::createTopic(topic, 2, 3), "");
        ASSERT_EQ(itest::produce(topic, 20), "");
        const QString group = topic + QStringLiteral("-group");
        // The default (no group.protocol) is KIP-848's consumer protocol.
        GroupClient consumer(QStringLiteral("consumer"), topic, group,
            protocol == QLatin1String("classic") ? QStringList { QStringLiteral("group.protocol=classic") }
                                                 : QStringList {});
        ASSERT_TRUE(consumer.waitReady()) << consumer.log().toStdString();
        QJsonObject listed;
        ASSERT_TRUE(within(60, [&] {
            listed = listedGroup(group);
            return listed.value(QStringLiteral("member_count")).toInt() == 1
                && listed.value(QStringLiteral("state")).toString() == QLatin1String("Stable");
        })) << QJsonDocument(listed).toJson().toStdString();
        for (const auto& confirm : { QStringLiteral("--dry-run"), QStringLiteral("--yes") }) {
            const auto run = cli({ QStringLiteral("group"), QStringLiteral("reset-offsets"), group,
                QStringLiteral("--to"), QStringLiteral("earliest"), QStringLiteral("--topic"), topic, confirm });
            EXPECT_EQ(run.exitCode, 5) << run.err.toStdString();
            EXPECT_TRUE(
                run.err.contains(QStringLiteral("Group %1 is Stable with 1 active member(s)").arg(group).toUtf8()))
                << run.err.toStdString();
        }
        // Deleting a group with members: Kafka's own refusal, by name.
        const auto del = cli({ QStringLiteral("group"), QStringLiteral("delete"), group, QStringLiteral("--yes") });
        EXPECT_EQ(del.exitCode, 4);
        EXPECT_TRUE(del.err.contains("NON_EMPTY_GROUP")) << del.err.toStdString();
        EXPECT_EQ(listedGroup(group).value(QStringLiteral("member_count")).toInt(), 1);
    }
}

TEST_F(CliReal, DeleteOffsetsRemovesATopicsOffsetsAndDeleteRemovesTheGroup)
{
    const QString topicA = itest::uniqueTopic("grp-del-a");
    const QString topicB = itest::uniqueTopic("grp-del-b");
    ASSERT_EQ(itest::createTopic(topicA, 2, 3), "");
    ASSERT_EQ(itest::createTopic(topicB, 1, 3), "");
    ASSERT_EQ(produceTo(topicA, 0, 2), "");
    ASSERT_EQ(produceTo(topicB, 0, 2), "");
    const QString group = topicA + QStringLiteral("-group");
    ASSERT_EQ(itest::commitOffsets(group, topicA, { { 0, 1 }, { 1, 0 } }), "");
    ASSERT_EQ(itest::commitOffsets(group, topicB, { { 0, 2 } }), "");
    const auto topicsOf = [&] {
        QSet<QString> topics;
        for (const auto& v : json(cli({ QStringLiteral("lag"), group, QStringLiteral("--json") })).array())
            topics.insert(v.toObject().value(QStringLiteral("topic")).toString());
        return topics;
    };
    ASSERT_EQ(topicsOf(), (QSet<QString> { topicA, topicB }));

    const QStringList deleteOffsets { QStringLiteral("group"), QStringLiteral("delete-offsets"), group,
        QStringLiteral("--topic"), topicA };
    EXPECT_EQ(cli(deleteOffsets).exitCode, 2); // no --yes
    EXPECT_EQ(cli(deleteOffsets + QStringList { QStringLiteral("--yes"), QStringLiteral("--read-only") }).exitCode, 5);
    EXPECT_EQ(topicsOf(), (QSet<QString> { topicA, topicB }));
    const auto removed = cli(deleteOffsets + QStringList { QStringLiteral("--yes") });
    ASSERT_EQ(removed.exitCode, 0) << removed.err.toStdString();
    EXPECT_TRUE(removed.out.contains("deleted the offsets")) << removed.out.toStdString();
    EXPECT_EQ(topicsOf(), QSet<QString> { topicB });

    const QStringList deleteGroup { QStringLiteral("group"), QStringLiteral("delete"), group };
    EXPECT_EQ(cli(deleteGroup).exitCode, 2);
    EXPECT_EQ(cli(deleteGroup + QStringList { QStringLiteral("--yes"), QStringLiteral("--read-only") }).exitCode, 5);
    ASSERT_FALSE(listedGroup(group).isEmpty());
    const auto deleted = cli(deleteGroup + QStringList { QStringLiteral("--yes") });
    ASSERT_EQ(deleted.exitCode, 0) << deleted.err.toStdString();
    EXPECT_TRUE(within(10, [&] { return listedGroup(group).isEmpty(); }));
    const auto again = cli(deleteGroup + QStringList { QStringLiteral("--yes") });
    EXPECT_EQ(again.exitCode, 4);
    EXPECT_TRUE(again.err.contains("GROUP_ID_NOT_FOUND")) << again.err.toStdString();
}
