#pragma once
// Codecs of partition growth and disk usage: CreatePartitions (key 37, v0-3, flexible from v2) and DescribeLogDirs
// (key 35, v1-4, flexible from v2), field by field as CreatePartitionsRequest.json / DescribeLogDirsRequest.json and
// their responses. Encoders return no bytes (and say why in *error) for a version they do not implement.
#include "kafka/protocol/decoded.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <optional>

namespace kafscope::protocol {

// ---- CreatePartitions ----
struct CreatePartitionsTopic
{
    QString name;
    int32_t count = 0; // the new total partition count
    // Replicas of each new partition, or nullopt to let the controller place them.
    std::optional<QList<QList<int32_t>>> assignments;
};
struct CreatePartitionsRequest
{
    QList<CreatePartitionsTopic> topics;
    int32_t timeoutMs = 30000;
    bool validateOnly = false;
};
struct CreatePartitionsTopicResult
{
    QString name;
    int16_t errorCode = 0;
    std::optional<QString> errorMessage;
    friend bool operator==(const CreatePartitionsTopicResult&, const CreatePartitionsTopicResult&) = default;
};
struct CreatePartitionsResponse
{
    int32_t throttleTimeMs = 0;
    QList<CreatePartitionsTopicResult> results;
};
QByteArray encodeCreatePartitionsRequest(
    const CreatePartitionsRequest& request, int16_t version, QString* error = nullptr);
Decoded<CreatePartitionsResponse> decodeCreatePartitionsResponse(QByteArrayView body, int16_t version);
QByteArray encodeCreatePartitionsResponse(
    const CreatePartitionsResponse& response, int16_t version, QString* error = nullptr);

// ---- DescribeLogDirs ----
struct DescribableLogDirTopic
{
    QString topic;
    QList<int32_t> partitions;
};
struct DescribeLogDirsRequest
{
    std::optional<QList<DescribableLogDirTopic>> topics; // nullopt: every topic
};
struct LogDirPartition
{
    int32_t partition = 0;
    int64_t size = 0; // bytes of the log segments
    int64_t offsetLag = 0; // log end offset behind the high watermark (or the current replica's, for a future log)
    bool isFuture = false; // being moved here by AlterReplicaLogDirs
    friend bool operator==(const LogDirPartition&, const LogDirPartition&) = default;
};
struct LogDirTopic
{
    QString name;
    QList<LogDirPartition> partitions;
    friend bool operator==(const LogDirTopic&, const LogDirTopic&) = default;
};
struct LogDirResult
{
    int16_t errorCode = 0; // e.g. KAFKA_STORAGE_ERROR for an offline dir
    QString logDir;
    QList<LogDirTopic> topics;
    int64_t totalBytes = -1; // v4+: the volume's size, -1 when unknown
    int64_t usableBytes = -1; // v4+: free space usable by the broker
    friend bool operator==(const LogDirResult&, const LogDirResult&) = default;
};
struct DescribeLogDirsResponse
{
    int32_t throttleTimeMs = 0;
    int16_t errorCode = 0; // v3+
    QList<LogDirResult> results;
};
// What one broker said about its log directories (the admin client asks every broker).
struct BrokerLogDirs
{
    int32_t broker = -1;
    QString error; // why this broker's dirs are missing (it did not answer, ...); empty when it answered
    QList<LogDirResult> dirs;
};
QByteArray encodeDescribeLogDirsRequest(
    const DescribeLogDirsRequest& request, int16_t version, QString* error = nullptr);
Decoded<DescribeLogDirsResponse> decodeDescribeLogDirsResponse(QByteArrayView body, int16_t version);
QByteArray encodeDescribeLogDirsResponse(
    const DescribeLogDirsResponse& response, int16_t version, QString* error = nullptr);

} // namespace kafscope::protocol
