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

} // namespace kafscope::protocol
