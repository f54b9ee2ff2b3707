// The live consumer's worker thread. Only this file (and the producer) calls librdkafka's consumer API.
#include "kafka/client/liveconsumer_p.h"
#include "kafka/client/rdkafkautil.h"

#include <QMap>
#include <QUuid>
#include <chrono>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace kafscope {

namespace {

constexpr int kTailNice = 5; // see runTail()

using Status = LiveConsumer::Status;
using Clock = std::chrono::steady_clock;

struct PartitionList
{
    rd_kafka_topic_partition_list_t* list;
    explicit PartitionList(int size)
        : list(rd_kafka_topic_partition_list_new(size))
    { }
    explicit PartitionList(rd_kafka_topic_partition_list_t* l)
        : list(l)
    { }
    ~PartitionList()
    {
        if (list)
            rd_kafka_topic_partition_list_destroy(list);
    }
    PartitionList(const PartitionList&) = delete;
    PartitionList& operator=(const PartitionList&) = delete;
};

TimestampType timestampType(rd_kafka_timestamp_type_t type)
{
    switch (type) {
    case RD_KAFKA_TIMESTAMP_CREATE_TIME:
        return TimestampType::CreateTime;
    case RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME:
        return TimestampType::LogAppendTime;
    default:
        return TimestampType::NotAvailable;
    }
}

Record toRecord(const rd_kafka_message_t* m)
{
    rd_kafka_timestamp_type_t type = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE;
    const int64_t timestamp = rd_kafka_message_timestamp(m, &type);
    QList<RecordHeader> headers;
    rd_kafka_headers_t* hdrs = nullptr;
    // rd_kafka_message_headers (not detach): the message keeps ownership, we copy into the record's block.
    if (rd_kafka_message_headers(m, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR && hdrs) {
        const char* name;
        const void* value;
        size_t size;
        for (size_t i = 0; rd_kafka_header_get_all(hdrs, i, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR; ++i)
            headers.append({ QString::fromUtf8(name),
                value ? QByteArray(static_cast<const char*>(value), qsizetype(size)) : QByteArray(),
                value == nullptr });
    }
    // librdkafka hands out a null pointer for a null key or value and a valid pointer (length 0) for an empty one.
    return Record::make(m->partition, m->offset, timestamp, timestampType(type), static_cast<const char*>(m->key),
        m->key ? int32_t(m->key_len) : -1, static_cast<const char*>(m->payload), m->payload ? int32_t(m->len) : -1,
        headers);
}

class Tail
{
public:
    Tail(std::shared_ptr<ConsumerShared> shared, ConsumerOptions options)
        : m_s(std::move(shared))
        , m_opt(std::move(options))
        , m_topic(m_opt.topic.toStdString())
    { }
    ~Tail()
    {
        // No consumer close: there is no group membership to leave and nothing to commit, and a close against a
        // down coordinator is what could make stop() slow.
        if (m_rk)
            rd_kafka_destroy_flags(m_rk, RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE);
    }

    void run()
    {
        if (createHandle() && assignFrom(m_opt.start))
            pollLoop();
    }

private:
    enum class Resolve { Ok, Retry, Fail };

    bool stopping()
    {
        std::lock_guard lock(m_s->mutex);
        return m_s->stop;
    }
    // Sleeps, but wakes at once for stop(); false when stopping.
    bool sleep(int ms)
    {
        std::unique_lock lock(m_s->mutex);
        return !m_s->wake.wait_for(lock, std::chrono::milliseconds(ms), [&] { return m_s->stop; });
    }
    void setStatus(Status status, const QString& message)
    {
        if (m_paused && (status == Status::Running || status == Status::Retrying))
            return; // the user's pause stays what is shown; the state underneath is picked up on resume
        if (status == m_status && message == m_message)
            return;
        m_status = status;
        m_message = message;
        m_s->postStatus(status, message);
    }
    void fail(const QString& message)
    {
        m_failed = true;
        m_failure = message;
        m_paused = false;
        setStatus(Status::Failed, message);
    }

    bool createHandle()
    {
        QString error;
        if (m_opt.topic.isEmpty()) {
            fail(QStringLiteral("No topic given"));
            return false;
        }
        rdk::Conf conf = rdk::baseConf(m_opt.bootstrap, &error);
        // librdkafka needs a group.id for a consumer handle even with assign(); a throwaway one never commits.
        QMap<QString, QString> properties {
            { QStringLiteral("group.id"),
                QStringLiteral("kafscope-tail-") + QUuid::createUuid().toString(QUuid::WithoutBraces) },
            { QStringLiteral("enable.auto.commit"), QStringLiteral("false") },
            { QStringLiteral("enable.auto.offset.store"), QStringLiteral("false") },
            // A tail shows everything written, including records of open or aborted transactions.
            { QStringLiteral("isolation.level"), QStringLiteral("read_uncommitted") },
            { QStringLiteral("enable.partition.eof"),
                m_opt.reportEndOfPartition ? QStringLiteral("true") : QStringLiteral("false") },
            // Out of range (retention deleted the start, or the topic came back): start over rather than skip.
            { QStringLiteral("auto.offset.reset"), QStringLiteral("earliest") },
            // librdkafka 2.0.2 stops fetching once this many records are queued and then waits about a second
            // before fetching again (upstream #2879; configurable only from 2.2). A tail drains fast, so a high mark
            // keeps it from stalling; memory stays bounded by queued.max.messages.kbytes (64 MB by default).
            { QStringLiteral("queued.min.messages"), QStringLiteral("1000000") },
        };
        properties.insert(m_opt.extraConfig);
        if (!conf || !rdk::set(conf.get(), properties, &error)) {
            fail(error);
            return false;
        }
        // Client-level errors (brokers down, authentication) come through this callback, served inside
        // rd_kafka_consumer_poll on this thread; without it librdkafka only logs them.
        rd_kafka_conf_set_error_cb(conf.get(), [](rd_kafka_t*, int err, const char* reason, void* opaque) {
            static_cast<Tail*>(opaque)->handleError(rd_kafka_resp_err_t(err), QString::fromUtf8(reason));
        });
        rd_kafka_conf_set_opaque(conf.get(), this);
        char errstr[512];
        m_rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf.get(), errstr, sizeof errstr);
        if (!m_rk) {
            fail(QStringLiteral("Could not create the consumer: %1").arg(QString::fromUtf8(errstr)));
            return false;
        }
        static_cast<void>(conf.release()); // rd_kafka_new owns it now
        // Errors and EOFs come through the consumer queue, in order with the records.
        rd_kafka_poll_set_consumer(m_rk);
        return true;
    }

    Resolve resolveTopic(int timeoutMs, QList<int32_t>* partitions, int* partitionCount, QString* message)
    {
        rd_kafka_topic_t* topic = rd_kafka_topic_new(m_rk, m_topic.c_str(), nullptr);
        const rd_kafka_metadata_t* md = nullptr;
        const rd_kafka_resp_err_t err = rd_kafka_metadata(m_rk, 0, topic, &md, timeoutMs);
        rd_kafka_topic_destroy(topic);
        if (err) {
            // A failed authentication shows here as a transport error; the error event, served by a poll, says so.
            // Only before anything is assigned: later the poll could return a record, which must not be dropped
            // (the poll loop serves the error events then).
            if (m_assigned.isEmpty()) {
                if (rd_kafka_message_t* m = rd_kafka_consumer_poll(m_rk, 0))
                    rd_kafka_message_destroy(m);
            }
            if (m_failed) {
                *message = m_failure;
                return Resolve::Fail;
            }
            *message = QStringLiteral("Cannot reach the cluster (%1: %2); retrying")
                           .arg(rdk::errName(err), rdk::errText(err));
            return Resolve::Retry;
        }
        std::unique_ptr<const rd_kafka_metadata_t, decltype(&rd_kafka_metadata_destroy)> guard(
            md, &rd_kafka_metadata_destroy);
        if (md->topic_cnt != 1) {
            *message = QStringLiteral("No metadata for topic %1 yet; retrying").arg(m_opt.topic);
            return Resolve::Retry;
        }
        const auto& t = md->topics[0];
        if (t.err == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART) {
            *message = QStringLiteral("Topic %1 does not exist (%2)").arg(m_opt.topic, rdk::errName(t.err));
            return Resolve::Fail;
        }
        if (t.err == RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE || (!t.err && t.partition_cnt == 0)) {
            *message
                = QStringLiteral("Topic %1 has no leader yet (%2); retrying").arg(m_opt.topic, rdk::errName(t.err));
            return Resolve::Retry;
        }
        if (t.err) {
            *message = QStringLiteral("Cannot read topic %1 (%2: %3)")
                           .arg(m_opt.topic, rdk::errName(t.err), rdk::errText(t.err));
            return Resolve::Fail;
        }
        *partitionCount = t.partition_cnt;
        partitions->clear();
        if (m_opt.partitions.isEmpty()) {
            for (int i = 0; i < t.partition_cnt; ++i)
                partitions->append(t.partitions[i].id);
            std::sort(partitions->begin(), partitions->end());
        } else {
            for (const int32_t p : m_opt.partitions) {
                if (p < 0 || p >= t.partition_cnt) {
                    *message = QStringLiteral("Topic %1 has no partition %2 (it has %3)")
                                   .arg(m_opt.topic)
                                   .arg(p)
                                   .arg(t.partition_cnt);
                    return Resolve::Fail;
                }
                if (!partitions->contains(p))
                    partitions->append(p);
            }
        }
        return Resolve::Ok;
    }

    static int64_t startOffset(const ConsumeStart& start)
    {
        switch (start.kind) {
        case ConsumeStart::Kind::Earliest:
            return RD_KAFKA_OFFSET_BEGINNING;
        case ConsumeStart::Kind::Offset:
            return start.value;
        case ConsumeStart::Kind::Timestamp:
            return start.value; // the query value for offsets_for_times
        case ConsumeStart::Kind::LastN:
            return RD_KAFKA_OFFSET_TAIL(start.value);
        case ConsumeStart::Kind::Latest:
            break;
        }
        return RD_KAFKA_OFFSET_END;
    }

    // Resolves partitions and start offsets and assigns them; retries while the cluster is unreachable. False when
    // stopped or failed.
    bool assignFrom(const ConsumeStart& start)
    {
        while (!stopping()) {
            QList<int32_t> partitions;
            int partitionCount = 0;
            QString message;
            const Resolve r = resolveTopic(5000, &partitions, &partitionCount, &message);
            if (r == Resolve::Fail) {
                fail(message);
                return false;
            }
            if (r == Resolve::Retry) {
                setStatus(Status::Retrying, message);
                sleep(1000);
                continue;
            }
            PartitionList list(int(partitions.size()));
            for (const int32_t p : partitions)
                rd_kafka_topic_partition_list_add(list.list, m_topic.c_str(), p)->offset = startOffset(start);
            if (start.kind == ConsumeStart::Kind::Timestamp) {
                // All or nothing (one ListOffsets per leader): a failure retries the whole lookup.
                rd_kafka_resp_err_t err = rd_kafka_offsets_for_times(m_rk, list.list, 10000);
                for (int i = 0; !err && i < list.list->cnt; ++i)
                    err = list.list->elems[i].err;
                if (err) {
                    setStatus(Status::Retrying,
                        QStringLiteral("Could not look up offsets for the timestamp (%1: %2); retrying")
                            .arg(rdk::errName(err), rdk::errText(err)));
                    sleep(1000);
                    continue;
                }
                for (int i = 0; i < list.list->cnt; ++i)
                    if (list.list->elems[i].offset < 0) // nothing at or after the timestamp: wait for new records
                        list.list->elems[i].offset = RD_KAFKA_OFFSET_END;
            }
            if (const auto err = rd_kafka_assign(m_rk, list.list)) {
                fail(QStringLiteral("Could not assign partitions (%1: %2)").arg(rdk::errName(err), rdk::errText(err)));
                return false;
            }
            m_topicGone = false;
            m_assigned = partitions;
            m_nextGrowthCheck = Clock::now() + kGrowthCheckInterval;
            m_s->postAssigned(partitions, partitionCount);
            setStatus(Status::Running,
                QStringLiteral("Tailing %1 of %2 partitions of %3")
                    .arg(partitions.size())
                    .arg(partitionCount)
                    .arg(m_opt.topic));
            return true;
        }
        return false;
    }

    void applyPause(bool paused)
    {
        rd_kafka_topic_partition_list_t* raw = nullptr;
        if (rd_kafka_assignment(m_rk, &raw) == RD_KAFKA_RESP_ERR_NO_ERROR && raw) {
            PartitionList assignment(raw);
            paused ? rd_kafka_pause_partitions(m_rk, assignment.list)
                   : rd_kafka_resume_partitions(m_rk, assignment.list);
        }
        m_paused = false;
        setStatus(
            paused ? Status::Paused : Status::Running, paused ? QStringLiteral("Paused") : QStringLiteral("Resumed"));
        m_paused = paused;
    }

    // While retrying: is the cluster (and the topic) back? A tail at the end of quiet partitions gets neither
    // records nor EOFs after a reconnect, so the status cannot wait for them.
    void recheck()
    {
        m_nextCheck = Clock::now() + std::chrono::seconds(2);
        QList<int32_t> partitions;
        int partitionCount = 0;
        QString message;
        const Resolve r = resolveTopic(1000, &partitions, &partitionCount, &message);
        if (r == Resolve::Fail && m_topicGone && message.contains(QLatin1String("does not exist"))) {
            confirmDeleted();
            return;
        }
        if (r != Resolve::Ok) {
            // The error events name one broker at a time; when no broker answered the last two checks (one slow
            // answer is not an outage), the whole cluster is gone: said as such.
            if (r == Resolve::Retry && message.startsWith(QLatin1String("Cannot reach")) && ++m_unanswered >= 2
                && m_status == Status::Retrying)
                setStatus(Status::Retrying,
                    QStringLiteral("No broker answers: %1 (the tail resumes where it stopped)").arg(message));
            return;
        }
        m_unanswered = 0;
        // librdkafka picks a recreated topic up by itself, from the old positions (out of range ones reset to the
        // earliest); a position still valid in the new topic would skip its first records, so partitions of a
        // confirmed deletion are rewound as their first new record comes (rewindIfRecreated). Partitions it did not
        // have are added from their start. (Not an unassign: librdkafka 2.0.2 can hang in rd_kafka_destroy after
        // one, upstream #3182.)
        const int added = followNewPartitions(partitions, partitionCount);
        setStatus(Status::Running,
            m_topicGone ? (added > 0 ? QStringLiteral("Topic %1 is back, with %2 partitions; tailing all of them")
                                           .arg(m_opt.topic)
                                           .arg(partitionCount)
                                     : QStringLiteral("Topic %1 is back").arg(m_opt.topic))
                        : QStringLiteral("Connected again"));
        m_topicGone = false;
    }

    // A tail of all partitions follows partitions added to the topic (CreatePartitions, or the topic recreated with
    // more), each from its beginning: all its records are newer than the tail. Returns how many were added.
    int followNewPartitions(const QList<int32_t>& partitions, int partitionCount)
    {
        if (!m_opt.partitions.isEmpty())
            return 0; // the user chose partitions
        QList<int32_t> fresh;
        for (const int32_t p : partitions) {
            if (!m_assigned.contains(p))
                fresh.append(p);
        }
        if (fresh.isEmpty())
            return 0;
        PartitionList list(int(fresh.size()));
        for (const int32_t p : fresh)
            rd_kafka_topic_partition_list_add(list.list, m_topic.c_str(), p)->offset = RD_KAFKA_OFFSET_BEGINNING;
        if (rd_kafka_error_t* error = rd_kafka_incremental_assign(m_rk, list.list)) {
            setStatus(Status::Retrying,
                QStringLiteral("Topic %1 has new partitions, which could not be tailed (%2); retrying")
                    .arg(m_opt.topic, QString::fromUtf8(rd_kafka_error_string(error))));
            rd_kafka_error_destroy(error);
            return 0;
        }
        if (m_paused)
            rd_kafka_pause_partitions(m_rk, list.list);
        m_assigned += fresh;
        std::sort(m_assigned.begin(), m_assigned.end());
        m_s->postAssigned(m_assigned, partitionCount);
        return int(fresh.size());
    }

    // Every kGrowthCheckInterval while tailing all partitions: has the topic grown?
    void checkGrowth()
    {
        m_nextGrowthCheck = Clock::now() + kGrowthCheckInterval;
        QList<int32_t> partitions;
        int partitionCount = 0;
        QString message;
        if (resolveTopic(1000, &partitions, &partitionCount, &message) != Resolve::Ok)
            return;
        const int before = int(m_assigned.size());
        if (const int added = followNewPartitions(partitions, partitionCount); added > 0)
            setStatus(m_paused ? Status::Paused : Status::Running,
                QStringLiteral("Topic %1 grew from %2 to %3 partitions; tailing the new ones from their start")
                    .arg(m_opt.topic)
                    .arg(before)
                    .arg(partitionCount));
    }

    // The cluster says the topic is gone: the positions the tail holds belong to the old topic. Every partition is
    // read from its start once the topic is back (a record of the new topic past the start is the signal).
    void confirmDeleted()
    {
        for (const int32_t p : m_assigned)
            m_rewind.insert(p, -1);
    }

    // A record of a partition of a deleted topic: from the new topic, at its start (deliver it), or past it (the old
    // position was valid in the new topic: drop it and read the partition from its start). Records queued before
    // the seek took effect (offsets at or past the first dropped one) are dropped too. True: deliver.
    bool rewindIfRecreated(const rd_kafka_message_t* m)
    {
        const auto it = m_rewind.find(m->partition);
        if (it == m_rewind.end())
            return true;
        if (m->offset == 0 || (it.value() >= 0 && m->offset < it.value())) {
            m_rewind.erase(it); // read from the new topic's start
            return true;
        }
        if (it.value() < 0) {
            it.value() = m->offset;
            PartitionList list(1);
            rd_kafka_topic_partition_list_add(list.list, m_topic.c_str(), m->partition)->offset
                = RD_KAFKA_OFFSET_BEGINNING;
            if (rd_kafka_error_t* error = rd_kafka_seek_partitions(m_rk, list.list, 0))
                rd_kafka_error_destroy(error);
        }
        return false;
    }

    void handleError(rd_kafka_resp_err_t err, const QString& detail)
    {
        if (m_failed)
            return; // said once: every broker reports the same failed authentication
        switch (err) {
        case RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART:
        case RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC:
        case RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION:
            // Checked in 2 s, then every 2 s: timed from the first report only, since librdkafka repeats it every
            // second or so and pushing the check back each time would starve it.
            if (m_topicGone)
                return;
            m_topicGone = true;
            m_nextCheck = Clock::now() + std::chrono::seconds(2);
            setStatus(Status::Retrying,
                QStringLiteral("Topic %1 was deleted; waiting for it to come back (%2)")
                    .arg(m_opt.topic, rdk::errName(err)));
            {
                // Asked at once: a topic recreated within the 2 s before the next check would otherwise be read
                // from the old positions.
                QList<int32_t> partitions;
                int partitionCount = 0;
                QString message;
                if (resolveTopic(1000, &partitions, &partitionCount, &message) == Resolve::Fail
                    && message.contains(QLatin1String("does not exist")))
                    confirmDeleted();
            }
            return;
        case RD_KAFKA_RESP_ERR__AUTHENTICATION:
        case RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED:
            fail(
                rdk::explainAuthentication(QStringLiteral("%1: %2").arg(rdk::errName(err), detail), m_opt.extraConfig));
            return;
        case RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED:
        case RD_KAFKA_RESP_ERR__FATAL:
            fail(QStringLiteral("%1: %2").arg(rdk::errName(err), detail));
            return;
        default:
            if (m_status != Status::Retrying)
                m_nextCheck = Clock::now() + std::chrono::seconds(1);
            if (m_status == Status::Retrying && err == m_lastError)
                return; // the same trouble from the next broker: one status change is enough
            m_lastError = err;
            // librdkafka guesses at a wrong security.protocol when a broker drops a connection within a second of
            // connecting; once this tail has had partitions assigned the settings are proven, and a broker that
            // died is not asking for SASL: the guess would mislead.
            QString said = detail;
            if (!m_assigned.isEmpty())
                said.remove(QStringLiteral(": verify that security.protocol is correctly configured, broker might "
                                           "require SASL authentication"));
            // librdkafka reports a broker's TLS alert as _TRANSPORT (or _SSL): said with what it means.
            setStatus(Status::Retrying,
                rdk::explainTls(QStringLiteral("%1: %2").arg(rdk::errName(err), said), m_opt.extraConfig)
                    + QStringLiteral("; retrying"));
        }
    }

    void flush(std::vector<Record>& batch)
    {
        if (batch.empty())
            return;
        bool notify;
        {
            std::lock_guard lock(m_s->mutex);
            for (auto& r : batch)
                m_s->buffer.push_back(std::move(r));
            notify = !m_s->notified;
            m_s->notified = true;
        }
        batch.clear();
        if (notify)
            m_s->postRecordsAvailable();
    }

    void pollLoop()
    {
        std::vector<Record> batch;
        while (!m_failed) {
            size_t room;
            bool wantPaused;
            {
                // Back-pressure: with a full buffer the worker stops polling (librdkafka then stops fetching once its
                // own queue is full) until drain() makes room. Nothing is dropped.
                std::unique_lock lock(m_s->mutex);
                m_s->wake.wait(lock,
                    [&] { return m_s->stop || m_s->buffer.size() < m_s->capacity || m_s->wantPaused != m_paused; });
                if (m_s->stop)
                    return;
                room = m_s->capacity - std::min(m_s->capacity, m_s->buffer.size());
                wantPaused = m_s->wantPaused;
            }
            if (wantPaused != m_paused)
                applyPause(wantPaused);
            if ((m_topicGone || m_status == Status::Retrying) && Clock::now() >= m_nextCheck)
                recheck();
            else if (!m_topicGone && m_status != Status::Retrying && m_opt.partitions.isEmpty() && !m_assigned.isEmpty()
                && Clock::now() >= m_nextGrowthCheck)
                checkGrowth();
            if (room == 0)
                continue;
            // One message per rd_kafka_consumer_poll, not rd_kafka_consume_batch_queue: in 2.0.2 the batch API can
            // skip offsets around pause/resume (fixed in 2.1.0, librdkafka PR #4235).
            const size_t limit = std::min<size_t>(room, 10000);
            size_t n = 0;
            for (rd_kafka_message_t* m = rd_kafka_consumer_poll(m_rk, 100); m; m = rd_kafka_consumer_poll(m_rk, 0)) {
                if (!m->err && !m_rewind.isEmpty() && !rewindIfRecreated(m)) {
                    // a recreated topic's record past its start: the partition is read again from its start
                } else if (!m->err) {
                    batch.push_back(toRecord(m));
                    if (m_status == Status::Retrying) {
                        m_topicGone = false;
                        setStatus(Status::Running, QStringLiteral("Receiving again"));
                    }
                } else if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                    flush(batch); // the end of a partition is signalled after its records are in the buffer
                    if (m_status == Status::Retrying) {
                        m_topicGone = false;
                        setStatus(Status::Running, QStringLiteral("Caught up again"));
                    }
                    m_s->postEndOfPartition(m->partition, m->offset);
                } else {
                    handleError(m->err, QString::fromUtf8(rd_kafka_message_errstr(m)));
                }
                rd_kafka_message_destroy(m);
                if (++n >= limit || m_failed)
                    break;
            }
            flush(batch);
        }
    }

    std::shared_ptr<ConsumerShared> m_s;
    ConsumerOptions m_opt;
    std::string m_topic;
    rd_kafka_t* m_rk = nullptr;
    Status m_status = Status::Starting;
    QString m_message;
    bool m_paused = false;
    bool m_failed = false;
    QString m_failure; // what fail() said
    bool m_topicGone = false;
    int m_unanswered = 0; // metadata checks in a row no broker answered
    // Partitions of a deleted topic to read from the start once it is back: -1 until the first record of the new
    // topic past its start is dropped (and the partition sought back), then that record's offset.
    QMap<int32_t, int64_t> m_rewind;
    rd_kafka_resp_err_t m_lastError = RD_KAFKA_RESP_ERR_NO_ERROR;
    Clock::time_point m_nextCheck;
    QList<int32_t> m_assigned; // what the tail reads, sorted
    Clock::time_point m_nextGrowthCheck;
    static constexpr auto kGrowthCheckInterval = std::chrono::seconds(10);
};

} // namespace

void runTail(std::shared_ptr<ConsumerShared> shared, ConsumerOptions options)
{
    // On a busy machine the GUI thread must win the CPU over the tail: lower this thread's priority (Linux's nice is
    // per thread) before librdkafka starts its own threads from it, which inherit it.
    setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), kTailNice);
    Tail(std::move(shared), std::move(options)).run();
}

} // namespace kafscope
