#pragma once
// What adding partitions does to keyed records: a producer picks hash(key) % partitions, so once the count changes
// many keys map to another partition, and the records of such a key written afterwards are no longer ordered after
// its earlier ones. Measured on a sample of real keys under the two hashes clients use (murmur2: the Java client;
// CRC-32: librdkafka's consistent_random), beside what uniformly spread keys would give.
#include <QByteArray>
#include <QList>
#include <QString>

namespace kafscope::admin {

// Why `requested` cannot be the new partition count of a topic that has `current`, or empty when it can. Kafka only
// adds partitions: it cannot remove them (their records would have to go somewhere).
QString checkNewPartitionCount(const QString& topic, int current, int requested);

struct KeyMoves
{
    int keys = 0; // distinct non-null keys sampled
    int murmur2Moved = 0;
    int crc32Moved = 0;
    double murmur2Share() const { return keys > 0 ? double(murmur2Moved) / keys : 0; }
    double crc32Share() const { return keys > 0 ? double(crc32Moved) / keys : 0; }
};

// Over distinct keys: how many map to another partition when the count goes from `from` to `to` (both > 0).
KeyMoves keyMoves(const QList<QByteArray>& distinctKeys, int from, int to);

// The share of uniformly spread hashes h with h % from != h % to: what to expect from many keys.
double expectedMovedShare(int from, int to);

} // namespace kafscope::admin
