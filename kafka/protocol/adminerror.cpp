#include "kafka/protocol/adminerror.h"

#include "kafka/protocol/errors.h"

namespace kafscope {

AdminError AdminError::kafka(int16_t code, const QString& context, const QString& brokerMessage)
{
    auto text = protocol::describeError(code, brokerMessage);
    if (!context.isEmpty())
        text = context + QStringLiteral(": ") + text;
    return { Kind::Kafka, code, text };
}

} // namespace kafscope
