#pragma once
// Request/response framing: int32 size prefix, request header v1/v2, response header v0/v1.
#include "kafka/protocol/apis.h"
#include "kafka/protocol/decoded.h"

#include <QByteArray>
#include <QByteArrayView>

namespace kafscope::protocol {

struct RequestHeader
{
    ApiKey apiKey = ApiKey::ApiVersions;
    int16_t apiVersion = 0;
    int32_t correlationId = 0;
    QString clientId; // nullable string on the wire; empty -> written as an empty string
};

// Whole frame, size prefix included: int32 size | header (v1 or v2 by requestHeaderVersion) | body.
QByteArray encodeRequestFrame(const RequestHeader& header, const QByteArray& body);

struct ResponseHeader
{
    int32_t correlationId = 0;
    qsizetype bodyOffset = 0; // where the body starts inside the frame passed to decodeResponseHeader
};

// `frame` is the response without its size prefix. headerVersion: 0 or 1 (1 adds a tagged-field section).
Decoded<ResponseHeader> decodeResponseHeader(QByteArrayView frame, int16_t headerVersion);

// Splits what a broker sends, in whatever chunks the socket gives it, into frames: int32 size, then that many bytes.
// A size below 4 (no room for a correlation id; negative sizes included) or above the limit is garbage, not a frame
// to wait for: the reader stops there and says so, and reads nothing more.
class FrameReader
{
public:
    explicit FrameReader(int32_t maxFrameBytes)
        : m_maxFrameBytes(maxFrameBytes)
    { }

    void append(QByteArrayView bytes);
    void clear();

    enum class Next { NeedMore, Frame, Invalid };
    // Frame: *frame is the next whole frame without its size prefix. Invalid: invalidSize() is the size it read.
    Next next(QByteArray* frame);
    int32_t invalidSize() const { return m_invalidSize; }
    // What was received and not yet returned as a frame (its first bytes tell, e.g., a TLS record apart).
    QByteArrayView pending() const { return QByteArrayView(m_buffer).sliced(m_position); }

private:
    int32_t m_maxFrameBytes;
    QByteArray m_buffer;
    qsizetype m_position = 0; // frames before it were returned; the buffer is compacted once, not per frame
    int32_t m_invalidSize = 0;
    bool m_invalid = false;
};

} // namespace kafscope::protocol
