#pragma once
// Kafka API keys this client speaks, the version ranges our codecs implement, and which versions are flexible
// (compact strings/arrays, tagged fields, request header v2 / response header v1).
#include <QByteArray>
#include <QString>
#include <cstdint>

namespace kafscope::protocol {

enum class ApiKey : int16_t {
    Produce = 0,
    Fetch = 1,
    ListOffsets = 2,
    Metadata = 3,
    OffsetCommit = 8,
    OffsetFetch = 9,
    FindCoordinator = 10,
    ListGroups = 16,
    DescribeGroups = 15,
    SaslHandshake = 17,
    ApiVersions = 18,
    CreateTopics = 19,
    DeleteTopics = 20,
    DeleteRecords = 21,
    DescribeConfigs = 32,
    AlterConfigs = 33,
    DescribeLogDirs = 35,
    SaslAuthenticate = 36,
    CreatePartitions = 37,
    DeleteGroups = 42,
    ElectLeaders = 43,
    IncrementalAlterConfigs = 44,
    AlterPartitionReassignments = 45,
    ListPartitionReassignments = 46,
    OffsetDelete = 47,
    DescribeQuorum = 55,
    DescribeCluster = 60,
    ConsumerGroupDescribe = 69,
    ShareGroupDescribe = 77,
    DescribeShareGroupOffsets = 90,
};

struct VersionRange
{
    int16_t min = 0;
    int16_t max = -1;
    bool isValid() const { return min <= max; }
    bool contains(int16_t v) const { return v >= min && v <= max; }
    friend bool operator==(const VersionRange&, const VersionRange&) = default;
};

QString apiName(ApiKey key);
// The versions our own codecs implement (an invalid range for APIs we do not encode).
VersionRange supportedVersions(ApiKey key);
// First flexible version of the API (per the message JSON "flexibleVersions"); -1 if never flexible here.
int16_t firstFlexibleVersion(ApiKey key);
bool isFlexible(ApiKey key, int16_t version);
// Request header v1 (non-flexible) or v2 (flexible).
int16_t requestHeaderVersion(ApiKey key, int16_t version);
// For encoders asked for a version they do not implement: no bytes, and the reason in *error when given.
QByteArray refuseVersion(ApiKey key, int16_t version, QString* error);
// Response header v0 or v1; ApiVersions responses always use v0 so a client can parse an error at any version.
int16_t responseHeaderVersion(ApiKey key, int16_t version);

} // namespace kafscope::protocol
