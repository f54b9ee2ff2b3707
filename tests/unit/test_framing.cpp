#include "codectest.h"
#include "kafka/protocol/framing.h"

using namespace kafscope::protocol;
using kafscope::test::hex;

TEST(Framing, NonFlexibleRequestUsesHeaderV1)
{
    RequestHeader header;
    header.apiKey = ApiKey::ApiVersions;
    header.apiVersion = 0;
    header.correlationId = 7;
    header.clientId = QStringLiteral("kafscope");
    EXPECT_BYTES(encodeRequestFrame(header, {}),
        hex({
            "00 00 00 12", // size: 18 bytes follow
            "00 12", // api key 18
            "00 00", // api version 0
            "00 00 00 07", // correlation id
            "00 08 6b 61 66 73 63 6f 70 65", // client id "kafscope"
        }));
}

TEST(Framing, FlexibleRequestUsesHeaderV2WithClassicClientIdAndTaggedFields)
{
    RequestHeader header;
    header.apiKey = ApiKey::Metadata;
    header.apiVersion = 12;
    header.correlationId = 0x01020304;
    header.clientId = QStringLiteral("kafscope");
    EXPECT_BYTES(encodeRequestFrame(header, hex({ "aa bb" })),
        hex({
            "00 00 00 15", // size: 21
            "00 03", // api key 3
            "00 0c", // api version 12
            "01 02 03 04", // correlation id
            "00 08 6b 61 66 73 63 6f 70 65", // int16 length!
            "00", // header tagged fields
            "aa bb", // body
        }));
}

TEST(Framing, EmptyClientIdIsAnEmptyStringNotNull)
{
    RequestHeader header;
    header.apiKey = ApiKey::ListOffsets;
    header.apiVersion = 1;
    header.correlationId = 1;
    EXPECT_BYTES(encodeRequestFrame(header, {}), hex({ "00 00 00 0a", "00 02", "00 01", "00 00 00 01", "00 00" }));
}

TEST(Framing, ResponseHeaderV0IsJustTheCorrelationId)
{
    const QByteArray frame = hex({ "00 00 00 2a", "ff ee" });
    const auto header = decodeResponseHeader(frame, 0);
    ASSERT_TRUE(header.ok()) << header.error().toStdString();
    EXPECT_EQ(header->correlationId, 42);
    EXPECT_EQ(header->bodyOffset, 4);
}

TEST(Framing, ResponseHeaderV1SkipsUnknownTaggedFields)
{
    const QByteArray frame = hex({ "00 00 00 2a", "01 05 02 aa bb", "ff ee" });
    const auto header = decodeResponseHeader(frame, 1);
    ASSERT_TRUE(header.ok()) << header.error().toStdString();
    EXPECT_EQ(header->correlationId, 42);
    EXPECT_EQ(header->bodyOffset, 9);
}

TEST(Framing, TruncatedResponseHeaderFails)
{
    const QByteArray frame = hex({ "00 00 00 2a", "01 05 02 aa bb" });
    kafscope::test::expectEveryTruncationFails(frame, [](QByteArrayView b) { return decodeResponseHeader(b, 1); });
    const auto header = decodeResponseHeader(hex({ "00 00" }), 0);
    EXPECT_EQ(header.error(), QStringLiteral("truncated at byte 0 reading response header v0 correlationId"));
}

TEST(Apis, HeaderVersionsFollowFlexibility)
{
    EXPECT_EQ(requestHeaderVersion(ApiKey::Metadata, 8), 1);
    EXPECT_EQ(requestHeaderVersion(ApiKey::Metadata, 9), 2);
    EXPECT_EQ(responseHeaderVersion(ApiKey::Metadata, 8), 0);
    EXPECT_EQ(responseHeaderVersion(ApiKey::Metadata, 9), 1);
    EXPECT_EQ(requestHeaderVersion(ApiKey::ListOffsets, 6), 2);
    EXPECT_EQ(requestHeaderVersion(ApiKey::DescribeConfigs, 3), 1);
    EXPECT_EQ(requestHeaderVersion(ApiKey::DescribeConfigs, 4), 2);
}

TEST(Apis, ApiVersionsResponseHeaderIsAlwaysV0)
{
    EXPECT_EQ(requestHeaderVersion(ApiKey::ApiVersions, 3), 2);
    EXPECT_EQ(responseHeaderVersion(ApiKey::ApiVersions, 3), 0);
}

TEST(Apis, SaslHandshakeIsNeverFlexible)
{
    EXPECT_EQ(firstFlexibleVersion(ApiKey::SaslHandshake), -1);
    EXPECT_FALSE(isFlexible(ApiKey::SaslHandshake, 1));
    EXPECT_TRUE(isFlexible(ApiKey::AlterPartitionReassignments, 0));
}

TEST(Apis, SupportedVersionsCoverOnlyImplementedCodecs)
{
    EXPECT_EQ(supportedVersions(ApiKey::ApiVersions), (VersionRange { 0, 3 }));
    EXPECT_EQ(supportedVersions(ApiKey::Metadata), (VersionRange { 1, 12 }));
    EXPECT_EQ(supportedVersions(ApiKey::ListOffsets), (VersionRange { 1, 7 }));
    EXPECT_EQ(supportedVersions(ApiKey::DescribeConfigs), (VersionRange { 1, 4 }));
    EXPECT_FALSE(supportedVersions(ApiKey::Produce).isValid());
}

TEST(Apis, NamesMatchKafka)
{
    EXPECT_EQ(apiName(ApiKey::DescribeConfigs), QStringLiteral("DescribeConfigs"));
    EXPECT_EQ(apiName(ApiKey::ListOffsets), QStringLiteral("ListOffsets"));
    EXPECT_EQ(apiName(ApiKey(99)), QStringLiteral("Api99"));
}
