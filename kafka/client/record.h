#pragma once
// A consumed Kafka record in compact form: the fixed fields inline (40 bytes) and one block holding key, value and
// headers. Move-only; made in the consumer thread, moved to the GUI thread in batches, evicted oldest first.
//
// Blocks of up to kMaxArenaBlock bytes are bump-allocated from per-thread arena chunks (kArenaChunkBytes, aligned to
// their size, so a block finds its chunk by masking its address and the record needs no extra pointer); a chunk is
// reference counted by the blocks in it and goes back when the last one dies, on whichever thread. That drops the
// allocator's header and size-class rounding (~21 bytes per 100-byte record with malloc), and because records die in
// roughly the order they were made (the live pane's FIFO eviction), chunks empty and go back promptly. Larger blocks
// are plain heap allocations. The one cost: a long-lived record keeps its whole chunk; a clone (RecordDetail) is made
// in the cloning thread's own chunk, not in the consumer's.
#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <algorithm>
#include <cstdint>
#include <utility>

namespace kafscope {

enum class TimestampType : uint8_t { NotAvailable = 0, CreateTime = 1, LogAppendTime = 2 };
QString timestampTypeName(TimestampType type); // "none", "create", "log-append"

struct RecordHeader
{
    QString key;
    QByteArray value;
    bool valueIsNull = false;
    friend bool operator==(const RecordHeader&, const RecordHeader&) = default;
};

class Record
{
public:
    Record() = default;
    // keyLength / valueLength -1 for null.
    static Record make(int32_t partition, int64_t offset, int64_t timestamp, TimestampType timestampType,
        const char* key, int32_t keyLength, const char* value, int32_t valueLength,
        const QList<RecordHeader>& headers = {});
    // A moved-from record is an empty one (null key and value, no headers).
    Record(Record&& other) noexcept { take(other); }
    Record& operator=(Record&& other) noexcept
    {
        if (this != &other) {
            release();
            take(other);
        }
        return *this;
    }
    ~Record() { release(); }
    Record clone() const;

    // Partitions are kept in 30 bits (the other 2 hold the timestamp type): -536,870,912..536,870,911, far beyond
    // any real topic; one outside reads back as -1.
    int32_t partition() const { return int32_t(m_partitionAndType << 2) >> 2; }
    int64_t offset() const { return m_offset; }
    int64_t timestamp() const { return m_timestamp; }
    TimestampType timestampType() const { return TimestampType(m_partitionAndType >> 30); }

    bool keyIsNull() const { return m_keyLength < 0; }
    bool valueIsNull() const { return m_valueLength < 0; }
    // Views into the record's block: valid while the record lives and is not moved from.
    QByteArrayView key() const;
    QByteArrayView value() const;
    int headerCount() const; // read from the block: records without headers (most) do not pay for the count
    QList<RecordHeader> headers() const; // decoded on demand
    // Bytes of key + value + header keys and values: what the record weighs on the wire, roughly.
    qsizetype payloadSize() const;

    // Arena geometry and state, for tests and the bench (chunks are mapped directly, so malloc statistics do not
    // see them).
    static constexpr size_t kArenaChunkBytes = 256 * 1024;
    static constexpr size_t kMaxArenaBlock = kArenaChunkBytes / 8; // a larger block would waste too much of a chunk
    struct ArenaStats
    {
        qint64 liveChunks = 0; // holding blocks, or a thread's current chunk
        qint64 cachedChunks = 0; // empty, kept mapped for the next chunk any thread needs
        qint64 mappedBytes() const { return (liveChunks + cachedChunks) * qint64(kArenaChunkBytes); }
    };
    static ArenaStats arenaStats();

private:
    qsizetype blockSize() const
    {
        return qsizetype(std::max(m_keyLength, 0)) + std::max(m_valueLength, 0) + m_headersLength;
    }
    void setPartitionAndType(int32_t partition, TimestampType type);
    void release()
    {
        if (m_block)
            releaseBlock();
    }
    void releaseBlock();
    void take(Record& other) noexcept
    {
        m_block = std::exchange(other.m_block, nullptr);
        m_offset = other.m_offset;
        m_timestamp = other.m_timestamp;
        m_partitionAndType = other.m_partitionAndType;
        m_keyLength = std::exchange(other.m_keyLength, -1);
        m_valueLength = std::exchange(other.m_valueLength, -1);
        m_headersLength = std::exchange(other.m_headersLength, 0);
    }

    // In an arena chunk when blockSize() <= kMaxArenaBlock, else from new char[]: the size says which, no flag.
    char* m_block = nullptr;
    int64_t m_offset = -1;
    int64_t m_timestamp = -1;
    uint32_t m_partitionAndType = 0x3fffffff; // partition -1 (30 bits, two's complement), NotAvailable (top 2 bits)
    int32_t m_keyLength = -1;
    int32_t m_valueLength = -1;
    // Serialized headers at the end of the block, their uint16 count first; 0 when there are none.
    int32_t m_headersLength = 0;
};

} // namespace kafscope
