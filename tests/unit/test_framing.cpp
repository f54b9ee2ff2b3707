#include "codectest.h"
#include "kafka/protocol/framing.h"

#include <QList>

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

// Issue #11: frames arrive in any chunks; sizes that cannot be a frame are named, not waited for.
TEST(FrameReader, FramesSplitAcrossAndPackedIntoChunksComeOutWhole)
{
    const QByteArray stream = hex({ "00 00 00 04", "00 00 00 01", "00 00 00 06", "00 00 00 02 ab cd" });
    for (const qsizetype chunk : { 1, 3, 7, 100 }) {
        FrameReader reader(1024);
        QList<QByteArray> frames;
        for (qsizetype i = 0; i < stream.size(); i += chunk) {
            reader.append(QByteArrayView(stream).sliced(i, std::min(chunk, stream.size() - i)));
            QByteArray frame;
            while (reader.next(&frame) == FrameReader::Next::Frame)
                frames << frame;
        }
        ASSERT_EQ(frames.size(), 2) << "chunk " << chunk;
        EXPECT_BYTES(frames[0], hex({ "00 00 00 01" }));
        EXPECT_BYTES(frames[1], hex({ "00 00 00 02 ab cd" }));
        EXPECT_TRUE(reader.pending().isEmpty());
    }
}

TEST(FrameReader, NegativeTinyAndHugeSizesAreInvalidAndEndTheStream)
{
    for (const auto& [bytes, size] :
        std::initializer_list<std::pair<const char*, int32_t>> { { "ff ff ff ff", -1 }, { "80 00 00 00", INT32_MIN },
            { "00 00 00 03", 3 }, { "00 00 04 01", 1025 }, { "7f ff ff ff", INT32_MAX } }) {
        FrameReader reader(1024);
        reader.append(hex({ bytes, "00 00 00 00" }));
        QByteArray frame;
        EXPECT_EQ(reader.next(&frame), FrameReader::Next::Invalid) << bytes;
        EXPECT_EQ(reader.invalidSize(), size) << bytes;
        reader.append(hex({ "00 00 00 04 00 00 00 01" })); // nothing after garbage is read as a frame
        EXPECT_EQ(reader.next(&frame), FrameReader::Next::Invalid);
    }
}

TEST(FrameReader, AFrameAtTheLimitIsWaitedForAndOneByteShortIsNeedMore)
{
    FrameReader reader(8);
    reader.append(hex({ "00 00 00 08 00 00 00 01 02 03 04" }));
    QByteArray frame;
    EXPECT_EQ(reader.next(&frame), FrameReader::Next::NeedMore);
    reader.append(hex({ "05" }));
    ASSERT_EQ(reader.next(&frame), FrameReader::Next::Frame);
    EXPECT_BYTES(frame, hex({ "00 00 00 01 02 03 04 05" }));
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
