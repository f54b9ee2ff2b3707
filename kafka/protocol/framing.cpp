#include "kafka/protocol/framing.h"

#include "kafka/protocol/wire.h"

namespace kafscope::protocol {

QByteArray encodeRequestFrame(const RequestHeader& header, const QByteArray& body)
{
    const int16_t headerVersion = requestHeaderVersion(header.apiKey, header.apiVersion);
    Writer w(headerVersion >= 2);
    w.int16(int16_t(header.apiKey));
    w.int16(header.apiVersion);
    w.int32(header.correlationId);
    w.classicNullableString(header.clientId, false);
    w.taggedFields(); // v2 only

    Writer frame(false);
    frame.int32(int32_t(w.data().size() + body.size()));
    QByteArray out = frame.data();
    out.reserve(out.size() + w.data().size() + body.size());
    out.append(w.data());
    out.append(body);
    return out;
}

Decoded<ResponseHeader> decodeResponseHeader(QByteArrayView frame, int16_t headerVersion)
{
    Reader r(frame, headerVersion >= 1, QStringLiteral("response header v%1").arg(headerVersion));
    ResponseHeader header;
    header.correlationId = r.int32("correlationId");
    r.taggedFields(); // v1 only
    if (!r.ok())
        return Decoded<ResponseHeader>::failure(r.error());
    header.bodyOffset = r.position();
    return header;
}

} // namespace kafscope::protocol
