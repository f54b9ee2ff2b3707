#include "kafka/protocol/errors.h"

#include <iterator>

namespace kafscope::protocol {

namespace {

struct ErrorInfo
{
    int16_t code;
    const char* name; // as in org.apache.kafka.common.protocol.Errors
    const char* sentence;
};

// Kafka's own descriptions, shortened where they ran to a paragraph.
constexpr ErrorInfo errorTable[] = {
    { -1, "UNKNOWN_SERVER_ERROR", "The server experienced an unexpected error when processing the request." },
    { 0, "NONE", "No error." },
    { 1, "OFFSET_OUT_OF_RANGE", "The requested offset is not within the range of offsets maintained by the server." },
    { 2, "CORRUPT_MESSAGE", "The message failed its CRC checksum, exceeds the valid size, or is otherwise corrupt." },
    { 3, "UNKNOWN_TOPIC_OR_PARTITION", "This server does not host this topic-partition." },
    { 4, "INVALID_FETCH_SIZE", "The requested fetch size is invalid." },
    { 5, "LEADER_NOT_AVAILABLE", "There is no leader for this topic-partition: a leader election is in progress." },
    { 6, "NOT_LEADER_OR_FOLLOWER", "This broker is not the leader (or not a replica) of the topic-partition." },
    { 7, "REQUEST_TIMED_OUT", "The request timed out." },
    { 8, "BROKER_NOT_AVAILABLE", "The broker is not available." },
    { 9, "REPLICA_NOT_AVAILABLE", "The replica is not available for the requested topic-partition." },
    { 10, "MESSAGE_TOO_LARGE", "The request included a message larger than the broker accepts." },
    { 11, "STALE_CONTROLLER_EPOCH", "The controller moved to another broker." },
    { 12, "OFFSET_METADATA_TOO_LARGE", "The metadata field of the offset request was too large." },
    { 13, "NETWORK_EXCEPTION", "The server disconnected before a response was received." },
    { 14, "COORDINATOR_LOAD_IN_PROGRESS", "The coordinator is loading and cannot process requests yet." },
    { 15, "COORDINATOR_NOT_AVAILABLE", "The coordinator is not available." },
    { 16, "NOT_COORDINATOR", "This is not the correct coordinator." },
    { 17, "INVALID_TOPIC_EXCEPTION", "The request attempted to perform an operation on an invalid topic." },
    { 18, "RECORD_LIST_TOO_LARGE", "The request included a batch larger than the configured segment size." },
    { 19, "NOT_ENOUGH_REPLICAS", "Messages are rejected since there are fewer in-sync replicas than required." },
    { 20, "NOT_ENOUGH_REPLICAS_AFTER_APPEND", "Messages were written, but to fewer in-sync replicas than required." },
    { 21, "INVALID_REQUIRED_ACKS", "The produce request specified an invalid value for required acks." },
    { 22, "ILLEGAL_GENERATION", "The group generation id is not valid." },
    { 23, "INCONSISTENT_GROUP_PROTOCOL", "The member's protocols are incompatible with those of the other members." },
    { 24, "INVALID_GROUP_ID", "The group id is invalid." },
    { 25, "UNKNOWN_MEMBER_ID", "The coordinator is not aware of this member." },
    { 26, "INVALID_SESSION_TIMEOUT", "The session timeout is outside the range the broker allows." },
    { 27, "REBALANCE_IN_PROGRESS", "The group is rebalancing, so a rejoin is needed." },
    { 28, "INVALID_COMMIT_OFFSET_SIZE", "The committing offset data size is not valid." },
    { 29, "TOPIC_AUTHORIZATION_FAILED", "Not authorized to access the topic." },
    { 30, "GROUP_AUTHORIZATION_FAILED", "Not authorized to access the group." },
    { 31, "CLUSTER_AUTHORIZATION_FAILED", "Not authorized for this cluster operation." },
    { 32, "INVALID_TIMESTAMP", "The timestamp of the message is out of the acceptable range." },
    { 33, "UNSUPPORTED_SASL_MECHANISM", "The broker does not support the requested SASL mechanism." },
    { 34, "ILLEGAL_SASL_STATE", "The request is not valid in the current SASL state." },
    { 35, "UNSUPPORTED_VERSION", "The broker does not support this version of the API." },
    { 36, "TOPIC_ALREADY_EXISTS", "A topic with this name already exists." },
    { 37, "INVALID_PARTITIONS", "The number of partitions is invalid (below 1, or not more than the current count)." },
    { 38, "INVALID_REPLICATION_FACTOR", "The replication factor is below 1 or larger than the number of brokers." },
    { 39, "INVALID_REPLICA_ASSIGNMENT", "The replica assignment is invalid." },
    { 40, "INVALID_CONFIG", "The configuration is invalid." },
    { 41, "NOT_CONTROLLER", "This is not the correct controller for this cluster." },
    { 42, "INVALID_REQUEST", "The broker could not parse the request, or it was sent to an incompatible broker." },
    { 43, "UNSUPPORTED_FOR_MESSAGE_FORMAT", "The message format version on the broker does not support the request." },
    { 44, "POLICY_VIOLATION", "The request parameters do not satisfy the configured policy." },
    { 45, "OUT_OF_ORDER_SEQUENCE_NUMBER", "The broker received an out of order sequence number." },
    { 46, "DUPLICATE_SEQUENCE_NUMBER", "The broker received a duplicate sequence number." },
    { 47, "INVALID_PRODUCER_EPOCH", "The producer attempted to produce with an old epoch." },
    { 48, "INVALID_TXN_STATE", "The producer attempted a transactional operation in an invalid state." },
    { 49, "INVALID_PRODUCER_ID_MAPPING", "The producer id is not currently assigned to its transactional id." },
    { 50, "INVALID_TRANSACTION_TIMEOUT", "The transaction timeout is larger than the broker allows." },
    { 51, "CONCURRENT_TRANSACTIONS", "Another operation on the same transaction is in progress." },
    { 52, "TRANSACTION_COORDINATOR_FENCED", "The transaction coordinator is no longer the current coordinator." },
    { 53, "TRANSACTIONAL_ID_AUTHORIZATION_FAILED", "Not authorized to use this transactional id." },
    { 54, "SECURITY_DISABLED", "Security features are disabled on the broker." },
    { 55, "OPERATION_NOT_ATTEMPTED", "The broker did not attempt this operation because another in the batch failed." },
    { 56, "KAFKA_STORAGE_ERROR", "A disk error occurred while accessing the log file." },
    { 57, "LOG_DIR_NOT_FOUND", "The log directory is not found in the broker configuration." },
    { 58, "SASL_AUTHENTICATION_FAILED", "SASL authentication failed." },
    { 59, "UNKNOWN_PRODUCER_ID", "The broker has no metadata for this producer id (its records may have expired)." },
    { 60, "REASSIGNMENT_IN_PROGRESS", "A partition reassignment is in progress." },
    { 61, "DELEGATION_TOKEN_AUTH_DISABLED", "The delegation token feature is not enabled." },
    { 62, "DELEGATION_TOKEN_NOT_FOUND", "The delegation token is not found on the server." },
    { 63, "DELEGATION_TOKEN_OWNER_MISMATCH", "The principal is not a valid owner or renewer of the token." },
    { 64, "DELEGATION_TOKEN_REQUEST_NOT_ALLOWED", "Delegation token requests are not allowed on this channel." },
    { 65, "DELEGATION_TOKEN_AUTHORIZATION_FAILED", "Delegation token authorization failed." },
    { 66, "DELEGATION_TOKEN_EXPIRED", "The delegation token has expired." },
    { 67, "INVALID_PRINCIPAL_TYPE", "The principal type is not supported." },
    { 68, "NON_EMPTY_GROUP", "The group is not empty." },
    { 69, "GROUP_ID_NOT_FOUND", "The group id does not exist." },
    { 70, "FETCH_SESSION_ID_NOT_FOUND", "The fetch session id was not found." },
    { 71, "INVALID_FETCH_SESSION_EPOCH", "The fetch session epoch is invalid." },
    { 72, "LISTENER_NOT_FOUND", "The leader has no listener matching the one the metadata request came in on." },
    { 73, "TOPIC_DELETION_DISABLED", "Topic deletion is disabled." },
    { 74, "FENCED_LEADER_EPOCH", "The leader epoch in the request is older than the broker's." },
    { 75, "UNKNOWN_LEADER_EPOCH", "The leader epoch in the request is newer than the broker's." },
    { 76, "UNSUPPORTED_COMPRESSION_TYPE", "The client does not support the compression type of this partition." },
    { 77, "STALE_BROKER_EPOCH", "The broker epoch has changed." },
    { 78, "OFFSET_NOT_AVAILABLE", "The leader's high watermark has not caught up after an election yet." },
    { 79, "MEMBER_ID_REQUIRED", "The group member needs a valid member id before entering the group." },
    { 80, "PREFERRED_LEADER_NOT_AVAILABLE", "The preferred leader was not available." },
    { 81, "GROUP_MAX_SIZE_REACHED", "The group has reached its maximum size." },
    { 82, "FENCED_INSTANCE_ID", "Another consumer with the same group.instance.id has registered." },
    { 83, "ELIGIBLE_LEADERS_NOT_AVAILABLE", "No eligible leader is available for the partition." },
    { 84, "ELECTION_NOT_NEEDED", "Leader election is not needed for the partition." },
    { 85, "NO_REASSIGNMENT_IN_PROGRESS", "No partition reassignment is in progress." },
    { 86, "GROUP_SUBSCRIBED_TO_TOPIC",
        "The group is actively subscribed to the topic, so its offsets cannot be deleted." },
    { 87, "INVALID_RECORD", "The record failed validation on the broker and was rejected." },
    { 88, "UNSTABLE_OFFSET_COMMIT", "There are unstable offsets that need to be cleared." },
    { 89, "THROTTLING_QUOTA_EXCEEDED", "The throttling quota has been exceeded." },
    { 90, "PRODUCER_FENCED", "A newer producer with the same transactional id fenced this one." },
    { 91, "RESOURCE_NOT_FOUND", "The request referred to a resource that does not exist." },
    { 92, "DUPLICATE_RESOURCE", "The request referred to the same resource twice." },
    { 93, "UNACCEPTABLE_CREDENTIAL", "The requested credential does not meet the acceptability criteria." },
    { 94, "INCONSISTENT_VOTER_SET", "The sender or recipient of a voter-only request is not an expected voter." },
    { 95, "INVALID_UPDATE_VERSION", "The given update version was invalid." },
    { 96, "FEATURE_UPDATE_FAILED", "Unable to update finalized features due to an unexpected server error." },
    { 97, "PRINCIPAL_DESERIALIZATION_FAILURE", "The request principal could not be deserialized during forwarding." },
    { 98, "SNAPSHOT_NOT_FOUND", "The requested snapshot was not found." },
    { 99, "POSITION_OUT_OF_RANGE", "The requested position is outside the snapshot." },
    { 100, "UNKNOWN_TOPIC_ID", "This server does not host this topic id." },
    { 101, "DUPLICATE_BROKER_REGISTRATION", "This broker id is already in use." },
    { 102, "BROKER_ID_NOT_REGISTERED", "The given broker id was not registered." },
    { 103, "INCONSISTENT_TOPIC_ID", "The log's topic id did not match the topic id in the request." },
    { 104, "INCONSISTENT_CLUSTER_ID", "The cluster id in the request does not match the server's." },
    { 105, "TRANSACTIONAL_ID_NOT_FOUND", "The transactional id could not be found." },
    { 106, "FETCH_SESSION_TOPIC_ID_ERROR", "The fetch session encountered inconsistent topic id usage." },
    { 107, "INELIGIBLE_REPLICA", "The new ISR contains at least one ineligible replica." },
    { 108, "NEW_LEADER_ELECTED", "The partition state was updated, but the leader has changed." },
    { 109, "OFFSET_MOVED_TO_TIERED_STORAGE", "The requested offset has moved to tiered storage." },
    { 110, "FENCED_MEMBER_EPOCH", "The group coordinator fenced the member epoch; the member must rejoin." },
    { 111, "UNRELEASED_INSTANCE_ID", "The instance id is still used by another member of the group." },
    { 112, "UNSUPPORTED_ASSIGNOR", "The group does not support the assignor or its version range." },
    { 113, "STALE_MEMBER_EPOCH", "The member epoch is stale; the member must retry with its updated epoch." },
    { 114, "MISMATCHED_ENDPOINT_TYPE", "The request was sent to an endpoint of the wrong type." },
    { 115, "UNSUPPORTED_ENDPOINT_TYPE", "This endpoint type is not supported yet." },
    { 116, "UNKNOWN_CONTROLLER_ID", "This controller id is not known." },
    { 117, "UNKNOWN_SUBSCRIPTION_ID", "The telemetry subscription id is invalid or outdated." },
    { 118, "TELEMETRY_TOO_LARGE", "The telemetry push is larger than the broker accepts." },
    { 119, "INVALID_REGISTRATION", "The controller considered the broker registration invalid." },
    { 120, "TRANSACTION_ABORTABLE", "The transaction failed; abort it to keep using this transactional id." },
    { 121, "INVALID_RECORD_STATE", "The record state is invalid; the delivery acknowledgement failed." },
    { 122, "SHARE_SESSION_NOT_FOUND", "The share session was not found." },
    { 123, "INVALID_SHARE_SESSION_EPOCH", "The share session epoch is invalid." },
    { 124, "FENCED_STATE_EPOCH", "The share-group state epoch did not match." },
    { 125, "INVALID_VOTER_KEY", "The voter key does not match the receiving replica's key." },
    { 126, "DUPLICATE_VOTER", "The voter is already part of the set of voters." },
    { 127, "VOTER_NOT_FOUND", "The voter is not part of the set of voters." },
    { 128, "INVALID_REGULAR_EXPRESSION", "The regular expression is not valid." },
    { 129, "REBOOTSTRAP_REQUIRED", "The client's metadata is stale; it should bootstrap again." },
    { 130, "STREAMS_INVALID_TOPOLOGY", "The supplied Streams topology is invalid." },
    { 131, "STREAMS_INVALID_TOPOLOGY_EPOCH", "The supplied Streams topology epoch is invalid." },
    { 132, "STREAMS_TOPOLOGY_FENCED", "The supplied Streams topology epoch is outdated." },
    { 133, "SHARE_SESSION_LIMIT_REACHED", "The limit of share sessions has been reached." },
};

// The table is ordered and dense from -1, so a code indexes it directly.
constexpr int16_t firstCode = -1;
constexpr bool tableIsDense()
{
    for (std::size_t i = 0; i < std::size(errorTable); ++i)
        if (errorTable[i].code != firstCode + int(i))
            return false;
    return true;
}
static_assert(tableIsDense());

const ErrorInfo* find(int16_t code)
{
    const int index = code - firstCode;
    if (index < 0 || index >= int(std::size(errorTable)))
        return nullptr;
    return &errorTable[index];
}

} // namespace

QString errorName(int16_t code)
{
    if (const ErrorInfo* info = find(code))
        return QLatin1String(info->name);
    return QStringLiteral("UNKNOWN_ERROR_CODE_%1").arg(code);
}

QString errorSentence(int16_t code)
{
    if (const ErrorInfo* info = find(code))
        return QLatin1String(info->sentence);
    return QStringLiteral("The broker returned error code %1, which this version of KafScope does not know.").arg(code);
}

QString describeError(int16_t code, const QString& brokerMessage)
{
    QString text = errorName(code) + QLatin1String(": ") + errorSentence(code);
    if (!brokerMessage.isEmpty())
        text += QLatin1String(" Broker: ") + brokerMessage;
    return text;
}

} // namespace kafscope::protocol
