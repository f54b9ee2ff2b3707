#include "codectest.h"
#include "kafka/protocol/messages.h"

using namespace kafscope;
using namespace kafscope::protocol;
using kafscope::test::hex;

namespace {

ListOffsetsRequest sampleRequest()
{
    ListOffsetsRequest request;
    request.isolationLevel = 1;
    ListOffsetsTopic topic;
    topic.name = QStringLiteral("orders");
    topic.partitions = { { 0, 5, -1 }, { 1, -1, -2 } }; // latest of 0 (epoch 5), earliest of 1
    request.topics = { topic };
    return request;
}

QList<PartitionOffset> sampleOffsets()
{
    return {
        { QStringLiteral("orders"), 0, 0, 42, -1 },
        { QStringLiteral("orders"), 1, 6, -1, -1 }, // NOT_LEADER_OR_FOLLOWER
        { QStringLiteral("payments"), 3, 0, 7, 1700000000000 },
    };
}

auto decoderFor(int16_t version)
{
    return [version](QByteArrayView body) { return decodeListOffsetsResponse(body, version); };
}

} // namespace

TEST(ListOffsets, RequestV1HasNoIsolationLevelOrLeaderEpoch)
{
    EXPECT_BYTES(encodeListOffsetsRequest(sampleRequest(), 1),
        hex({
            "ff ff ff ff", // replica id -1
            "00 00 00 01", // topics: 1
            "00 06 6f 72 64 65 72 73", // "orders"
            "00 00 00 02", // partitions: 2
            "00 00 00 00", // partition 0
            "ff ff ff ff ff ff ff ff", // timestamp -1
            "00 00 00 01", // partition 1
            "ff ff ff ff ff ff ff fe", // timestamp -2
        }));
}

TEST(ListOffsets, RequestV4AddsIsolationLevelAndLeaderEpoch)
{
    EXPECT_BYTES(encodeListOffsetsRequest(sampleRequest(), 4),
        hex({
            "ff ff ff ff", // replica id
            "01", // isolation: read_committed (v2+)
            "00 00 00 01 00 06 6f 72 64 65 72 73",
            "00 00 00 02",
            "00 00 00 00", // partition 0
            "00 00 00 05", // current leader epoch (v4+)
            "ff ff ff ff ff ff ff ff",
            "00 00 00 01",
            "ff ff ff ff",
            "ff ff ff ff ff ff ff fe",
        }));
}

TEST(ListOffsets, RequestV7IsFlexible)
{
    EXPECT_BYTES(encodeListOffsetsRequest(sampleRequest(), 7),
        hex({
            "ff ff ff ff", // replica id
            "01", // isolation level
            "02", // topics: 1
            "07 6f 72 64 65 72 73", // "orders"
            "03", // partitions: 2
            "00 00 00 00 00 00 00 05", "ff ff ff ff ff ff ff ff",
            "00", // partition tagged fields
            "00 00 00 01 ff ff ff ff", "ff ff ff ff ff ff ff fe", "00",
            "00", // topic tagged fields
            "00", // tagged fields
        }));
}

TEST(ListOffsets, DecodesV1Response)
{
    const auto offsets = decodeListOffsetsResponse(hex({
                                                       "00 00 00 01", // topics: 1
                                                       "00 06 6f 72 64 65 72 73", // "orders"
                                                       "00 00 00 01", // partitions: 1
                                                       "00 00 00 00", // partition 0
                                                       "00 00", // error code
                                                       "ff ff ff ff ff ff ff ff", // timestamp -1
                                                       "00 00 00 00 00 00 00 2a", // offset 42
                                                   }),
        1);
    ASSERT_TRUE(offsets.ok()) << offsets.error().toStdString();
    EXPECT_EQ(offsets.value(), QList<PartitionOffset>({ { QStringLiteral("orders"), 0, 0, 42, -1 } }));
}

TEST(ListOffsets, DecodesV7ResponseSkippingUnknownTaggedFields)
{
    const auto offsets = decodeListOffsetsResponse(hex({
                                                       "00 00 00 00", // throttle
                                                       "02", // topics: 1
                                                       "07 6f 72 64 65 72 73", // "orders"
                                                       "03", // partitions: 2
                                                       "00 00 00 00 00 00", // partition 0, no error
                                                       "ff ff ff ff ff ff ff ff", // timestamp -1
                                                       "00 00 00 00 00 00 00 2a", // offset 42
                                                       "00 00 00 05", // leader epoch 5
                                                       "00", // tagged fields
                                                       "00 00 00 01 00 06", // partition 1, NOT_LEADER
                                                       "ff ff ff ff ff ff ff ff", // timestamp -1
                                                       "ff ff ff ff ff ff ff ff", // offset -1
                                                       "ff ff ff ff", // leader epoch -1
                                                       "01 03 00", // tagged fields: tag 3, empty
                                                       "00", // topic tagged fields
                                                       "00", // tagged fields
                                                   }),
        7);
    ASSERT_TRUE(offsets.ok()) << offsets.error().toStdString();
    auto expected = sampleOffsets().first(2);
    expected[0].leaderEpoch = 5;
    EXPECT_EQ(offsets.value(), expected);
}

TEST(ListOffsets, RoundTripsEveryVersion)
{
    for (int16_t v = 1; v <= 7; ++v) {
        const auto offsets = decodeListOffsetsResponse(encodeListOffsetsResponse(sampleOffsets(), v), v);
        ASSERT_TRUE(offsets.ok()) << "v" << v << ": " << offsets.error().toStdString();
        EXPECT_EQ(offsets.value(), sampleOffsets()) << "v" << v;
    }
}

TEST(ListOffsets, EncoderGroupsConsecutivePartitionsOfATopic)
{
    const QByteArray body = encodeListOffsetsResponse(sampleOffsets(), 1);
    EXPECT_BYTES(body.first(4), hex({ "00 00 00 02" })); // two topic entries for three partitions
}

TEST(ListOffsets, EveryTruncationFailsInEveryVersion)
{
    for (int16_t v = 1; v <= 7; ++v) {
        SCOPED_TRACE(v);
        kafscope::test::expectEveryTruncationFails(encodeListOffsetsResponse(sampleOffsets(), v), decoderFor(v));
    }
}

TEST(ListOffsets, RandomGarbageNeverCrashes)
{
    for (int16_t v : { 1, 2, 4, 6, 7 })
        kafscope::test::expectGarbageNeverCrashes(
            encodeListOffsetsResponse(sampleOffsets(), v), decoderFor(v), 200 + v);
}

TEST(ListOffsets, VersionZeroIsRefused)
{
    EXPECT_FALSE(decodeListOffsetsResponse({}, 0).ok());
    EXPECT_TRUE(encodeListOffsetsRequest(sampleRequest(), 0).isEmpty());
}
