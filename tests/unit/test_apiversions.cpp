#include "codectest.h"
#include "kafka/protocol/messages.h"

using namespace kafscope::protocol;
using kafscope::test::hex;

namespace {

ApiVersionsResponse sample(int16_t version)
{
    ApiVersionsResponse r;
    r.apis.insert(int16_t(ApiKey::Metadata), { 0, 12 });
    r.apis.insert(int16_t(ApiKey::ApiVersions), { 0, 4 });
    r.apis.insert(int16_t(ApiKey::DescribeConfigs), { 1, 4 });
    r.throttleTimeMs = version >= 1 ? 250 : 0;
    return r;
}

auto decoderFor(int16_t version)
{
    return [version](QByteArrayView body) { return decodeApiVersionsResponse(body, version); };
}

} // namespace

TEST(ApiVersions, RequestBeforeV3IsEmpty)
{
    for (int16_t v = 0; v <= 2; ++v)
        EXPECT_TRUE(encodeApiVersionsRequest({}, v).isEmpty()) << v;
}

TEST(ApiVersions, RequestV3CarriesClientSoftwareAsCompactStrings)
{
    EXPECT_BYTES(encodeApiVersionsRequest({}, 3),
        hex({
            "09 6b 61 66 73 63 6f 70 65", // "kafscope"
            "06 30 2e 31 2e 30", // "0.1.0"
            "00", // tagged fields
        }));
}

TEST(ApiVersions, DecodesV0Response)
{
    const auto r = decodeApiVersionsResponse(hex({
                                                 "00 00", // error code
                                                 "00 00 00 02", // api keys: 2
                                                 "00 03 00 00 00 0c", // Metadata 0-12
                                                 "00 12 00 00 00 03", // ApiVersions 0-3
                                             }),
        0);
    ASSERT_TRUE(r.ok()) << r.error().toStdString();
    EXPECT_EQ(r->errorCode, 0);
    EXPECT_EQ(r->apis.size(), 2);
    EXPECT_EQ(r->apis.value(3), (VersionRange { 0, 12 }));
    EXPECT_EQ(r->apis.value(18), (VersionRange { 0, 3 }));
    EXPECT_EQ(r->throttleTimeMs, 0);
}

TEST(ApiVersions, DecodesV3ResponseSkippingFeatureTaggedFields)
{
    const auto r = decodeApiVersionsResponse(hex({
                                                 "00 00", // error code
                                                 "03", // api keys: 2 (compact)
                                                 "00 03 00 00 00 0c 00", // Metadata 0-12, tagged fields
                                                 "00 12 00 00 00 04 00", // ApiVersions 0-4, tagged fields
                                                 "00 00 00 64", // throttle 100 ms
                                                 "02", // tagged fields: 2
                                                 "00 09", // tag 0 SupportedFeatures, 9 bytes:
                                                 "02 03 6d 76 00 01 00 14 00", //   [{"mv", 1, 20}]
                                                 "01 08 00 00 00 00 00 00 00 05", // tag 1 FinalizedFeaturesEpoch 5
                                             }),
        3);
    ASSERT_TRUE(r.ok()) << r.error().toStdString();
    EXPECT_EQ(r->apis.value(3), (VersionRange { 0, 12 }));
    EXPECT_EQ(r->apis.value(18), (VersionRange { 0, 4 }));
    EXPECT_EQ(r->throttleTimeMs, 100);
}

TEST(ApiVersions, UnsupportedVersionAnswerInV0LayoutDecodesForAV3Request)
{
    // What a broker without ApiVersions v3 (e.g. the librdkafka mock) sends back to our v3 request.
    const auto r = decodeApiVersionsResponse(hex({
                                                 "00 23", // error code 35 UNSUPPORTED_VERSION
                                                 "00 00 00 01", // api keys: 1
                                                 "00 12 00 00 00 02", // ApiVersions 0-2
                                             }),
        3);
    ASSERT_TRUE(r.ok()) << r.error().toStdString();
    EXPECT_EQ(r->errorCode, 35);
    EXPECT_EQ(r->apis.value(18), (VersionRange { 0, 2 }));
}

TEST(ApiVersions, EncodesUnsupportedVersionAnswerInV0LayoutLikeABroker)
{
    ApiVersionsResponse r;
    r.errorCode = 35;
    r.apis.insert(18, { 0, 2 });
    EXPECT_BYTES(encodeApiVersionsResponse(r, 3), hex({ "00 23", "00 00 00 01", "00 12 00 00 00 02" }));
}

TEST(ApiVersions, RoundTripsEveryVersion)
{
    for (int16_t v = 0; v <= 3; ++v) {
        const auto decoded = decodeApiVersionsResponse(encodeApiVersionsResponse(sample(v), v), v);
        ASSERT_TRUE(decoded.ok()) << "v" << v << ": " << decoded.error().toStdString();
        EXPECT_EQ(decoded.value(), sample(v)) << "v" << v;
    }
}

TEST(ApiVersions, EveryTruncationFailsInEveryVersion)
{
    for (int16_t v = 0; v <= 3; ++v) {
        SCOPED_TRACE(v);
        kafscope::test::expectEveryTruncationFails(encodeApiVersionsResponse(sample(v), v), decoderFor(v));
    }
}

TEST(ApiVersions, RandomGarbageNeverCrashes)
{
    for (int16_t v = 0; v <= 3; ++v)
        kafscope::test::expectGarbageNeverCrashes(encodeApiVersionsResponse(sample(v), v), decoderFor(v), 1800 + v);
}

TEST(ApiVersions, UnsupportedVersionsAreRefused)
{
    EXPECT_FALSE(decodeApiVersionsResponse(hex({ "00 00" }), 4).ok());
    EXPECT_TRUE(encodeApiVersionsRequest({}, 4).isEmpty());
}
