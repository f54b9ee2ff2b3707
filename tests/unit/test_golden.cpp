// Kafka's own bytes (issue #6): tests/golden/kafka-<version>.txt holds what the kafka-clients jar's generated message
// classes write for the messages of tests/golden/GoldenBytes.java, every version our codecs claim. Requests: our
// encoder must write the same bytes for the same content. Responses: our decoder must read the values the Java
// program put in, and our encoder must write the bytes back exactly. (The ctest golden.fresh regenerates the file
// from the jar the test cluster uses and fails if it differs, so these bytes stay Kafka's.)
#include "codectest.h"
#include "kafka/protocol/apis/cluster.h"
#include "kafka/protocol/apis/configs.h"
#include "kafka/protocol/apis/groups.h"
#include "kafka/protocol/apis/offsets.h"
#include "kafka/protocol/apis/partitions.h"
#include "kafka/protocol/apis/reassignments.h"
#include "kafka/protocol/apis/sasl.h"
#include "kafka/protocol/apis/topics.h"
#include "kafka/protocol/messages.h"

#include <QFile>
#include <QHash>
#include <QTextStream>

using namespace kafscope;
using namespace kafscope::protocol;

namespace {

struct Golden
{
    // "Metadata response 12" -> bytes; absent from bytes but in unsupported when the jar no longer writes it.
    QHash<QString, QByteArray> bytes;
    QSet<QString> unsupported;
};

QString keyOf(const char* api, const char* kind, int16_t version)
{
    return QStringLiteral("%1 %2 %3").arg(QLatin1String(api), QLatin1String(kind)).arg(version);
}

const Golden& golden()
{
    static const Golden g = [] {
        Golden out;
        QFile file(QStringLiteral(KAFSCOPE_GOLDEN_FILE));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return out;
        QTextStream in(&file);
        while (!in.atEnd()) {
            const auto parts = in.readLine().split(QLatin1Char(' '));
            if (parts.size() != 4)
                continue;
            const auto key = parts.mid(0, 3).join(QLatin1Char(' '));
            if (parts[3] == QLatin1String("unsupported"))
                out.unsupported.insert(key);
            else
                out.bytes.insert(
                    key, parts[3] == QLatin1String("-") ? QByteArray("") : QByteArray::fromHex(parts[3].toLatin1()));
        }
        return out;
    }();
    return g;
}

// Calls check(version, bytes) for every version of `api` that our codecs implement and the jar writes.
template <typename F> int forEachGolden(ApiKey key, const char* api, const char* kind, F check)
{
    int checked = 0;
    const auto range = supportedVersions(key);
    for (int16_t v = range.min; v <= range.max; ++v) {
        const auto k = keyOf(api, kind, v);
        if (golden().unsupported.contains(k))
            continue; // recorded bytes in test_<api>.cpp cover it
        EXPECT_TRUE(golden().bytes.contains(k)) << "no golden bytes for " << k.toStdString();
        if (!golden().bytes.contains(k))
            continue;
        SCOPED_TRACE(k.toStdString());
        check(v, golden().bytes.value(k));
        ++checked;
    }
    return checked;
}

QString dump(const ClusterMetadata& md)
{
    QString out = QStringLiteral("cluster=%1 controller=%2\n").arg(md.clusterId).arg(md.controllerId);
    auto list = [](const QList<int32_t>& l) {
        QStringList s;
        for (int32_t x : l)
            s << QString::number(x);
        return s.join(QLatin1Char(','));
    };
    for (const auto& b : md.brokers)
        out += QStringLiteral("broker %1 %2:%3 rack=%4\n").arg(b.nodeId).arg(b.host).arg(b.port).arg(b.rack);
    for (const auto& t : md.topics) {
        out += QStringLiteral("topic %1 id=%2 err=%3 internal=%4\n")
                   .arg(t.name, QString::fromLatin1(t.topicId.toHex()))
                   .arg(t.errorCode)
                   .arg(t.isInternal ? QStringLiteral("true") : QStringLiteral("false"));
        for (const auto& p : t.partitions)
            out += QStringLiteral("  p%1 err=%2 leader=%3 epoch=%4 replicas=%5 isr=%6 offline=%7\n")
                       .arg(p.partition)
                       .arg(p.errorCode)
                       .arg(p.leader)
                       .arg(p.leaderEpoch)
                       .arg(list(p.replicas), list(p.isr), list(p.offlineReplicas));
    }
    return out;
}

// What GoldenBytes.java's metadataResponse(v) holds, as our decoder should read it at version v.
QString expectedMetadata(int16_t v)
{
    const QString epoch0 = v >= 7 ? QStringLiteral("7") : QStringLiteral("-1");
    const QString epoch1 = v >= 7 ? QStringLiteral("4") : QStringLiteral("-1");
    const QString epochOffsets = v >= 7 ? QStringLiteral("0") : QStringLiteral("-1");
    return QStringLiteral("cluster=%1 controller=2\n"
                          "broker 1 127.0.0.1:19192 rack=rack-a\n"
                          "broker 2 broker-2.example:29192 rack=\n"
                          "broker 3 b3:39192 rack=rack-c\n"
                          "topic orders id=%2 err=0 internal=false\n"
                          "  p0 err=0 leader=1 epoch=%3 replicas=1,2,3 isr=1,2 offline=%4\n"
                          "  p1 err=5 leader=-1 epoch=%5 replicas=2 isr= offline=%6\n"
                          "topic __consumer_offsets id= err=0 internal=true\n"
                          "  p0 err=0 leader=3 epoch=%7 replicas=3,1,2 isr=3,1,2 offline=\n"
                          "topic missing id= err=3 internal=false\n")
        .arg(v >= 2 ? QStringLiteral("golden-cluster-id") : QString(),
            v >= 10 ? QStringLiteral("0123456789abcdef0fedcba987654321") : QString(), epoch0,
            v >= 5 ? QStringLiteral("3") : QString(), epoch1, v >= 5 ? QStringLiteral("2") : QString(), epochOffsets);
}

} // namespace

TEST(GoldenBytes, FileHasEveryVersionOurCodecsImplement)
{
    ASSERT_FALSE(golden().bytes.isEmpty()) << "cannot read " << KAFSCOPE_GOLDEN_FILE;
    for (const auto& [key, api] : { std::pair { ApiKey::ApiVersions, "ApiVersions" }, { ApiKey::Metadata, "Metadata" },
             { ApiKey::ListOffsets, "ListOffsets" }, { ApiKey::DescribeConfigs, "DescribeConfigs" } }) {
        const auto range = supportedVersions(key);
        for (int16_t v = range.min; v <= range.max; ++v)
            for (const char* kind : { "request", "response" }) {
                const auto k = keyOf(api, kind, v);
                EXPECT_TRUE(golden().bytes.contains(k) || golden().unsupported.contains(k)) << k.toStdString();
            }
    }
}

TEST(GoldenBytes, ApiVersionsRequestIsKafkasBytes)
{
    EXPECT_EQ(forEachGolden(ApiKey::ApiVersions, "ApiVersions", "request",
                  [](int16_t v, const QByteArray& bytes) { EXPECT_BYTES(encodeApiVersionsRequest({}, v), bytes); }),
        4);
}

TEST(GoldenBytes, ApiVersionsResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::ApiVersions, "ApiVersions", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeApiVersionsResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      const QMap<int16_t, VersionRange> apis { { 0, { 3, 11 } }, { 3, { 1, 12 } }, { 18, { 0, 4 } },
                          { 32, { 1, 4 } } };
                      EXPECT_EQ(decoded->errorCode, 0);
                      EXPECT_EQ(decoded->apis, apis);
                      EXPECT_EQ(decoded->throttleTimeMs, v >= 1 ? 25 : 0);
                      EXPECT_BYTES(encodeApiVersionsResponse(decoded.value(), v), bytes);
                  }),
        4);
}

TEST(GoldenBytes, MetadataRequestIsKafkasBytes)
{
    MetadataRequest request;
    request.topics = QStringList { QStringLiteral("orders"), QStringLiteral("payments") };
    EXPECT_EQ(forEachGolden(ApiKey::Metadata, "Metadata", "request",
                  [&](int16_t v, const QByteArray& bytes) { EXPECT_BYTES(encodeMetadataRequest(request, v), bytes); }),
        12);
}

TEST(GoldenBytes, MetadataResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::Metadata, "Metadata", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeMetadataResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      EXPECT_EQ(dump(decoded.value()), expectedMetadata(v));
                      EXPECT_BYTES(encodeMetadataResponse(decoded.value(), v), bytes);
                  }),
        12);
}

TEST(GoldenBytes, ListOffsetsRequestIsKafkasBytes)
{
    ListOffsetsRequest request;
    request.replicaId = -1;
    request.isolationLevel = 1;
    request.topics = { { QStringLiteral("orders"), { { 0, 7, -1 }, { 1, -1, -2 } } },
        { QStringLiteral("payments"), { { 0, 3, 1700000000000 } } } };
    EXPECT_EQ(
        forEachGolden(ApiKey::ListOffsets, "ListOffsets", "request",
            [&](int16_t v, const QByteArray& bytes) { EXPECT_BYTES(encodeListOffsetsRequest(request, v), bytes); }),
        7);
}

TEST(GoldenBytes, ListOffsetsResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::ListOffsets, "ListOffsets", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeListOffsetsResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      const int32_t e = v >= 4 ? 0 : -1; // leader epochs exist from v4
                      const QList<PartitionOffset> expected {
                          { QStringLiteral("orders"), 0, 0, 1234, -1, e < 0 ? -1 : 7 },
                          { QStringLiteral("orders"), 1, 6, -1, -1, -1 },
                          { QStringLiteral("payments"), 0, 0, 42, 1700000000123, e < 0 ? -1 : 3 },
                      };
                      EXPECT_EQ(decoded.value(), expected);
                      EXPECT_BYTES(encodeListOffsetsResponse(decoded.value(), v), bytes);
                  }),
        7);
}

TEST(GoldenBytes, DescribeConfigsRequestIsKafkasBytes)
{
    DescribeConfigsRequest request;
    request.resources = {
        { ConfigResourceType::Topic, QStringLiteral("orders"), std::nullopt },
        { ConfigResourceType::Broker, QStringLiteral("1"),
            QStringList { QStringLiteral("log.retention.ms"), QStringLiteral("num.io.threads") } },
        { ConfigResourceType::BrokerLogger, QStringLiteral("2"), std::nullopt },
    };
    request.includeSynonyms = true;
    request.includeDocumentation = true;
    EXPECT_EQ(
        forEachGolden(ApiKey::DescribeConfigs, "DescribeConfigs", "request",
            [&](int16_t v, const QByteArray& bytes) { EXPECT_BYTES(encodeDescribeConfigsRequest(request, v), bytes); }),
        4);
}

TEST(GoldenBytes, DescribeConfigsResponseDecodesAndReencodes)
{
    EXPECT_EQ(
        forEachGolden(ApiKey::DescribeConfigs, "DescribeConfigs", "response",
            [](int16_t v, const QByteArray& bytes) {
                const auto decoded = decodeDescribeConfigsResponse(bytes, v);
                ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                ASSERT_EQ(decoded->size(), 2);
                const auto& topic = decoded->at(0);
                EXPECT_EQ(topic.type, ConfigResourceType::Topic);
                EXPECT_EQ(topic.name, QStringLiteral("orders"));
                EXPECT_EQ(topic.errorCode, 0);
                ASSERT_EQ(topic.entries.size(), 2);
                ConfigEntry retention;
                retention.name = QStringLiteral("retention.ms");
                retention.value = QStringLiteral("604800000");
                retention.source = ConfigSource::DynamicTopic;
                retention.synonyms = { { QStringLiteral("retention.ms"), QStringLiteral("604800000"), false,
                                           ConfigSource::DynamicTopic },
                    { QStringLiteral("log.retention.hours"), QStringLiteral("168"), false, ConfigSource::Default } };
                ConfigEntry secret;
                secret.name = QStringLiteral("sasl.jaas.config");
                secret.valueIsNull = true;
                secret.readOnly = true;
                secret.isSensitive = true;
                secret.source = ConfigSource::StaticBroker;
                if (v >= 3) {
                    retention.configType = 5; // LONG
                    retention.documentation = QStringLiteral("How long a log segment is kept before it is deleted.");
                    secret.configType = 9; // PASSWORD
                }
                EXPECT_EQ(topic.entries[0], retention);
                EXPECT_EQ(topic.entries[1], secret);
                const auto& broker = decoded->at(1);
                EXPECT_EQ(broker.type, ConfigResourceType::Broker);
                EXPECT_EQ(broker.name, QStringLiteral("9"));
                EXPECT_EQ(broker.errorCode, 56);
                EXPECT_EQ(broker.errorMessage, QStringLiteral("Broker 9 is not available"));
                EXPECT_TRUE(broker.entries.isEmpty());
                EXPECT_BYTES(encodeDescribeConfigsResponse(decoded.value(), v), bytes);
            }),
        4);
}

// ---- issue #7: the topic and config families ----

namespace {
const QByteArray kOrdersId = QByteArray::fromHex("0123456789abcdef0fedcba987654321");
}

TEST(GoldenBytes, CreateTopicsRequestIsKafkasBytes)
{
    CreateTopicsRequest request;
    CreatableTopic orders;
    orders.name = QStringLiteral("orders");
    orders.numPartitions = 6;
    orders.replicationFactor = 3;
    orders.configs = { { QStringLiteral("retention.ms"), QStringLiteral("86400000") },
        { QStringLiteral("cleanup.policy"), QStringLiteral("compact,delete") } };
    CreatableTopic placed;
    placed.name = QStringLiteral("placed");
    placed.assignments = { { 0, { 1, 2 } }, { 1, { 2, 3 } } };
    request.topics = { orders, placed };
    request.timeoutMs = 30000;
    request.validateOnly = true;
    EXPECT_EQ(
        forEachGolden(ApiKey::CreateTopics, "CreateTopics", "request",
            [&](int16_t v, const QByteArray& bytes) { EXPECT_BYTES(encodeCreateTopicsRequest(request, v), bytes); }),
        6);
}

TEST(GoldenBytes, CreateTopicsResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::CreateTopics, "CreateTopics", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeCreateTopicsResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      ASSERT_EQ(decoded->topics.size(), 2);
                      CreatableTopicResult ok;
                      ok.name = QStringLiteral("orders");
                      CreatableTopicResult bad;
                      bad.name = QStringLiteral("taken");
                      bad.errorCode = 36; // TOPIC_ALREADY_EXISTS
                      bad.errorMessage = QStringLiteral("Topic 'taken' already exists.");
                      if (v >= 5) {
                          ok.numPartitions = 6;
                          ok.replicationFactor = 3;
                          ok.configs = QList<CreatedTopicConfig> { { QStringLiteral("retention.ms"),
                                                                       QStringLiteral("86400000"), false, 1, false },
                              { QStringLiteral("sasl.secret"), std::nullopt, true, 5, true } };
                          bad.topicConfigErrorCode = 29; // tagged field 0
                      }
                      if (v >= 7)
                          ok.topicId = kOrdersId;
                      EXPECT_EQ(decoded->topics[0], ok);
                      EXPECT_EQ(decoded->topics[1], bad);
                      EXPECT_BYTES(encodeCreateTopicsResponse(decoded.value(), v), bytes);
                  }),
        6);
}

TEST(GoldenBytes, DeleteTopicsRequestIsKafkasBytes)
{
    DeleteTopicsRequest request;
    request.names = { QStringLiteral("orders"), QStringLiteral("payments") };
    request.timeoutMs = 30000;
    EXPECT_EQ(
        forEachGolden(ApiKey::DeleteTopics, "DeleteTopics", "request",
            [&](int16_t v, const QByteArray& bytes) { EXPECT_BYTES(encodeDeleteTopicsRequest(request, v), bytes); }),
        6);
}

TEST(GoldenBytes, DeleteTopicsResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::DeleteTopics, "DeleteTopics", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeDeleteTopicsResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      DeletableTopicResult ok { QStringLiteral("orders"), v >= 6 ? kOrdersId : QByteArray(), 0, {} };
                      DeletableTopicResult missing { QStringLiteral("payments"), {}, 3, {} };
                      if (v >= 5)
                          missing.errorMessage = QStringLiteral("This server does not host this topic-partition.");
                      ASSERT_EQ(decoded->results.size(), 2);
                      EXPECT_EQ(decoded->results[0], ok);
                      EXPECT_EQ(decoded->results[1], missing);
                      EXPECT_BYTES(encodeDeleteTopicsResponse(decoded.value(), v), bytes);
                  }),
        6);
}

TEST(GoldenBytes, IncrementalAlterConfigsRequestIsKafkasBytes)
{
    IncrementalAlterConfigsRequest request;
    request.resources = {
        { ConfigResourceType::Topic, QStringLiteral("orders"),
            { { QStringLiteral("retention.ms"), ConfigOperation::Set, QStringLiteral("3600000") },
                { QStringLiteral("segment.ms"), ConfigOperation::Delete, std::nullopt } } },
        { ConfigResourceType::Broker, QString(),
            { { QStringLiteral("log.cleaner.threads"), ConfigOperation::Set, QStringLiteral("2") } } },
    };
    request.validateOnly = true;
    EXPECT_EQ(forEachGolden(ApiKey::IncrementalAlterConfigs, "IncrementalAlterConfigs", "request",
                  [&](int16_t v, const QByteArray& bytes) {
                      EXPECT_BYTES(encodeIncrementalAlterConfigsRequest(request, v), bytes);
                  }),
        2);
}

TEST(GoldenBytes, IncrementalAlterConfigsResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::IncrementalAlterConfigs, "IncrementalAlterConfigs", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeIncrementalAlterConfigsResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      const QList<AlterConfigsResourceResponse> expected { { 0, std::nullopt, ConfigResourceType::Topic,
                                                                               QStringLiteral("orders") },
                          { 40, QStringLiteral("Invalid value abc for configuration retention.ms"),
                              ConfigResourceType::Broker, QStringLiteral("1") } };
                      EXPECT_EQ(decoded->responses, expected);
                      EXPECT_BYTES(encodeIncrementalAlterConfigsResponse(decoded.value(), v), bytes);
                  }),
        2);
}

TEST(GoldenBytes, CreatePartitionsRequestIsKafkasBytes)
{
    CreatePartitionsRequest request;
    request.topics = { { QStringLiteral("orders"), 12, std::nullopt },
        { QStringLiteral("placed"), 3, QList<QList<int32_t>> { { 1, 2 }, { 3, 1 } } } };
    request.validateOnly = true;
    EXPECT_EQ(forEachGolden(ApiKey::CreatePartitions, "CreatePartitions", "request",
                  [&](int16_t v, const QByteArray& bytes) {
                      EXPECT_BYTES(encodeCreatePartitionsRequest(request, v), bytes);
                  }),
        4);
}

TEST(GoldenBytes, CreatePartitionsResponseDecodesAndReencodes)
{
    EXPECT_EQ(
        forEachGolden(ApiKey::CreatePartitions, "CreatePartitions", "response",
            [](int16_t v, const QByteArray& bytes) {
                const auto decoded = decodeCreatePartitionsResponse(bytes, v);
                ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                const QList<CreatePartitionsTopicResult> expected { { QStringLiteral("orders"), 0, std::nullopt },
                    { QStringLiteral("placed"), 37,
                        QStringLiteral("Topic currently has 6 partitions, which is higher than the requested 3.") } };
                EXPECT_EQ(decoded->results, expected);
                EXPECT_BYTES(encodeCreatePartitionsResponse(decoded.value(), v), bytes);
            }),
        4);
}

TEST(GoldenBytes, DescribeLogDirsRequestIsKafkasBytes)
{
    DescribeLogDirsRequest request;
    request.topics = QList<DescribableLogDirTopic> { { QStringLiteral("orders"), { 0, 1, 2 } } };
    EXPECT_EQ(
        forEachGolden(ApiKey::DescribeLogDirs, "DescribeLogDirs", "request",
            [&](int16_t v, const QByteArray& bytes) { EXPECT_BYTES(encodeDescribeLogDirsRequest(request, v), bytes); }),
        4);
}

TEST(GoldenBytes, DescribeLogDirsResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::DescribeLogDirs, "DescribeLogDirs", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeDescribeLogDirsResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      ASSERT_EQ(decoded->results.size(), 2);
                      const auto& data = decoded->results[0];
                      EXPECT_EQ(data.errorCode, 0);
                      EXPECT_EQ(data.logDir, QStringLiteral("/var/lib/kafka/data"));
                      const QList<LogDirTopic> topics { { QStringLiteral("orders"),
                          { { 0, 1048576, 0, false }, { 2, Q_INT64_C(5000000000), 12, true } } } };
                      EXPECT_EQ(data.topics, topics);
                      EXPECT_EQ(data.totalBytes, v >= 4 ? Q_INT64_C(500107862016) : -1);
                      EXPECT_EQ(data.usableBytes, v >= 4 ? Q_INT64_C(123456789012) : -1);
                      EXPECT_EQ(decoded->results[1].errorCode, 56); // KAFKA_STORAGE_ERROR: an offline dir
                      EXPECT_EQ(decoded->results[1].logDir, QStringLiteral("/mnt/broken"));
                      EXPECT_BYTES(encodeDescribeLogDirsResponse(decoded.value(), v), bytes);
                  }),
        4);
}

TEST(GoldenBytes, DescribeLogDirsAsksForEveryTopicWithANullArray)
{
    // Not among the golden messages (one request per version): null is -1 before v2, 0 (compact null) from v2.
    EXPECT_EQ(encodeDescribeLogDirsRequest({}, 1).toHex(), QByteArray("ffffffff"));
    EXPECT_EQ(encodeDescribeLogDirsRequest({}, 4).toHex(), QByteArray("0000"));
}

TEST(GoldenBytes, AlterPartitionReassignmentsRequestIsKafkasBytes)
{
    EXPECT_EQ(forEachGolden(ApiKey::AlterPartitionReassignments, "AlterPartitionReassignments", "request",
                  [&](int16_t v, const QByteArray& bytes) {
                      AlterPartitionReassignmentsRequest request;
                      request.allowReplicationFactorChange = v < 1; // v1 carries false; v0 has no field
                      request.topics = { { QStringLiteral("orders"),
                          { { 0, QList<int32_t> { 1, 2, 3 } }, { 1, std::nullopt } } } };
                      EXPECT_BYTES(encodeAlterPartitionReassignmentsRequest(request, v), bytes);
                  }),
        2);
}

TEST(GoldenBytes, AlterPartitionReassignmentsResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::AlterPartitionReassignments, "AlterPartitionReassignments", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeAlterPartitionReassignmentsResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      EXPECT_EQ(decoded->errorCode, 0);
                      EXPECT_EQ(decoded->allowReplicationFactorChange, v < 1);
                      const QList<ReassignableTopicResponse> expected { { QStringLiteral("orders"),
                          { { 0, 0, std::nullopt },
                              { 1, 85, QStringLiteral("No reassignment in progress for partition orders-1") } } } };
                      EXPECT_EQ(decoded->responses, expected);
                      EXPECT_BYTES(encodeAlterPartitionReassignmentsResponse(decoded.value(), v), bytes);
                  }),
        2);
}

TEST(GoldenBytes, ListPartitionReassignmentsRequestIsKafkasBytes)
{
    ListPartitionReassignmentsRequest request;
    request.topics = QList<ListReassignmentsTopic> { { QStringLiteral("orders"), { 0, 1 } } };
    EXPECT_EQ(forEachGolden(ApiKey::ListPartitionReassignments, "ListPartitionReassignments", "request",
                  [&](int16_t v, const QByteArray& bytes) {
                      EXPECT_BYTES(encodeListPartitionReassignmentsRequest(request, v), bytes);
                  }),
        1);
}

TEST(GoldenBytes, ListPartitionReassignmentsResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::ListPartitionReassignments, "ListPartitionReassignments", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeListPartitionReassignmentsResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      const QList<OngoingTopicReassignment> expected { { QStringLiteral("orders"),
                          { { 0, { 1, 2, 3 }, { 2, 3 }, {} } } } };
                      EXPECT_EQ(decoded->topics, expected);
                      EXPECT_BYTES(encodeListPartitionReassignmentsResponse(decoded.value(), v), bytes);
                  }),
        1);
}

TEST(GoldenBytes, ElectLeadersRequestIsKafkasBytes)
{
    ElectLeadersRequest request;
    request.topicPartitions = QList<ElectTopicPartitions> { { QStringLiteral("orders"), { 0, 2 } } };
    EXPECT_EQ(
        forEachGolden(ApiKey::ElectLeaders, "ElectLeaders", "request",
            [&](int16_t v, const QByteArray& bytes) { EXPECT_BYTES(encodeElectLeadersRequest(request, v), bytes); }),
        3);
    request.type = ElectionType::Unclean;
    QString error;
    EXPECT_TRUE(encodeElectLeadersRequest(request, 0, &error).isEmpty()); // v0 knows only preferred elections
    EXPECT_FALSE(error.isEmpty());
}

TEST(GoldenBytes, ElectLeadersResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::ElectLeaders, "ElectLeaders", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeElectLeadersResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      const QList<ElectionTopicResult> expected { { QStringLiteral("orders"),
                          { { 0, 0, std::nullopt },
                              { 2, 84, QStringLiteral("Leader election not needed for topic partition.") } } } };
                      EXPECT_EQ(decoded->results, expected);
                      EXPECT_BYTES(encodeElectLeadersResponse(decoded.value(), v), bytes);
                  }),
        3);
}

TEST(GoldenBytes, DeleteRecordsRequestIsKafkasBytes)
{
    DeleteRecordsRequest request;
    request.topics = { { QStringLiteral("orders"), { { 0, 100 }, { 1, -1 } } } };
    EXPECT_EQ(
        forEachGolden(ApiKey::DeleteRecords, "DeleteRecords", "request",
            [&](int16_t v, const QByteArray& bytes) { EXPECT_BYTES(encodeDeleteRecordsRequest(request, v), bytes); }),
        2);
}

TEST(GoldenBytes, DeleteRecordsResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::DeleteRecords, "DeleteRecords", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeDeleteRecordsResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      const QList<DeleteRecordsTopicResult> expected { { QStringLiteral("orders"),
                          { { 0, 100, 0 }, { 1, -1, 1 } } } };
                      EXPECT_EQ(decoded->topics, expected);
                      EXPECT_BYTES(encodeDeleteRecordsResponse(decoded.value(), v), bytes);
                  }),
        2);
}

TEST(GoldenBytes, DescribeQuorumRequestIsKafkasBytes)
{
    EXPECT_EQ(forEachGolden(ApiKey::DescribeQuorum, "DescribeQuorum", "request",
                  [&](int16_t v, const QByteArray& bytes) { EXPECT_BYTES(encodeDescribeQuorumRequest(v), bytes); }),
        3);
}

TEST(GoldenBytes, DescribeQuorumResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::DescribeQuorum, "DescribeQuorum", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeDescribeQuorumResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      EXPECT_EQ(decoded->topic, QStringLiteral("__cluster_metadata"));
                      EXPECT_EQ(decoded->leaderId, 1);
                      EXPECT_EQ(decoded->leaderEpoch, 7);
                      EXPECT_EQ(decoded->highWatermark, 4242);
                      ASSERT_EQ(decoded->voters.size(), 2);
                      ASSERT_EQ(decoded->observers.size(), 1);
                      EXPECT_EQ(decoded->voters[1].replicaId, 2);
                      EXPECT_EQ(decoded->voters[1].logEndOffset, 4240);
                      EXPECT_EQ(decoded->voters[1].lastFetchTimestamp, v >= 1 ? Q_INT64_C(1759999999900) : -1);
                      EXPECT_EQ(decoded->voters[1].lastCaughtUpTimestamp, v >= 1 ? Q_INT64_C(1759999999000) : -1);
                      EXPECT_EQ(decoded->voters[0].directoryId.size(), v >= 2 ? 16 : 0);
                      EXPECT_EQ(decoded->observers[0].replicaId, 4);
                      EXPECT_EQ(decoded->observers[0].lastFetchTimestamp, -1);
                      if (v >= 2) {
                          ASSERT_EQ(decoded->nodes.size(), 1);
                          EXPECT_EQ(decoded->nodes[0].listeners.at(0),
                              (QuorumListener { QStringLiteral("CONTROLLER"), QStringLiteral("127.0.0.1"), 49093 }));
                      }
                      EXPECT_BYTES(encodeDescribeQuorumResponse(decoded.value(), v), bytes);
                  }),
        3);
}

TEST(GoldenBytes, DescribeClusterRequestIsKafkasBytes)
{
    EXPECT_EQ(
        forEachGolden(ApiKey::DescribeCluster, "DescribeCluster", "request",
            [&](int16_t v, const QByteArray& bytes) { EXPECT_BYTES(encodeDescribeClusterRequest({}, v), bytes); }),
        3);
}

TEST(GoldenBytes, DescribeClusterResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::DescribeCluster, "DescribeCluster", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeDescribeClusterResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      EXPECT_EQ(decoded->clusterId, QStringLiteral("kafscope-cluster"));
                      EXPECT_EQ(decoded->controllerId, 1);
                      const QList<DescribeClusterBroker> expected {
                          { 1, QStringLiteral("127.0.0.1"), 19092, QStringLiteral("rack-a"), false },
                          { 2, QStringLiteral("127.0.0.1"), 29092, std::nullopt, v >= 2 },
                      };
                      EXPECT_EQ(decoded->brokers, expected);
                      EXPECT_BYTES(encodeDescribeClusterResponse(decoded.value(), v), bytes);
                  }),
        3);
}

// ---- the group and offset families ----

namespace {

const QByteArray kPaymentsId = QByteArray::fromHex("11112222333344445555666677778888");

QByteArray goldenData(const char* name, int16_t version)
{
    return golden().bytes.value(keyOf(name, "data", version));
}

// "x" from version `first` on, the empty string before.
QString since(int16_t v, int16_t first, const char* value)
{
    return v >= first ? QString::fromLatin1(value) : QString();
}

} // namespace

TEST(GoldenBytes, ListGroupsRequestIsKafkasBytes)
{
    EXPECT_EQ(forEachGolden(ApiKey::ListGroups, "ListGroups", "request",
                  [](int16_t v, const QByteArray& bytes) {
                      ListGroupsRequest request;
                      if (v >= 4)
                          request.statesFilter = QStringList { QStringLiteral("Stable"), QStringLiteral("Empty") };
                      if (v >= 5)
                          request.typesFilter = QStringList { QStringLiteral("classic"), QStringLiteral("consumer") };
                      EXPECT_BYTES(encodeListGroupsRequest(request, v), bytes);
                  }),
        6);
}

TEST(GoldenBytes, ListGroupsResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::ListGroups, "ListGroups", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeListGroupsResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      EXPECT_EQ(decoded->throttleTimeMs, v >= 1 ? 10 : 0);
                      EXPECT_EQ(decoded->errorCode, 0);
                      const QList<ListedGroup> expected {
                          { QStringLiteral("orders-app"), QStringLiteral("consumer"), since(v, 4, "Stable"),
                              since(v, 5, "classic") },
                          { QStringLiteral("kip848-app"), QString(), since(v, 4, "Empty"), since(v, 5, "consumer") },
                          { QStringLiteral("connect-cluster"), QStringLiteral("connect"),
                              since(v, 4, "PreparingRebalance"), since(v, 5, "classic") },
                      };
                      EXPECT_EQ(decoded->groups, expected);
                      EXPECT_BYTES(encodeListGroupsResponse(decoded.value(), v), bytes);
                  }),
        6);
}

TEST(GoldenBytes, FindCoordinatorRequestIsKafkasBytes)
{
    EXPECT_EQ(forEachGolden(ApiKey::FindCoordinator, "FindCoordinator", "request",
                  [](int16_t v, const QByteArray& bytes) {
                      FindCoordinatorRequest request;
                      request.keys = QStringList { QStringLiteral("orders-app") };
                      if (v >= 4) // batched (KIP-699)
                          request.keys.append(QStringLiteral("payments-app"));
                      EXPECT_BYTES(encodeFindCoordinatorRequest(request, v), bytes);
                  }),
        7);
}

TEST(GoldenBytes, FindCoordinatorResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::FindCoordinator, "FindCoordinator", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeFindCoordinatorResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      EXPECT_EQ(decoded->throttleTimeMs, v >= 1 ? 5 : 0);
                      QList<Coordinator> expected;
                      if (v <= 3) {
                          expected = { { QString(), 2, QStringLiteral("broker-2.example"), 29092, 0, std::nullopt } };
                      } else {
                          expected = { { QStringLiteral("orders-app"), 2, QStringLiteral("broker-2.example"), 29092, 0,
                                           std::nullopt },
                              { QStringLiteral("payments-app"), -1, QString(), -1, 15,
                                  QStringLiteral("The coordinator is not available.") } };
                      }
                      EXPECT_EQ(decoded->coordinators, expected);
                      EXPECT_BYTES(encodeFindCoordinatorResponse(decoded.value(), v), bytes);
                  }),
        7);
}

TEST(GoldenBytes, DescribeGroupsRequestIsKafkasBytes)
{
    DescribeGroupsRequest request;
    request.groups = QStringList { QStringLiteral("orders-app"), QStringLiteral("missing-app") };
    request.includeAuthorizedOperations = true; // v3+; dropped before
    EXPECT_EQ(
        forEachGolden(ApiKey::DescribeGroups, "DescribeGroups", "request",
            [&](int16_t v, const QByteArray& bytes) { EXPECT_BYTES(encodeDescribeGroupsRequest(request, v), bytes); }),
        7);
}

TEST(GoldenBytes, DescribeGroupsResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::DescribeGroups, "DescribeGroups", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeDescribeGroupsResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      EXPECT_EQ(decoded->throttleTimeMs, v >= 1 ? 7 : 0);
                      const DescribedGroupMember one { QStringLiteral("consumer-1-5f2a"),
                          v >= 4 ? std::optional<QString>(QStringLiteral("instance-1")) : std::nullopt,
                          QStringLiteral("consumer-1"), QStringLiteral("/10.0.0.1"),
                          goldenData("ConsumerProtocolSubscription", 3), goldenData("ConsumerProtocolAssignment", 3) };
                      const DescribedGroupMember two { QStringLiteral("consumer-2-77b1"), std::nullopt,
                          QStringLiteral("consumer-2"), QStringLiteral("/10.0.0.2"),
                          goldenData("ConsumerProtocolSubscription", 0), QByteArray() };
                      const DescribedGroup orders { 0, std::nullopt, QStringLiteral("orders-app"),
                          QStringLiteral("Stable"), QStringLiteral("consumer"), QStringLiteral("range"), { one, two },
                          v >= 3 ? 2552 : INT32_MIN };
                      DescribedGroup missing;
                      missing.groupId = QStringLiteral("missing-app");
                      if (v >= 6) { // GROUP_ID_NOT_FOUND (KIP-1043); a Dead group before
                          missing.errorCode = 69;
                          missing.errorMessage = QStringLiteral("Group missing-app not found.");
                      } else {
                          missing.groupState = QStringLiteral("Dead");
                      }
                      ASSERT_EQ(decoded->groups.size(), 2);
                      EXPECT_EQ(decoded->groups[0], orders);
                      EXPECT_EQ(decoded->groups[1], missing);
                      // The consumer protocol's bytes inside decode too.
                      const auto assignment
                          = decodeConsumerProtocolAssignment(decoded->groups[0].members[0].memberAssignment);
                      ASSERT_TRUE(assignment.ok()) << assignment.error().toStdString();
                      EXPECT_EQ(assignment->assignedPartitions.value(0),
                          (ConsumerProtocolTopicPartitions { QStringLiteral("orders"), { 0, 2, 4 } }));
                      EXPECT_BYTES(encodeDescribeGroupsResponse(decoded.value(), v), bytes);
                  }),
        7);
}

TEST(GoldenBytes, ConsumerProtocolAssignmentDecodesAndReencodes)
{
    int checked = 0;
    for (int16_t v = 0; v <= 3; ++v) {
        SCOPED_TRACE(v);
        const QByteArray bytes = goldenData("ConsumerProtocolAssignment", v);
        ASSERT_FALSE(bytes.isEmpty());
        const auto decoded = decodeConsumerProtocolAssignment(bytes);
        ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
        const ConsumerProtocolAssignment expected { v,
            { { QStringLiteral("orders"), { 0, 2, 4 } }, { QStringLiteral("payments"), { 1 } } },
            QByteArray::fromHex("cafe") };
        EXPECT_EQ(decoded.value(), expected);
        EXPECT_BYTES(encodeConsumerProtocolAssignment(decoded.value(), v), bytes);
        ++checked;
    }
    EXPECT_EQ(checked, 4);
}

TEST(GoldenBytes, ConsumerProtocolSubscriptionDecodesAndReencodes)
{
    int checked = 0;
    for (int16_t v = 0; v <= 3; ++v) {
        SCOPED_TRACE(v);
        const QByteArray bytes = goldenData("ConsumerProtocolSubscription", v);
        ASSERT_FALSE(bytes.isEmpty());
        const auto decoded = decodeConsumerProtocolSubscription(bytes);
        ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
        ConsumerProtocolSubscription expected;
        expected.version = v;
        expected.topics = QStringList { QStringLiteral("orders"), QStringLiteral("payments") };
        if (v >= 1)
            expected.ownedPartitions = { { QStringLiteral("orders"), { 0, 2 } } };
        if (v >= 2)
            expected.generationId = 5;
        if (v >= 3)
            expected.rackId = QStringLiteral("rack-a");
        EXPECT_EQ(decoded.value(), expected);
        EXPECT_BYTES(encodeConsumerProtocolSubscription(decoded.value(), v), bytes);
        ++checked;
    }
    EXPECT_EQ(checked, 4);
}

TEST(GoldenBytes, ConsumerGroupDescribeRequestIsKafkasBytes)
{
    ConsumerGroupDescribeRequest request;
    request.groupIds = QStringList { QStringLiteral("kip848-app"), QStringLiteral("missing") };
    request.includeAuthorizedOperations = true;
    EXPECT_EQ(forEachGolden(ApiKey::ConsumerGroupDescribe, "ConsumerGroupDescribe", "request",
                  [&](int16_t v, const QByteArray& bytes) {
                      EXPECT_BYTES(encodeConsumerGroupDescribeRequest(request, v), bytes);
                  }),
        2);
}

TEST(GoldenBytes, ConsumerGroupDescribeResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::ConsumerGroupDescribe, "ConsumerGroupDescribe", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeConsumerGroupDescribeResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      ConsumerGroupMemberDescription one;
                      one.memberId = QStringLiteral("Xk3v9Q");
                      one.rackId = QStringLiteral("rack-a");
                      one.memberEpoch = 12;
                      one.clientId = QStringLiteral("consumer-1");
                      one.clientHost = QStringLiteral("/10.0.0.1");
                      one.subscribedTopicNames = QStringList { QStringLiteral("orders"), QStringLiteral("payments") };
                      one.assignment.topicPartitions = { { kOrdersId, QStringLiteral("orders"), { 0, 1 } },
                          { kPaymentsId, QStringLiteral("payments"), { 0 } } };
                      one.targetAssignment.topicPartitions = { { kOrdersId, QStringLiteral("orders"), { 0, 1, 2 } } };
                      one.memberType = v >= 1 ? 1 : -1; // MemberType is v1+ (KIP-1099)
                      ConsumerGroupMemberDescription two;
                      two.memberId = QStringLiteral("Yb7w2R");
                      two.instanceId = QStringLiteral("static-2");
                      two.memberEpoch = 11;
                      two.clientId = QStringLiteral("consumer-2");
                      two.clientHost = QStringLiteral("/10.0.0.2");
                      two.subscribedTopicRegex = QStringLiteral("pay.*");
                      two.targetAssignment.topicPartitions = { { kPaymentsId, QStringLiteral("payments"), { 1 } } };
                      two.memberType = v >= 1 ? 0 : -1;
                      const ConsumerGroupDescription group { 0, std::nullopt, QStringLiteral("kip848-app"),
                          QStringLiteral("Stable"), 12, 12, QStringLiteral("uniform"), { one, two }, 2552 };
                      const ConsumerGroupDescription missing { 69, QStringLiteral("Group missing not found."),
                          QStringLiteral("missing"), QString(), 0, 0, QString(), {}, INT32_MIN };
                      ASSERT_EQ(decoded->groups.size(), 2);
                      EXPECT_EQ(decoded->groups[0], group);
                      EXPECT_EQ(decoded->groups[1], missing);
                      EXPECT_BYTES(encodeConsumerGroupDescribeResponse(decoded.value(), v), bytes);
                  }),
        2);
}

TEST(GoldenBytes, ShareGroupDescribeRequestIsKafkasBytes)
{
    ShareGroupDescribeRequest request;
    request.groupIds = QStringList { QStringLiteral("share-app"), QStringLiteral("nope") };
    EXPECT_EQ(forEachGolden(ApiKey::ShareGroupDescribe, "ShareGroupDescribe", "request",
                  [&](int16_t v, const QByteArray& bytes) {
                      EXPECT_BYTES(encodeShareGroupDescribeRequest(request, v), bytes);
                  }),
        1);
}

TEST(GoldenBytes, ShareGroupDescribeResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::ShareGroupDescribe, "ShareGroupDescribe", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeShareGroupDescribeResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      ShareGroupMemberDescription one;
                      one.memberId = QStringLiteral("Sh4r3A");
                      one.memberEpoch = 3;
                      one.clientId = QStringLiteral("share-consumer-1");
                      one.clientHost = QStringLiteral("/10.0.0.3");
                      one.subscribedTopicNames = QStringList { QStringLiteral("orders") };
                      one.assignment.topicPartitions = { { kOrdersId, QStringLiteral("orders"), { 0, 1, 2 } } };
                      const ShareGroupDescription group { 0, std::nullopt, QStringLiteral("share-app"),
                          QStringLiteral("Stable"), 3, 3, QStringLiteral("simple"), { one }, INT32_MIN };
                      const ShareGroupDescription missing { 69, QStringLiteral("Group nope not found."),
                          QStringLiteral("nope"), QString(), 0, 0, QString(), {}, INT32_MIN };
                      ASSERT_EQ(decoded->groups.size(), 2);
                      EXPECT_EQ(decoded->groups[0], group);
                      EXPECT_EQ(decoded->groups[1], missing);
                      EXPECT_BYTES(encodeShareGroupDescribeResponse(decoded.value(), v), bytes);
                  }),
        1);
}

TEST(GoldenBytes, DeleteGroupsRequestIsKafkasBytes)
{
    DeleteGroupsRequest request;
    request.groupsNames = QStringList { QStringLiteral("orders-app"), QStringLiteral("busy-app") };
    EXPECT_EQ(
        forEachGolden(ApiKey::DeleteGroups, "DeleteGroups", "request",
            [&](int16_t v, const QByteArray& bytes) { EXPECT_BYTES(encodeDeleteGroupsRequest(request, v), bytes); }),
        3);
}

TEST(GoldenBytes, DeleteGroupsResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::DeleteGroups, "DeleteGroups", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeDeleteGroupsResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      const QList<DeletableGroupResult> expected { { QStringLiteral("orders-app"), 0 },
                          { QStringLiteral("busy-app"), 68 } }; // NON_EMPTY_GROUP
                      EXPECT_EQ(decoded->results, expected);
                      EXPECT_BYTES(encodeDeleteGroupsResponse(decoded.value(), v), bytes);
                  }),
        3);
}

TEST(GoldenBytes, OffsetFetchRequestIsKafkasBytes)
{
    EXPECT_EQ(forEachGolden(ApiKey::OffsetFetch, "OffsetFetch", "request",
                  [](int16_t v, const QByteArray& bytes) {
                      OffsetFetchRequest request;
                      OffsetFetchRequestGroup orders;
                      orders.groupId = QStringLiteral("orders-app");
                      // MemberId/MemberEpoch are v9+ (and ignorable): dropped before, as Kafka does.
                      orders.memberId = QStringLiteral("member-1");
                      orders.memberEpoch = 5;
                      orders.topics = QList<OffsetFetchRequestTopic> { { QStringLiteral("orders"), { 0, 1, 2 } },
                          { QStringLiteral("payments"), { 0 } } };
                      request.groups = { orders };
                      if (v >= 8) { // several groups; a null Topics asks for every topic
                          OffsetFetchRequestGroup all;
                          all.groupId = QStringLiteral("payments-app");
                          request.groups.append(all);
                      }
                      request.requireStable = v >= 7;
                      EXPECT_BYTES(encodeOffsetFetchRequest(request, v), bytes);
                  }),
        9);
}

TEST(GoldenBytes, OffsetFetchResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::OffsetFetch, "OffsetFetch", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeOffsetFetchResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      EXPECT_EQ(decoded->throttleTimeMs, v >= 3 ? 20 : 0);
                      const int32_t epoch7 = v >= 5 ? 7 : -1; // CommittedLeaderEpoch is v5+
                      const int32_t epoch3 = v >= 5 ? 3 : -1;
                      const QList<OffsetFetchResponseTopic> topics {
                          { QStringLiteral("orders"),
                              { { 0, 1234, epoch7, QString(), 0 }, { 1, -1, -1, std::nullopt, 0 },
                                  { 2, -1, -1, QString(), 3 } } },
                          { QStringLiteral("payments"), { { 0, 42, epoch3, QStringLiteral("note"), 0 } } },
                      };
                      QList<OffsetFetchResponseGroup> expected;
                      if (v <= 7)
                          expected = { { QString(), topics, 0 } }; // one group, its id not on the wire
                      else
                          expected = { { QStringLiteral("orders-app"), topics, 0 },
                              { QStringLiteral("payments-app"), {}, 16 } }; // NOT_COORDINATOR
                      EXPECT_EQ(decoded->groups, expected);
                      EXPECT_BYTES(encodeOffsetFetchResponse(decoded.value(), v), bytes);
                  }),
        9);
}

TEST(GoldenBytes, OffsetCommitRequestIsKafkasBytes)
{
    EXPECT_EQ(forEachGolden(ApiKey::OffsetCommit, "OffsetCommit", "request",
                  [](int16_t v, const QByteArray& bytes) {
                      OffsetCommitRequest request;
                      request.groupId = QStringLiteral("orders-app");
                      request.generationIdOrMemberEpoch = 4;
                      request.memberId = QStringLiteral("consumer-1-5f2a");
                      if (v >= 7)
                          request.groupInstanceId = QStringLiteral("instance-1");
                      request.retentionTimeMs = 86400000; // v2-4; dropped after
                      // CommittedLeaderEpoch is v6+ (ignorable): dropped before.
                      request.topics
                          = { { QStringLiteral("orders"), { { 0, 1235, 7, QString() }, { 1, 99, -1, std::nullopt } } },
                                { QStringLiteral("payments"), { { 0, 43, 3, QStringLiteral("note") } } } };
                      EXPECT_BYTES(encodeOffsetCommitRequest(request, v), bytes);
                  }),
        8);
}

TEST(GoldenBytes, OffsetCommitResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::OffsetCommit, "OffsetCommit", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeOffsetCommitResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      EXPECT_EQ(decoded->throttleTimeMs, v >= 3 ? 15 : 0);
                      const QList<OffsetCommitResponseTopic> expected {
                          { QStringLiteral("orders"), { { 0, 0 }, { 1, 12 } } }, // OFFSET_METADATA_TOO_LARGE
                          { QStringLiteral("payments"), { { 0, 22 } } }, // ILLEGAL_GENERATION
                      };
                      EXPECT_EQ(decoded->topics, expected);
                      EXPECT_BYTES(encodeOffsetCommitResponse(decoded.value(), v), bytes);
                  }),
        8);
}

TEST(GoldenBytes, OffsetDeleteRequestIsKafkasBytes)
{
    OffsetDeleteRequest request;
    request.groupId = QStringLiteral("orders-app");
    request.topics = { { QStringLiteral("orders"), { 0, 1 } }, { QStringLiteral("payments"), { 0 } } };
    EXPECT_EQ(
        forEachGolden(ApiKey::OffsetDelete, "OffsetDelete", "request",
            [&](int16_t v, const QByteArray& bytes) { EXPECT_BYTES(encodeOffsetDeleteRequest(request, v), bytes); }),
        1);
}

TEST(GoldenBytes, OffsetDeleteResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::OffsetDelete, "OffsetDelete", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeOffsetDeleteResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      EXPECT_EQ(decoded->errorCode, 0);
                      const QList<OffsetDeleteResponseTopic> expected {
                          { QStringLiteral("orders"), { { 0, 0 }, { 1, 86 } } }, // GROUP_SUBSCRIBED_TO_TOPIC
                          { QStringLiteral("payments"), { { 0, 0 } } },
                      };
                      EXPECT_EQ(decoded->topics, expected);
                      EXPECT_BYTES(encodeOffsetDeleteResponse(decoded.value(), v), bytes);
                  }),
        1);
}

TEST(GoldenBytes, DescribeShareGroupOffsetsRequestIsKafkasBytes)
{
    DescribeShareGroupOffsetsRequest request;
    request.groups = { { QStringLiteral("share-app"),
                           QList<DescribeShareGroupOffsetsRequestTopic> { { QStringLiteral("orders"), { 0, 1 } } } },
        { QStringLiteral("other-share"), std::nullopt } };
    EXPECT_EQ(forEachGolden(ApiKey::DescribeShareGroupOffsets, "DescribeShareGroupOffsets", "request",
                  [&](int16_t v, const QByteArray& bytes) {
                      EXPECT_BYTES(encodeDescribeShareGroupOffsetsRequest(request, v), bytes);
                  }),
        1);
}

TEST(GoldenBytes, DescribeShareGroupOffsetsResponseDecodesAndReencodes)
{
    EXPECT_EQ(forEachGolden(ApiKey::DescribeShareGroupOffsets, "DescribeShareGroupOffsets", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeDescribeShareGroupOffsetsResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      const QList<DescribeShareGroupOffsetsResponseGroup> expected {
                          { QStringLiteral("share-app"),
                              { { QStringLiteral("orders"), kOrdersId,
                                  { { 0, 100, 4, 0, std::nullopt },
                                      { 1, -1, -1, 3,
                                          QStringLiteral("This server does not host this topic-partition.") } } } },
                              0, std::nullopt },
                          { QStringLiteral("other-share"), {}, 69, QStringLiteral("Group other-share not found.") },
                      };
                      EXPECT_EQ(decoded->groups, expected);
                      EXPECT_BYTES(encodeDescribeShareGroupOffsetsResponse(decoded.value(), v), bytes);
                  }),
        1);
}

TEST(GoldenBytes, ConsumerProtocolFailsOnEveryTruncationAndSurvivesGarbage)
{
    auto result = [](const auto& d) { return d.ok() ? Decoded<int>(1) : Decoded<int>::failure(d.error()); };
    int checked = 0;
    for (int16_t v : { 0, 3 }) {
        SCOPED_TRACE(v);
        auto assignment = [&](QByteArrayView b) { return result(decodeConsumerProtocolAssignment(b)); };
        auto subscription = [&](QByteArrayView b) { return result(decodeConsumerProtocolSubscription(b)); };
        const QByteArray a = goldenData("ConsumerProtocolAssignment", v);
        const QByteArray s = goldenData("ConsumerProtocolSubscription", v);
        kafscope::test::expectEveryTruncationFails(a, assignment);
        kafscope::test::expectGarbageNeverCrashes(a, assignment, quint32(v * 31 + 1), 1000);
        kafscope::test::expectEveryTruncationFails(s, subscription);
        kafscope::test::expectGarbageNeverCrashes(s, subscription, quint32(v * 31 + 2), 1000);
        checked += 2;
    }
    EXPECT_EQ(checked, 4);
}

TEST(GoldenBytes, SaslRequestsAreKafkasBytes)
{
    EXPECT_EQ(forEachGolden(ApiKey::SaslHandshake, "SaslHandshake", "request",
                  [](int16_t v, const QByteArray& bytes) {
                      EXPECT_BYTES(encodeSaslHandshakeRequest({ QStringLiteral("SCRAM-SHA-512") }, v), bytes);
                  }),
        2);
    EXPECT_EQ(forEachGolden(ApiKey::SaslAuthenticate, "SaslAuthenticate", "request",
                  [](int16_t v, const QByteArray& bytes) {
                      EXPECT_BYTES(
                          encodeSaslAuthenticateRequest({ "n,,n=alice,r=fyko+d2lbbFgONRv9qkxdawL" }, v), bytes);
                  }),
        3);
}

TEST(GoldenBytes, SaslResponsesDecodeAndReencode)
{
    EXPECT_EQ(forEachGolden(ApiKey::SaslHandshake, "SaslHandshake", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeSaslHandshakeResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      EXPECT_EQ(decoded->errorCode, 33);
                      EXPECT_EQ(decoded->mechanisms,
                          (QStringList { QStringLiteral("PLAIN"), QStringLiteral("SCRAM-SHA-256") }));
                      EXPECT_BYTES(encodeSaslHandshakeResponse(decoded.value(), v), bytes);
                  }),
        2);
    EXPECT_EQ(forEachGolden(ApiKey::SaslAuthenticate, "SaslAuthenticate", "response",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeSaslAuthenticateResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      EXPECT_EQ(decoded->errorCode, 0);
                      EXPECT_FALSE(decoded->errorMessage);
                      EXPECT_EQ(decoded->authBytes, QByteArray("v=rmF9pqV8S7suAoZWja4dJRkFsKQ="));
                      EXPECT_EQ(decoded->sessionLifetimeMs, v >= 1 ? 3'600'000 : 0);
                      EXPECT_BYTES(encodeSaslAuthenticateResponse(decoded.value(), v), bytes);
                  }),
        3);
    EXPECT_EQ(forEachGolden(ApiKey::SaslAuthenticate, "SaslAuthenticate", "response-error",
                  [](int16_t v, const QByteArray& bytes) {
                      const auto decoded = decodeSaslAuthenticateResponse(bytes, v);
                      ASSERT_TRUE(decoded.ok()) << decoded.error().toStdString();
                      EXPECT_EQ(decoded->errorCode, 58);
                      EXPECT_TRUE(
                          decoded->errorMessage.value_or(QString()).contains(QStringLiteral("invalid credentials")));
                      EXPECT_TRUE(decoded->authBytes.isEmpty());
                      EXPECT_BYTES(encodeSaslAuthenticateResponse(decoded.value(), v), bytes);
                  }),
        3);
}

TEST(GoldenBytes, NewFamiliesFailOnEveryTruncationAndSurviveGarbage)
{
    // Every prefix of Kafka's own bytes fails cleanly; random changes never crash (issue #7's codec tests).
    auto result = [](const auto& d) { return d.ok() ? Decoded<int>(1) : Decoded<int>::failure(d.error()); };
    const QHash<QString, std::function<Decoded<int>(QByteArrayView, int16_t)>> decoders {
        { QStringLiteral("CreateTopics"),
            [&](QByteArrayView b, int16_t v) { return result(decodeCreateTopicsResponse(b, v)); } },
        { QStringLiteral("DeleteTopics"),
            [&](QByteArrayView b, int16_t v) { return result(decodeDeleteTopicsResponse(b, v)); } },
        { QStringLiteral("IncrementalAlterConfigs"),
            [&](QByteArrayView b, int16_t v) { return result(decodeIncrementalAlterConfigsResponse(b, v)); } },
        { QStringLiteral("CreatePartitions"),
            [&](QByteArrayView b, int16_t v) { return result(decodeCreatePartitionsResponse(b, v)); } },
        { QStringLiteral("DescribeLogDirs"),
            [&](QByteArrayView b, int16_t v) { return result(decodeDescribeLogDirsResponse(b, v)); } },
        { QStringLiteral("AlterPartitionReassignments"),
            [&](QByteArrayView b, int16_t v) { return result(decodeAlterPartitionReassignmentsResponse(b, v)); } },
        { QStringLiteral("ListPartitionReassignments"),
            [&](QByteArrayView b, int16_t v) { return result(decodeListPartitionReassignmentsResponse(b, v)); } },
        { QStringLiteral("ElectLeaders"),
            [&](QByteArrayView b, int16_t v) { return result(decodeElectLeadersResponse(b, v)); } },
        { QStringLiteral("DeleteRecords"),
            [&](QByteArrayView b, int16_t v) { return result(decodeDeleteRecordsResponse(b, v)); } },
        { QStringLiteral("DescribeQuorum"),
            [&](QByteArrayView b, int16_t v) { return result(decodeDescribeQuorumResponse(b, v)); } },
        { QStringLiteral("DescribeCluster"),
            [&](QByteArrayView b, int16_t v) { return result(decodeDescribeClusterResponse(b, v)); } },
        { QStringLiteral("ListGroups"),
            [&](QByteArrayView b, int16_t v) { return result(decodeListGroupsResponse(b, v)); } },
        { QStringLiteral("FindCoordinator"),
            [&](QByteArrayView b, int16_t v) { return result(decodeFindCoordinatorResponse(b, v)); } },
        { QStringLiteral("DescribeGroups"),
            [&](QByteArrayView b, int16_t v) { return result(decodeDescribeGroupsResponse(b, v)); } },
        { QStringLiteral("ConsumerGroupDescribe"),
            [&](QByteArrayView b, int16_t v) { return result(decodeConsumerGroupDescribeResponse(b, v)); } },
        { QStringLiteral("ShareGroupDescribe"),
            [&](QByteArrayView b, int16_t v) { return result(decodeShareGroupDescribeResponse(b, v)); } },
        { QStringLiteral("DeleteGroups"),
            [&](QByteArrayView b, int16_t v) { return result(decodeDeleteGroupsResponse(b, v)); } },
        { QStringLiteral("OffsetFetch"),
            [&](QByteArrayView b, int16_t v) { return result(decodeOffsetFetchResponse(b, v)); } },
        { QStringLiteral("OffsetCommit"),
            [&](QByteArrayView b, int16_t v) { return result(decodeOffsetCommitResponse(b, v)); } },
        { QStringLiteral("OffsetDelete"),
            [&](QByteArrayView b, int16_t v) { return result(decodeOffsetDeleteResponse(b, v)); } },
        { QStringLiteral("DescribeShareGroupOffsets"),
            [&](QByteArrayView b, int16_t v) { return result(decodeDescribeShareGroupOffsetsResponse(b, v)); } },
        { QStringLiteral("SaslHandshake"),
            [&](QByteArrayView b, int16_t v) { return result(decodeSaslHandshakeResponse(b, v)); } },
        { QStringLiteral("SaslAuthenticate"),
            [&](QByteArrayView b, int16_t v) { return result(decodeSaslAuthenticateResponse(b, v)); } },
    };
    int checked = 0;
    for (const auto& [api, version] : { std::pair { "CreateTopics", 4 }, { "CreateTopics", 7 }, { "DeleteTopics", 3 },
             { "DeleteTopics", 6 }, { "IncrementalAlterConfigs", 0 }, { "IncrementalAlterConfigs", 1 },
             { "CreatePartitions", 1 }, { "CreatePartitions", 3 }, { "DescribeLogDirs", 1 }, { "DescribeLogDirs", 4 },
             { "AlterPartitionReassignments", 0 }, { "AlterPartitionReassignments", 1 },
             { "ListPartitionReassignments", 0 }, { "ElectLeaders", 0 }, { "ElectLeaders", 2 }, { "DeleteRecords", 1 },
             { "DeleteRecords", 2 }, { "DescribeQuorum", 0 }, { "DescribeQuorum", 2 }, { "DescribeCluster", 0 },
             { "DescribeCluster", 2 }, { "ListGroups", 2 }, { "ListGroups", 5 }, { "FindCoordinator", 2 },
             { "FindCoordinator", 6 }, { "DescribeGroups", 4 }, { "DescribeGroups", 6 }, { "ConsumerGroupDescribe", 0 },
             { "ConsumerGroupDescribe", 1 }, { "ShareGroupDescribe", 1 }, { "DeleteGroups", 1 }, { "DeleteGroups", 2 },
             { "OffsetFetch", 5 }, { "OffsetFetch", 9 }, { "OffsetCommit", 4 }, { "OffsetCommit", 9 },
             { "OffsetDelete", 0 }, { "DescribeShareGroupOffsets", 0 }, { "SaslHandshake", 1 },
             { "SaslAuthenticate", 0 }, { "SaslAuthenticate", 2 } }) {
        const auto bytes = golden().bytes.value(keyOf(api, "response", int16_t(version)));
        ASSERT_FALSE(bytes.isEmpty()) << api << " v" << version;
        SCOPED_TRACE(std::string(api) + " v" + std::to_string(version));
        const QString name = QString::fromLatin1(api);
        const auto& decoder = decoders[name];
        auto decode = [&](QByteArrayView b) { return decoder(b, int16_t(version)); };
        kafscope::test::expectEveryTruncationFails(bytes, decode);
        kafscope::test::expectGarbageNeverCrashes(bytes, decode, quint32(version * 7919 + name.size()), 1000);
        ++checked;
    }
    EXPECT_EQ(checked, 41);
}
