#pragma once
// A scripted broker on loopback for admin-client tests: it answers ApiVersions (with a chosen range) and hands
// every other request to a test-provided responder, which returns the response body, or nothing to stay silent.
// Responses are framed exactly as a broker frames them.
#include "kafka/protocol/apis.h"
#include "kafka/protocol/messages.h"
#include "kafka/protocol/wire.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QtEndian>
#include <functional>
#include <optional>

namespace kafscope::test {

struct FakeRequest
{
    protocol::ApiKey key;
    int16_t version;
    int32_t correlationId;
    QByteArray body;
};

class FakeBroker : public QObject
{
public:
    using Responder = std::function<std::optional<QByteArray>(const FakeRequest&)>;

    explicit FakeBroker(Responder responder = {})
        : m_responder(std::move(responder))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (auto* socket = m_server.nextPendingConnection()) {
                ++connections;
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onRead(socket); });
            }
        });
    }

    quint16 port() const { return m_server.serverPort(); }
    QString bootstrap() const { return QStringLiteral("127.0.0.1:%1").arg(port()); }
    void setResponder(Responder r) { m_responder = std::move(r); }
    // The ApiVersions ranges advertised; by default what a Kafka 3.x/4.x broker advertises for our APIs.
    QMap<int16_t, protocol::VersionRange> apis {
        { int16_t(protocol::ApiKey::ApiVersions), { 0, 3 } },
        { int16_t(protocol::ApiKey::Metadata), { 0, 12 } },
        { int16_t(protocol::ApiKey::ListOffsets), { 1, 8 } },
        { int16_t(protocol::ApiKey::DescribeConfigs), { 1, 4 } },
    };
    int16_t maxApiVersionsVersion = 3; // a lower value makes v3 requests get UNSUPPORTED_VERSION in v0 format
    QByteArray rawReply; // when set, sent instead of any framed response (garbage tests)
    // When set and it answers a request (after the handshake), its bytes go out as they are: frame size and header
    // are the test's (hostile broker tests).
    Responder rawResponder;
    int connections = 0; // accepted so far
    int32_t correlationIdShift = 0; // added to the correlation id of every non-ApiVersions answer (out-of-step tests)
    QList<FakeRequest> received;

private:
    void onRead(QTcpSocket* socket)
    {
        auto& buffer = m_buffers[socket];
        buffer += socket->readAll();
        while (buffer.size() >= 4) {
            const auto size = qFromBigEndian<int32_t>(buffer.constData());
            if (buffer.size() < 4 + size)
                return;
            handle(socket, buffer.mid(4, size));
            buffer.remove(0, 4 + size);
        }
    }

    void handle(QTcpSocket* socket, const QByteArray& frame)
    {
        protocol::Reader header(frame, false, QStringLiteral("request header"));
        FakeRequest request;
        request.key = protocol::ApiKey(header.int16("api_key"));
        request.version = header.int16("api_version");
        request.correlationId = header.int32("correlation_id");
        const auto clientIdLength = qFromBigEndian<int16_t>(frame.constData() + 8);
        qsizetype offset = 10 + std::max<int16_t>(clientIdLength, 0);
        if (protocol::requestHeaderVersion(request.key, request.version) >= 2)
            offset += 1; // empty tagged-field section
        request.body = frame.mid(offset);
        received.append(request);
        if (!rawReply.isEmpty()) {
            socket->write(rawReply);
            return;
        }
        if (request.key == protocol::ApiKey::ApiVersions) {
            protocol::ApiVersionsResponse response;
            response.apis = apis;
            int16_t version = request.version;
            if (version > maxApiVersionsVersion) {
                response.errorCode = 35;
                version = 0;
            }
            reply(socket, request, protocol::encodeApiVersionsResponse(response, version), 0);
            return;
        }
        if (rawResponder) {
            if (auto bytes = rawResponder(request)) {
                socket->write(*bytes);
                return;
            }
        }
        if (!m_responder)
            return;
        if (auto body = m_responder(request)) {
            request.correlationId += correlationIdShift;
            reply(socket, request, *body, protocol::responseHeaderVersion(request.key, request.version));
        }
    }

    void reply(QTcpSocket* socket, const FakeRequest& request, const QByteArray& body, int16_t headerVersion)
    {
        protocol::Writer w(headerVersion >= 1);
        w.int32(request.correlationId);
        w.taggedFields();
        const QByteArray payload = w.data() + body;
        protocol::Writer size(false);
        size.int32(int32_t(payload.size()));
        socket->write(size.data() + payload);
    }

    QTcpServer m_server;
    Responder m_responder;
    QHash<QTcpSocket*, QByteArray> m_buffers;
};

} // namespace kafscope::test
