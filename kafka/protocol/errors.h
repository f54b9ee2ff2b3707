#pragma once
// Kafka error codes: the protocol name (as in org.apache.kafka.common.protocol.Errors) and a sentence a person
// understands.
#include <QString>
#include <cstdint>

namespace kafscope::protocol {

// e.g. 3 -> "UNKNOWN_TOPIC_OR_PARTITION"; unknown codes -> "UNKNOWN_ERROR_CODE_<n>".
QString errorName(int16_t code);
// e.g. 3 -> "This server does not host this topic-partition."
QString errorSentence(int16_t code);
// "UNKNOWN_TOPIC_OR_PARTITION: This server does not host this topic-partition." (plus the broker's message if any)
QString describeError(int16_t code, const QString& brokerMessage = {});

} // namespace kafscope::protocol
