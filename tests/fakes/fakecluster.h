#pragma once
// The fake behind the Cluster interface (issue #6), shared by page, dialog and model tests: it answers with canned
// value structs and scripted errors, makes scripted consumers and producers (fakedataplane.h), asynchronously like the
// real session (each answer is queued to the event loop), and records what was asked. No broker, no mock, no thread: a
// page test runs in milliseconds.
#include "fakedataplane.h"
#include "fakeplayground.h"
#include "kafka/cluster.h"

#include <QHash>
#include <QTimer>
#include <functional>
#include <optional>

namespace kafscope::test {

class FakeCluster : public Cluster
{
public:
    // ---- the script ----
    ClusterMetadata metadataAnswer;
    OffsetsSnapshot offsetsAnswer;
    std::optional<QString> connectError; // connectTo() ends in Failed with this message
    std::optional<QString> refreshError; // refresh() fails with this (the cluster went away)
    QHash<QString, ConfigResourceResult> configAnswers; // key: configKey(type, name)
    QHash<QString, QString> configErrors; // key: configKey(type, name)
    QString bootstrap = QStringLiteral("127.0.0.1:9092");

    // Writes: the answer to each (default: success, the topics created as asked / configs accepted).
    std::function<AdminResult<protocol::CreateTopicsResponse>(const protocol::CreateTopicsRequest&)> createAnswer;
    std::function<AdminResult<protocol::DeleteTopicsResponse>(const QStringList&)> deleteAnswer;
    std::function<AdminResult<protocol::AlterConfigsResourceResponse>(const protocol::AlterConfigsResource&, bool)>
        alterAnswer;
    QList<protocol::CreateTopicsRequest> createRequests;
    QList<QStringList> deleteRequests;
    QList<std::pair<protocol::AlterConfigsResource, bool>> alterRequests;
    std::function<AdminResult<protocol::CreatePartitionsResponse>(const protocol::CreatePartitionsRequest&)>
        createPartitionsAnswer;
    QList<protocol::CreatePartitionsRequest> createPartitionsRequests;
    // Reassignments: the answer to each start/cancel (default: accepted), and the running ones (default: none).
    std::function<AdminResult<protocol::AlterPartitionReassignmentsResponse>(
        const protocol::AlterPartitionReassignmentsRequest&)>
        reassignAnswer;
    QList<protocol::AlterPartitionReassignmentsRequest> reassignRequests;
    std::function<AdminResult<protocol::ListPartitionReassignmentsResponse>()> ongoingAnswer;
    int ongoingRequests = 0;
    // Elections and record deletion (default: every partition elected / deleted up to the offset).
    std::function<AdminResult<protocol::ElectLeadersResponse>(const protocol::ElectLeadersRequest&)> electAnswer;
    QList<protocol::ElectLeadersRequest> electRequests;
    std::function<AdminResult<protocol::DeleteRecordsResponse>(const protocol::DeleteRecordsRequest&)>
        deleteRecordsAnswer;
    QList<protocol::DeleteRecordsRequest> deleteRecordsRequests;
    // The quorum and the cluster view (default: an error, as the demo's mock broker gives).
    std::optional<AdminResult<protocol::DescribeQuorumResponse>> quorumAnswer;
    std::optional<AdminResult<protocol::DescribeClusterResponse>> describeClusterAnswer;
    // Reads: log dirs (default: none) and offsets at a time (default: every partition at offset 0).
    std::optional<AdminResult<QList<protocol::BrokerLogDirs>>> logDirsAnswer;
    QList<QStringList> logDirsRequests;
    std::function<AdminResult<OffsetsAt>(const QString&, int64_t)> offsetsAtAnswer;
    QList<std::pair<QString, int64_t>> offsetsAtRequests;

    // Groups: the listing (or a failure), and per group its description and committed offsets; summaries and details
    // are computed from them with the end offsets of offsetsAnswer, as the session does.
    QList<GroupListing> groupsAnswer;
    QStringList groupListErrors; // brokers that "did not answer"
    std::optional<AdminError> groupListFailure;
    QHash<QString, GroupDescription> groupDescriptions;
    QHash<QString, GroupOffsets> groupOffsets;
    QList<PartitionOffset> lastStableAnswer;
    int groupListRequests = 0;
    QList<QList<GroupListing>> summarizeRequests;
    QStringList describeGroupRequests;
    // Offset reset and group deletes: reset inputs are made from groupDescriptions / groupOffsets / metadataAnswer /
    // offsetsAnswer (and offsetsAtAnswer for a timestamp), as the session reads them; the writes' answers default to
    // success for every partition / group, and every request is recorded.
    std::optional<AdminError> resetInputsFailure;
    QList<std::pair<QString, QStringList>> resetInputsRequests; // group, topics
    std::function<AdminResult<protocol::OffsetCommitResponse>(const QString&, const QList<CommittedOffset>&)>
        commitAnswer;
    QList<std::pair<QString, QList<CommittedOffset>>> commitRequests;
    std::function<AdminResult<protocol::DeleteGroupsResponse>(const QStringList&)> deleteGroupsAnswer;
    QList<QStringList> deleteGroupsRequests;
    std::function<AdminResult<protocol::OffsetDeleteResponse>(const QString&, const QList<TopicPartitionRef>&)>
        deleteOffsetsAnswer;
    QList<std::pair<QString, QList<TopicPartitionRef>>> deleteOffsetsRequests;

    // ---- what was asked ----    // ---- what was asked ----
    int refreshes = 0;
    FakeConsumer* lastConsumer = nullptr; // the newest createConsumer() (owned by its parent)
    FakeProducer* lastProducer = nullptr; // the newest createProducer() (owned by the caller)
    FakePlayground* lastPlayground = nullptr; // the newest createPlayground() (owned by its parent)
    QStringList configRequests; // configKey(type, name), in order

    static QString configKey(ConfigResourceType type, const QString& name)
    {
        return QString::number(int(type)) + QLatin1Char('/') + name;
    }

    void connectTo(const ConnectionProfile& profile) override
    {
        m_profile = profile;
        m_metadata = {};
        setState(State::Connecting, QStringLiteral("Connecting…"));
        later([this] {
            if (connectError) {
                setState(State::Failed, *connectError);
                return;
            }
            answerRefresh(true);
        });
    }
    void disconnectFromCluster() override
    {
        m_metadata = {};
        setState(State::Disconnected, QStringLiteral("Disconnected"));
    }
    void refresh() override
    {
        if (m_state == State::Disconnected || m_refreshing)
            return;
        ++refreshes;
        m_refreshing = true;
        later([this] { answerRefresh(false); });
    }
    void loadConfigs(ConfigResourceType type, const QString& name) override
    {
        const auto key = configKey(type, name);
        configRequests.append(key);
        later([this, type, name, key] {
            if (configErrors.contains(key))
                emit configsFailed(type, name, configErrors.value(key));
            else if (configAnswers.contains(key))
                emit configsAvailable(configAnswers.value(key));
            else
                emit configsFailed(type, name,
                    QStringLiteral("UNKNOWN_TOPIC_OR_PARTITION: the fake has no configs for %1.").arg(name));
        });
    }
    void shutdown() override { m_shutDown = true; }

    State state() const override { return m_state; }
    bool isRefreshing() const override { return m_refreshing; }
    const ConnectionProfile& profile() const override { return m_profile; }
    QString bootstrapServers() const override { return m_state == State::Connected ? bootstrap : QString(); }
    const ClusterMetadata& metadata() const override { return m_metadata; }
    QDateTime lastRefreshed() const override { return m_lastRefreshed; }
    bool wasShutDown() const { return m_shutDown; }

    void createTopics(const protocol::CreateTopicsRequest& request, QObject* context,
        Done<protocol::CreateTopicsResponse> done) override
    {
        createRequests.append(request);
        auto answer = createAnswer ? createAnswer(request) : [&] {
            protocol::CreateTopicsResponse response;
            for (const auto& t : request.topics) {
                protocol::CreatableTopicResult r;
                r.name = t.name;
                r.numPartitions = t.numPartitions;
                r.replicationFactor = t.replicationFactor;
                response.topics.append(r);
            }
            return AdminResult<protocol::CreateTopicsResponse>::success(response);
        }();
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void deleteTopics(const QStringList& names, QObject* context, Done<protocol::DeleteTopicsResponse> done) override
    {
        deleteRequests.append(names);
        auto answer = deleteAnswer ? deleteAnswer(names) : [&] {
            protocol::DeleteTopicsResponse response;
            for (const auto& n : names)
                response.results.append({ n, {}, 0, {} });
            return AdminResult<protocol::DeleteTopicsResponse>::success(response);
        }();
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void alterConfigs(const protocol::AlterConfigsResource& resource, bool validateOnly, QObject* context,
        Done<protocol::AlterConfigsResourceResponse> done) override
    {
        alterRequests.append({ resource, validateOnly });
        auto answer = alterAnswer ? alterAnswer(resource, validateOnly)
                                  : AdminResult<protocol::AlterConfigsResourceResponse>::success(
                                      { 0, std::nullopt, resource.type, resource.name });
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void createPartitions(const protocol::CreatePartitionsRequest& request, QObject* context,
        Done<protocol::CreatePartitionsResponse> done) override
    {
        createPartitionsRequests.append(request);
        auto answer = createPartitionsAnswer ? createPartitionsAnswer(request) : [&] {
            protocol::CreatePartitionsResponse response;
            for (const auto& t : request.topics)
                response.results.append({ t.name, 0, std::nullopt });
            return AdminResult<protocol::CreatePartitionsResponse>::success(response);
        }();
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void alterPartitionReassignments(const protocol::AlterPartitionReassignmentsRequest& request, QObject* context,
        Done<protocol::AlterPartitionReassignmentsResponse> done) override
    {
        reassignRequests.append(request);
        auto answer = reassignAnswer ? reassignAnswer(request) : [&] {
            protocol::AlterPartitionReassignmentsResponse response;
            for (const auto& t : request.topics) {
                protocol::ReassignableTopicResponse r { t.name, {} };
                for (const auto& p : t.partitions)
                    r.partitions.append({ p.partition, 0, std::nullopt });
                response.responses.append(r);
            }
            return AdminResult<protocol::AlterPartitionReassignmentsResponse>::success(response);
        }();
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void electLeaders(const protocol::ElectLeadersRequest& request, QObject* context,
        Done<protocol::ElectLeadersResponse> done) override
    {
        electRequests.append(request);
        auto answer = electAnswer ? electAnswer(request) : [&] {
            protocol::ElectLeadersResponse response;
            for (const auto& t : request.topicPartitions.value_or(QList<protocol::ElectTopicPartitions> {})) {
                protocol::ElectionTopicResult r { t.topic, {} };
                for (const auto p : t.partitions)
                    r.partitions.append({ p, 0, std::nullopt });
                response.results.append(r);
            }
            return AdminResult<protocol::ElectLeadersResponse>::success(response);
        }();
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void deleteRecords(const protocol::DeleteRecordsRequest& request, QObject* context,
        Done<protocol::DeleteRecordsResponse> done) override
    {
        deleteRecordsRequests.append(request);
        auto answer = deleteRecordsAnswer ? deleteRecordsAnswer(request) : [&] {
            protocol::DeleteRecordsResponse response;
            for (const auto& t : request.topics) {
                protocol::DeleteRecordsTopicResult r { t.name, {} };
                for (const auto& p : t.partitions)
                    r.partitions.append({ p.partition, p.offset, 0 });
                response.topics.append(r);
            }
            return AdminResult<protocol::DeleteRecordsResponse>::success(response);
        }();
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void describeQuorum(QObject* context, Done<protocol::DescribeQuorumResponse> done) override
    {
        auto answer = quorumAnswer.value_or(AdminResult<protocol::DescribeQuorumResponse>::failure(
            AdminError::unsupported(QStringLiteral("The fake does not serve DescribeQuorum."))));
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void describeCluster(QObject* context, Done<protocol::DescribeClusterResponse> done) override
    {
        auto answer = describeClusterAnswer.value_or(AdminResult<protocol::DescribeClusterResponse>::failure(
            AdminError::unsupported(QStringLiteral("The fake does not serve DescribeCluster."))));
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void describeConfigsOf(const QList<protocol::DescribeConfigsResource>& resources, QObject* context,
        Done<QList<ConfigResourceResult>> done) override
    {
        QList<ConfigResourceResult> results;
        for (const auto& r : resources) {
            auto answer
                = configAnswers.value(configKey(r.type, r.name), ConfigResourceResult { r.type, r.name, 0, {}, {} });
            if (r.configNames)
                answer.entries.removeIf([&](const ConfigEntry& e) { return !r.configNames->contains(e.name); });
            results.append(answer);
        }
        QTimer::singleShot(
            0, context, [done, results] { done(AdminResult<QList<ConfigResourceResult>>::success(results)); });
    }
    void listPartitionReassignments(
        const QStringList&, QObject* context, Done<protocol::ListPartitionReassignmentsResponse> done) override
    {
        ++ongoingRequests;
        auto answer
            = ongoingAnswer ? ongoingAnswer() : AdminResult<protocol::ListPartitionReassignmentsResponse>::success({});
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void describeLogDirs(
        const QStringList& topics, QObject* context, Done<QList<protocol::BrokerLogDirs>> done) override
    {
        logDirsRequests.append(topics);
        auto answer = logDirsAnswer.value_or(AdminResult<QList<protocol::BrokerLogDirs>>::success({}));
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void offsetsAt(const QString& topic, int64_t timestamp, QObject* context, Done<OffsetsAt> done) override
    {
        offsetsAtRequests.append({ topic, timestamp });
        auto answer = offsetsAtAnswer ? offsetsAtAnswer(topic, timestamp) : [&] {
            OffsetsAt result;
            if (const auto* t = m_metadata.topic(topic))
                for (const auto& p : t->partitions)
                    result.offsets.append({ topic, p.partition, 0, 0, -1, -1 });
            return AdminResult<OffsetsAt>::success(result);
        }();
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void listGroups(QObject* context, Done<GroupList> done) override
    {
        ++groupListRequests;
        auto answer = groupListFailure ? AdminResult<GroupList>::failure(*groupListFailure)
                                       : AdminResult<GroupList>::success(GroupList { groupsAnswer, groupListErrors });
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void summarizeGroups(
        const QList<GroupListing>& groups, QObject* context, Done<QList<admin::GroupSummary>> done) override
    {
        summarizeRequests.append(groups);
        QList<admin::GroupSummary> out;
        for (const auto& g : groups) {
            const auto d = groupDescriptions.find(g.name);
            const auto o = groupOffsets.find(g.name);
            out.append(admin::summarizeGroup(m_metadata, g, d == groupDescriptions.end() ? nullptr : &*d,
                o == groupOffsets.end() ? nullptr : &*o, endOffsets()));
        }
        QTimer::singleShot(0, context, [done, out] { done(AdminResult<QList<admin::GroupSummary>>::success(out)); });
    }
    void describeGroup(const QString& name, const QString&, QObject* context, Done<admin::GroupDetail> done) override
    {
        describeGroupRequests.append(name);
        AdminResult<admin::GroupDetail> answer = [&] {
            if (!groupDescriptions.contains(name))
                return AdminResult<admin::GroupDetail>::failure(
                    AdminError::kafka(69, QStringLiteral("Describing group %1").arg(name)));
            admin::GroupDetail detail;
            detail.description = groupDescriptions.value(name);
            detail.committed = groupOffsets.value(name);
            detail.lag = admin::computeLag(m_metadata, detail.description, detail.committed, endOffsets());
            detail.sampledAtMs = QDateTime::currentMSecsSinceEpoch();
            return AdminResult<admin::GroupDetail>::success(detail);
        }();
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void loadResetInputs(const QString& group, const QStringList& topics, std::optional<int64_t> timestamp,
        QObject* context, Done<admin::ResetInputs> done) override
    {
        resetInputsRequests.append({ group, topics });
        AdminResult<admin::ResetInputs> answer = [&] {
            if (resetInputsFailure)
                return AdminResult<admin::ResetInputs>::failure(*resetInputsFailure);
            admin::ResetInputs inputs;
            inputs.group = groupDescriptions.value(group);
            if (!groupDescriptions.contains(group)) {
                inputs.group.name = group;
                inputs.group.state = QStringLiteral("Dead");
            }
            inputs.committed = groupOffsets.value(group);
            inputs.committed.group = group;
            inputs.metadata = metadataAnswer;
            inputs.ends = offsetsAnswer;
            if (timestamp) {
                inputs.timestamp = *timestamp;
                const QStringList wanted = topics.isEmpty() ? admin::committedTopics(inputs.committed) : topics;
                for (const auto& t : wanted) {
                    offsetsAtRequests.append({ t, *timestamp });
                    if (offsetsAtAnswer) {
                        if (auto r = offsetsAtAnswer(t, *timestamp); r.ok())
                            inputs.atTime.offsets.append(r.value->offsets);
                    }
                }
            }
            return AdminResult<admin::ResetInputs>::success(inputs);
        }();
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void commitGroupOffsets(const QString& group, const QList<CommittedOffset>& offsets, QObject* context,
        Done<protocol::OffsetCommitResponse> done) override
    {
        commitRequests.append({ group, offsets });
        auto answer = commitAnswer ? commitAnswer(group, offsets) : [&] {
            protocol::OffsetCommitResponse response;
            for (const auto& o : offsets) {
                auto it = std::find_if(response.topics.begin(), response.topics.end(),
                    [&](const protocol::OffsetCommitResponseTopic& t) { return t.name == o.topic; });
                if (it == response.topics.end())
                    it = response.topics.insert(response.topics.end(), { o.topic, {} });
                it->partitions.append({ o.partition, 0 });
            }
            return AdminResult<protocol::OffsetCommitResponse>::success(response);
        }();
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void deleteGroups(const QStringList& names, QObject* context, Done<protocol::DeleteGroupsResponse> done) override
    {
        deleteGroupsRequests.append(names);
        auto answer = deleteGroupsAnswer ? deleteGroupsAnswer(names) : [&] {
            protocol::DeleteGroupsResponse response;
            for (const auto& n : names)
                response.results.append({ n, 0 });
            return AdminResult<protocol::DeleteGroupsResponse>::success(response);
        }();
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    void deleteGroupOffsets(const QString& group, const QList<TopicPartitionRef>& partitions, QObject* context,
        Done<protocol::OffsetDeleteResponse> done) override
    {
        deleteOffsetsRequests.append({ group, partitions });
        auto answer = deleteOffsetsAnswer ? deleteOffsetsAnswer(group, partitions) : [&] {
            protocol::OffsetDeleteResponse response;
            for (const auto& tp : partitions) {
                auto it = std::find_if(response.topics.begin(), response.topics.end(),
                    [&](const protocol::OffsetDeleteResponseTopic& t) { return t.name == tp.topic; });
                if (it == response.topics.end())
                    it = response.topics.insert(response.topics.end(), { tp.topic, {} });
                it->partitions.append({ tp.partition, 0 });
            }
            return AdminResult<protocol::OffsetDeleteResponse>::success(response);
        }();
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
    }
    admin::EndOffsets endOffsets() const { return admin::EndOffsets { offsetsAnswer, lastStableAnswer }; }
    ConsumerInterface* createConsumer(QObject* parent) override
    {
        lastConsumer = new FakeConsumer(parent);
        return lastConsumer;
    }
    PlaygroundInterface* createPlayground(QObject* parent) override
    {
        lastPlayground = new FakePlayground(&m_metadata, parent);
        return lastPlayground;
    }
    std::unique_ptr<ProducerInterface> createProducer(const ProducerOptions& options) override
    {
        auto producer = std::make_unique<FakeProducer>(options);
        lastProducer = producer.get();
        return producer;
    }

private:
    template <typename F> void later(F f)
    {
        QTimer::singleShot(0, this, [this, f] {
            if (!m_shutDown)
                f();
        });
    }
    void setState(State state, const QString& message)
    {
        m_state = state;
        emit stateChanged(state, message);
    }
    void answerRefresh(bool connecting)
    {
        m_refreshing = false;
        if (refreshError) {
            if (connecting)
                setState(State::Failed, *refreshError);
            emit refreshFailed(*refreshError);
            return;
        }
        m_metadata = metadataAnswer;
        m_lastRefreshed = QDateTime::currentDateTime();
        if (m_state != State::Connected)
            setState(State::Connected,
                QStringLiteral("Connected to %1 (%2 brokers)").arg(bootstrap).arg(m_metadata.brokers.size()));
        emit metadataAvailable(m_metadata);
        emit offsetsAvailable(offsetsAnswer);
    }

    State m_state = State::Disconnected;
    bool m_refreshing = false;
    bool m_shutDown = false;
    ConnectionProfile m_profile;
    ClusterMetadata m_metadata;
    QDateTime m_lastRefreshed;
};

} // namespace kafscope::test
