#include "kafka/protocol/apis.h"

namespace kafscope::protocol {

QString apiName(ApiKey key)
{
    switch (key) {
    case ApiKey::Produce:
        return QStringLiteral("Produce");
    case ApiKey::Fetch:
        return QStringLiteral("Fetch");
    case ApiKey::ListOffsets:
        return QStringLiteral("ListOffsets");
    case ApiKey::Metadata:
        return QStringLiteral("Metadata");
    case ApiKey::OffsetCommit:
        return QStringLiteral("OffsetCommit");
    case ApiKey::OffsetFetch:
        return QStringLiteral("OffsetFetch");
    case ApiKey::FindCoordinator:
        return QStringLiteral("FindCoordinator");
    case ApiKey::ListGroups:
        return QStringLiteral("ListGroups");
    case ApiKey::DescribeGroups:
        return QStringLiteral("DescribeGroups");
    case ApiKey::SaslHandshake:
        return QStringLiteral("SaslHandshake");
    case ApiKey::ApiVersions:
        return QStringLiteral("ApiVersions");
    case ApiKey::CreateTopics:
        return QStringLiteral("CreateTopics");
    case ApiKey::DeleteTopics:
        return QStringLiteral("DeleteTopics");
    case ApiKey::DeleteRecords:
        return QStringLiteral("DeleteRecords");
    case ApiKey::DescribeConfigs:
        return QStringLiteral("DescribeConfigs");
    case ApiKey::AlterConfigs:
        return QStringLiteral("AlterConfigs");
    case ApiKey::SaslAuthenticate:
        return QStringLiteral("SaslAuthenticate");
    case ApiKey::DescribeLogDirs:
        return QStringLiteral("DescribeLogDirs");
    case ApiKey::CreatePartitions:
        return QStringLiteral("CreatePartitions");
    case ApiKey::ElectLeaders:
        return QStringLiteral("ElectLeaders");
    case ApiKey::IncrementalAlterConfigs:
        return QStringLiteral("IncrementalAlterConfigs");
    case ApiKey::AlterPartitionReassignments:
        return QStringLiteral("AlterPartitionReassignments");
    case ApiKey::ListPartitionReassignments:
        return QStringLiteral("ListPartitionReassignments");
    case ApiKey::DescribeCluster:
        return QStringLiteral("DescribeCluster");
    case ApiKey::DescribeQuorum:
        return QStringLiteral("DescribeQuorum");
    case ApiKey::DeleteGroups:
        return QStringLiteral("DeleteGroups");
    case ApiKey::OffsetDelete:
        return QStringLiteral("OffsetDelete");
    case ApiKey::ConsumerGroupDescribe:
        return QStringLiteral("ConsumerGroupDescribe");
    case ApiKey::ShareGroupDescribe:
        return QStringLiteral("ShareGroupDescribe");
    case ApiKey::DescribeShareGroupOffsets:
        return QStringLiteral("DescribeShareGroupOffsets");
    }
    return QStringLiteral("Api%1").arg(int(key));
}

QByteArray refuseVersion(ApiKey key, int16_t version, QString* error)
{
    if (error)
        *error = QStringLiteral("KafScope does not encode %1 v%2").arg(apiName(key)).arg(version);
    return {};
}

VersionRange supportedVersions(ApiKey key)
{
    switch (key) {
    case ApiKey::ApiVersions:
        return { 0, 3 };
    case ApiKey::Metadata:
        return { 1, 12 };
    case ApiKey::ListOffsets:
        return { 1, 7 };
    case ApiKey::DescribeConfigs:
        return { 1, 4 };
    case ApiKey::CreateTopics:
        return { 2, 7 }; // Kafka 4 serves 2+
    case ApiKey::DeleteTopics:
        return { 1, 6 };
    case ApiKey::IncrementalAlterConfigs:
        return { 0, 1 };
    case ApiKey::CreatePartitions:
        return { 0, 3 };
    case ApiKey::DescribeLogDirs:
        return { 1, 4 }; // v0 was removed in Kafka 4 (KIP-896)
    case ApiKey::AlterPartitionReassignments:
        return { 0, 1 };
    case ApiKey::ListPartitionReassignments:
        return { 0, 0 };
    case ApiKey::ElectLeaders:
        return { 0, 2 };
    case ApiKey::DeleteRecords:
        return { 1, 2 };
    case ApiKey::DescribeQuorum:
        return { 0, 2 };
    case ApiKey::DescribeCluster:
        return { 0, 2 };
    case ApiKey::ListGroups:
        return { 0, 5 };
    case ApiKey::FindCoordinator:
        return { 0, 6 };
    case ApiKey::DescribeGroups:
        return { 0, 6 };
    case ApiKey::ConsumerGroupDescribe:
        return { 0, 1 };
    case ApiKey::ShareGroupDescribe:
        return { 1, 1 }; // v0 was KIP-932's early access, removed in Kafka 4.1
    case ApiKey::DeleteGroups:
        return { 0, 2 };
    case ApiKey::OffsetFetch:
        return { 1, 9 }; // v0 was removed in Kafka 4 (KIP-896); v10 (topic ids) is unstable in 4.1
    case ApiKey::OffsetCommit:
        return { 2, 9 }; // v0-1 were removed in Kafka 4 (KIP-896); v10 (topic ids) is unstable in 4.1
    case ApiKey::OffsetDelete:
        return { 0, 0 };
    case ApiKey::DescribeShareGroupOffsets:
        return { 0, 0 };
    case ApiKey::SaslHandshake:
        return { 0, 1 };
    case ApiKey::SaslAuthenticate:
        return { 0, 2 };
    default:
        return {};
    }
}

int16_t firstFlexibleVersion(ApiKey key)
{
    // From "flexibleVersions" of each message JSON in apache/kafka clients/src/main/resources/common/message.
    switch (key) {
    case ApiKey::Produce:
        return 9;
    case ApiKey::Fetch:
        return 12;
    case ApiKey::ListOffsets:
        return 6;
    case ApiKey::Metadata:
        return 9;
    case ApiKey::OffsetCommit:
        return 8;
    case ApiKey::OffsetFetch:
        return 6;
    case ApiKey::FindCoordinator:
        return 3;
    case ApiKey::ListGroups:
        return 3;
    case ApiKey::DescribeGroups:
        return 5;
    case ApiKey::SaslHandshake:
        return -1;
    case ApiKey::ApiVersions:
        return 3;
    case ApiKey::CreateTopics:
        return 5;
    case ApiKey::DeleteTopics:
        return 4;
    case ApiKey::DeleteRecords:
        return 2;
    case ApiKey::DescribeConfigs:
        return 4;
    case ApiKey::AlterConfigs:
        return 2;
    case ApiKey::SaslAuthenticate:
        return 2;
    case ApiKey::DescribeLogDirs:
        return 2;
    case ApiKey::CreatePartitions:
        return 2;
    case ApiKey::ElectLeaders:
        return 2;
    case ApiKey::IncrementalAlterConfigs:
        return 1;
    case ApiKey::DeleteGroups:
        return 2;
    case ApiKey::OffsetDelete:
        return -1;
    case ApiKey::AlterPartitionReassignments:
    case ApiKey::ListPartitionReassignments:
    case ApiKey::DescribeCluster:
    case ApiKey::DescribeQuorum:
    case ApiKey::ConsumerGroupDescribe:
    case ApiKey::ShareGroupDescribe:
    case ApiKey::DescribeShareGroupOffsets:
        return 0;
    }
    return -1;
}

bool isFlexible(ApiKey key, int16_t version)
{
    const int16_t first = firstFlexibleVersion(key);
    return first >= 0 && version >= first;
}

int16_t requestHeaderVersion(ApiKey key, int16_t version)
{
    return isFlexible(key, version) ? 2 : 1;
}

int16_t responseHeaderVersion(ApiKey key, int16_t version)
{
    // A broker that does not know the requested ApiVersions version still answers (with v0 and
    // UNSUPPORTED_VERSION), so that response header must never grow tagged fields.
    if (key == ApiKey::ApiVersions)
        return 0;
    return isFlexible(key, version) ? 1 : 0;
}

} // namespace kafscope::protocol
