// The admin client's consumer-group calls: listing from every broker, coordinators (batched FindCoordinator),
// descriptions per coordinator and group type (DescribeGroups for classic groups, ConsumerGroupDescribe for KIP-848
// groups, ShareGroupDescribe for share groups), committed offsets (OffsetFetch, batched from v8) and the lag they
// make with the end offsets of each partition's leader.
#include "kafka/protocol/adminclient.h"
#include "kafka/protocol/apis/groups.h"
#include "kafka/protocol/apis/offsets.h"
#include "kafka/protocol/errors.h"

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QTimer>
#include <algorithm>
#include <memory>

namespace kafscope::protocol {

namespace {

constexpr int16_t kGroupIdNotFound = 69;
constexpr int16_t kCoordinatorNotAvailable = 15;
constexpr int kDescribeBatch = 200; // groups per describe request
constexpr int kCoordinatorRetries = 20;
constexpr int kCoordinatorRetryMs = 250;

// COORDINATOR_LOAD_IN_PROGRESS, COORDINATOR_NOT_AVAILABLE, NOT_COORDINATOR: ask again.
bool isRetriableCoordinatorError(int16_t code)
{
    return code == 14 || code == 15 || code == 16;
}

// Every partition of the groups' subscribed and assigned topics (partition counts from `metadata`), per group.
AdminClient::OffsetTopics offsetTopicsOf(const QList<GroupDescription>& groups, const ClusterMetadata& metadata)
{
    AdminClient::OffsetTopics out;
    for (const auto& g : groups) {
        QMap<QString, QSet<int32_t>> partitions;
        for (const auto& m : g.members) {
            for (const auto& tp : m.assignment)
                partitions[tp.topic].insert(tp.partition);
            for (const auto& t : m.subscribedTopics)
                if (const auto* info = metadata.topic(t))
                    for (const auto& p : info->partitions)
                        partitions[t].insert(p.partition);
        }
        QList<OffsetFetchRequestTopic> topics;
        for (auto it = partitions.cbegin(); it != partitions.cend(); ++it) {
            QList<int32_t> list(it.value().begin(), it.value().end());
            std::sort(list.begin(), list.end());
            topics.append({ it.key(), list });
        }
        if (!topics.isEmpty())
            out.insert(g.name, topics);
    }
    return out;
}

// Counts down outstanding requests and calls `finish` once, when the last one is in.
struct Countdown
{
    int left = 0;
    std::function<void()> finish;
    void done()
    {
        if (--left == 0 && finish)
            finish();
    }
};

QString errorText(int16_t code, const std::optional<QString>& message)
{
    return describeError(code, message.value_or(QString()));
}

QList<TopicPartitionRef> toRefs(const DescribedAssignment& a, const ClusterMetadata& metadata)
{
    QList<TopicPartitionRef> out;
    for (const auto& t : a.topicPartitions) {
        QString name = t.topicName;
        if (name.isEmpty()) {
            for (const auto& topic : metadata.topics) {
                if (!t.topicId.isEmpty() && topic.topicId == t.topicId)
                    name = topic.name;
            }
        }
        for (const int32_t p : t.partitions)
            out.append({ name, p });
    }
    std::sort(out.begin(), out.end());
    return out;
}

GroupDescription fromClassic(const DescribedGroup& g, int32_t coordinator)
{
    GroupDescription d;
    d.name = g.groupId;
    d.type = group_type::classic;
    d.state = g.groupState;
    if (!g.protocolType.isEmpty())
        d.protocolType = g.protocolType;
    d.assignor = g.protocolData;
    d.coordinator = coordinator;
    d.errorCode = g.errorCode;
    if (g.errorCode != 0)
        d.errorMessage = errorText(g.errorCode, g.errorMessage);
    const bool consumerProtocol = g.protocolType == QLatin1String("consumer");
    for (const auto& m : g.members) {
        GroupMember member;
        member.memberId = m.memberId;
        member.instanceId = m.groupInstanceId;
        member.clientId = m.clientId;
        member.host = m.clientHost;
        if (consumerProtocol && !m.memberAssignment.isEmpty()) {
            if (auto a = decodeConsumerProtocolAssignment(m.memberAssignment); a.ok()) {
                for (const auto& t : a->assignedPartitions) {
                    for (const int32_t p : t.partitions)
                        member.assignment.append({ t.topic, p });
                }
                std::sort(member.assignment.begin(), member.assignment.end());
            }
        }
        if (consumerProtocol && !m.memberMetadata.isEmpty()) {
            if (auto s = decodeConsumerProtocolSubscription(m.memberMetadata); s.ok()) {
                member.subscribedTopics = s->topics;
                member.rack = s->rackId;
            }
        }
        d.members.append(member);
    }
    return d;
}

// The fields KIP-848 and share group descriptions share (their members differ only in a few optional fields).
template <typename Described>
GroupDescription fromServerSideGroup(
    const Described& g, const QString& type, int32_t coordinator, const ClusterMetadata& metadata)
{
    GroupDescription d;
    d.name = g.groupId;
    d.type = type;
    d.state = g.groupState;
    d.assignor = g.assignorName;
    d.coordinator = coordinator;
    d.groupEpoch = g.groupEpoch;
    d.assignmentEpoch = g.assignmentEpoch;
    d.errorCode = g.errorCode;
    if (g.errorCode != 0)
        d.errorMessage = errorText(g.errorCode, g.errorMessage);
    for (const auto& m : g.members) {
        GroupMember member;
        member.memberId = m.memberId;
        member.rack = m.rackId;
        member.memberEpoch = m.memberEpoch;
        member.clientId = m.clientId;
        member.host = m.clientHost;
        member.subscribedTopics = m.subscribedTopicNames;
        member.assignment = toRefs(m.assignment, metadata);
        d.members.append(member);
    }
    return d;
}

GroupDescription fromConsumer(const ConsumerGroupDescription& g, int32_t coordinator, const ClusterMetadata& metadata)
{
    GroupDescription d = fromServerSideGroup(g, group_type::consumer, coordinator, metadata);
    d.protocolType = QStringLiteral("consumer");
    for (qsizetype i = 0; i < g.members.size(); ++i) {
        const auto& m = g.members[i];
        d.members[i].instanceId = m.instanceId;
        d.members[i].subscribedRegex = m.subscribedTopicRegex;
        d.members[i].targetAssignment = toRefs(m.targetAssignment, metadata);
    }
    return d;
}

GroupDescription fromShare(const ShareGroupDescription& g, int32_t coordinator, const ClusterMetadata& metadata)
{
    return fromServerSideGroup(g, group_type::share, coordinator, metadata);
}

GroupDescription failedDescription(const QString& name, const QString& type, int32_t coordinator, const QString& why)
{
    GroupDescription d;
    d.name = name;
    d.type = type;
    d.coordinator = coordinator;
    d.errorCode = -1;
    d.errorMessage = why;
    return d;
}

bool notFound(const GroupDescription& d)
{
    return d.errorCode == kGroupIdNotFound || (d.errorCode == 0 && d.state == QLatin1String("Dead"));
}

} // namespace

void AdminClient::listGroups(Callback<GroupList> done)
{
    fetchMetadata(QStringList {}, [this, done](const AdminResult<ClusterMetadata>& md) {
        if (!md.ok()) {
            done(AdminResult<GroupList>::failure(md.error));
            return;
        }
        if (md.value->brokers.isEmpty()) {
            done(AdminResult<GroupList>::success({}));
            return;
        }
        auto perBroker = std::make_shared<QMap<int32_t, QList<GroupListing>>>();
        auto errors = std::make_shared<QMap<int32_t, QString>>();
        auto unsupported = std::make_shared<int>(0);
        auto firstError = std::make_shared<AdminError>();
        auto countdown = std::make_shared<Countdown>();
        countdown->left = int(md.value->brokers.size());
        const int brokerCount = countdown->left;
        countdown->finish = [perBroker, errors, unsupported, firstError, brokerCount, done] {
            // Every broker refused the API: the cluster cannot list groups at all (the demo's mock broker).
            if (*unsupported == brokerCount || (errors->size() == brokerCount && perBroker->isEmpty())) {
                done(AdminResult<GroupList>::failure(*firstError));
                return;
            }
            GroupList list;
            QSet<QString> seen;
            for (const auto& groups : *perBroker) {
                for (const auto& g : groups) {
                    // While a coordinator moves, two brokers may list the same group: the first answer is kept.
                    if (!seen.contains(g.name)) {
                        seen.insert(g.name);
                        list.groups.append(g);
                    }
                }
            }
            std::sort(list.groups.begin(), list.groups.end(),
                [](const GroupListing& a, const GroupListing& b) { return a.name < b.name; });
            for (auto it = errors->cbegin(); it != errors->cend(); ++it)
                list.errors.append(
                    QStringLiteral("Broker %1 did not list its groups: %2").arg(it.key()).arg(it.value()));
            done(AdminResult<GroupList>::success(list));
        };
        for (const auto& broker : md.value->brokers) {
            const int32_t node = broker.nodeId;
            sendToNode(
                node, ApiKey::ListGroups,
                [](int16_t v, QString* error) { return encodeListGroupsRequest({}, v, error); },
                [node, perBroker, errors, unsupported, firstError, countdown](const AdminResult<RawResponse>& raw) {
                    const auto fail = [&](const AdminError& e) {
                        if (firstError->kind == AdminError::Kind::None)
                            *firstError = e;
                        if (e.kind == AdminError::Kind::Unsupported)
                            ++*unsupported;
                        errors->insert(node, e.message);
                    };
                    if (!raw.ok()) {
                        fail(raw.error);
                    } else if (auto decoded = decodeListGroupsResponse(raw.value->body, raw.value->version);
                               !decoded.ok()) {
                        fail(AdminError::protocol(QStringLiteral("Malformed ListGroups response: ") + decoded.error()));
                    } else if (decoded->errorCode != 0) {
                        fail(AdminError::kafka(decoded->errorCode, QStringLiteral("Listing groups")));
                    } else {
                        QList<GroupListing> groups;
                        for (const auto& g : decoded->groups) {
                            GroupListing l;
                            l.name = g.groupId;
                            // Brokers before ListGroups v5 know only classic groups.
                            l.type = g.groupType.isEmpty() ? group_type::classic : g.groupType.toLower();
                            l.state = g.groupState;
                            if (!g.protocolType.isEmpty())
                                l.protocolType = g.protocolType;
                            l.coordinator = node;
                            groups.append(l);
                        }
                        perBroker->insert(node, groups);
                    }
                    countdown->done();
                });
        }
    });
}

void AdminClient::findGroupCoordinators(const QStringList& groups, Callback<QHash<QString, int32_t>> done)
{
    if (groups.isEmpty()) {
        done(AdminResult<QHash<QString, int32_t>>::success({}));
        return;
    }
    // v4+ answers many keys at once; an older broker gets the first key only, and the others one request each.
    auto onlyFirst = std::make_shared<bool>(false);
    FindCoordinatorRequest request;
    request.keys = groups;
    sendToAny(
        ApiKey::FindCoordinator,
        [request, onlyFirst](int16_t v, QString* error) {
            FindCoordinatorRequest r = request;
            *onlyFirst = v < 4 && r.keys.size() > 1;
            if (*onlyFirst)
                r.keys = r.keys.mid(0, 1);
            return encodeFindCoordinatorRequest(r, v, error);
        },
        [this, groups, onlyFirst, done](const AdminResult<RawResponse>& raw) {
            if (!raw.ok()) {
                done(AdminResult<QHash<QString, int32_t>>::failure(raw.error));
                return;
            }
            auto decoded = decodeFindCoordinatorResponse(raw.value->body, raw.value->version);
            if (!decoded.ok()) {
                done(AdminResult<QHash<QString, int32_t>>::failure(
                    AdminError::protocol(QStringLiteral("Malformed FindCoordinator response: ") + decoded.error())));
                return;
            }
            QHash<QString, int32_t> found;
            QStringList failures;
            for (auto c : decoded->coordinators) {
                if (c.key.isEmpty() && raw.value->version < 4)
                    c.key = groups.first();
                if (c.errorCode != 0)
                    failures << QStringLiteral("%1: %2").arg(c.key, errorText(c.errorCode, c.errorMessage));
                else
                    found.insert(c.key, c.nodeId);
            }
            if (*onlyFirst) {
                // The rest, one by one.
                const QStringList rest = groups.mid(1);
                auto all = std::make_shared<QHash<QString, int32_t>>(found);
                auto countdown = std::make_shared<Countdown>();
                countdown->left = int(rest.size());
                countdown->finish = [all, done] { done(AdminResult<QHash<QString, int32_t>>::success(*all)); };
                for (const auto& g : rest) {
                    findGroupCoordinators({ g }, [all, countdown](const AdminResult<QHash<QString, int32_t>>& r) {
                        if (r.ok())
                            all->insert(*r.value);
                        countdown->done();
                    });
                }
                return;
            }
            if (found.isEmpty() && !failures.isEmpty() && groups.size() == 1) {
                done(AdminResult<QHash<QString, int32_t>>::failure(
                    AdminError::kafka(decoded->coordinators.first().errorCode,
                        QStringLiteral("Finding the coordinator of %1").arg(groups.first()),
                        decoded->coordinators.first().errorMessage.value_or(QString()))));
                return;
            }
            done(AdminResult<QHash<QString, int32_t>>::success(found));
        });
}

void AdminClient::describeGroupsAt(
    int32_t coordinator, const QString& type, const QStringList& names, Callback<QList<GroupDescription>> done)
{
    const auto failAll = [coordinator, type, names, done](const QString& why) {
        QList<GroupDescription> out;
        for (const auto& n : names)
            out.append(failedDescription(n, type, coordinator, why));
        done(AdminResult<QList<GroupDescription>>::success(out));
    };
    const ClusterMetadata metadata = m_metadata;
    if (type == group_type::consumer) {
        ConsumerGroupDescribeRequest request { names, false };
        sendToNode(
            coordinator, ApiKey::ConsumerGroupDescribe,
            [request](int16_t v, QString* error) { return encodeConsumerGroupDescribeRequest(request, v, error); },
            [coordinator, metadata, failAll, done](const AdminResult<RawResponse>& raw) {
                if (!raw.ok())
                    return failAll(raw.error.message);
                auto decoded = decodeConsumerGroupDescribeResponse(raw.value->body, raw.value->version);
                if (!decoded.ok())
                    return failAll(QStringLiteral("Malformed ConsumerGroupDescribe response: ") + decoded.error());
                QList<GroupDescription> out;
                for (const auto& g : decoded->groups)
                    out.append(fromConsumer(g, coordinator, metadata));
                done(AdminResult<QList<GroupDescription>>::success(out));
            });
        return;
    }
    if (type == group_type::share) {
        ShareGroupDescribeRequest request { names, false };
        sendToNode(
            coordinator, ApiKey::ShareGroupDescribe,
            [request](int16_t v, QString* error) { return encodeShareGroupDescribeRequest(request, v, error); },
            [coordinator, metadata, failAll, done](const AdminResult<RawResponse>& raw) {
                if (!raw.ok())
                    return failAll(raw.error.message);
                auto decoded = decodeShareGroupDescribeResponse(raw.value->body, raw.value->version);
                if (!decoded.ok())
                    return failAll(QStringLiteral("Malformed ShareGroupDescribe response: ") + decoded.error());
                QList<GroupDescription> out;
                for (const auto& g : decoded->groups)
                    out.append(fromShare(g, coordinator, metadata));
                done(AdminResult<QList<GroupDescription>>::success(out));
            });
        return;
    }
    DescribeGroupsRequest request { names, false };
    sendToNode(
        coordinator, ApiKey::DescribeGroups,
        [request](int16_t v, QString* error) { return encodeDescribeGroupsRequest(request, v, error); },
        [coordinator, type, failAll, done](const AdminResult<RawResponse>& raw) {
            if (!raw.ok())
                return failAll(raw.error.message);
            auto decoded = decodeDescribeGroupsResponse(raw.value->body, raw.value->version);
            if (!decoded.ok())
                return failAll(QStringLiteral("Malformed DescribeGroups response: ") + decoded.error());
            QList<GroupDescription> out;
            for (const auto& g : decoded->groups) {
                GroupDescription d = fromClassic(g, coordinator);
                if (!type.isEmpty() && type != group_type::classic) {
                    // A group type we have no describe API for (streams, or one newer than us): say so.
                    d.type = type;
                    if (d.errorCode != 0 || d.state == QLatin1String("Dead")) {
                        d.errorCode = -1;
                        d.errorMessage
                            = QStringLiteral("KafScope cannot describe %1 groups yet; the broker answered: %2")
                                  .arg(type, d.errorMessage.isEmpty() ? d.state : d.errorMessage);
                    }
                }
                out.append(d);
            }
            done(AdminResult<QList<GroupDescription>>::success(out));
        });
}

void AdminClient::describeGroups(const QList<GroupListing>& groups, Callback<QList<GroupDescription>> done)
{
    if (groups.isEmpty()) {
        done(AdminResult<QList<GroupDescription>>::success({}));
        return;
    }
    QStringList unlocated;
    for (const auto& g : groups) {
        if (g.coordinator < 0)
            unlocated << g.name;
    }
    const auto describeLocated
        = [this, groups, done](const QHash<QString, int32_t>& coordinators, const QString& locateError) {
              // (coordinator, type) -> names, in batches.
              QMap<std::pair<int32_t, QString>, QStringList> batches;
              QList<GroupDescription> unreachable;
              for (const auto& g : groups) {
                  const int32_t c = g.coordinator >= 0 ? g.coordinator : coordinators.value(g.name, -1);
                  if (c < 0)
                      unreachable.append(failedDescription(g.name, g.type, -1,
                          locateError.isEmpty() ? QStringLiteral("Its coordinator could not be found.") : locateError));
                  else
                      batches[{ c, g.type }].append(g.name);
              }
              auto out = std::make_shared<QList<GroupDescription>>(unreachable);
              auto countdown = std::make_shared<Countdown>();
              countdown->finish = [out, done] {
                  std::sort(out->begin(), out->end(),
                      [](const GroupDescription& a, const GroupDescription& b) { return a.name < b.name; });
                  done(AdminResult<QList<GroupDescription>>::success(*out));
              };
              for (auto it = batches.cbegin(); it != batches.cend(); ++it)
                  countdown->left += int((it.value().size() + kDescribeBatch - 1) / kDescribeBatch);
              if (countdown->left == 0) {
                  countdown->finish();
                  return;
              }
              for (auto it = batches.cbegin(); it != batches.cend(); ++it) {
                  for (qsizetype i = 0; i < it.value().size(); i += kDescribeBatch) {
                      describeGroupsAt(it.key().first, it.key().second, it.value().mid(i, kDescribeBatch),
                          [out, countdown](const AdminResult<QList<GroupDescription>>& r) {
                              if (r.ok())
                                  out->append(*r.value);
                              countdown->done();
                          });
                  }
              }
          };
    if (unlocated.isEmpty()) {
        describeLocated({}, {});
        return;
    }
    findGroupCoordinators(unlocated, [describeLocated](const AdminResult<QHash<QString, int32_t>>& r) {
        describeLocated(r.ok() ? *r.value : QHash<QString, int32_t> {}, r.ok() ? QString() : r.error.message);
    });
}

void AdminClient::describeGroupAnyType(const QString& name, const QString& typeHint, Callback<GroupDescription> done)
{
    describeGroupAttempt(name, typeHint, 0, std::move(done));
}

void AdminClient::describeGroupAttempt(
    const QString& name, const QString& typeHint, int attempt, Callback<GroupDescription> done)
{
    // A coordinator that is still loading (a fresh cluster creating __consumer_offsets) or moving answers with a
    // retriable error: asked again a moment later, at most kCoordinatorRetries times.
    const auto retryOr = [this, name, typeHint, attempt, done](const AdminError& error) {
        if (attempt + 1 < kCoordinatorRetries && error.kind == AdminError::Kind::Kafka
            && isRetriableCoordinatorError(error.kafkaCode)) {
            QTimer::singleShot(kCoordinatorRetryMs, this,
                [this, name, typeHint, attempt, done] { describeGroupAttempt(name, typeHint, attempt + 1, done); });
            return;
        }
        done(AdminResult<GroupDescription>::failure(error));
    };
    findGroupCoordinators(
        { name }, [this, name, typeHint, done, retryOr](const AdminResult<QHash<QString, int32_t>>& r) {
            if (!r.ok()) {
                retryOr(r.error);
                return;
            }
            const int32_t coordinator = r.value->value(name, -1);
            if (coordinator < 0) {
                done(AdminResult<GroupDescription>::failure(
                    AdminError::network(QStringLiteral("The coordinator of group %1 could not be found.").arg(name))));
                return;
            }
            // The listed type first; without one, classic, then KIP-848, then share (each says "not found" for the
            // others' groups).
            QStringList types = typeHint.isEmpty()
                ? QStringList { group_type::classic, group_type::consumer, group_type::share }
                : QStringList { typeHint };
            // Each step holds only a weak reference to itself; the pending request's callback holds the strong one.
            auto step = std::make_shared<std::function<void(qsizetype)>>();
            std::weak_ptr<std::function<void(qsizetype)>> weak = step;
            *step = [this, name, coordinator, types, done, retryOr, weak](qsizetype i) {
                auto self = weak.lock();
                describeGroupsAt(coordinator, types[i], { name },
                    [name, types, i, done, retryOr, self](const AdminResult<QList<GroupDescription>>& d) {
                        const GroupDescription* g = d.ok() && !d.value->isEmpty() ? &d.value->first() : nullptr;
                        if (g && g->errorCode > 0 && !notFound(*g)) {
                            // Loading, moved, not authorized, ...: never shown as a described group.
                            retryOr(AdminError::kafka(g->errorCode, QStringLiteral("Describing group %1").arg(name)));
                            return;
                        }
                        if (g && !notFound(*g) && g->errorCode != -1) {
                            done(AdminResult<GroupDescription>::success(*g));
                            return;
                        }
                        if (i + 1 < types.size()) {
                            (*self)(i + 1);
                            return;
                        }
                        if (g && g->errorCode == -1 && types.size() == 1) {
                            done(AdminResult<GroupDescription>::success(*g));
                            return;
                        }
                        done(AdminResult<GroupDescription>::failure(AdminError::kafka(kGroupIdNotFound,
                            QStringLiteral("Group %1").arg(name), QStringLiteral("No group of that name exists."))));
                    });
            };
            (*step)(0);
        });
}

void AdminClient::fetchOffsetsAt(
    int32_t coordinator, const QStringList& groups, Callback<QList<GroupOffsets>> done, const OffsetTopics& topics)
{
    // v8+ fetches many groups at once; an older broker gets the first group only, the others one request each.
    auto onlyFirst = std::make_shared<bool>(false);
    sendToNode(
        coordinator, ApiKey::OffsetFetch,
        [groups, onlyFirst, topics](int16_t v, QString* error) {
            OffsetFetchRequest request;
            *onlyFirst = v < 8 && groups.size() > 1;
            for (const auto& g : *onlyFirst ? groups.mid(0, 1) : groups) {
                OffsetFetchRequestGroup group;
                group.groupId = g;
                if (topics.contains(g))
                    group.topics = topics.value(g);
                request.groups.append(group);
            }
            return encodeOffsetFetchRequest(request, v, error);
        },
        [this, coordinator, groups, onlyFirst, done, topics](const AdminResult<RawResponse>& raw) {
            const auto failed = [&groups](const QStringList& names, const AdminError& e) {
                QList<GroupOffsets> out;
                for (const auto& n : names)
                    out.append(GroupOffsets {
                        n, {}, int16_t(e.kind == AdminError::Kind::Kafka ? e.kafkaCode : -1), e.message });
                Q_UNUSED(groups);
                return out;
            };
            QList<GroupOffsets> out;
            const QStringList asked = *onlyFirst ? groups.mid(0, 1) : groups;
            if (!raw.ok()) {
                out = failed(asked, raw.error);
            } else if (auto decoded = decodeOffsetFetchResponse(raw.value->body, raw.value->version); !decoded.ok()) {
                out = failed(
                    asked, AdminError::protocol(QStringLiteral("Malformed OffsetFetch response: ") + decoded.error()));
            } else {
                for (const auto& g : decoded->groups) {
                    GroupOffsets o;
                    o.group = g.groupId.isEmpty() && raw.value->version < 8 ? asked.first() : g.groupId;
                    o.errorCode = g.errorCode;
                    if (g.errorCode != 0)
                        o.errorMessage
                            = AdminError::kafka(g.errorCode, QStringLiteral("Offsets of %1").arg(o.group)).message;
                    for (const auto& t : g.topics) {
                        for (const auto& p : t.partitions) {
                            // A partition without a commit comes back as -1: "no offset", not an entry.
                            if (p.committedOffset < 0 && p.errorCode == 0)
                                continue;
                            o.offsets.append(CommittedOffset { t.name, p.partitionIndex, p.committedOffset,
                                p.committedLeaderEpoch, p.metadata, p.errorCode });
                        }
                    }
                    out.append(o);
                }
            }
            if (!*onlyFirst || !raw.ok()) {
                if (*onlyFirst)
                    out = failed(groups, raw.error);
                done(AdminResult<QList<GroupOffsets>>::success(out));
                return;
            }
            const QStringList rest = groups.mid(1);
            auto all = std::make_shared<QList<GroupOffsets>>(out);
            auto countdown = std::make_shared<Countdown>();
            countdown->left = int(rest.size());
            countdown->finish = [all, done] { done(AdminResult<QList<GroupOffsets>>::success(*all)); };
            for (const auto& g : rest) {
                fetchOffsetsAt(
                    coordinator, { g },
                    [all, countdown](const AdminResult<QList<GroupOffsets>>& r) {
                        if (r.ok())
                            all->append(*r.value);
                        countdown->done();
                    },
                    topics);
            }
        });
}

void AdminClient::fetchShareOffsetsAt(
    int32_t coordinator, const QStringList& groups, Callback<QList<GroupOffsets>> done)
{
    DescribeShareGroupOffsetsRequest request;
    for (const auto& g : groups)
        request.groups.append({ g, std::nullopt });
    sendToNode(
        coordinator, ApiKey::DescribeShareGroupOffsets,
        [request](int16_t v, QString* error) { return encodeDescribeShareGroupOffsetsRequest(request, v, error); },
        [groups, done](const AdminResult<RawResponse>& raw) {
            QList<GroupOffsets> out;
            const auto failAll = [&](const QString& why) {
                for (const auto& g : groups)
                    out.append(GroupOffsets { g, {}, -1, why });
            };
            if (!raw.ok()) {
                failAll(raw.error.kind == AdminError::Kind::Unsupported
                        ? QStringLiteral("The broker does not serve DescribeShareGroupOffsets: ") + raw.error.message
                        : raw.error.message);
            } else if (auto decoded = decodeDescribeShareGroupOffsetsResponse(raw.value->body, raw.value->version);
                       !decoded.ok()) {
                failAll(QStringLiteral("Malformed DescribeShareGroupOffsets response: ") + decoded.error());
            } else {
                for (const auto& g : decoded->groups) {
                    GroupOffsets o;
                    o.group = g.groupId;
                    o.errorCode = g.errorCode;
                    if (g.errorCode != 0)
                        o.errorMessage = errorText(g.errorCode, g.errorMessage);
                    for (const auto& t : g.topics) {
                        for (const auto& p : t.partitions) {
                            if (p.startOffset < 0 && p.errorCode == 0)
                                continue;
                            o.offsets.append(CommittedOffset { t.topicName, p.partitionIndex, p.startOffset,
                                p.leaderEpoch, std::nullopt, p.errorCode });
                        }
                    }
                    out.append(o);
                }
            }
            done(AdminResult<QList<GroupOffsets>>::success(out));
        });
}

void AdminClient::fetchGroupOffsets(const QList<GroupListing>& groups, Callback<QList<GroupOffsets>> done)
{
    fetchGroupOffsets(groups, {}, std::move(done));
}

void AdminClient::fetchGroupOffsets(
    const QList<GroupListing>& groups, const OffsetTopics& topics, Callback<QList<GroupOffsets>> done)
{
    QMap<std::pair<int32_t, bool>, QStringList> batches; // (coordinator, share) -> groups
    QList<GroupOffsets> unreachable;
    for (const auto& g : groups) {
        if (g.coordinator < 0)
            unreachable.append(GroupOffsets { g.name, {}, -1, QStringLiteral("Its coordinator is unknown.") });
        else
            batches[{ g.coordinator, g.type == group_type::share }].append(g.name);
    }
    auto out = std::make_shared<QList<GroupOffsets>>(unreachable);
    auto countdown = std::make_shared<Countdown>();
    countdown->finish = [out, done] { done(AdminResult<QList<GroupOffsets>>::success(*out)); };
    for (auto it = batches.cbegin(); it != batches.cend(); ++it)
        countdown->left += int((it.value().size() + kDescribeBatch - 1) / kDescribeBatch);
    if (countdown->left == 0) {
        countdown->finish();
        return;
    }
    for (auto it = batches.cbegin(); it != batches.cend(); ++it) {
        for (qsizetype i = 0; i < it.value().size(); i += kDescribeBatch) {
            const auto collect = [out, countdown](const AdminResult<QList<GroupOffsets>>& r) {
                if (r.ok())
                    out->append(*r.value);
                countdown->done();
            };
            if (it.key().second)
                fetchShareOffsetsAt(it.key().first, it.value().mid(i, kDescribeBatch), collect);
            else
                fetchOffsetsAt(it.key().first, it.value().mid(i, kDescribeBatch), collect, topics);
        }
    }
}

void AdminClient::endOffsets(
    const ClusterMetadata& metadata, const QStringList& topics, bool lastStable, Callback<admin::EndOffsets> done)
{
    auto result = std::make_shared<admin::EndOffsets>();
    auto countdown = std::make_shared<Countdown>();
    countdown->left = lastStable ? 2 : 1;
    countdown->finish = [result, done] { done(AdminResult<admin::EndOffsets>::success(*result)); };
    if (topics.isEmpty()) {
        countdown->left = 1;
        countdown->done();
        return;
    }
    listOffsets(metadata, topics, [result, countdown](const AdminResult<OffsetsSnapshot>& r) {
        if (r.ok())
            result->snapshot = *r.value;
        countdown->done();
    });
    if (lastStable) {
        offsetsAt(
            metadata, topics, -1,
            [result, countdown](const AdminResult<OffsetsAt>& r) {
                if (r.ok())
                    result->lastStable = r.value->offsets;
                countdown->done();
            },
            1);
    }
}

void AdminClient::summarizeGroups(const QList<GroupListing>& groups, Callback<QList<admin::GroupSummary>> done)
{
    summarizeGroups(groups, std::nullopt, std::move(done));
}

void AdminClient::summarizeGroups(const QList<GroupListing>& groups,
    const std::optional<QList<GroupDescription>>& described, Callback<QList<admin::GroupSummary>> done)
{
    fetchMetadata(std::nullopt, [this, groups, described, done](const AdminResult<ClusterMetadata>& md) {
        if (!md.ok()) {
            done(AdminResult<QList<admin::GroupSummary>>::failure(md.error));
            return;
        }
        auto descriptions = std::make_shared<QList<GroupDescription>>();
        auto offsets = std::make_shared<QList<GroupOffsets>>();
        auto countdown = std::make_shared<Countdown>();
        countdown->left = 2;
        const ClusterMetadata metadata = *md.value;
        countdown->finish = [this, groups, metadata, descriptions, offsets, done] {
            QHash<QString, const GroupDescription*> d;
            for (const auto& x : *descriptions)
                d.insert(x.name, &x);
            QHash<QString, const GroupOffsets*> o;
            QSet<QString> topics;
            for (const auto& x : *offsets) {
                o.insert(x.group, &x);
                for (const auto& c : x.offsets)
                    topics.insert(c.topic);
            }
            for (const auto& x : *descriptions)
                for (const auto& t : x.topics())
                    topics.insert(t);
            QStringList wanted;
            for (const auto& t : std::as_const(topics)) {
                if (metadata.topic(t))
                    wanted << t;
            }
            endOffsets(metadata, wanted, false,
                [groups, metadata, descriptions, offsets, d, o, done](const AdminResult<admin::EndOffsets>& ends) {
                    QList<admin::GroupSummary> out;
                    out.reserve(groups.size());
                    const admin::LagInputs inputs(metadata, *ends.value);
                    for (const auto& g : groups)
                        out.append(admin::summarizeGroup(inputs, g, d.value(g.name), o.value(g.name)));
                    done(AdminResult<QList<admin::GroupSummary>>::success(out));
                });
        };
        if (described) {
            *descriptions = *described;
            countdown->done();
        } else {
            describeGroups(groups, [descriptions, countdown](const AdminResult<QList<GroupDescription>>& r) {
                if (r.ok())
                    *descriptions = *r.value;
                countdown->done();
            });
        }
        fetchGroupOffsets(groups, described ? offsetTopicsOf(*described, metadata) : OffsetTopics(),
            [offsets, countdown](const AdminResult<QList<GroupOffsets>>& r) {
                if (r.ok())
                    *offsets = *r.value;
                countdown->done();
            });
    });
}

void AdminClient::describeGroup(const QString& name, const QString& typeHint, Callback<admin::GroupDetail> done)
{
    describeGroupAnyType(name, typeHint, [this, done](const AdminResult<GroupDescription>& described) {
        if (!described.ok()) {
            done(AdminResult<admin::GroupDetail>::failure(described.error));
            return;
        }
        groupDetail(*described.value, done);
    });
}

void AdminClient::groupDetail(const GroupDescription& group, Callback<admin::GroupDetail> done, bool namePartitions)
{
    const GroupListing listing { group.name, group.type, group.state, group.protocolType, group.coordinator };
    fetchGroupOffsets({ listing }, namePartitions ? offsetTopicsOf({ group }, m_metadata) : OffsetTopics(),
        [this, group, done](const AdminResult<QList<GroupOffsets>>& fetched) {
            GroupOffsets committed;
            committed.group = group.name;
            if (fetched.ok() && !fetched.value->isEmpty())
                committed = fetched.value->first();
            QSet<QString> topics;
            for (const auto& c : committed.offsets)
                topics.insert(c.topic);
            for (const auto& t : group.topics())
                topics.insert(t);
            QStringList wanted(topics.begin(), topics.end());
            std::sort(wanted.begin(), wanted.end());
            const auto finish
                = [group, committed, done](const ClusterMetadata& metadata, const admin::EndOffsets& ends) {
                      admin::GroupDetail detail;
                      detail.description = group;
                      detail.committed = committed;
                      detail.lag = admin::computeLag(metadata, group, committed, ends);
                      detail.sampledAtMs = QDateTime::currentMSecsSinceEpoch();
                      done(AdminResult<admin::GroupDetail>::success(detail));
                  };
            if (wanted.isEmpty()) {
                finish({}, {});
                return;
            }
            fetchMetadata(wanted, [this, wanted, finish](const AdminResult<ClusterMetadata>& md) {
                if (!md.ok()) {
                    admin::EndOffsets none;
                    none.snapshot.errors << md.error.message;
                    finish({}, none);
                    return;
                }
                const ClusterMetadata metadata = *md.value;
                endOffsets(metadata, wanted, true,
                    [metadata, finish](const AdminResult<admin::EndOffsets>& ends) { finish(metadata, *ends.value); });
            });
        });
}

void AdminClient::commitGroupOffsets(
    const QString& group, const QList<CommittedOffset>& offsets, Callback<OffsetCommitResponse> done)
{
    OffsetCommitRequest request;
    request.groupId = group;
    QMap<QString, QList<OffsetCommitRequestPartition>> byTopic;
    for (const auto& o : offsets)
        byTopic[o.topic].append({ o.partition, o.offset, o.leaderEpoch, o.metadata });
    for (auto it = byTopic.cbegin(); it != byTopic.cend(); ++it)
        request.topics.append({ it.key(), it.value() });
    findGroupCoordinators({ group }, [this, group, request, done](const AdminResult<QHash<QString, int32_t>>& r) {
        if (!r.ok() || !r.value->contains(group)) {
            done(AdminResult<OffsetCommitResponse>::failure(r.ok()
                    ? AdminError::network(QStringLiteral("The coordinator of group %1 could not be found.").arg(group))
                    : r.error));
            return;
        }
        sendToNode(
            r.value->value(group), ApiKey::OffsetCommit,
            [request](int16_t v, QString* error) { return encodeOffsetCommitRequest(request, v, error); },
            [done](const AdminResult<RawResponse>& raw) {
                if (!raw.ok()) {
                    done(AdminResult<OffsetCommitResponse>::failure(raw.error));
                    return;
                }
                auto decoded = decodeOffsetCommitResponse(raw.value->body, raw.value->version);
                if (!decoded.ok()) {
                    done(AdminResult<OffsetCommitResponse>::failure(
                        AdminError::protocol(QStringLiteral("Malformed OffsetCommit response: ") + decoded.error())));
                    return;
                }
                done(AdminResult<OffsetCommitResponse>::success(std::move(decoded).value()));
            });
    });
}

void AdminClient::deleteGroups(const QStringList& names, Callback<DeleteGroupsResponse> done)
{
    if (names.isEmpty()) {
        done(AdminResult<DeleteGroupsResponse>::success({}));
        return;
    }
    findGroupCoordinators(names, [this, names, done](const AdminResult<QHash<QString, int32_t>>& found) {
        if (!found.ok()) {
            done(AdminResult<DeleteGroupsResponse>::failure(found.error));
            return;
        }
        auto response = std::make_shared<DeleteGroupsResponse>();
        QMap<int32_t, QStringList> batches;
        for (const auto& n : names) {
            if (found.value->contains(n))
                batches[found.value->value(n)].append(n);
            else
                response->results.append({ n, kCoordinatorNotAvailable });
        }
        auto firstError = std::make_shared<AdminError>();
        auto countdown = std::make_shared<Countdown>();
        countdown->left = int(batches.size());
        countdown->finish = [names, response, firstError, done] {
            // Nobody could be asked: the request failed as a whole.
            if (firstError->kind != AdminError::Kind::None
                && std::all_of(response->results.begin(), response->results.end(),
                    [](const DeletableGroupResult& r) { return r.errorCode == kCoordinatorNotAvailable; })) {
                done(AdminResult<DeleteGroupsResponse>::failure(*firstError));
                return;
            }
            // In the order asked.
            std::sort(response->results.begin(), response->results.end(),
                [&names](const DeletableGroupResult& a, const DeletableGroupResult& b) {
                    return names.indexOf(a.groupId) < names.indexOf(b.groupId);
                });
            done(AdminResult<DeleteGroupsResponse>::success(*response));
        };
        if (batches.isEmpty()) {
            countdown->left = 1;
            countdown->done();
            return;
        }
        for (auto it = batches.cbegin(); it != batches.cend(); ++it) {
            const QStringList batch = it.value();
            sendToNode(
                it.key(), ApiKey::DeleteGroups,
                [batch](int16_t v, QString* error) {
                    return encodeDeleteGroupsRequest(DeleteGroupsRequest { batch }, v, error);
                },
                [batch, response, firstError, countdown](const AdminResult<RawResponse>& raw) {
                    const auto failBatch = [&](const AdminError& e) {
                        if (firstError->kind == AdminError::Kind::None)
                            *firstError = e;
                        for (const auto& g : batch)
                            response->results.append({ g, kCoordinatorNotAvailable });
                    };
                    if (!raw.ok()) {
                        failBatch(raw.error);
                    } else if (auto decoded = decodeDeleteGroupsResponse(raw.value->body, raw.value->version);
                               !decoded.ok()) {
                        failBatch(AdminError::protocol(
                            QStringLiteral("Malformed DeleteGroups response: ") + decoded.error()));
                    } else {
                        response->throttleTimeMs = std::max(response->throttleTimeMs, decoded->throttleTimeMs);
                        response->results.append(decoded->results);
                    }
                    countdown->done();
                });
        }
    });
}

void AdminClient::deleteGroupOffsets(
    const QString& group, const QList<TopicPartitionRef>& partitions, Callback<OffsetDeleteResponse> done)
{
    OffsetDeleteRequest request;
    request.groupId = group;
    QMap<QString, QList<int32_t>> byTopic;
    for (const auto& tp : partitions)
        byTopic[tp.topic].append(tp.partition);
    for (auto it = byTopic.cbegin(); it != byTopic.cend(); ++it)
        request.topics.append({ it.key(), it.value() });
    findGroupCoordinators({ group }, [this, group, request, done](const AdminResult<QHash<QString, int32_t>>& r) {
        if (!r.ok() || !r.value->contains(group)) {
            done(AdminResult<OffsetDeleteResponse>::failure(r.ok()
                    ? AdminError::network(QStringLiteral("The coordinator of group %1 could not be found.").arg(group))
                    : r.error));
            return;
        }
        sendToNode(
            r.value->value(group), ApiKey::OffsetDelete,
            [request](int16_t v, QString* error) { return encodeOffsetDeleteRequest(request, v, error); },
            [group, done](const AdminResult<RawResponse>& raw) {
                if (!raw.ok()) {
                    done(AdminResult<OffsetDeleteResponse>::failure(raw.error));
                    return;
                }
                auto decoded = decodeOffsetDeleteResponse(raw.value->body, raw.value->version);
                if (!decoded.ok()) {
                    done(AdminResult<OffsetDeleteResponse>::failure(
                        AdminError::protocol(QStringLiteral("Malformed OffsetDelete response: ") + decoded.error())));
                    return;
                }
                if (decoded->errorCode != 0) {
                    done(AdminResult<OffsetDeleteResponse>::failure(AdminError::kafka(
                        decoded->errorCode, QStringLiteral("Deleting offsets of group %1").arg(group))));
                    return;
                }
                done(AdminResult<OffsetDeleteResponse>::success(std::move(decoded).value()));
            });
    });
}

void AdminClient::resetInputs(const QString& group, const QStringList& topics, std::optional<int64_t> timestamp,
    Callback<admin::ResetInputs> done)
{
    describeGroupAnyType(group, {}, [this, group, topics, timestamp, done](const AdminResult<GroupDescription>& d) {
        auto inputs = std::make_shared<admin::ResetInputs>();
        if (d.ok()) {
            inputs->group = *d.value;
        } else if (d.error.kind == AdminError::Kind::Kafka && d.error.kafkaCode == kGroupIdNotFound) {
            // Kafka's tool resets a group that does not exist yet: its first consumer starts where it says.
            inputs->group.name = group;
            inputs->group.type = group_type::classic;
            inputs->group.state = QStringLiteral("Dead");
        } else {
            done(AdminResult<admin::ResetInputs>::failure(d.error));
            return;
        }
        const GroupListing listing { group, inputs->group.type, inputs->group.state, inputs->group.protocolType,
            inputs->group.coordinator };
        const auto withOffsets = [this, topics, timestamp, inputs, done](const GroupOffsets& committed) {
            inputs->committed = committed;
            const QStringList wanted = topics.isEmpty() ? admin::committedTopics(committed) : topics;
            if (wanted.isEmpty()) {
                done(AdminResult<admin::ResetInputs>::success(*inputs));
                return;
            }
            fetchMetadata(wanted, [this, wanted, timestamp, inputs, done](const AdminResult<ClusterMetadata>& md) {
                if (!md.ok()) {
                    done(AdminResult<admin::ResetInputs>::failure(md.error));
                    return;
                }
                inputs->metadata = *md.value;
                QStringList existing;
                for (const auto& t : wanted)
                    if (const auto* info = md.value->topic(t); info && info->errorCode == 0)
                        existing << t;
                if (existing.isEmpty()) {
                    done(AdminResult<admin::ResetInputs>::success(*inputs));
                    return;
                }
                auto countdown = std::make_shared<Countdown>();
                countdown->left = timestamp ? 2 : 1;
                countdown->finish = [inputs, done] { done(AdminResult<admin::ResetInputs>::success(*inputs)); };
                listOffsets(*md.value, existing, [inputs, countdown](const AdminResult<OffsetsSnapshot>& r) {
                    if (r.ok())
                        inputs->ends = *r.value;
                    else
                        inputs->ends.errors << r.error.message;
                    countdown->done();
                });
                if (timestamp) {
                    const int64_t at = *timestamp;
                    offsetsAt(*md.value, existing, at, [inputs, at, countdown](const AdminResult<OffsetsAt>& r) {
                        inputs->timestamp = at;
                        if (r.ok())
                            inputs->atTime = *r.value;
                        countdown->done();
                    });
                }
            });
        };
        if (inputs->group.coordinator < 0) {
            GroupOffsets none;
            none.group = group;
            withOffsets(none);
            return;
        }
        fetchGroupOffsets({ listing }, [group, withOffsets, done](const AdminResult<QList<GroupOffsets>>& fetched) {
            GroupOffsets committed;
            committed.group = group;
            if (fetched.ok() && !fetched.value->isEmpty())
                committed = fetched.value->first();
            if (committed.errorCode != 0) {
                done(AdminResult<admin::ResetInputs>::failure(committed.errorCode > 0
                        ? AdminError::kafka(committed.errorCode, QStringLiteral("Offsets of %1").arg(group))
                        : AdminError::network(committed.errorMessage)));
                return;
            }
            withOffsets(committed);
        });
    });
}

} // namespace kafscope::protocol
