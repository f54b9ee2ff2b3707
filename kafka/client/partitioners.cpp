#include "kafka/client/partitioners.h"

#include <algorithm>
#include <array>

namespace kafscope::partitioning {

namespace {

struct PartitionerInfo
{
    Partitioner partitioner;
    const char* name; // librdkafka's "partitioner" property value
    const char* description;
};

constexpr PartitionerInfo partitionerTable[] = {
    { Partitioner::Murmur2Random, "murmur2_random",
        "Java client default: murmur2 of the key; a null key goes to a random (sticky) partition, an empty key is "
        "hashed." },
    { Partitioner::ConsistentRandom, "consistent_random",
        "librdkafka default: CRC-32 of the key; a null or empty key goes to a random (sticky) partition." },
    { Partitioner::Fnv1a, "fnv1a",
        "Sarama default: FNV-1a of the key; a null key is hashed as zero bytes, so always the same partition." },
    { Partitioner::Random, "random", "Ignores the key: every message goes to a random partition." },
    { Partitioner::Murmur2, "murmur2",
        "murmur2 of the key; a null key is hashed as zero bytes, so always the same partition." },
    { Partitioner::Consistent, "consistent",
        "CRC-32 of the key; a null or empty key has CRC 0, so always partition 0." },
    { Partitioner::Fnv1aRandom, "fnv1a_random",
        "FNV-1a of the key; a null key goes to a random (sticky) partition, an empty key is hashed." },
};

const PartitionerInfo& info(Partitioner p)
{
    for (const auto& i : partitionerTable) {
        if (i.partitioner == p)
            return i;
    }
    Q_UNREACHABLE();
}

// Computed at compile time so the library needs no zlib link (librdkafka may be built without zlib and then
// uses this same reflected 0xEDB88320 table).
constexpr std::array<uint32_t, 256> crcTable = [] {
    std::array<uint32_t, 256> table {};
    for (uint32_t n = 0; n < 256; ++n) {
        uint32_t c = n;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    return table;
}();

QString hex(uint32_t v)
{
    return QStringLiteral("0x%1").arg(v, 8, 16, QLatin1Char('0'));
}

// Keys are bytes, often binary: show printable ASCII as is and escape the rest, so the explanation can be
// copied into a bug report without mojibake. Long keys are cut; the hash still covers every byte.
QString quoted(const QByteArray& key)
{
    constexpr qsizetype maxShown = 48;
    QString out = QStringLiteral("\"");
    for (qsizetype i = 0; i < std::min(key.size(), maxShown); ++i) {
        const auto c = uchar(key[i]);
        if (c == '"' || c == '\\') {
            out += QLatin1Char('\\');
            out += QLatin1Char(char(c));
        } else if (c >= 0x20 && c < 0x7f) {
            out += QLatin1Char(char(c));
        } else {
            out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
        }
    }
    if (key.size() > maxShown)
        out += QStringLiteral("...(%1 bytes)").arg(key.size());
    return out + QLatin1Char('"');
}

Prediction randomPick(Partitioner p, const QString& why)
{
    Prediction r;
    r.partitioner = p;
    r.explanation = why;
    return r;
}

// A null key has no bytes to quote: `prefix` then says what was hashed and the function name stands alone.
Prediction hashed(Partitioner p, const QByteArray& bytes, const QString& prefix, const QString& suffix, int n)
{
    Prediction r;
    r.partitioner = p;
    r.deterministic = true;
    const QString arg = prefix.isEmpty() ? QLatin1Char('(') + quoted(bytes) + QLatin1Char(')') : QString();
    // One multi-argument arg() call each: a key containing "%3" must not be substituted again.
    const QString count = QString::number(n);
    switch (p) {
    case Partitioner::Consistent:
    case Partitioner::ConsistentRandom:
        r.hash = crc32(bytes);
        r.partition = int32_t(r.hash % uint32_t(n));
        r.explanation
            = QStringLiteral("crc32%1 = %2; %2 % %3 = %4").arg(arg, hex(r.hash), count, QString::number(r.partition));
        break;
    case Partitioner::Murmur2:
    case Partitioner::Murmur2Random:
        r.hash = murmur2(bytes);
        // The mask, not abs(): the Java client's toPositive(); abs() would put "kafka" on a different partition.
        r.partition = int32_t((r.hash & 0x7fffffffu) % uint32_t(n));
        r.explanation = QStringLiteral("murmur2%1 = %2; (%2 & 0x7fffffff) % %3 = %4")
                            .arg(arg, hex(r.hash), count, QString::number(r.partition));
        break;
    case Partitioner::Fnv1a:
    case Partitioner::Fnv1aRandom: {
        r.hash = fnv1a(bytes);
        // librdkafka's rd_fnv1a() negates a negative int32 to match Sarama; INT32_MIN stays 0x80000000.
        const auto signedHash = int32_t(r.hash);
        const uint32_t positive = signedHash < 0 ? 0u - r.hash : r.hash;
        r.partition = int32_t(positive % uint32_t(n));
        r.explanation = QStringLiteral("fnv1a%1 = %2; abs((int32)%2) = %3; %3 % %4 = %5")
                            .arg(arg, hex(r.hash), hex(positive), count, QString::number(r.partition));
        break;
    }
    case Partitioner::Random:
        Q_UNREACHABLE();
    }
    if (!prefix.isEmpty())
        r.explanation = prefix + QStringLiteral(": ") + r.explanation;
    if (!suffix.isEmpty())
        r.explanation += QStringLiteral(" (") + suffix + QLatin1Char(')');
    return r;
}

} // namespace

QString name(Partitioner p)
{
    return QString::fromLatin1(info(p).name);
}

std::optional<Partitioner> fromName(const QString& name)
{
    // Exact and case-sensitive, as librdkafka's configuration validator compares with strcmp().
    for (const auto& i : partitionerTable) {
        if (name == QLatin1String(i.name))
            return i.partitioner;
    }
    return std::nullopt;
}

QList<Partitioner> all()
{
    QList<Partitioner> result;
    for (const auto& i : partitionerTable)
        result.append(i.partitioner);
    return result;
}

QString description(Partitioner p)
{
    return QString::fromLatin1(info(p).description);
}

uint32_t crc32(QByteArrayView key)
{
    uint32_t c = 0xffffffffu;
    for (const char ch : key)
        c = crcTable[(c ^ uchar(ch)) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

uint32_t murmur2(QByteArrayView key)
{
    // Kafka's Utils.murmur2: little-endian 4-byte words, tail bytes folded in from the highest.
    constexpr uint32_t m = 0x5bd1e995;
    constexpr int r = 24;
    const auto* data = reinterpret_cast<const uchar*>(key.data());
    auto len = size_t(key.size());
    uint32_t h = 0x9747b28cu ^ uint32_t(len);
    for (; len >= 4; data += 4, len -= 4) {
        uint32_t k = uint32_t(data[0]) | uint32_t(data[1]) << 8 | uint32_t(data[2]) << 16 | uint32_t(data[3]) << 24;
        k *= m;
        k ^= k >> r;
        k *= m;
        h *= m;
        h ^= k;
    }
    switch (len) {
    case 3:
        h ^= uint32_t(data[2]) << 16;
        [[fallthrough]];
    case 2:
        h ^= uint32_t(data[1]) << 8;
        [[fallthrough]];
    case 1:
        h ^= uint32_t(data[0]);
        h *= m;
    }
    h ^= h >> 13;
    h *= m;
    h ^= h >> 15;
    return h;
}

uint32_t fnv1a(QByteArrayView key)
{
    uint32_t h = 0x811c9dc5u;
    for (const char ch : key) {
        h ^= uchar(ch);
        h *= 0x01000193u;
    }
    return h;
}

Prediction predict(Partitioner p, const std::optional<QByteArray>& key, int partitionCount)
{
    if (partitionCount <= 0)
        return randomPick(p, QStringLiteral("the topic has no partitions yet: the producer holds the message"));

    const QString pName = name(p);
    if (p == Partitioner::Random) {
        return randomPick(p,
            key ? QStringLiteral("librdkafka's random ignores the key and picks a random partition per message")
                : QStringLiteral("null key: librdkafka's random picks a random partition (sticky per batch)"));
    }

    // librdkafka (rd_kafka_msg_partitioner) sends a null key to the sticky partitioner, except for the three
    // deterministic partitioners, which are called with (NULL, 0) and so hash zero bytes.
    const bool nullGoesRandom
        = p == Partitioner::ConsistentRandom || p == Partitioner::Murmur2Random || p == Partitioner::Fnv1aRandom;
    if (!key) {
        if (nullGoesRandom) {
            const QString emptyNote = p == Partitioner::ConsistentRandom
                ? QStringLiteral("; an empty key is treated the same")
                : QStringLiteral("; an empty key, unlike a null one, is hashed");
            return randomPick(p,
                QStringLiteral("null key: librdkafka's %1 picks a random partition (sticky per batch)%2")
                    .arg(pName, emptyNote));
        }
        return hashed(p, QByteArray(), QStringLiteral("null key: librdkafka's %1 hashes it as zero bytes").arg(pName),
            QStringLiteral("an empty key lands on the same partition"), partitionCount);
    }

    // Only consistent_random checks keylen == 0; the murmur2/fnv1a variants test the pointer, so "" is hashed.
    if (key->isEmpty() && p == Partitioner::ConsistentRandom) {
        return randomPick(p,
            QStringLiteral("empty key: librdkafka's consistent_random treats it like a null key and picks a random "
                           "partition (sticky per batch)"));
    }
    QString note;
    if (key->isEmpty()) {
        note = nullGoesRandom ? QStringLiteral("an empty key is hashed; only a null key goes to a random partition")
                              : QStringLiteral("a null key lands on the same partition");
    }
    return hashed(p, *key, QString(), note, partitionCount);
}

QList<Prediction> predictAll(const std::optional<QByteArray>& key, int partitionCount)
{
    QList<Prediction> result;
    for (const Partitioner p : all())
        result.append(predict(p, key, partitionCount));
    return result;
}

} // namespace kafscope::partitioning
