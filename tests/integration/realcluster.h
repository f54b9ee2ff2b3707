#pragma once
// Access to the real 3-broker Kafka cluster that scripts/test starts (tests/cluster/kafka-cluster.sh). Test-side
// helpers create topics and produce records through librdkafka, independently of the code under test.
#include <QList>
#include <QString>
#include <gtest/gtest.h>
#include <map>
#include <string>
#include <utility>

namespace kafscope::itest {

// KAFSCOPE_BOOTSTRAP, e.g. 127.0.0.1:19092,127.0.0.1:29092,127.0.0.1:31092; empty when no cluster was given.
QString bootstrap();
bool inCi();
// A topic name that no earlier run used.
QString uniqueTopic(const char* prefix);
// CreateTopics through librdkafka's Admin API; waits until every broker's metadata shows all partitions with leaders.
// Returns an error text, empty on success.
std::string createTopic(
    const QString& name, int partitions, int replicationFactor, const std::map<std::string, std::string>& configs = {});
// Produces `count` keyed records ("key-<i % keys>", values "value-<i>" padded to `valueBytes` when that is larger)
// and waits for every delivery report; into `partition` when it is not -1 (the partitioner's choice). Returns an
// error text.
std::string produce(const QString& topic, int count, int keys = 10, int valueBytes = 0, int32_t partition = -1);

// Commits `offsets` (partition, offset) of `topic` for `group` through librdkafka (no member joins). Returns an error
// text.
std::string commitOffsets(
    const QString& group, const QString& topic, const QList<std::pair<int32_t, int64_t>>& offsets);

} // namespace kafscope::itest

// Every real-cluster test starts with this: outside CI a missing cluster skips with the reason; in CI it fails.
#define REQUIRE_REAL_CLUSTER()                                                                                         \
    do {                                                                                                               \
        if (kafscope::itest::bootstrap().isEmpty()) {                                                                  \
            if (kafscope::itest::inCi())                                                                               \
                FAIL() << "KAFSCOPE_BOOTSTRAP is not set: in CI the real cluster must run (scripts/test starts it)";   \
            GTEST_SKIP() << "no real cluster (not CI): run scripts/test, or set KAFSCOPE_BOOTSTRAP";                   \
        }                                                                                                              \
    } while (false)
