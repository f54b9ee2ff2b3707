#include "kafka/admin/partitiongrowth.h"

#include "kafka/client/partitioners.h"

#include <numeric>

namespace kafscope::admin {

QString checkNewPartitionCount(const QString& topic, int current, int requested)
{
    if (requested <= 0)
        return QStringLiteral("A topic needs at least one partition.");
    if (requested < current)
        return QStringLiteral("%1 has %2 partitions; Kafka cannot remove partitions (their records would have nowhere "
                              "to go). To have fewer, create a new topic and copy the records.")
            .arg(topic)
            .arg(current);
    if (requested == current)
        return QStringLiteral("%1 already has %2 partitions: choose a larger count.").arg(topic).arg(current);
    return {};
}

KeyMoves keyMoves(const QList<QByteArray>& distinctKeys, int from, int to)
{
    using partitioning::Partitioner;
    KeyMoves moves;
    if (from <= 0 || to <= 0)
        return moves;
    for (const auto& key : distinctKeys) {
        ++moves.keys;
        const uint32_t m = partitioning::murmur2(key) & 0x7fffffff;
        if (m % uint32_t(from) != m % uint32_t(to))
            ++moves.murmur2Moved;
        const uint32_t c = partitioning::crc32(key);
        if (c % uint32_t(from) != c % uint32_t(to))
            ++moves.crc32Moved;
    }
    return moves;
}

double expectedMovedShare(int from, int to)
{
    if (from <= 0 || to <= 0 || from == to)
        return 0;
    // h % from == h % to repeats with period lcm(from, to): count the residues that stay.
    const long long period = std::lcm(static_cast<long long>(from), static_cast<long long>(to));
    if (period > 50'000'000) // beyond any real count pair; stays are then about gcd / max
        return 1.0 - double(std::gcd(from, to)) / double(std::max(from, to));
    long long stay = 0;
    for (long long h = 0; h < period; ++h)
        if (h % from == h % to)
            ++stay;
    return 1.0 - double(stay) / double(period);
}

} // namespace kafscope::admin
