// Focused cases of the group and offset codecs that the golden messages (test_golden.cpp) do not cover: what an
// encoder refuses rather than silently changing the question, the consumer protocol's forward compatibility, and the
// admin's own commit for an empty group, in bytes written out by hand.
#include "codectest.h"
#include "kafka/protocol/apis.h"
#include "kafka/protocol/apis/groups.h"
#include "kafka/protocol/apis/offsets.h"

using namespace kafscope::protocol;
using kafscope::test::hex;

namespace {

OffsetFetchRequestGroup fetchGroup(const QString& id)
{
    OffsetFetchRequestGroup g;
    g.groupId = id;
    g.topics = QList<OffsetFetchRequestTopic> { { QStringLiteral("orders"), { 0 } } };
    return g;
}

} // namespace

TEST(OffsetCodecs, OffsetFetchBeforeV8RefusesTwoGroups)
{
    OffsetFetchRequest request;
    request.groups = { fetchGroup(QStringLiteral("a")), fetchGroup(QStringLiteral("b")) };
    for (int16_t v = 1; v <= 7; ++v) {
        QString error;
        EXPECT_TRUE(encodeOffsetFetchRequest(request, v, &error).isEmpty()) << v;
        EXPECT_TRUE(error.contains(QStringLiteral("exactly one group"))) << error.toStdString();
    }
    EXPECT_FALSE(encodeOffsetFetchRequest(request, 8).isEmpty());
    EXPECT_FALSE(encodeOffsetFetchRequest(request, 9).isEmpty());
    request.groups.clear(); // none is not one either
    EXPECT_TRUE(encodeOffsetFetchRequest(request, 7).isEmpty());
    // And a v1-7 response holds exactly one group.
    OffsetFetchResponse response;
    response.groups = { {}, {} };
    QString error;
    EXPECT_TRUE(encodeOffsetFetchResponse(response, 5, &error).isEmpty());
    EXPECT_FALSE(error.isEmpty());
}

TEST(OffsetCodecs, OffsetFetchEveryTopicIsANullArrayFromV2)
{
    OffsetFetchRequest request;
    OffsetFetchRequestGroup all;
    all.groupId = QStringLiteral("g");
    request.groups = { all };
    QString error;
    EXPECT_TRUE(encodeOffsetFetchRequest(request, 1, &error).isEmpty()); // v1 cannot say "every topic"
    EXPECT_FALSE(error.isEmpty());
    EXPECT_BYTES(encodeOffsetFetchRequest(request, 2), hex({ "0001 67", "ffffffff" }));
    EXPECT_BYTES(encodeOffsetFetchRequest(request, 7), hex({ "02 67", "00", "00" /* requireStable */, "00" }));
    EXPECT_BYTES(encodeOffsetFetchRequest(request, 9),
        hex({ "02", "02 67", "00" /* memberId null */, "ffffffff", "00" /* topics null */, "00", "00", "00" }));
}

TEST(OffsetCodecs, OffsetFetchBeforeV7RefusesRequireStable)
{
    OffsetFetchRequest request;
    request.groups = { fetchGroup(QStringLiteral("g")) };
    request.requireStable = true;
    QString error;
    EXPECT_TRUE(encodeOffsetFetchRequest(request, 6, &error).isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("stable"))) << error.toStdString();
    EXPECT_FALSE(encodeOffsetFetchRequest(request, 7).isEmpty());
}

TEST(OffsetCodecs, NoCommittedOffsetStaysMinusOne)
{
    // OffsetFetch v9: one group "g", topic "t", partition 0 with offset -1, epoch -1, null metadata.
    const QByteArray body = hex({ "00000000", "02", "02 67", "02", "02 74", "02", "00000000", "ffffffffffffffff",
        "ffffffff", "00" /* metadata null */, "0000", "00", "00", "0000", "00", "00" });
    const auto decoded = decodeOffsetFetchResponse(body, 9);
    ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
    const auto& p = decoded->groups.at(0).topics.at(0).partitions.at(0);
    EXPECT_EQ(p.committedOffset, -1);
    EXPECT_EQ(p.committedLeaderEpoch, -1);
    EXPECT_FALSE(p.metadata.has_value());
    EXPECT_BYTES(encodeOffsetFetchResponse(decoded.value(), 9), body);
    // And a commit of -1 writes -1 (not a "no value" the broker would fill in).
    OffsetCommitRequest commit;
    commit.groupId = QStringLiteral("g");
    commit.topics = { { QStringLiteral("t"), { { 0, -1, -1, std::nullopt } } } };
    EXPECT_BYTES(encodeOffsetCommitRequest(commit, 9),
        hex({ "02 67", "ffffffff", "01", "00", "02", "02 74", "02", "00000000", "ffffffffffffffff" /* offset */,
            "ffffffff", "00", "00", "00", "00" }));
}

TEST(OffsetCodecs, AdminCommitForAnEmptyGroupUsesGenerationMinusOneAndNoMember)
{
    OffsetCommitRequest request; // defaults: generation -1, member "", no instance id
    request.groupId = QStringLiteral("g");
    request.topics = { { QStringLiteral("t"), { { 0, 5, -1, std::nullopt } } } };
    EXPECT_BYTES(encodeOffsetCommitRequest(request, 9),
        hex({ "02 67", "ffffffff" /* generation */, "01" /* member id */, "00" /* instance id */, "02", "02 74", "02",
            "00000000", "0000000000000005", "ffffffff", "00", "00", "00", "00" }));
    EXPECT_BYTES(encodeOffsetCommitRequest(request, 2),
        hex({ "0001 67", "ffffffff", "0000", "ffffffffffffffff" /* retention */, "00000001", "0001 74", "00000001",
            "00000000", "0000000000000005", "ffff" }));
    request.groupInstanceId = QStringLiteral("static-1");
    QString error;
    EXPECT_TRUE(encodeOffsetCommitRequest(request, 6, &error).isEmpty()); // GroupInstanceId is v7+
    EXPECT_FALSE(error.isEmpty());
}

TEST(GroupCodecs, ConsumerProtocolReadsANewerVersionWithTheFieldsItKnows)
{
    ConsumerProtocolAssignment assignment;
    assignment.assignedPartitions = { { QStringLiteral("orders"), { 0, 2 } } };
    assignment.userData = QByteArray("ud");
    QByteArray bytes = encodeConsumerProtocolAssignment(assignment, 3);
    ASSERT_FALSE(bytes.isEmpty());
    const QByteArray trailing = hex({ "00000007", "0102030405060708" }); // a field of some future version
    {
        const auto strict = decodeConsumerProtocolAssignment(bytes + trailing); // v3 must use every byte
        EXPECT_FALSE(strict.ok());
    }
    bytes[1] = char(4); // version 4
    const auto decoded = decodeConsumerProtocolAssignment(bytes + trailing);
    ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
    EXPECT_EQ(decoded->version, 4);
    EXPECT_EQ(decoded->assignedPartitions, assignment.assignedPartitions);
    EXPECT_EQ(decoded->userData, QByteArray("ud"));

    ConsumerProtocolSubscription subscription;
    subscription.topics = QStringList { QStringLiteral("orders") };
    subscription.ownedPartitions = { { QStringLiteral("orders"), { 1 } } };
    subscription.generationId = 9;
    subscription.rackId = QStringLiteral("rack-b");
    QByteArray sub = encodeConsumerProtocolSubscription(subscription, 3);
    sub[1] = char(7);
    const auto newer = decodeConsumerProtocolSubscription(sub + trailing);
    ASSERT_TRUE(newer.ok()) << newer.error().toStdString();
    EXPECT_EQ(newer->version, 7);
    EXPECT_EQ(newer->rackId, QStringLiteral("rack-b"));
    EXPECT_EQ(newer->generationId, 9);
    EXPECT_EQ(newer->ownedPartitions, subscription.ownedPartitions);
}

TEST(GroupCodecs, ConsumerProtocolRefusesANegativeVersionAndEmptyBytes)
{
    EXPECT_FALSE(decodeConsumerProtocolAssignment(hex({ "ffff", "00000000", "ffffffff" })).ok());
    EXPECT_FALSE(decodeConsumerProtocolSubscription(hex({ "ffff", "00000000", "ffffffff" })).ok());
    // A member without an assignment yet has empty MemberAssignment bytes: the caller's case, not a v0 assignment.
    EXPECT_FALSE(decodeConsumerProtocolAssignment(QByteArrayView()).ok());
    QString error;
    EXPECT_TRUE(encodeConsumerProtocolAssignment({}, 4, &error).isEmpty());
    EXPECT_FALSE(error.isEmpty());
}

TEST(GroupCodecs, FindCoordinatorRefusesWhatTheVersionCannotAsk)
{
    FindCoordinatorRequest request;
    request.keys = QStringList { QStringLiteral("a"), QStringLiteral("b") };
    QString error;
    EXPECT_TRUE(encodeFindCoordinatorRequest(request, 3, &error).isEmpty()); // batching is v4+
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(encodeFindCoordinatorRequest(request, 4).isEmpty());
    request.keys = QStringList { QStringLiteral("txn-1") };
    request.keyType = CoordinatorType::Transaction;
    EXPECT_TRUE(encodeFindCoordinatorRequest(request, 0).isEmpty()); // v0: groups only
    EXPECT_BYTES(encodeFindCoordinatorRequest(request, 1), hex({ "0005 74786e2d31", "01" }));
    request.keyType = CoordinatorType::Share;
    EXPECT_TRUE(encodeFindCoordinatorRequest(request, 5).isEmpty()); // share coordinators are v6+
    EXPECT_BYTES(encodeFindCoordinatorRequest(request, 6), hex({ "02", "02 06 74786e2d31", "00" }));
    // A v0-3 answer is one coordinator.
    FindCoordinatorResponse response;
    EXPECT_TRUE(encodeFindCoordinatorResponse(response, 3).isEmpty());
}

TEST(GroupCodecs, ListGroupsRefusesAFilterTheVersionCannotCarry)
{
    ListGroupsRequest request;
    request.statesFilter = QStringList { QStringLiteral("Stable") };
    QString error;
    EXPECT_TRUE(encodeListGroupsRequest(request, 3, &error).isEmpty()); // it would list every group
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(encodeListGroupsRequest(request, 4).isEmpty());
    request.typesFilter = QStringList { QStringLiteral("consumer") };
    EXPECT_TRUE(encodeListGroupsRequest(request, 4).isEmpty());
    EXPECT_FALSE(encodeListGroupsRequest(request, 5).isEmpty());
}

TEST(GroupCodecs, NewKeysAreRegistered)
{
    EXPECT_EQ(apiName(ApiKey::DeleteGroups), QStringLiteral("DeleteGroups"));
    EXPECT_EQ(apiName(ApiKey::ConsumerGroupDescribe), QStringLiteral("ConsumerGroupDescribe"));
    EXPECT_EQ(supportedVersions(ApiKey::OffsetFetch), (VersionRange { 1, 9 }));
    EXPECT_EQ(supportedVersions(ApiKey::OffsetCommit), (VersionRange { 2, 9 }));
    EXPECT_EQ(supportedVersions(ApiKey::ShareGroupDescribe), (VersionRange { 1, 1 }));
    EXPECT_FALSE(isFlexible(ApiKey::OffsetDelete, 0));
    EXPECT_TRUE(isFlexible(ApiKey::DescribeShareGroupOffsets, 0));
    EXPECT_EQ(requestHeaderVersion(ApiKey::DeleteGroups, 1), 1);
    EXPECT_EQ(requestHeaderVersion(ApiKey::DeleteGroups, 2), 2);
}
