#pragma once
// What a topic's metadata says about its replicas' brokers, in words: said after a topic is created (kafscope-cli
// topic create, the New topic dialog), since Kafka places replicas on brokers that are registered but not up.
#include "kafka/types.h"

#include <QString>

namespace kafscope::admin {

// "3 of 3 partition(s) have a replica on broker(s) 3, which are not up: those replicas stay out of sync until their
// brokers are back" when some of `topic`'s replicas are on brokers `metadata` does not list (Metadata lists the live
// ones); empty when there are none, or no such topic.
QString replicasOnBrokersDown(const ClusterMetadata& metadata, const QString& topic);

} // namespace kafscope::admin
