// The compact record: one block for key, value and headers (from a per-thread arena chunk when small); null and empty
// kept apart.
#include "kafka/client/record.h"

#include <deque>
#include <gtest/gtest.h>
#include <latch>
#include <mutex>
#include <thread>
#include <vector>

using namespace kafscope;

namespace {

Record makeSmall(int i, int valueBytes = 100)
{
    const QByteArray key = "key-" + QByteArray::number(i);
    const QByteArray value(valueBytes, char('a' + i % 26));
    return Record::make(i % 6, i, 1700000000000 + i, TimestampType::CreateTime, key.constData(), int32_t(key.size()),
        value.constData(), int32_t(value.size()));
}

bool holds(const Record& r, int i, int valueBytes = 100)
{
    return r.key() == QByteArrayView("key-" + QByteArray::number(i)) && r.value().size() == valueBytes
        && r.value().front() == char('a' + i % 26) && r.value().back() == char('a' + i % 26) && r.offset() == i
        && r.partition() == i % 6;
}

} // namespace

TEST(Record, StaysWithinFortyBytesBesidesItsBlock)
{
    EXPECT_LE(sizeof(Record), 40u);
}

TEST(Record, PartitionAndTimestampTypeShareAWord)
{
    for (const int32_t partition : { -1, 0, 1, 5, 65535, (1 << 29) - 1, -(1 << 29) }) {
        for (const auto type :
            { TimestampType::NotAvailable, TimestampType::CreateTime, TimestampType::LogAppendTime }) {
            const auto r = Record::make(partition, 1, 2, type, "k", 1, "v", 1);
            EXPECT_EQ(r.partition(), partition);
            EXPECT_EQ(r.timestampType(), type);
        }
    }
    // Beyond 30 bits: no real topic has that many partitions; it reads as unknown rather than as another partition.
    EXPECT_EQ(Record::make(1 << 29, 1, 2, TimestampType::CreateTime, "k", 1, "v", 1).partition(), -1);
    EXPECT_EQ(Record::make(INT32_MIN, 1, 2, TimestampType::CreateTime, "k", 1, "v", 1).partition(), -1);
    const Record empty;
    EXPECT_EQ(empty.partition(), -1);
    EXPECT_EQ(empty.timestampType(), TimestampType::NotAvailable);
    EXPECT_TRUE(empty.keyIsNull());
    EXPECT_TRUE(empty.valueIsNull());
    EXPECT_EQ(empty.headerCount(), 0);
}

TEST(Record, MakeKeepsEveryField)
{
    const QByteArray key("user-1"), value("{\"a\":1}");
    const auto r = Record::make(3, 42, 1700000000123, TimestampType::CreateTime, key.constData(), int32_t(key.size()),
        value.constData(), int32_t(value.size()));
    EXPECT_EQ(r.partition(), 3);
    EXPECT_EQ(r.offset(), 42);
    EXPECT_EQ(r.timestamp(), 1700000000123);
    EXPECT_EQ(r.timestampType(), TimestampType::CreateTime);
    EXPECT_FALSE(r.keyIsNull());
    EXPECT_FALSE(r.valueIsNull());
    EXPECT_EQ(r.key(), QByteArrayView(key));
    EXPECT_EQ(r.value(), QByteArrayView(value));
    EXPECT_EQ(r.headerCount(), 0);
    EXPECT_TRUE(r.headers().isEmpty());
}

TEST(Record, NullAndEmptyKeyAreDifferent)
{
    const auto nullKey = Record::make(0, 0, 0, TimestampType::NotAvailable, nullptr, -1, "v", 1);
    EXPECT_TRUE(nullKey.keyIsNull());
    EXPECT_TRUE(nullKey.key().isNull());
    const auto emptyKey = Record::make(0, 0, 0, TimestampType::NotAvailable, "", 0, "v", 1);
    EXPECT_FALSE(emptyKey.keyIsNull());
    EXPECT_TRUE(emptyKey.key().isEmpty());
    EXPECT_FALSE(emptyKey.key().isNull());
    const auto tombstone = Record::make(0, 0, 0, TimestampType::NotAvailable, "k", 1, nullptr, -1);
    EXPECT_TRUE(tombstone.valueIsNull());
    EXPECT_EQ(tombstone.payloadSize(), 1);
}

TEST(Record, HeadersRoundTripIncludingNullAndBinaryValues)
{
    const QList<RecordHeader> headers {
        { QStringLiteral("trace-id"), QByteArray("abc"), false },
        { QStringLiteral("nothing"), QByteArray(), true },
        { QStringLiteral("empty"), QByteArray(), false },
        { QStringLiteral("bin\u00e4r"), QByteArray("\x00\xff\x01", 3), false },
    };
    const auto r = Record::make(1, 2, 3, TimestampType::LogAppendTime, "k", 1, "value", 5, headers);
    EXPECT_EQ(r.headerCount(), 4);
    EXPECT_EQ(r.headers(), headers);
    EXPECT_EQ(r.key(), QByteArrayView("k"));
    EXPECT_EQ(r.value(), QByteArrayView("value"));
    // key 1 + value 5 + header keys (8 + 7 + 5 + 6 UTF-8 bytes) + header values (3 + 0 + 0 + 3)
    EXPECT_EQ(r.payloadSize(), 1 + 5 + 8 + 7 + 5 + 6 + 3 + 3);
}

TEST(Record, CloneIsADeepCopyAndMoveLeavesTheViewValid)
{
    const QList<RecordHeader> headers { { QStringLiteral("h"), QByteArray("x"), false } };
    auto original = Record::make(5, 6, 7, TimestampType::CreateTime, "key", 3, "value", 5, headers);
    const auto copy = original.clone();
    EXPECT_NE(copy.key().data(), original.key().data());
    EXPECT_EQ(copy.key(), original.key());
    EXPECT_EQ(copy.value(), original.value());
    EXPECT_EQ(copy.headers(), headers);
    EXPECT_EQ(copy.offset(), 6);
    EXPECT_EQ(copy.payloadSize(), original.payloadSize());
    const char* data = original.value().data();
    Record moved = std::move(original);
    EXPECT_EQ(moved.value().data(), data); // the block moves, the bytes stay put
    EXPECT_EQ(moved.value(), QByteArrayView("value"));
}

TEST(Record, EmptyRecordNeedsNoBlock)
{
    const auto r = Record::make(0, 9, -1, TimestampType::NotAvailable, nullptr, -1, "", 0);
    EXPECT_TRUE(r.keyIsNull());
    EXPECT_FALSE(r.valueIsNull());
    EXPECT_EQ(r.value().size(), 0);
    EXPECT_EQ(r.payloadSize(), 0);
    const auto c = r.clone();
    EXPECT_FALSE(c.valueIsNull());
    EXPECT_TRUE(c.keyIsNull());
}

TEST(Record, TimestampTypeNames)
{
    EXPECT_EQ(timestampTypeName(TimestampType::NotAvailable), QStringLiteral("none"));
    EXPECT_EQ(timestampTypeName(TimestampType::CreateTime), QStringLiteral("create"));
    EXPECT_EQ(timestampTypeName(TimestampType::LogAppendTime), QStringLiteral("log-append"));
}

TEST(Record, MovedFromIsEmptyAndAssignmentReleasesTheOldBlock)
{
    Record a = makeSmall(1);
    Record b = makeSmall(2);
    const char* aData = a.key().data();
    b = std::move(a);
    EXPECT_EQ(b.key().data(), aData);
    EXPECT_TRUE(holds(b, 1));
    EXPECT_TRUE(a.keyIsNull()); // NOLINT(bugprone-use-after-move): the moved-from state is specified
    EXPECT_TRUE(a.valueIsNull());
    EXPECT_EQ(a.payloadSize(), 0);
    a = makeSmall(3); // a moved-from record can be assigned again
    EXPECT_TRUE(holds(a, 3));
    Record& self = b;
    b = std::move(self);
    EXPECT_TRUE(holds(b, 1));
}

TEST(Record, LargeRecordsGetTheirOwnAllocationAndKeepEveryByte)
{
    const qint64 chunksBefore = Record::arenaStats().liveChunks;
    const int large = int(Record::kMaxArenaBlock) + 1;
    std::vector<Record> records;
    records.reserve(16);
    for (int i = 0; i < 16; ++i)
        records.push_back(makeSmall(i, large));
    std::thread([&] {
        for (int i = 16; i < 32; ++i)
            records.push_back(makeSmall(i, large));
    }).join();
    // No chunk for them: 32 half-megabyte records would otherwise take a chunk each, or several.
    EXPECT_LE(Record::arenaStats().liveChunks, chunksBefore + 1);
    for (int i = 0; i < 32; ++i)
        EXPECT_TRUE(holds(records[size_t(i)], i, large)) << i;
    const Record copy = records[3].clone();
    EXPECT_TRUE(holds(copy, 3, large));
    EXPECT_NE(copy.value().data(), records[3].value().data());
    // The largest block that still goes to the arena, and the smallest that does not, beside small ones.
    const int largestSmall = int(Record::kMaxArenaBlock) - 5; // "key-7" is 5 bytes
    const auto edge = makeSmall(7, largestSmall);
    const auto over = makeSmall(7, largestSmall + 1);
    EXPECT_TRUE(holds(edge, 7, largestSmall));
    EXPECT_TRUE(holds(over, 7, largestSmall + 1));
}

TEST(Record, AChunkGoesBackWhenItsLastRecordDies)
{
    const qint64 before = Record::arenaStats().liveChunks;
    std::vector<Record> records;
    // A thread of its own: its current chunk is released when it exits, so only the records hold chunks after.
    std::thread([&] {
        for (int i = 0; i < 10000; ++i) // ~115 bytes each: about 5 chunks
            records.push_back(makeSmall(i));
    }).join();
    const qint64 held = Record::arenaStats().liveChunks - before;
    EXPECT_GE(held, 4);
    EXPECT_LE(held, 6);
    // FIFO, as the live pane evicts: the oldest chunks go back while the newest are still in use.
    records.erase(records.begin(), records.begin() + 5000);
    EXPECT_LT(Record::arenaStats().liveChunks - before, held);
    EXPECT_GT(Record::arenaStats().liveChunks - before, 0);
    for (size_t i = 0; i < records.size(); ++i)
        ASSERT_TRUE(holds(records[i], int(i) + 5000)) << i;
    // One survivor keeps its chunk, and only its chunk.
    Record survivor = std::move(records.back());
    records.clear();
    EXPECT_EQ(Record::arenaStats().liveChunks - before, 1);
    EXPECT_TRUE(holds(survivor, 9999));
    survivor = Record();
    EXPECT_EQ(Record::arenaStats().liveChunks, before);
    EXPECT_LE(Record::arenaStats().cachedChunks, 4);
}

TEST(Record, RecordsFromManyThreadsDieOnAnother)
{
    const qint64 before = Record::arenaStats().liveChunks;
    constexpr int kThreads = 8, kPerThread = 20000;
    std::vector<std::vector<Record>> made(kThreads);
    // The makers stay alive (holding their current chunks) until another thread has released their records, then
    // exit: both orders of "last record dies" and "thread lets go" are covered.
    std::latch madeAll(kThreads), releasedAll(1);
    std::vector<std::thread> makers;
    makers.reserve(kThreads);
    for (int t = 0; t < kThreads; ++t) {
        makers.emplace_back([&made, &madeAll, &releasedAll, t] {
            for (int i = 0; i < kPerThread; ++i) {
                const int n = t * kPerThread + i;
                const QList<RecordHeader> headers { { QStringLiteral("n"), QByteArray::number(n), false } };
                const QByteArray key = "key-" + QByteArray::number(n);
                made[size_t(t)].push_back(
                    Record::make(t, n, n, TimestampType::LogAppendTime, key.constData(), int32_t(key.size()),
                        key.constData(), int32_t(key.size()), i % 3 == 0 ? headers : QList<RecordHeader> {}));
            }
            madeAll.count_down();
            releasedAll.wait();
        });
    }
    madeAll.wait();
    std::thread([&] {
        for (int t = 0; t < kThreads; ++t) {
            auto& records = made[size_t(t)];
            for (int i = 0; i < kPerThread; ++i) {
                const Record& r = records[size_t(i)];
                const int n = t * kPerThread + i;
                const QByteArray key = "key-" + QByteArray::number(n);
                ASSERT_EQ(r.key(), QByteArrayView(key));
                ASSERT_EQ(r.value(), QByteArrayView(key));
                ASSERT_EQ(r.headerCount(), i % 3 == 0 ? 1 : 0);
                if (i % 3 == 0) {
                    ASSERT_EQ(r.headers().front().value, QByteArray::number(n));
                }
            }
            // Interleaved release order across the threads' chunks.
            for (int i = 0; i < kPerThread; i += 2)
                records[size_t(i)] = Record();
        }
        made.clear();
    }).join();
    EXPECT_EQ(Record::arenaStats().liveChunks, before + kThreads); // the makers' current chunks
    releasedAll.count_down();
    for (auto& m : makers)
        m.join();
    EXPECT_EQ(Record::arenaStats().liveChunks, before);
}

TEST(Record, ConcurrentMakeAndReleaseAcrossThreads)
{
    // The live pane's shape: one thread makes records and hands them over in batches; another drops the oldest.
    const qint64 before = Record::arenaStats().liveChunks;
    std::mutex mutex;
    std::vector<std::vector<Record>> handed;
    bool done = false;
    std::thread consumer([&] {
        std::vector<Record> batch;
        for (int i = 0; i < 200000; ++i) {
            batch.push_back(makeSmall(i, 20 + i % 200));
            if (batch.size() == 500) {
                std::lock_guard lock(mutex);
                handed.push_back(std::move(batch));
                batch.clear();
            }
        }
        std::lock_guard lock(mutex);
        handed.push_back(std::move(batch));
        done = true;
    });
    std::deque<Record> retained;
    int next = 0;
    for (;;) {
        std::vector<std::vector<Record>> got;
        bool finished;
        {
            std::lock_guard lock(mutex);
            got.swap(handed);
            finished = done;
        }
        for (auto& batch : got) {
            for (auto& r : batch) {
                ASSERT_TRUE(holds(r, next, 20 + next % 200)) << next;
                ++next;
                retained.push_back(std::move(r));
            }
            while (retained.size() > 10000)
                retained.pop_front();
        }
        if (finished && got.empty())
            break;
        std::this_thread::yield();
    }
    consumer.join();
    EXPECT_EQ(next, 200000);
    retained.clear();
    EXPECT_EQ(Record::arenaStats().liveChunks, before);
}
