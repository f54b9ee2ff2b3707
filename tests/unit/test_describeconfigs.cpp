#include "codectest.h"
#include "kafka/protocol/messages.h"

using namespace kafscope;
using namespace kafscope::protocol;
using kafscope::test::hex;

namespace {

// A readable dump so a mismatch shows which entry differs (ConfigResourceResult has no operator==).
std::string dump(const QList<ConfigResourceResult>& results)
{
    QString out;
    for (const ConfigResourceResult& r : results) {
        out += QStringLiteral("%1 %2 error=%3 '%4'\n")
                   .arg(int(r.type))
                   .arg(r.name)
                   .arg(r.errorCode)
                   .arg(r.errorMessage);
        for (const ConfigEntry& e : r.entries) {
            out += QStringLiteral("  %1=%2%3 ro=%4 default=%5 sensitive=%6 source=%7 doc='%8'\n")
                       .arg(e.name, e.value, e.valueIsNull ? QStringLiteral("(null)") : QString())
                       .arg(e.readOnly)
                       .arg(e.isDefault)
                       .arg(e.isSensitive)
                       .arg(int(e.source))
                       .arg(e.documentation);
            for (const ConfigSynonym& s : e.synonyms)
                out += QStringLiteral("    %1=%2%3 source=%4\n")
                           .arg(s.name, s.value, s.valueIsNull ? QStringLiteral("(null)") : QString())
                           .arg(int(s.source));
        }
    }
    return out.toStdString();
}

ConfigEntry entry(const char* name, const char* value, ConfigSource source)
{
    ConfigEntry e;
    e.name = QLatin1String(name);
    e.value = value ? QLatin1String(value) : QString();
    e.valueIsNull = !value;
    e.source = source;
    e.isDefault = source == ConfigSource::Default;
    return e;
}

QList<ConfigResourceResult> sample(int16_t version)
{
    ConfigResourceResult topic;
    topic.type = ConfigResourceType::Topic;
    topic.name = QStringLiteral("orders");
    ConfigEntry retention = entry("retention.ms", "1000", ConfigSource::DynamicTopic);
    retention.synonyms
        = { { QStringLiteral("retention.ms"), QStringLiteral("1000"), false, ConfigSource::DynamicTopic },
              { QStringLiteral("log.retention.hours"), QStringLiteral("168"), false, ConfigSource::Default } };
    retention.documentation = version >= 3 ? QStringLiteral("How long to keep data.") : QString();
    ConfigEntry password = entry("ssl.key.password", nullptr, ConfigSource::StaticBroker);
    password.isSensitive = true;
    password.readOnly = true;
    topic.entries = { retention, password, entry("cleanup.policy", "delete", ConfigSource::Default) };

    ConfigResourceResult broker;
    broker.type = ConfigResourceType::Broker;
    broker.name = QStringLiteral("7");
    broker.errorCode = 29;
    broker.errorMessage = QStringLiteral("no access");
    return { topic, broker };
}

auto decoderFor(int16_t version)
{
    return [version](QByteArrayView body) { return decodeDescribeConfigsResponse(body, version); };
}

} // namespace

TEST(DescribeConfigs, RequestV1WithAllAndNamedKeys)
{
    DescribeConfigsRequest request;
    request.resources = { { ConfigResourceType::Topic, QStringLiteral("orders"), std::nullopt },
        { ConfigResourceType::Broker, QStringLiteral("1"), QStringList { QStringLiteral("a") } } };
    EXPECT_BYTES(encodeDescribeConfigsRequest(request, 1),
        hex({
            "00 00 00 02", // resources: 2
            "02", //   type topic
            "00 06 6f 72 64 65 72 73", //   "orders"
            "ff ff ff ff", //   keys: null = all
            "04", //   type broker
            "00 01 31", //   "1"
            "00 00 00 01 00 01 61", //   keys ["a"]
            "01", // include synonyms
        }));
}

TEST(DescribeConfigs, RequestV4IsFlexibleAndAsksForDocumentation)
{
    DescribeConfigsRequest request;
    request.resources = { { ConfigResourceType::Topic, QStringLiteral("orders"), std::nullopt },
        { ConfigResourceType::Broker, QStringLiteral("1"), QStringList { QStringLiteral("a") } } };
    request.includeDocumentation = true;
    EXPECT_BYTES(encodeDescribeConfigsRequest(request, 4),
        hex({
            "03", // resources: 2
            "02 07 6f 72 64 65 72 73 00 00", // topic, null keys
            "04 02 31 02 02 61 00", // broker "1", ["a"]
            "01", // include synonyms
            "01", // include documentation (v3+)
            "00", // tagged fields
        }));
}

TEST(DescribeConfigs, DecodesV1ResponseDerivingIsDefaultFromSource)
{
    const auto results = decodeDescribeConfigsResponse(hex({
                                                           "00 00 00 00", // throttle
                                                           "00 00 00 01", // results: 1
                                                           "00 00", //   error code
                                                           "ff ff", //   error message null
                                                           "02", //   type topic
                                                           "00 06 6f 72 64 65 72 73", //   "orders"
                                                           "00 00 00 02", //   configs: 2
                                                           "00 01 61 00 01 31", //     "a" = "1"
                                                           "00", //     read only
                                                           "01", //     source: topic override
                                                           "00", //     sensitive
                                                           "00 00 00 01", //     synonyms: 1
                                                           "00 01 61 00 01 31 01", //       "a"="1" topic
                                                           "00 01 62 ff ff", //     "b" = null
                                                           "01", //     read only
                                                           "05", //     source: default
                                                           "01", //     sensitive
                                                           "00 00 00 00", //     synonyms: 0
                                                       }),
        1);
    ASSERT_TRUE(results.ok()) << results.error().toStdString();
    ConfigResourceResult expected;
    expected.type = ConfigResourceType::Topic;
    expected.name = QStringLiteral("orders");
    ConfigEntry a = entry("a", "1", ConfigSource::DynamicTopic);
    a.synonyms = { { QStringLiteral("a"), QStringLiteral("1"), false, ConfigSource::DynamicTopic } };
    ConfigEntry b = entry("b", nullptr, ConfigSource::Default);
    b.readOnly = true;
    b.isSensitive = true;
    expected.entries = { a, b };
    EXPECT_EQ(dump(results.value()), dump({ expected }));
    EXPECT_TRUE(results->at(0).entries[1].isDefault);
    EXPECT_TRUE(results->at(0).entries[1].valueIsNull);
}

TEST(DescribeConfigs, DecodesV4ResponseWithDocumentationErrorsAndTaggedFields)
{
    const auto results = decodeDescribeConfigsResponse(hex({
                                                           "00 00 00 00", // throttle
                                                           "03", // results: 2
                                                           "00 00 00", //   no error, null message
                                                           "04 02 31", //   broker "1"
                                                           "02", //   configs: 1
                                                           "02 61 00", //     "a" = null
                                                           "00 04 00", //     writable, static, not secret
                                                           "02 02 61 00 04 00", //     synonyms ["a"=null static]
                                                           "05", //     config type (skipped)
                                                           "03 64 6f", //     documentation "do"
                                                           "00", //     tagged fields
                                                           "00", //   tagged fields
                                                           "00 1d", //   error 29
                                                           "05 6e 6f 70 65", //   message "nope"
                                                           "02 02 78", //   topic "x"
                                                           "01", //   configs: 0
                                                           "01 01 02 aa bb", //   tagged: tag 1, 2 bytes
                                                           "00", // tagged fields
                                                       }),
        4);
    ASSERT_TRUE(results.ok()) << results.error().toStdString();
    ConfigResourceResult broker;
    broker.type = ConfigResourceType::Broker;
    broker.name = QStringLiteral("1");
    ConfigEntry a = entry("a", nullptr, ConfigSource::StaticBroker);
    a.synonyms = { { QStringLiteral("a"), QString(), true, ConfigSource::StaticBroker } };
    a.documentation = QStringLiteral("do");
    broker.entries = { a };
    ConfigResourceResult denied;
    denied.type = ConfigResourceType::Topic;
    denied.name = QStringLiteral("x");
    denied.errorCode = 29;
    denied.errorMessage = QStringLiteral("nope");
    EXPECT_EQ(dump(results.value()), dump({ broker, denied }));
}

TEST(DescribeConfigs, RoundTripsEveryVersion)
{
    for (int16_t v = 1; v <= 4; ++v) {
        const auto results = decodeDescribeConfigsResponse(encodeDescribeConfigsResponse(sample(v), v), v);
        ASSERT_TRUE(results.ok()) << "v" << v << ": " << results.error().toStdString();
        EXPECT_EQ(dump(results.value()), dump(sample(v))) << "v" << v;
    }
}

TEST(DescribeConfigs, EveryTruncationFailsInEveryVersion)
{
    for (int16_t v = 1; v <= 4; ++v) {
        SCOPED_TRACE(v);
        kafscope::test::expectEveryTruncationFails(encodeDescribeConfigsResponse(sample(v), v), decoderFor(v));
    }
}

TEST(DescribeConfigs, RandomGarbageNeverCrashes)
{
    for (int16_t v = 1; v <= 4; ++v)
        kafscope::test::expectGarbageNeverCrashes(encodeDescribeConfigsResponse(sample(v), v), decoderFor(v), 3200 + v);
}

TEST(DescribeConfigs, UnknownSourceFromNewerBrokerBecomesUnknown)
{
    // A config with source 9 (newer than this client).
    const auto results
        = decodeDescribeConfigsResponse(hex({ "00 00 00 00", "00 00 00 01", "00 00 ff ff 02 00 01 74", "00 00 00 01",
                                            "00 01 61 00 01 31 00 09 00", "00 00 00 00" }),
            1);
    ASSERT_TRUE(results.ok()) << results.error().toStdString();
    EXPECT_EQ(results->at(0).entries[0].source, ConfigSource::Unknown);
}

TEST(DescribeConfigs, ClientMetricsAndGroupSourcesAndResourcesHaveNames)
{
    // Issue #6: CLIENT_METRICS (16) and GROUP (32) resources, CLIENT_METRICS_CONFIG (7) and GROUP_CONFIG (8) sources.
    const auto results = decodeDescribeConfigsResponse(
        hex({ "00 00 00 00", "00 00 00 02", "00 00 ff ff 10 00 01 6d", "00 00 00 01", "00 01 61 00 01 31 00 07 00",
            "00 00 00 00", "00 00 ff ff 20 00 01 67", "00 00 00 01", "00 01 62 00 01 32 00 08 00", "00 00 00 00" }),
        1);
    ASSERT_TRUE(results.ok()) << results.error().toStdString();
    EXPECT_EQ(results->at(0).type, ConfigResourceType::ClientMetrics);
    EXPECT_EQ(results->at(0).entries[0].source, ConfigSource::ClientMetrics);
    EXPECT_EQ(results->at(1).type, ConfigResourceType::Group);
    EXPECT_EQ(results->at(1).entries[0].source, ConfigSource::Group);
    EXPECT_EQ(configResourceTypeName(ConfigResourceType::ClientMetrics), QStringLiteral("client metrics"));
    EXPECT_EQ(configResourceTypeName(ConfigResourceType::Group), QStringLiteral("group"));
    EXPECT_EQ(configSourceName(ConfigSource::ClientMetrics), QStringLiteral("client metrics"));
    EXPECT_EQ(configSourceName(ConfigSource::Group), QStringLiteral("group config"));
}
