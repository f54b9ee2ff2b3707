#include "codectest.h"
#include "kafka/protocol/messages.h"

using namespace kafscope;
using namespace kafscope::protocol;
using kafscope::test::hex;

namespace {

const char* const topicIdHex = "00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f";

// Everything the newest version carries; older versions drop fields (see expectedAt).
ClusterMetadata fullSample()
{
    ClusterMetadata md;
    md.clusterId = QStringLiteral("cid");
    md.controllerId = 2;
    md.brokers = { { 1, QStringLiteral("k1"), 9092, QStringLiteral("r1") }, { 2, QStringLiteral("k2"), 9093, {} } };
    TopicInfo orders;
    orders.name = QStringLiteral("orders");
    orders.topicId = hex({ topicIdHex });
    PartitionInfo p0;
    p0.partition = 0;
    p0.leader = 1;
    p0.leaderEpoch = 5;
    p0.replicas = { 1, 2 };
    p0.isr = { 1 };
    p0.offlineReplicas = { 2 };
    PartitionInfo p1;
    p1.partition = 1;
    p1.errorCode = 5; // LEADER_NOT_AVAILABLE
    p1.leader = -1;
    p1.leaderEpoch = 3;
    p1.replicas = { 2 };
    orders.partitions = { p0, p1 };
    TopicInfo offsets;
    offsets.name = QStringLiteral("__consumer_offsets");
    offsets.isInternal = true;
    offsets.topicId = hex({ "ff ee dd cc bb aa 99 88 77 66 55 44 33 22 11 00" });
    md.topics = { orders, offsets };
    return md;
}

ClusterMetadata expectedAt(int16_t version)
{
    ClusterMetadata md = fullSample();
    if (version < 2)
        md.clusterId.clear();
    for (TopicInfo& t : md.topics) {
        if (version < 10)
            t.topicId.clear();
        for (PartitionInfo& p : t.partitions) {
            if (version < 7)
                p.leaderEpoch = -1;
            if (version < 5)
                p.offlineReplicas.clear();
        }
    }
    return md;
}

void expectSameMetadata(const ClusterMetadata& actual, const ClusterMetadata& expected)
{
    EXPECT_EQ(actual.clusterId, expected.clusterId);
    EXPECT_EQ(actual.controllerId, expected.controllerId);
    EXPECT_EQ(actual.brokers, expected.brokers);
    EXPECT_EQ(actual.topics, expected.topics);
}

auto decoderFor(int16_t version)
{
    return [version](QByteArrayView body) { return decodeMetadataResponse(body, version); };
}

} // namespace

TEST(Metadata, RequestV1NamesTopicsWithClassicArrays)
{
    MetadataRequest request;
    request.topics = QStringList { QStringLiteral("orders") };
    EXPECT_BYTES(encodeMetadataRequest(request, 1),
        hex({
            "00 00 00 01", // topics: 1
            "00 06 6f 72 64 65 72 73", // "orders"
        }));
}

TEST(Metadata, RequestV1NullTopicsMeansAllTopics)
{
    EXPECT_BYTES(encodeMetadataRequest({}, 1), hex({ "ff ff ff ff" }));
}

TEST(Metadata, RequestV8AddsAutoCreationAndAuthorizedOperationFlags)
{
    EXPECT_BYTES(encodeMetadataRequest({}, 8),
        hex({
            "ff ff ff ff", // topics: null = all
            "00", // allowAutoTopicCreation
            "00", // includeClusterAuthorizedOperations (v8-v10)
            "00", // includeTopicAuthorizedOperations
        }));
}

TEST(Metadata, RequestV9EmptyTopicListMeansBrokersOnly)
{
    MetadataRequest request;
    request.topics = QStringList();
    EXPECT_BYTES(encodeMetadataRequest(request, 9), hex({ "01", "00", "00", "00", "00" }));
}

TEST(Metadata, RequestV12CarriesZeroTopicIdNameAndNoClusterOperationsFlag)
{
    MetadataRequest request;
    request.topics = QStringList { QStringLiteral("orders") };
    request.allowAutoTopicCreation = true;
    EXPECT_BYTES(encodeMetadataRequest(request, 12),
        hex({
            "02", // topics: 1 (compact)
            "00000000 00000000 00000000 00000000", // topic id: none
            "07 6f 72 64 65 72 73", // name "orders"
            "00", // topic tagged fields
            "01", // allowAutoTopicCreation
            "00", // includeTopicAuthorizedOperations
            "00", // tagged fields
        }));
    EXPECT_BYTES(encodeMetadataRequest({}, 12), hex({ "00", "00", "00", "00" })); // null topics = all
}

TEST(Metadata, DecodesV1ResponseWithNullRack)
{
    const auto md = decodeMetadataResponse(hex({
                                               "00 00 00 01", // brokers: 1
                                               "00 00 00 01", //   node id 1
                                               "00 02 6b 31", //   host "k1"
                                               "00 00 23 84", //   port 9092
                                               "ff ff", //   rack null
                                               "00 00 00 01", // controller id 1
                                               "00 00 00 01", // topics: 1
                                               "00 00", //   error code
                                               "00 01 74", //   name "t"
                                               "00", //   is internal
                                               "00 00 00 01", //   partitions: 1
                                               "00 00", //     error code
                                               "00 00 00 00", //     partition 0
                                               "00 00 00 01", //     leader 1
                                               "00 00 00 01 00 00 00 01", //     replicas [1]
                                               "00 00 00 01 00 00 00 01", //     isr [1]
                                           }),
        1);
    ASSERT_TRUE(md.ok()) << md.error().toStdString();
    EXPECT_EQ(md->clusterId, QString());
    EXPECT_EQ(md->controllerId, 1);
    ASSERT_EQ(md->brokers.size(), 1);
    EXPECT_EQ(md->brokers[0], (BrokerInfo { 1, QStringLiteral("k1"), 9092, {} }));
    ASSERT_EQ(md->topics.size(), 1);
    const TopicInfo& t = md->topics[0];
    EXPECT_EQ(t.name, QStringLiteral("t"));
    EXPECT_TRUE(t.topicId.isEmpty());
    ASSERT_EQ(t.partitions.size(), 1);
    EXPECT_EQ(t.partitions[0].leader, 1);
    EXPECT_EQ(t.partitions[0].leaderEpoch, -1);
    EXPECT_EQ(t.partitions[0].replicas, QList<int32_t>({ 1 }));
    EXPECT_EQ(t.partitions[0].isr, QList<int32_t>({ 1 }));
}

TEST(Metadata, DecodesV12ResponseWithNullsTopicIdAndUnknownTaggedFields)
{
    const auto md = decodeMetadataResponse(hex({
                                               "00 00 00 00", // throttle
                                               "03", // brokers: 2
                                               "00 00 00 01 03 6b 31 00 00 23 84", //   1 "k1" 9092
                                               "03 72 31 00", //   rack "r1", tagged fields
                                               "00 00 00 02 03 6b 32 00 00 23 85", //   2 "k2" 9093
                                               "00 00", //   rack null, tagged fields
                                               "00", // cluster id null
                                               "00 00 00 02", // controller id 2
                                               "02", // topics: 1
                                               "00 00", //   error code
                                               "07 6f 72 64 65 72 73", //   name "orders"
                                               topicIdHex, //   topic id
                                               "00", //   is internal
                                               "03", //   partitions: 2
                                               "00 00 00 00 00 00 00 00 00 01", //     error 0, partition 0, leader 1
                                               "00 00 00 05", //     leader epoch 5
                                               "03 00 00 00 01 00 00 00 02", //     replicas [1, 2]
                                               "02 00 00 00 01", //     isr [1]
                                               "02 00 00 00 02", //     offline [2]
                                               "01 07 02 ca fe", //     tagged fields: unknown tag 7, 2 bytes
                                               "00 05 00 00 00 01 ff ff ff ff", //     error 5, partition 1, leader -1
                                               "00 00 00 03", //     leader epoch 3
                                               "02 00 00 00 02", //     replicas [2]
                                               "01", //     isr []
                                               "01", //     offline []
                                               "00", //     tagged fields
                                               "80 00 00 00", //   topic authorized operations: not requested
                                               "00", //   tagged fields
                                               "01 0a 01 ff", // tagged fields: unknown tag 10, 1 byte
                                           }),
        12);
    ASSERT_TRUE(md.ok()) << md.error().toStdString();
    ClusterMetadata expected = fullSample();
    expected.clusterId.clear();
    expected.topics.removeLast();
    expectSameMetadata(md.value(), expected);
}

TEST(Metadata, ClusterAuthorizedOperationsOnlyInV8ToV10)
{
    ClusterMetadata empty;
    const QByteArray v10 = hex({ "00 00 00 00", "01", "00", "ff ff ff ff", "01", "80 00 00 00", "00" });
    const QByteArray v11 = hex({ "00 00 00 00", "01", "00", "ff ff ff ff", "01", "00" });
    EXPECT_BYTES(encodeMetadataResponse(empty, 10), v10);
    EXPECT_BYTES(encodeMetadataResponse(empty, 11), v11);
    EXPECT_TRUE(decodeMetadataResponse(v10, 10).ok());
    EXPECT_TRUE(decodeMetadataResponse(v11, 11).ok());
    EXPECT_FALSE(decodeMetadataResponse(v11, 10).ok());
}

TEST(Metadata, RoundTripsEveryVersion)
{
    for (int16_t v = 1; v <= 12; ++v) {
        SCOPED_TRACE(v);
        const auto md = decodeMetadataResponse(encodeMetadataResponse(fullSample(), v), v);
        ASSERT_TRUE(md.ok()) << md.error().toStdString();
        expectSameMetadata(md.value(), expectedAt(v));
    }
}

TEST(Metadata, EveryTruncationFailsInEveryVersion)
{
    for (int16_t v = 1; v <= 12; ++v) {
        SCOPED_TRACE(v);
        kafscope::test::expectEveryTruncationFails(encodeMetadataResponse(fullSample(), v), decoderFor(v));
    }
}

TEST(Metadata, RandomGarbageNeverCrashes)
{
    for (int16_t v : { 1, 5, 8, 9, 10, 12 })
        kafscope::test::expectGarbageNeverCrashes(encodeMetadataResponse(fullSample(), v), decoderFor(v), 300 + v);
}

TEST(Metadata, TruncationErrorNamesTheField)
{
    const QByteArray body = encodeMetadataResponse(fullSample(), 1);
    // Cut inside the second broker's host: 4 (count) + 4 + 4 + 4 + 4 (broker 1) + 4 (node id) + 2 (length) + 1.
    const auto md = decodeMetadataResponse(QByteArrayView(body).first(4 + 4 + 4 + 4 + 4 + 4 + 2 + 1), 1);
    EXPECT_EQ(md.error(), QStringLiteral("truncated at byte 26 reading Metadata v1 response brokers[1].host"));
}

TEST(Metadata, VersionsOutsideTheCodecAreRefused)
{
    EXPECT_FALSE(decodeMetadataResponse({}, 0).ok());
    EXPECT_FALSE(decodeMetadataResponse({}, 13).ok());
    EXPECT_TRUE(encodeMetadataRequest({}, 13).isEmpty());
}
