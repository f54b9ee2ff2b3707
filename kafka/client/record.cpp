#include "kafka/client/record.h"

#include <atomic>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <new>
#include <sys/mman.h>

#if defined(__SANITIZE_ADDRESS__)
#define KAFSCOPE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KAFSCOPE_ASAN 1
#endif
#endif
#ifdef KAFSCOPE_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace kafscope {

static_assert(sizeof(Record) <= 40, "Record is kept compact: a GUI retains hundreds of thousands of them");

namespace {
// Serialized header: uint32 key length, key (UTF-8), int32 value length (-1: null), value. Fixed-width host-order
// integers are enough: the block never leaves the process. The headers section starts with their uint16 count.
constexpr qsizetype kHeaderOverhead = 2 * sizeof(int32_t);
constexpr qsizetype kHeaderCountBytes = sizeof(uint16_t);

// ---- arena ------------------------------------------------------------------------------------------------------
// A chunk starts with its header; blocks follow, packed byte by byte (they hold bytes, read with memcpy, so they need
// no alignment). refs = blocks alive in the chunk + 1 while it is a thread's current chunk.
struct ChunkHeader
{
    std::atomic<uint32_t> refs;
};
constexpr size_t kChunkBytes = Record::kArenaChunkBytes;
constexpr size_t kFirstBlock = sizeof(ChunkHeader);
static_assert((kChunkBytes & (kChunkBytes - 1)) == 0, "chunks are found by masking: a power of two");
static_assert(Record::kMaxArenaBlock <= kChunkBytes - kFirstBlock);
// Empty chunks kept mapped: in the live pane's steady state (eviction in the GUI thread, arrival in the consumer's)
// a chunk goes back about as often as one is needed, and reusing it saves an mmap/munmap pair and 64 page faults.
constexpr size_t kCachedChunks = 4;

// ASan cannot see inside a chunk: blocks are poisoned until allocated and again once released, so a view used after
// its record died is reported as it would be with malloc.
void poison([[maybe_unused]] const char* p, [[maybe_unused]] size_t n)
{
#ifdef KAFSCOPE_ASAN
    ASAN_POISON_MEMORY_REGION(p, n);
#endif
}
void unpoison([[maybe_unused]] const char* p, [[maybe_unused]] size_t n)
{
#ifdef KAFSCOPE_ASAN
    ASAN_UNPOISON_MEMORY_REGION(p, n);
#endif
}

ChunkHeader* header(char* chunk)
{
    return std::launder(reinterpret_cast<ChunkHeader*>(chunk));
}

char* chunkOf(char* block)
{
    return reinterpret_cast<char*>(reinterpret_cast<uintptr_t>(block) & ~uintptr_t(kChunkBytes - 1));
}

struct ChunkPool
{
    std::mutex mutex;
    char* cached[kCachedChunks] = {};
    size_t cachedCount = 0;
    std::atomic<qint64> live { 0 };
};
ChunkPool& pool()
{
    // Never destroyed: records held by static objects may die after static destruction began.
    static ChunkPool* const p = new ChunkPool;
    return *p;
}

// Mapped directly rather than aligned_alloc: glibc serves an aligned request of 256 KiB by mmapping size + alignment
// and keeps all of it (515 KiB per chunk measured), and smaller chunks from the heap leave unaligned fragments behind.
// Mapping twice the size and unmapping the misaligned ends gives exactly one aligned chunk, and unmapping it gives
// the memory back to the system at once.
char* mapChunk()
{
    void* p = mmap(nullptr, 2 * kChunkBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        throw std::bad_alloc();
    const uintptr_t base = reinterpret_cast<uintptr_t>(p);
    const uintptr_t aligned = (base + kChunkBytes - 1) & ~uintptr_t(kChunkBytes - 1);
    if (aligned > base)
        munmap(p, aligned - base);
    const uintptr_t end = base + 2 * kChunkBytes;
    if (end > aligned + kChunkBytes)
        munmap(reinterpret_cast<void*>(aligned + kChunkBytes), end - aligned - kChunkBytes);
    char* chunk = reinterpret_cast<char*>(aligned);
    new (chunk) ChunkHeader {};
    poison(chunk + kFirstBlock, kChunkBytes - kFirstBlock);
    return chunk;
}

// A chunk with refs = 1: the taking thread's hold.
char* takeChunk()
{
    ChunkPool& p = pool();
    char* chunk = nullptr;
    {
        std::lock_guard lock(p.mutex);
        if (p.cachedCount > 0)
            chunk = p.cached[--p.cachedCount];
    }
    if (!chunk)
        chunk = mapChunk();
    header(chunk)->refs.store(1, std::memory_order_relaxed); // handed over through the mutex or fresh: no race
    p.live.fetch_add(1, std::memory_order_relaxed);
    return chunk;
}

void releaseChunk(char* chunk)
{
    // acq_rel as in shared_ptr: every use of the chunk's blocks, on any thread, happens before it is reused or
    // unmapped.
    if (header(chunk)->refs.fetch_sub(1, std::memory_order_acq_rel) != 1)
        return;
    ChunkPool& p = pool();
    p.live.fetch_sub(1, std::memory_order_relaxed);
    poison(chunk + kFirstBlock, kChunkBytes - kFirstBlock); // also the granules partly left open by neighbours
    {
        std::lock_guard lock(p.mutex);
        if (p.cachedCount < kCachedChunks) {
            p.cached[p.cachedCount++] = chunk;
            return;
        }
    }
    unpoison(chunk, kChunkBytes); // the next mapping at this address must not start out poisoned
    munmap(chunk, kChunkBytes);
}

// The thread's current chunk. Trivially destructible, so it can still be read after the thread's destructors ran;
// the hold is dropped by ThreadArenaRelease at thread exit.
struct ThreadArena
{
    char* chunk = nullptr;
    size_t used = 0;
    bool exited = false; // a record made after the release (from another thread_local's destructor) gets no hold
};
thread_local constinit ThreadArena t_arena;

struct ThreadArenaRelease
{
    ~ThreadArenaRelease()
    {
        if (t_arena.chunk)
            releaseChunk(t_arena.chunk);
        t_arena.chunk = nullptr;
        t_arena.exited = true;
    }
    void arm() { } // odr-use: constructs it in this thread, which registers the destructor
};
thread_local ThreadArenaRelease t_arenaRelease;

char* allocateInArena(size_t n)
{
    ThreadArena& a = t_arena;
    if (!a.chunk || a.used + n > kChunkBytes) {
        // The rest of the old chunk (< kMaxArenaBlock) is left unused: it goes back with the chunk's last record.
        if (a.chunk)
            releaseChunk(a.chunk);
        a.chunk = takeChunk();
        a.used = kFirstBlock;
        if (!a.exited)
            t_arenaRelease.arm();
    }
    char* block = a.chunk + a.used;
    a.used += n;
    // Only this thread adds to a chunk, and only while it holds it, so the count cannot reach 0 meanwhile.
    header(a.chunk)->refs.fetch_add(1, std::memory_order_relaxed);
    unpoison(block, n);
    if (a.exited) {
        releaseChunk(a.chunk);
        a.chunk = nullptr;
    }
    return block;
}

char* allocateBlock(qsizetype n)
{
    if (size_t(n) <= Record::kMaxArenaBlock)
        return allocateInArena(size_t(n));
    return new char[size_t(n)];
}

void putUInt16(char*& p, uint16_t v)
{
    std::memcpy(p, &v, sizeof v);
    p += sizeof v;
}

void putInt(char*& p, int32_t v)
{
    std::memcpy(p, &v, sizeof v);
    p += sizeof v;
}
int32_t getInt(const char*& p)
{
    int32_t v;
    std::memcpy(&v, p, sizeof v);
    p += sizeof v;
    return v;
}
} // namespace

QString timestampTypeName(TimestampType type)
{
    switch (type) {
    case TimestampType::CreateTime:
        return QStringLiteral("create");
    case TimestampType::LogAppendTime:
        return QStringLiteral("log-append");
    case TimestampType::NotAvailable:
        break;
    }
    return QStringLiteral("none");
}

Record Record::make(int32_t partition, int64_t offset, int64_t timestamp, TimestampType timestampType, const char* key,
    int32_t keyLength, const char* value, int32_t valueLength, const QList<RecordHeader>& headers)
{
    Record r;
    r.setPartitionAndType(partition, timestampType);
    r.m_offset = offset;
    r.m_timestamp = timestamp;
    r.m_keyLength = std::max(keyLength, -1);
    r.m_valueLength = std::max(valueLength, -1);

    // Kafka allows any number of headers; 65,535 is far beyond what any producer sends, so the count stays 16 bits.
    const qsizetype headerCount = std::min<qsizetype>(headers.size(), UINT16_MAX);
    QList<QByteArray> headerKeys;
    headerKeys.reserve(headerCount);
    qsizetype headersLength = 0;
    for (qsizetype i = 0; i < headerCount; ++i) {
        headerKeys.append(headers.at(i).key.toUtf8());
        headersLength += kHeaderOverhead + headerKeys.last().size()
            + (headers.at(i).valueIsNull ? 0 : headers.at(i).value.size());
    }
    if (headerCount > 0)
        headersLength += kHeaderCountBytes;
    r.m_headersLength = int32_t(headersLength);

    const qsizetype total = r.blockSize();
    if (total == 0)
        return r; // no block at all for empty records: tombstones and keyless empty values are common
    r.m_block = allocateBlock(total);
    char* p = r.m_block;
    if (r.m_keyLength > 0) {
        std::memcpy(p, key, size_t(r.m_keyLength));
        p += r.m_keyLength;
    }
    if (r.m_valueLength > 0) {
        std::memcpy(p, value, size_t(r.m_valueLength));
        p += r.m_valueLength;
    }
    if (headerCount > 0)
        putUInt16(p, uint16_t(headerCount));
    for (qsizetype i = 0; i < headerCount; ++i) {
        const auto& h = headers.at(i);
        putInt(p, int32_t(headerKeys.at(i).size()));
        std::memcpy(p, headerKeys.at(i).constData(), size_t(headerKeys.at(i).size()));
        p += headerKeys.at(i).size();
        putInt(p, h.valueIsNull ? -1 : int32_t(h.value.size()));
        if (!h.valueIsNull && !h.value.isEmpty()) {
            std::memcpy(p, h.value.constData(), size_t(h.value.size()));
            p += h.value.size();
        }
    }
    return r;
}

Record Record::clone() const
{
    Record r;
    r.m_offset = m_offset;
    r.m_timestamp = m_timestamp;
    r.m_partitionAndType = m_partitionAndType;
    r.m_keyLength = m_keyLength;
    r.m_valueLength = m_valueLength;
    r.m_headersLength = m_headersLength;
    const qsizetype total = blockSize();
    if (total > 0 && m_block) {
        r.m_block = allocateBlock(total); // in this thread's chunk: a clone outlives the records around the original
        std::memcpy(r.m_block, m_block, size_t(total));
    }
    return r;
}

void Record::setPartitionAndType(int32_t partition, TimestampType type)
{
    constexpr int32_t kMin = -(1 << 29), kMax = (1 << 29) - 1;
    if (partition < kMin || partition > kMax)
        partition = -1;
    m_partitionAndType = (uint32_t(partition) & 0x3fffffffu) | (uint32_t(type) & 3u) << 30;
}

void Record::releaseBlock()
{
    const qsizetype size = blockSize();
    if (size_t(size) > kMaxArenaBlock) {
        delete[] m_block;
    } else {
        poison(m_block, size_t(size));
        releaseChunk(chunkOf(m_block));
    }
    m_block = nullptr;
}

Record::ArenaStats Record::arenaStats()
{
    ChunkPool& p = pool();
    ArenaStats stats;
    stats.liveChunks = p.live.load(std::memory_order_relaxed);
    std::lock_guard lock(p.mutex);
    stats.cachedChunks = qint64(p.cachedCount);
    return stats;
}

int Record::headerCount() const
{
    if (m_headersLength == 0)
        return 0;
    uint16_t count;
    std::memcpy(&count, m_block + std::max(m_keyLength, 0) + std::max(m_valueLength, 0), sizeof count);
    return count;
}

QByteArrayView Record::key() const
{
    if (m_keyLength <= 0)
        return QByteArrayView(m_keyLength < 0 ? nullptr : "", 0);
    return QByteArrayView(m_block, m_keyLength);
}

QByteArrayView Record::value() const
{
    if (m_valueLength <= 0)
        return QByteArrayView(m_valueLength < 0 ? nullptr : "", 0);
    return QByteArrayView(m_block + std::max(m_keyLength, 0), m_valueLength);
}

QList<RecordHeader> Record::headers() const
{
    QList<RecordHeader> result;
    const int count = headerCount();
    if (count == 0)
        return result;
    result.reserve(count);
    const char* p = m_block + std::max(m_keyLength, 0) + std::max(m_valueLength, 0) + kHeaderCountBytes;
    for (int i = 0; i < count; ++i) {
        RecordHeader h;
        const int32_t keyLength = getInt(p);
        h.key = QString::fromUtf8(p, keyLength);
        p += keyLength;
        const int32_t valueLength = getInt(p);
        h.valueIsNull = valueLength < 0;
        if (valueLength > 0) {
            h.value = QByteArray(p, valueLength);
            p += valueLength;
        }
        result.append(std::move(h));
    }
    return result;
}

qsizetype Record::payloadSize() const
{
    const qsizetype headersOverhead = m_headersLength > 0 ? kHeaderCountBytes + kHeaderOverhead * headerCount() : 0;
    return blockSize() - headersOverhead;
}

} // namespace kafscope
