#include "kafka/protocol/framing.h"

#include "kafka/protocol/wire.h"

#include <QtEndian>

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

void FrameReader::append(QByteArrayView bytes)
{
    if (m_invalid)
        return;
    if (m_position > 0 && m_position == m_buffer.size()) {
        m_buffer.clear();
        m_position = 0;
    }
    m_buffer.append(bytes);
}

void FrameReader::clear()
{
    m_buffer.clear();
    m_position = 0;
    m_invalid = false;
    m_invalidSize = 0;
}

FrameReader::Next FrameReader::next(QByteArray* frame)
{
    if (m_invalid)
        return Next::Invalid;
    const QByteArrayView rest = pending();
    if (rest.size() < 4) {
        if (m_position > 0) { // keep the partial frame only
            m_buffer.remove(0, m_position);
            m_position = 0;
        }
        return Next::NeedMore;
    }
    const auto size = qFromBigEndian<int32_t>(rest.data());
    if (size < 4 || size > m_maxFrameBytes) {
        m_invalid = true;
        m_invalidSize = size;
        return Next::Invalid;
    }
    if (rest.size() - 4 < qsizetype(size)) {
        if (m_position > 0) {
            m_buffer.remove(0, m_position);
            m_position = 0;
        }
        return Next::NeedMore;
    }
    *frame = rest.sliced(4, size).toByteArray();
    m_position += 4 + qsizetype(size);
    return Next::Frame;
}

} // namespace kafscope::protocol
