// The playground's member threads. Each owns one librdkafka consumer handle from creation to destroy.
#include "kafka/client/playground.h"

#include "kafka/background.h"
#include "kafka/client/rdkafkautil.h"

#include <QMetaObject>
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <mutex>

namespace kafscope {

using Clock = std::chrono::steady_clock;
using State = PlaygroundMember::State;

// What the owner and one member thread share. The thread keeps its own reference, so a member still closing after
// its playground is gone only sees owner == nullptr.
struct MemberShared
{
    std::mutex mutex;
    std::condition_variable wake; // stop, pace changed
    bool stop = false;
    bool leave = true; // close (LeaveGroup) when stopping
    double pace = PlaygroundOptions::kUnlimited;
    GroupPlayground* owner = nullptr;

    template <typename F> void post(F f)
    {
        std::lock_guard lock(mutex);
        if (!owner)
            return;
        QMetaObject::invokeMethod(
            owner, [q = owner, f = std::move(f)] { f(q); }, Qt::QueuedConnection);
    }
};

struct GroupPlayground::Worker
{
    std::shared_ptr<MemberShared> shared;
    BackgroundTask task;
    void requestStop(bool leave)
    {
        {
            std::lock_guard lock(shared->mutex);
            if (!shared->stop) // a member the user stopped still leaves the group at teardown
                shared->leave = leave;
            shared->stop = true;
        }
        shared->wake.notify_all();
    }
};

namespace {

class MemberRun
{
public:
    MemberRun(std::shared_ptr<MemberShared> shared, PlaygroundOptions options, int id)
        : m_s(std::move(shared))
        , m_opt(std::move(options))
    {
        m_member.id = id;
        m_member.clientId = QStringLiteral("playground-%1").arg(id);
    }

    void run()
    {
        if (create())
            loop();
        finish();
    }

private:
    void publish()
    {
        m_s->post([m = m_member](GroupPlayground* q) { q->update(m); });
    }
    void reportError(const QString& message, bool rebalance)
    {
        m_member.message = message;
        m_s->post([id = m_member.id, message, rebalance](
                      GroupPlayground* q) { emit q->memberError(id, message, rebalance); });
    }
    void fail(const QString& message)
    {
        m_member.state = State::Failed;
        m_member.message = message;
        publish();
    }

    bool create()
    {
        QString error;
        rdk::Conf conf = rdk::baseConf(m_opt.bootstrap, &error);
        QMap<QString, QString> properties {
            { QStringLiteral("group.id"), m_opt.group },
            { QStringLiteral("client.id"), m_member.clientId },
            { QStringLiteral("partition.assignment.strategy"), m_opt.assignor },
            // Commits what was consumed every second, so the lag the page shows falls as the members consume.
            { QStringLiteral("enable.auto.commit"), QStringLiteral("true") },
            { QStringLiteral("auto.commit.interval.ms"), QStringLiteral("1000") },
            // A new group starts at the beginning: its lag is the topic's size, and falls.
            { QStringLiteral("auto.offset.reset"), QStringLiteral("earliest") },
            // A member that dies without leaving is noticed in seconds, not the default 45.
            { QStringLiteral("session.timeout.ms"), QStringLiteral("10000") },
            { QStringLiteral("heartbeat.interval.ms"), QStringLiteral("1000") },
            // A member consumes at a teaching pace, often behind the producer: librdkafka's default prefetch (100,000
            // records or 64 MiB per partition) would hold the group's whole backlog in memory, growing as long as the
            // lag grows (the two-hour soak saw the demo group's members do just that). A thousand records a partition
            // keeps every paced member fed.
            { QStringLiteral("queued.min.messages"), QStringLiteral("1000") },
            { QStringLiteral("queued.max.messages.kbytes"), QStringLiteral("4096") },
        };
        properties.insert(m_opt.extraConfig);
        if (!conf || !rdk::set(conf.get(), properties, &error)) {
            fail(error);
            return false;
        }
        rd_kafka_conf_set_rebalance_cb(conf.get(),
            [](rd_kafka_t* rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* partitions, void* opaque) {
                static_cast<MemberRun*>(opaque)->onRebalance(rk, err, partitions);
            });
        rd_kafka_conf_set_error_cb(conf.get(), [](rd_kafka_t*, int err, const char* reason, void* opaque) {
            static_cast<MemberRun*>(opaque)->reportError(
                QStringLiteral("%1: %2").arg(rdk::errName(rd_kafka_resp_err_t(err)), QString::fromUtf8(reason)), false);
        });
        rd_kafka_conf_set_opaque(conf.get(), this);
        char errstr[512];
        m_rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf.get(), errstr, sizeof errstr);
        if (!m_rk) {
            fail(QStringLiteral("Could not create the consumer: %1").arg(QString::fromUtf8(errstr)));
            return false;
        }
        static_cast<void>(conf.release()); // rd_kafka_new owns it now
        rd_kafka_poll_set_consumer(m_rk);
        rd_kafka_topic_partition_list_t* topics = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(topics, m_opt.topic.toUtf8().constData(), RD_KAFKA_PARTITION_UA);
        const rd_kafka_resp_err_t err = rd_kafka_subscribe(m_rk, topics);
        rd_kafka_topic_partition_list_destroy(topics);
        if (err) {
            fail(QStringLiteral("Could not subscribe to %1: %2").arg(m_opt.topic, rdk::errText(err)));
            return false;
        }
        publish(); // Joining
        return true;
    }

    void onRebalance(rd_kafka_t* rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t* partitions)
    {
        const char* protocol = rd_kafka_rebalance_protocol(rk);
        const bool cooperative = protocol && std::strcmp(protocol, "COOPERATIVE") == 0;
        rd_kafka_error_t* error = nullptr;
        if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
            if (cooperative)
                error = rd_kafka_incremental_assign(rk, partitions);
            else
                rd_kafka_assign(rk, partitions);
            if (!m_closing)
                m_member.state = State::Assigned;
            ++m_member.rebalances;
        } else if (err == RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS) {
            if (rd_kafka_assignment_lost(rk) && !m_closing)
                reportError(QStringLiteral("The assignment was lost (the member missed its session timeout or the "
                                           "group moved on without it)"),
                    true);
            if (cooperative)
                error = rd_kafka_incremental_unassign(rk, partitions);
            else
                rd_kafka_assign(rk, nullptr);
            if (!m_closing)
                m_member.state = State::Rebalancing;
        } else {
            reportError(QStringLiteral("Rebalance failed: %1").arg(rdk::errText(err)), true);
            rd_kafka_assign(rk, nullptr);
            if (!m_closing)
                m_member.state = State::Rebalancing;
        }
        if (error) {
            reportError(QStringLiteral("%1 failed: %2")
                            .arg(err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS ? QStringLiteral("incremental_assign")
                                                                             : QStringLiteral("incremental_unassign"),
                                QString::fromUtf8(rd_kafka_error_string(error))),
                true);
            rd_kafka_error_destroy(error);
        }
        readAssignment();
        if (char* id = rd_kafka_memberid(rk)) {
            m_member.memberId = QString::fromUtf8(id);
            rd_kafka_mem_free(rk, id);
        }
        m_pauseDirty = true;
        publish();
    }

    bool cooperative() const { return m_opt.assignor.startsWith(QLatin1String("cooperative")); }

    // The workaround for librdkafka #4527 (a cooperative consumer can hang in rd_kafka_consumer_close): unsubscribe
    // first, serve the revokes until nothing is assigned, and only then close. False when the assignment is still
    // there after 10 s.
    bool unsubscribeAndDrain()
    {
        rd_kafka_unsubscribe(m_rk);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (std::chrono::steady_clock::now() < deadline) {
            if (rd_kafka_message_t* m = rd_kafka_consumer_poll(m_rk, 100))
                rd_kafka_message_destroy(m);
            rd_kafka_topic_partition_list_t* list = nullptr;
            const bool empty = rd_kafka_assignment(m_rk, &list) == RD_KAFKA_RESP_ERR_NO_ERROR && list && list->cnt == 0;
            if (list)
                rd_kafka_topic_partition_list_destroy(list);
            if (empty)
                return true;
        }
        return false;
    }

    // rd_kafka_consumer_close with a limit. Under load (the whole suite under AddressSanitizer, members closing all at
    // once) librdkafka 2.0.2's close could wait for ever although the group had terminated: its TERMINATE reply never
    // reached the closing thread. Here the close runs on a queue of ours, served on this thread (the last revoke goes
    // through onRebalance), and what ends the wait is librdkafka's own "terminated" flag or the limit. False when the
    // consumer had not closed by then.
    bool closeWithin(std::chrono::milliseconds limit)
    {
        rd_kafka_queue_t* queue = rd_kafka_queue_new(m_rk);
        if (rd_kafka_error_t* error = rd_kafka_consumer_close_queue(m_rk, queue)) {
            const bool closed = rd_kafka_error_code(error) == RD_KAFKA_RESP_ERR__DESTROY; // already closed
            rd_kafka_error_destroy(error);
            rd_kafka_queue_destroy(queue);
            return closed;
        }
        const auto deadline = Clock::now() + limit;
        while (!rd_kafka_consumer_closed(m_rk) && Clock::now() < deadline) {
            rd_kafka_event_t* event = rd_kafka_queue_poll(queue, 100);
            if (!event)
                continue;
            if (rd_kafka_event_type(event) == RD_KAFKA_EVENT_REBALANCE)
                onRebalance(m_rk, rd_kafka_event_error(event), rd_kafka_event_topic_partition_list(event));
            rd_kafka_event_destroy(event);
        }
        const bool closed = rd_kafka_consumer_closed(m_rk);
        rd_kafka_queue_destroy(queue);
        return closed;
    }

    void readAssignment()
    {
        m_member.partitions.clear();
        rd_kafka_topic_partition_list_t* list = nullptr;
        if (rd_kafka_assignment(m_rk, &list) != RD_KAFKA_RESP_ERR_NO_ERROR || !list)
            return;
        const QByteArray topic = m_opt.topic.toUtf8();
        for (int i = 0; i < list->cnt; ++i)
            if (topic == list->elems[i].topic)
                m_member.partitions.append(list->elems[i].partition);
        rd_kafka_topic_partition_list_destroy(list);
        std::sort(m_member.partitions.begin(), m_member.partitions.end());
    }

    // Pause 0 is "in the group, fetching nothing": the partitions are paused, and polling goes on so rebalances
    // are still served at once.
    void applyPause(bool pause)
    {
        rd_kafka_topic_partition_list_t* list = nullptr;
        if (rd_kafka_assignment(m_rk, &list) == RD_KAFKA_RESP_ERR_NO_ERROR && list) {
            if (list->cnt > 0)
                pause ? rd_kafka_pause_partitions(m_rk, list) : rd_kafka_resume_partitions(m_rk, list);
            rd_kafka_topic_partition_list_destroy(list);
        }
        m_paused = pause;
        m_pauseDirty = false;
    }

    void loop()
    {
        auto next = Clock::now();
        auto lastPublish = Clock::now();
        int64_t published = 0;
        for (;;) {
            double pace;
            {
                std::lock_guard lock(m_s->mutex);
                if (m_s->stop)
                    return;
                pace = m_s->pace;
            }
            const bool pause = pace == 0;
            if (m_pauseDirty || pause != m_paused)
                applyPause(pause);
            const auto now = Clock::now();
            if (pace > 0 && next > now) {
                // Holding the pace: no poll until the next record is due. Rebalances wait at most that long (the
                // smallest pace the UI offers is 1 record/s).
                std::unique_lock lock(m_s->mutex);
                m_s->wake.wait_for(lock, std::min<Clock::duration>(next - now, std::chrono::milliseconds(100)),
                    [&] { return m_s->stop || m_s->pace != pace; });
                continue;
            }
            if (rd_kafka_message_t* m = rd_kafka_consumer_poll(m_rk, 100)) {
                if (!m->err) {
                    ++m_member.consumed;
                    if (pace > 0)
                        next = std::max(next, Clock::now() - std::chrono::milliseconds(200))
                            + std::chrono::microseconds(qint64(1e6 / pace));
                } else if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                    reportError(QString::fromUtf8(rd_kafka_message_errstr(m)), false);
                }
                rd_kafka_message_destroy(m);
            }
            if (m_member.consumed != published && Clock::now() - lastPublish > std::chrono::milliseconds(250)) {
                published = m_member.consumed;
                lastPublish = Clock::now();
                publish();
            }
        }
    }

    void finish()
    {
        if (m_rk) {
            bool leave;
            {
                std::lock_guard lock(m_s->mutex);
                leave = m_s->leave;
            }
            m_closing = true;
            if (m_member.state != State::Failed) {
                m_member.state = State::Stopping;
                publish();
            }
            if (leave && cooperative() && !unsubscribeAndDrain()) {
                // The assignment would not go: librdkafka before 2.4 can hang in rd_kafka_consumer_close when a
                // cooperative assignment arrives while it closes (librdkafka #4527). Go without closing; the group
                // notices at the session timeout.
                reportError(QStringLiteral("librdkafka 2.0.2's cooperative-sticky bug (#4527, fixed in 2.4): the "
                                           "member could not give its partitions back; it leaves without a goodbye and "
                                           "the group reassigns them when its session times out"),
                    false);
                rd_kafka_destroy_flags(m_rk, RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE);
            } else if (leave) {
                // Commits what was consumed and leaves the group, so the others rebalance at once.
                if (closeWithin(std::chrono::seconds(15))) {
                    rd_kafka_destroy(m_rk);
                } else {
                    reportError(QStringLiteral("The member did not finish leaving the group within 15 s; it goes "
                                               "without a goodbye and the group notices at its session timeout"),
                        false);
                    rd_kafka_destroy_flags(m_rk, RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE);
                }
            } else {
                rd_kafka_destroy_flags(m_rk, RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE);
            }
            m_rk = nullptr;
        }
        if (m_member.state != State::Failed)
            m_member.state = State::Stopped;
        m_member.partitions.clear();
        publish();
    }

    std::shared_ptr<MemberShared> m_s;
    PlaygroundOptions m_opt;
    PlaygroundMember m_member; // this thread's copy, posted whole
    rd_kafka_t* m_rk = nullptr;
    bool m_closing = false;
    bool m_paused = false;
    bool m_pauseDirty = false;
};

} // namespace

GroupPlayground::GroupPlayground(QObject* parent)
    : PlaygroundInterface(parent)
{ }

GroupPlayground::~GroupPlayground()
{
    shutdown();
}

void GroupPlayground::start(const PlaygroundOptions& options)
{
    if (m_started)
        stopAll();
    m_options = options;
    m_started = true;
    for (int i = 0; i < options.members; ++i)
        addMember();
}

int GroupPlayground::addMember()
{
    if (!m_started)
        return 0;
    const int id = m_nextId++;
    auto worker = std::make_unique<Worker>();
    worker->shared = std::make_shared<MemberShared>();
    worker->shared->owner = this;
    worker->shared->pace = m_options.recordsPerSecond;
    PlaygroundMember member;
    member.id = id;
    member.clientId = QStringLiteral("playground-%1").arg(id);
    m_members.append(member);
    emit memberChanged(member);
    worker->task = startBackground("kafscope-playgr",
        [shared = worker->shared, options = m_options, id] { MemberRun(shared, options, id).run(); });
    m_workers.push_back(std::move(worker));
    return id;
}

void GroupPlayground::stopMember(int id)
{
    const auto it = std::find_if(m_members.begin(), m_members.end(), [id](const auto& m) { return m.id == id; });
    if (it == m_members.end() || !it->isActive())
        return;
    m_workers[size_t(it - m_members.begin())]->requestStop(true);
    it->state = State::Stopping;
    emit memberChanged(*it);
}

void GroupPlayground::stopAll()
{
    for (const auto& m : m_members)
        stopMember(m.id);
}

void GroupPlayground::setPace(double recordsPerSecond)
{
    m_options.recordsPerSecond = recordsPerSecond;
    for (auto& w : m_workers) {
        {
            std::lock_guard lock(w->shared->mutex);
            w->shared->pace = recordsPerSecond;
        }
        w->shared->wake.notify_all();
    }
}

void GroupPlayground::shutdown()
{
    disconnect(this, nullptr, nullptr, nullptr);
    for (auto& w : m_workers) {
        w->requestStop(m_options.leaveOnShutdown);
        std::lock_guard lock(w->shared->mutex);
        w->shared->owner = nullptr;
    }
}

bool GroupPlayground::hasFinished() const
{
    return std::all_of(m_workers.begin(), m_workers.end(), [](const auto& w) { return w->task.isFinished(); });
}

void GroupPlayground::update(const PlaygroundMember& member)
{
    for (auto& m : m_members) {
        if (m.id != member.id)
            continue;
        // A stop asked for here wins over what the thread posted before it saw the stop.
        PlaygroundMember next = member;
        if (m.state == State::Stopping && member.isActive())
            next.state = State::Stopping;
        if (next == m)
            return;
        m = next;
        emit memberChanged(m);
        return;
    }
}

} // namespace kafscope
