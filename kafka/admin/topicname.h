#pragma once
// Kafka's rules for topic names (org.apache.kafka.common.internals.Topic.validate), checked before anything is sent:
// 1 to 249 characters of [a-zA-Z0-9._-], not "." or "..". A name with both '.' and '_' is legal but collides with
// another in metric names (Kafka warns too): that is a warning, not an error.
#include <QString>

namespace kafscope::admin {

struct TopicNameCheck
{
    QString error; // empty when the name is legal
    QString warning; // a legal name's caveat
    bool ok() const { return error.isEmpty(); }
};

constexpr int kMaxTopicNameLength = 249;

TopicNameCheck checkTopicName(const QString& name);

} // namespace kafscope::admin
