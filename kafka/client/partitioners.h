#pragma once
// What partition a producer picks for a key, for every partitioner a KafScope user meets: librdkafka's (C/C++,
// Python, Go confluent clients), the Java client's murmur2 and Sarama's fnv1a. Pure functions, checked against
// librdkafka's own rd_kafka_msg_partitioner_* in the unit tests.
#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <cstdint>
#include <optional>

namespace kafscope::partitioning {

enum class Partitioner {
    Murmur2Random, // Java client default: murmur2 of the key; null key -> random (sticky)
    ConsistentRandom, // librdkafka default: CRC-32 of the key; null or empty key -> random
    Fnv1a, // Sarama default: FNV-1a 32-bit; null key -> always the same partition in librdkafka
    Random, // ignores the key
    Murmur2, // murmur2; null key -> always the same partition
    Consistent, // CRC-32; null and empty key -> always the same partition
    Fnv1aRandom, // FNV-1a; null key -> random
};

// librdkafka's configuration names: "murmur2_random", "consistent_random", "fnv1a", "random", "murmur2",
// "consistent", "fnv1a_random".
QString name(Partitioner p);
std::optional<Partitioner> fromName(const QString& name);
QList<Partitioner> all(); // in the order above
QString description(Partitioner p); // one sentence, for tooltips and the CLI

uint32_t crc32(QByteArrayView key); // zlib CRC-32
uint32_t murmur2(QByteArrayView key); // Kafka's murmur2, seed 0x9747b28c
uint32_t fnv1a(QByteArrayView key); // FNV-1a 32-bit

struct Prediction
{
    Partitioner partitioner = Partitioner::ConsistentRandom;
    bool deterministic = false; // false: the producer picks at random (or sticky); partition is -1
    uint32_t hash = 0; // the hash the partition came from (0 when not hashed)
    int32_t partition = -1;
    QString explanation; // e.g. "murmur2(\"user-1\") = 0x53b136cc; (h & 0x7fffffff) % 6 = 2"
};

// key: nullopt is a null key (distinct from an empty key). partitionCount > 0.
Prediction predict(Partitioner p, const std::optional<QByteArray>& key, int partitionCount);
QList<Prediction> predictAll(const std::optional<QByteArray>& key, int partitionCount);

} // namespace kafscope::partitioning
