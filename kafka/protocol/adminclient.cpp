#include "kafka/protocol/adminclient.h"

#include "kafka/protocol/errors.h"
#include "kafka/protocol/messages.h"

#include <QMap>
#include <algorithm>
#include <memory>

namespace kafscope::protocol {

namespace {

// The handler most calls share: a failed request is passed on, bytes that do not decode become a protocol error
// naming the API, and `check` may turn a decoded answer with a top-level error code into a failure.
template <typename T, typename Decode, typename Check>
BrokerConnection::Handler decodedInto(const char* api, Decode decode, Check check, AdminClient::Callback<T> done)
{
    return [api, decode, check, done](const AdminResult<RawResponse>& raw) {
        if (!raw.ok()) {
            done(AdminResult<T>::failure(raw.error));
            return;
        }
        auto decoded = decode(raw.value->body, raw.value->version);
        if (!decoded.ok()) {
            done(AdminResult<T>::failure(AdminError::protocol(
                QStringLiteral("Malformed %1 response: ").arg(QLatin1String(api)) + decoded.error())));
            return;
        }
        if (std::optional<AdminError> refused = check(decoded.value())) {
            done(AdminResult<T>::failure(*refused));
            return;
        }
        done(AdminResult<T>::success(std::move(decoded).value()));
    };
}

template <typename T, typename Decode>
BrokerConnection::Handler decodedInto(const char* api, Decode decode, AdminClient::Callback<T> done)
{
    return decodedInto<T>(
        api, decode, [](const T&) { return std::optional<AdminError>(); }, done);
}

} // namespace

AdminClient::AdminClient(QList<BrokerAddress> bootstrap, ConnectionOptions options, QObject* parent)
    : QObject(parent)
    , m_bootstrap(std::move(bootstrap))
    , m_options(std::move(options))
{ }

AdminClient::~AdminClient() = default; // connections are children: they fail their pending handlers on deletion

void AdminClient::sendToAny(ApiKey key, BrokerConnection::Encoder encode, BrokerConnection::Handler handler)
{
    sendToBootstrap(0, {}, key, std::move(encode), std::move(handler));
}

void AdminClient::sendToBootstrap(
    int attempt, QStringList errors, ApiKey key, BrokerConnection::Encoder encode, BrokerConnection::Handler handler)
{
    if (m_bootstrap.isEmpty()) {
        handler(AdminResult<RawResponse>::failure(AdminError::network(QStringLiteral("No bootstrap servers given."))));
        return;
    }
    if (!m_bootstrapConnection) {
        const auto& address = m_bootstrap.at(m_bootstrapIndex % m_bootstrap.size());
        m_bootstrapConnection = new BrokerConnection(address, -1, m_options, this);
    }
    auto* connection = m_bootstrapConnection;
    const bool wasReady = connection->state() == BrokerConnection::State::Ready;
    connection->request(key, encode,
        [this, connection, wasReady, attempt, errors, key, encode, handler](
            const AdminResult<RawResponse>& result) mutable {
            const bool connectFailed = !result.ok() && result.error.kind == AdminError::Kind::Network
                && connection->brokerVersions().isEmpty();
            if (!connectFailed || wasReady) {
                handler(result);
                return;
            }
            // Could not reach this bootstrap server: fail over to the next one.
            errors.append(result.error.message);
            if (m_bootstrapConnection == connection) {
                m_bootstrapConnection = nullptr;
                connection->deleteLater();
                ++m_bootstrapIndex;
            }
            if (attempt + 1 >= m_bootstrap.size()) {
                handler(AdminResult<RawResponse>::failure(AdminError::network(
                    QStringLiteral("Could not reach any bootstrap server. ") + errors.join(QLatin1Char(' ')))));
                return;
            }
            sendToBootstrap(attempt + 1, errors, key, encode, handler);
        });
}

BrokerConnection* AdminClient::connectionFor(int32_t nodeId)
{
    if (auto* existing = m_nodeConnections.value(nodeId))
        return existing;
    const auto* broker = m_metadata.broker(nodeId);
    if (!broker)
        return nullptr;
    auto* connection = new BrokerConnection({ broker->host, quint16(broker->port) }, nodeId, m_options, this);
    m_nodeConnections.insert(nodeId, connection);
    return connection;
}

void AdminClient::sendToNode(
    int32_t nodeId, ApiKey key, BrokerConnection::Encoder encode, BrokerConnection::Handler handler)
{
    if (m_metadata.brokers.isEmpty()) {
        // Broker addresses come from metadata: learn them first.
        fetchMetadata(QStringList {}, [=, this](const AdminResult<ClusterMetadata>& md) {
            if (!md.ok())
                handler(AdminResult<RawResponse>::failure(md.error));
            else
                sendToNode(nodeId, key, encode, handler);
        });
        return;
    }
    auto* connection = connectionFor(nodeId);
    if (!connection) {
        handler(AdminResult<RawResponse>::failure(AdminError::network(
            QStringLiteral("Broker %1 is not in the cluster metadata (refresh and try again).").arg(nodeId))));
        return;
    }
    connection->request(key, std::move(encode), std::move(handler));
}

void AdminClient::sendToController(ApiKey key, BrokerConnection::Encoder encode, BrokerConnection::Handler handler)
{
    // The mock broker reports a controller id that is not one of its brokers; any broker then has to do.
    if (m_metadata.broker(m_metadata.controllerId))
        sendToNode(m_metadata.controllerId, key, std::move(encode), std::move(handler));
    else
        sendToAny(key, std::move(encode), std::move(handler));
}

void AdminClient::fetchMetadata(std::optional<QStringList> topics, Callback<ClusterMetadata> done)
{
    MetadataRequest request;
    request.topics = std::move(topics);
    sendToAny(
        ApiKey::Metadata, [request](int16_t v, QString* error) { return encodeMetadataRequest(request, v, error); },
        [this, done](const AdminResult<RawResponse>& raw) {
            if (!raw.ok()) {
                done(AdminResult<ClusterMetadata>::failure(raw.error));
                return;
            }
            auto decoded = decodeMetadataResponse(raw.value->body, raw.value->version);
            if (!decoded.ok()) {
                done(AdminResult<ClusterMetadata>::failure(
                    AdminError::protocol(QStringLiteral("Malformed Metadata response: ") + decoded.error())));
                return;
            }
            // Brokers may have moved: drop connections whose address changed.
            for (auto it = m_nodeConnections.begin(); it != m_nodeConnections.end();) {
                const auto* b = decoded->broker(it.key());
                if (!b || b->host != it.value()->address().host || b->port != it.value()->address().port) {
                    it.value()->deleteLater();
                    it = m_nodeConnections.erase(it);
                } else {
                    ++it;
                }
            }
            m_metadata = decoded.value();
            done(AdminResult<ClusterMetadata>::success(m_metadata));
        });
}

void AdminClient::listOffsets(
    const ClusterMetadata& metadata, const QStringList& topics, Callback<OffsetsSnapshot> done)
{
    auto snapshot = std::make_shared<OffsetsSnapshot>();
    auto outstanding = std::make_shared<int>(2);
    for (const int64_t timestamp : { int64_t(-2), int64_t(-1) }) {
        offsetsAt(metadata, topics, timestamp, [snapshot, outstanding, timestamp, done](const auto& r) {
            (timestamp == -2 ? snapshot->earliest : snapshot->latest) = r.value->offsets;
            snapshot->errors += r.value->errors;
            if (--*outstanding == 0) {
                snapshot->errors.removeDuplicates();
                done(AdminResult<OffsetsSnapshot>::success(*snapshot));
            }
        });
    }
}

void AdminClient::offsetsAt(const ClusterMetadata& metadata, const QStringList& topics, int64_t timestamp,
    Callback<OffsetsAt> done, int8_t isolationLevel)
{
    if (m_metadata.brokers.isEmpty())
        m_metadata = metadata;
    // leader -> topic -> partitions
    QMap<int32_t, QMap<QString, QList<int32_t>>> byLeader;
    auto result = std::make_shared<OffsetsAt>();
    int leaderless = 0;
    for (const auto& topic : metadata.topics) {
        if (!topics.isEmpty() && !topics.contains(topic.name))
            continue;
        for (const auto& p : topic.partitions) {
            if (p.leader < 0)
                ++leaderless;
            else
                byLeader[p.leader][topic.name].append(p.partition);
        }
    }
    if (leaderless > 0)
        result->errors.append(
            QStringLiteral("%1 partition(s) have no leader, so their offsets are unknown.").arg(leaderless));
    if (byLeader.isEmpty()) {
        done(AdminResult<OffsetsAt>::success(*result));
        return;
    }
    auto outstanding = std::make_shared<int>(int(byLeader.size()));
    for (auto leader = byLeader.cbegin(); leader != byLeader.cend(); ++leader) {
        ListOffsetsRequest request;
        request.isolationLevel = isolationLevel;
        for (auto t = leader->cbegin(); t != leader->cend(); ++t) {
            ListOffsetsTopic topic { t.key(), {} };
            for (const auto partition : t.value())
                topic.partitions.append({ partition, -1, timestamp });
            request.topics.append(topic);
        }
        const int32_t leaderId = leader.key();
        sendToNode(
            leaderId, ApiKey::ListOffsets,
            [request](int16_t v, QString* error) { return encodeListOffsetsRequest(request, v, error); },
            [result, outstanding, leaderId, done](const AdminResult<RawResponse>& raw) {
                if (!raw.ok()) {
                    result->errors.append(QStringLiteral("Broker %1: %2").arg(leaderId).arg(raw.error.message));
                } else if (auto decoded = decodeListOffsetsResponse(raw.value->body, raw.value->version);
                           !decoded.ok()) {
                    result->errors.append(QStringLiteral("Broker %1: malformed ListOffsets response: %2")
                                              .arg(leaderId)
                                              .arg(decoded.error()));
                } else {
                    QMap<int16_t, int> errorCounts;
                    for (const auto& po : decoded.value()) {
                        result->offsets.append(po);
                        if (po.errorCode != 0)
                            ++errorCounts[po.errorCode];
                    }
                    for (auto e = errorCounts.cbegin(); e != errorCounts.cend(); ++e)
                        result->errors.append(QStringLiteral("Broker %1, %2 partition(s): %3")
                                                  .arg(leaderId)
                                                  .arg(e.value())
                                                  .arg(describeError(e.key())));
                }
                if (--*outstanding == 0) {
                    result->errors.removeDuplicates();
                    done(AdminResult<OffsetsAt>::success(*result));
                }
            });
    }
}

void AdminClient::describeConfigs(ConfigResourceType type, const QString& name, Callback<ConfigResourceResult> done)
{
    DescribeConfigsRequest request;
    request.resources.append({ type, name, std::nullopt });
    request.includeDocumentation = true; // the configs editor's tooltips
    auto encode = [request](int16_t v, QString* error) { return encodeDescribeConfigsRequest(request, v, error); };
    auto handle = [done, name](const AdminResult<RawResponse>& raw) {
        if (!raw.ok()) {
            done(AdminResult<ConfigResourceResult>::failure(raw.error));
            return;
        }
        auto decoded = decodeDescribeConfigsResponse(raw.value->body, raw.value->version);
        if (!decoded.ok() || decoded->isEmpty()) {
            done(AdminResult<ConfigResourceResult>::failure(
                AdminError::protocol(QStringLiteral("Malformed DescribeConfigs response: ")
                    + (decoded.ok() ? QStringLiteral("no resource") : decoded.error()))));
            return;
        }
        const auto& result = decoded->first();
        if (result.errorCode != 0) {
            done(AdminResult<ConfigResourceResult>::failure(
                AdminError::kafka(result.errorCode, QStringLiteral("Configs of %1").arg(name), result.errorMessage)));
            return;
        }
        done(AdminResult<ConfigResourceResult>::success(result));
    };
    // Broker and broker-logger configs are answered by that broker (a broker's dynamic configs live in its own
    // process); an empty broker name asks for the cluster-wide defaults, which any broker answers.
    if ((type == ConfigResourceType::Broker && !name.isEmpty()) || type == ConfigResourceType::BrokerLogger) {
        bool ok = false;
        const int32_t nodeId = name.toInt(&ok);
        if (!ok) {
            done(AdminResult<ConfigResourceResult>::failure(
                AdminError::protocol(QStringLiteral("\"%1\" is not a broker id.").arg(name))));
            return;
        }
        sendToNode(nodeId, ApiKey::DescribeConfigs, encode, handle);
    } else {
        sendToAny(ApiKey::DescribeConfigs, encode, handle);
    }
}

void AdminClient::createTopics(const CreateTopicsRequest& request, Callback<CreateTopicsResponse> done)
{
    sendToController(
        ApiKey::CreateTopics,
        [request](int16_t v, QString* error) { return encodeCreateTopicsRequest(request, v, error); },
        decodedInto<CreateTopicsResponse>("CreateTopics", decodeCreateTopicsResponse, done));
}

void AdminClient::deleteTopics(const QStringList& names, int timeoutMs, Callback<DeleteTopicsResponse> done)
{
    DeleteTopicsRequest request { names, timeoutMs };
    sendToController(
        ApiKey::DeleteTopics,
        [request](int16_t v, QString* error) { return encodeDeleteTopicsRequest(request, v, error); },
        decodedInto<DeleteTopicsResponse>("DeleteTopics", decodeDeleteTopicsResponse, done));
}

void AdminClient::alterPartitionReassignments(
    const AlterPartitionReassignmentsRequest& request, Callback<AlterPartitionReassignmentsResponse> done)
{
    sendToController(
        ApiKey::AlterPartitionReassignments,
        [request](int16_t v, QString* error) { return encodeAlterPartitionReassignmentsRequest(request, v, error); },
        decodedInto<AlterPartitionReassignmentsResponse>(
            "AlterPartitionReassignments", decodeAlterPartitionReassignmentsResponse,
            [](const AlterPartitionReassignmentsResponse& r) -> std::optional<AdminError> {
                if (r.errorCode == 0)
                    return std::nullopt;
                return AdminError::kafka(
                    r.errorCode, QStringLiteral("The reassignment"), r.errorMessage.value_or(QString()));
            },
            done));
}

void AdminClient::listPartitionReassignments(
    const std::optional<QList<ListReassignmentsTopic>>& topics, Callback<ListPartitionReassignmentsResponse> done)
{
    ListPartitionReassignmentsRequest request;
    request.topics = topics;
    sendToController(
        ApiKey::ListPartitionReassignments,
        [request](int16_t v, QString* error) { return encodeListPartitionReassignmentsRequest(request, v, error); },
        decodedInto<ListPartitionReassignmentsResponse>(
            "ListPartitionReassignments", decodeListPartitionReassignmentsResponse,
            [](const ListPartitionReassignmentsResponse& r) -> std::optional<AdminError> {
                if (r.errorCode == 0)
                    return std::nullopt;
                return AdminError::kafka(
                    r.errorCode, QStringLiteral("Listing reassignments"), r.errorMessage.value_or(QString()));
            },
            done));
}

void AdminClient::describeConfigsOf(
    const QList<DescribeConfigsResource>& resources, Callback<QList<ConfigResourceResult>> done)
{
    // One request for what any broker answers, one per broker for the brokers' own configs.
    QMap<int32_t, DescribeConfigsRequest> requests; // -1: any broker
    for (const auto& r : resources) {
        bool isNode = false;
        const int32_t node = r.type == ConfigResourceType::Broker ? r.name.toInt(&isNode) : -1;
        requests[isNode ? node : -1].resources.append(r);
    }
    if (requests.isEmpty()) {
        done(AdminResult<QList<ConfigResourceResult>>::success({}));
        return;
    }
    auto results = std::make_shared<QList<ConfigResourceResult>>();
    auto outstanding = std::make_shared<int>(int(requests.size()));
    for (auto it = requests.cbegin(); it != requests.cend(); ++it) {
        const auto& request = it.value();
        const int32_t node = it.key();
        auto encode = [request](int16_t v, QString* error) { return encodeDescribeConfigsRequest(request, v, error); };
        auto handle = [request, results, outstanding, done](const AdminResult<RawResponse>& raw) {
            QString failure;
            if (!raw.ok()) {
                failure = raw.error.message;
            } else if (auto decoded = decodeDescribeConfigsResponse(raw.value->body, raw.value->version);
                       !decoded.ok()) {
                failure = QStringLiteral("Malformed DescribeConfigs response: ") + decoded.error();
            } else {
                *results += decoded.value();
            }
            if (!failure.isEmpty())
                for (const auto& r : request.resources)
                    results->append({ r.type, r.name, -1, failure, {} });
            if (--*outstanding == 0)
                done(AdminResult<QList<ConfigResourceResult>>::success(*results));
        };
        if (node >= 0)
            sendToNode(node, ApiKey::DescribeConfigs, encode, handle);
        else
            sendToAny(ApiKey::DescribeConfigs, encode, handle);
    }
}

void AdminClient::electLeaders(const ElectLeadersRequest& request, Callback<ElectLeadersResponse> done)
{
    sendToController(
        ApiKey::ElectLeaders,
        [request](int16_t v, QString* error) { return encodeElectLeadersRequest(request, v, error); },
        decodedInto<ElectLeadersResponse>(
            "ElectLeaders", decodeElectLeadersResponse,
            [](const ElectLeadersResponse& r) -> std::optional<AdminError> {
                if (r.errorCode == 0)
                    return std::nullopt;
                return AdminError::kafka(r.errorCode, QStringLiteral("The leader election"));
            },
            done));
}

void AdminClient::deleteRecords(const DeleteRecordsRequest& request, Callback<DeleteRecordsResponse> done)
{
    QStringList topics;
    for (const auto& t : request.topics)
        topics.append(t.name);
    fetchMetadata(topics, [this, request, done](const AdminResult<ClusterMetadata>& md) {
        using Result = AdminResult<DeleteRecordsResponse>;
        if (!md.ok()) {
            done(Result::failure(md.error));
            return;
        }
        // leader -> request with that leader's partitions
        QMap<int32_t, DeleteRecordsRequest> byLeader;
        auto response = std::make_shared<DeleteRecordsResponse>();
        for (const auto& t : request.topics) {
            const auto* info = md.value->topic(t.name);
            for (const auto& p : t.partitions) {
                const auto* part = info && info->errorCode == 0 ? info->partition(p.partition) : nullptr;
                if (!part || part->leader < 0) {
                    response->topics.append({ t.name, { { p.partition, -1, int16_t(part ? 5 : 3) } } });
                    continue;
                }
                auto& r = byLeader[part->leader];
                r.timeoutMs = request.timeoutMs;
                if (r.topics.isEmpty() || r.topics.last().name != t.name)
                    r.topics.append({ t.name, {} });
                r.topics.last().partitions.append(p);
            }
        }
        if (byLeader.isEmpty()) {
            done(Result::success(*response));
            return;
        }
        auto outstanding = std::make_shared<int>(int(byLeader.size()));
        for (auto it = byLeader.cbegin(); it != byLeader.cend(); ++it) {
            const auto& part = it.value();
            sendToNode(
                it.key(), ApiKey::DeleteRecords,
                [part](int16_t v, QString* error) { return encodeDeleteRecordsRequest(part, v, error); },
                [part, response, outstanding, done](const AdminResult<RawResponse>& raw) {
                    auto decoded = raw.ok() ? decodeDeleteRecordsResponse(raw.value->body, raw.value->version)
                                            : Decoded<DeleteRecordsResponse>::failure(raw.error.message);
                    if (decoded.ok()) {
                        response->topics += decoded->topics;
                    } else {
                        for (const auto& t : part.topics)
                            for (const auto& p : t.partitions)
                                response->topics.append({ t.name, { { p.partition, -1, int16_t(-1) } } });
                    }
                    if (--*outstanding == 0)
                        done(Result::success(*response));
                });
        }
    });
}

void AdminClient::describeQuorum(Callback<DescribeQuorumResponse> done)
{
    sendToAny(
        ApiKey::DescribeQuorum, [](int16_t v, QString* error) { return encodeDescribeQuorumRequest(v, error); },
        decodedInto<DescribeQuorumResponse>(
            "DescribeQuorum", decodeDescribeQuorumResponse,
            [](const DescribeQuorumResponse& r) -> std::optional<AdminError> {
                const int16_t code = r.errorCode ? r.errorCode : r.partitionErrorCode;
                if (code == 0)
                    return std::nullopt;
                return AdminError::kafka(code, QStringLiteral("The KRaft quorum"),
                    r.errorMessage.value_or(r.partitionErrorMessage.value_or(QString())));
            },
            done));
}

void AdminClient::describeCluster(Callback<DescribeClusterResponse> done)
{
    sendToAny(
        ApiKey::DescribeCluster, [](int16_t v, QString* error) { return encodeDescribeClusterRequest({}, v, error); },
        decodedInto<DescribeClusterResponse>(
            "DescribeCluster", decodeDescribeClusterResponse,
            [](const DescribeClusterResponse& r) -> std::optional<AdminError> {
                if (r.errorCode == 0)
                    return std::nullopt;
                return AdminError::kafka(
                    r.errorCode, QStringLiteral("Describing the cluster"), r.errorMessage.value_or(QString()));
            },
            done));
}

void AdminClient::createPartitions(const CreatePartitionsRequest& request, Callback<CreatePartitionsResponse> done)
{
    sendToController(
        ApiKey::CreatePartitions,
        [request](int16_t v, QString* error) { return encodeCreatePartitionsRequest(request, v, error); },
        decodedInto<CreatePartitionsResponse>("CreatePartitions", decodeCreatePartitionsResponse, done));
}

void AdminClient::describeLogDirs(
    const std::optional<QStringList>& topics, const QList<int32_t>& brokers, Callback<QList<BrokerLogDirs>> done)
{
    // The request names partitions, so the topics' partition lists come from fresh metadata.
    fetchMetadata(topics ? std::optional<QStringList>(*topics) : std::optional<QStringList>(QStringList {}),
        [this, topics, brokers, done](const AdminResult<ClusterMetadata>& md) {
            if (!md.ok()) {
                done(AdminResult<QList<BrokerLogDirs>>::failure(md.error));
                return;
            }
            DescribeLogDirsRequest request;
            if (topics) {
                QList<DescribableLogDirTopic> wanted;
                for (const auto& name : *topics) {
                    const auto* topic = md.value->topic(name);
                    if (!topic || topic->errorCode != 0) {
                        done(AdminResult<QList<BrokerLogDirs>>::failure(AdminError::kafka(
                            topic ? topic->errorCode : int16_t(3), QStringLiteral("Topic %1").arg(name))));
                        return;
                    }
                    DescribableLogDirTopic t { name, {} };
                    for (const auto& p : topic->partitions)
                        t.partitions.append(p.partition);
                    wanted.append(t);
                }
                request.topics = wanted;
            }
            QList<int32_t> targets = brokers;
            if (targets.isEmpty())
                for (const auto& b : md.value->brokers)
                    targets.append(b.nodeId);
            std::sort(targets.begin(), targets.end());
            auto results = std::make_shared<QList<BrokerLogDirs>>();
            auto outstanding = std::make_shared<int>(int(targets.size()));
            if (targets.isEmpty()) {
                done(AdminResult<QList<BrokerLogDirs>>::success({}));
                return;
            }
            for (const int32_t broker : targets) {
                sendToNode(
                    broker, ApiKey::DescribeLogDirs,
                    [request](int16_t v, QString* error) { return encodeDescribeLogDirsRequest(request, v, error); },
                    [broker, results, outstanding, done](const AdminResult<RawResponse>& raw) {
                        BrokerLogDirs answer;
                        answer.broker = broker;
                        if (!raw.ok()) {
                            answer.error = raw.error.message;
                        } else if (auto decoded = decodeDescribeLogDirsResponse(raw.value->body, raw.value->version);
                                   !decoded.ok()) {
                            answer.error = QStringLiteral("Malformed DescribeLogDirs response: ") + decoded.error();
                        } else if (decoded->errorCode != 0) {
                            answer.error = AdminError::kafka(
                                decoded->errorCode, QStringLiteral("Log dirs of broker %1").arg(broker))
                                               .message;
                        } else {
                            answer.dirs = decoded->results;
                        }
                        results->append(answer);
                        if (--*outstanding == 0) {
                            std::sort(results->begin(), results->end(),
                                [](const BrokerLogDirs& a, const BrokerLogDirs& b) { return a.broker < b.broker; });
                            done(AdminResult<QList<BrokerLogDirs>>::success(*results));
                        }
                    });
            }
        });
}

void AdminClient::incrementalAlterConfigs(
    const AlterConfigsResource& resource, bool validateOnly, Callback<AlterConfigsResourceResponse> done)
{
    IncrementalAlterConfigsRequest request;
    request.resources = { resource };
    request.validateOnly = validateOnly;
    auto encode
        = [request](int16_t v, QString* error) { return encodeIncrementalAlterConfigsRequest(request, v, error); };
    const QString name = resource.name;
    auto handle = [done, name](const AdminResult<RawResponse>& raw) {
        if (!raw.ok()) {
            auto error = raw.error;
            if (error.kind == AdminError::Kind::Unsupported)
                error.message += QStringLiteral(
                    " It came with Kafka 2.3; KafScope does not fall back to the legacy AlterConfigs, which replaces "
                    "all of a resource's dynamic configs at once, and sensitive values (passwords) cannot be read back "
                    "to resend, so they would be lost.");
            done(AdminResult<AlterConfigsResourceResponse>::failure(error));
            return;
        }
        auto decoded = decodeIncrementalAlterConfigsResponse(raw.value->body, raw.value->version);
        if (!decoded.ok() || decoded->responses.isEmpty()) {
            done(AdminResult<AlterConfigsResourceResponse>::failure(
                AdminError::protocol(QStringLiteral("Malformed IncrementalAlterConfigs response: ")
                    + (decoded.ok() ? QStringLiteral("no resource") : decoded.error()))));
            return;
        }
        const auto& result = decoded->responses.first();
        if (result.errorCode != 0) {
            done(AdminResult<AlterConfigsResourceResponse>::failure(AdminError::kafka(result.errorCode,
                QStringLiteral("Changing the configs of %1").arg(name.isEmpty() ? QStringLiteral("the cluster") : name),
                result.errorMessage.value_or(QString()))));
            return;
        }
        done(AdminResult<AlterConfigsResourceResponse>::success(result));
    };
    // A broker's own (or its loggers') configs are changed on that broker; topics and cluster defaults anywhere.
    if ((resource.type == ConfigResourceType::Broker && !resource.name.isEmpty())
        || resource.type == ConfigResourceType::BrokerLogger) {
        bool ok = false;
        const int32_t nodeId = resource.name.toInt(&ok);
        if (!ok) {
            done(AdminResult<AlterConfigsResourceResponse>::failure(
                AdminError::protocol(QStringLiteral("\"%1\" is not a broker id.").arg(resource.name))));
            return;
        }
        sendToNode(nodeId, ApiKey::IncrementalAlterConfigs, encode, handle);
    } else {
        sendToAny(ApiKey::IncrementalAlterConfigs, encode, handle);
    }
}

} // namespace kafscope::protocol

// Compiled here rather than in the aggregated mocs file, so executables that never use this class do not link it.
#include "moc_adminclient.cpp"
