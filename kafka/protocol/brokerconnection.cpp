#include "kafka/protocol/brokerconnection.h"

#include "kafka/protocol/errors.h"
#include "kafka/protocol/framing.h"
#include "kafka/protocol/messages.h"

#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>
#include <chrono>

namespace kafscope::protocol {

namespace {
qint64 nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}
constexpr int16_t kUnsupportedVersion = 35;
} // namespace

BrokerConnection::BrokerConnection(BrokerAddress address, int32_t nodeId, ConnectionOptions options, QObject* parent)
    : QObject(parent)
    , m_address(std::move(address))
    , m_nodeId(nodeId)
    , m_options(std::move(options))
{ }

BrokerConnection::~BrokerConnection()
{
    // Handlers may capture objects that are going away too: fail them now, while everything is still alive.
    close(QStringLiteral("Connection closed"));
}

int16_t BrokerConnection::negotiatedVersion(ApiKey key) const
{
    const auto ours = supportedVersions(key);
    const auto it = m_brokerVersions.constFind(int16_t(key));
    if (!ours.isValid() || it == m_brokerVersions.cend())
        return -1;
    int16_t hi = std::min(ours.max, it->max);
    if (const auto cap = m_options.versionCaps.constFind(key); cap != m_options.versionCaps.cend())
        hi = std::min(hi, *cap);
    const int16_t lo = std::max(ours.min, it->min);
    return hi >= lo ? hi : int16_t(-1);
}

void BrokerConnection::request(ApiKey key, Encoder encode, Handler handler)
{
    if (m_state == State::Ready) {
        const auto version = negotiatedVersion(key);
        if (version < 0) {
            handler(AdminResult<RawResponse>::failure(
                AdminError::unsupported(QStringLiteral("Broker %1 does not support %2 in any version KafScope speaks.")
                                            .arg(m_address.toString(), apiName(key)))));
            return;
        }
        QString error;
        const QByteArray body = encode(version, &error);
        if (!error.isEmpty()) {
            handler(AdminResult<RawResponse>::failure(AdminError::protocol(
                QStringLiteral("Could not encode the %1 v%2 request: %3.").arg(apiName(key)).arg(version).arg(error))));
            return;
        }
        sendNow(key, version, body, std::move(handler));
        return;
    }
    m_queue.append({ key, std::move(encode), std::move(handler) });
    if (m_state == State::Idle || m_state == State::Failed)
        open();
}

void BrokerConnection::open()
{
    m_state = State::Connecting;
    m_lastError.clear();
    m_readBuffer.clear();
    m_brokerVersions.clear();
    m_socket = std::make_unique<QTcpSocket>();
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket.get(), &QAbstractSocket::connected, this, &BrokerConnection::onConnected);
    connect(m_socket.get(), &QIODevice::readyRead, this, &BrokerConnection::onReadyRead);
    connect(m_socket.get(), &QAbstractSocket::errorOccurred, this, &BrokerConnection::onSocketError);
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setInterval(200);
        connect(m_timer, &QTimer::timeout, this, &BrokerConnection::checkTimeouts);
    }
    m_timer->start();
    m_connectDeadlineMs = nowMs() + m_options.connectTimeoutMs;
    m_socket->connectToHost(m_address.host, m_address.port);
}

void BrokerConnection::onConnected()
{
    startHandshake();
}

void BrokerConnection::startHandshake()
{
    // TLS (QSslSocket::startClientEncryption) and SASL (after ApiVersions) will be inserted here.
    m_state = State::Negotiating;
    sendApiVersions(supportedVersions(ApiKey::ApiVersions).max);
}

void BrokerConnection::sendApiVersions(int16_t version)
{
    sendNow(ApiKey::ApiVersions, version, encodeApiVersionsRequest({}, version, nullptr),
        [this, version](const AdminResult<RawResponse>& raw) {
            if (!raw.ok())
                return; // fail() already ran
            const QByteArray& body = raw.value->body;
            // A broker that does not know our version answers UNSUPPORTED_VERSION, in v0 format (Kafka) or in a
            // format of its own (librdkafka's mock broker): read only the leading error code, then retry lower.
            const bool unsupported
                = body.size() >= 2 && qFromBigEndian<int16_t>(body.constData()) == kUnsupportedVersion;
            if (unsupported && version > 0) {
                const auto v0 = decodeApiVersionsResponse(body, 0);
                const auto theirs = v0.ok() ? v0->apis.value(int16_t(ApiKey::ApiVersions), VersionRange { 0, 0 })
                                            : VersionRange { 0, 0 };
                sendApiVersions(std::clamp<int16_t>(theirs.max, 0, int16_t(version - 1)));
                return;
            }
            const auto decoded = decodeApiVersionsResponse(body, version);
            if (!decoded.ok()) {
                fail(AdminError::protocol(QStringLiteral("Malformed ApiVersions response from %1: %2")
                                              .arg(m_address.toString(), decoded.error())));
                return;
            }
            if (decoded->errorCode != 0) {
                fail(AdminError::kafka(decoded->errorCode, QStringLiteral("ApiVersions")));
                return;
            }
            m_brokerVersions = decoded->apis;
            becomeReady();
        });
}

void BrokerConnection::becomeReady()
{
    m_state = State::Ready;
    emit ready();
    const auto queue = std::exchange(m_queue, {});
    for (const auto& q : queue)
        request(q.key, q.encode, q.handler);
}

void BrokerConnection::sendNow(ApiKey key, int16_t version, const QByteArray& body, Handler handler)
{
    const int32_t correlationId = m_nextCorrelationId++;
    if (m_nextCorrelationId == INT32_MAX)
        m_nextCorrelationId = 1;
    const auto frame = encodeRequestFrame({ key, version, correlationId, m_options.clientId }, body);
    m_pending.append({ correlationId, key, version, nowMs() + m_options.requestTimeoutMs, std::move(handler) });
    m_socket->write(frame);
    if (!m_timer->isActive())
        m_timer->start();
}

void BrokerConnection::onReadyRead()
{
    m_readBuffer.append(m_socket->readAll());
    while (m_readBuffer.size() >= 4 && m_state != State::Failed) {
        const auto size = qFromBigEndian<int32_t>(m_readBuffer.constData());
        if (size < 4 || size > m_options.maxFrameBytes) {
            fail(AdminError::protocol(QStringLiteral("Broker %1 sent a frame of invalid size %2; is this a Kafka "
                                                     "PLAINTEXT listener?")
                                          .arg(m_address.toString())
                                          .arg(size)));
            return;
        }
        if (m_readBuffer.size() < 4 + qsizetype(size))
            return;
        const QByteArray frame = m_readBuffer.mid(4, size);
        m_readBuffer.remove(0, 4 + size);
        dispatchFrame(frame);
    }
}

void BrokerConnection::dispatchFrame(const QByteArray& frame)
{
    const auto correlationId = qFromBigEndian<int32_t>(frame.constData());
    // A timed-out request fails the connection, so no late answer can arrive on it: any answer but the one to the
    // oldest request means the stream is out of step, and every request behind it would be read wrongly.
    if (m_pending.isEmpty() || m_pending.first().correlationId != correlationId) {
        fail(AdminError::protocol(m_pending.isEmpty()
                ? QStringLiteral("Broker %1 sent a response (correlation id %2) to no pending request; the connection "
                                 "was closed.")
                      .arg(m_address.toString())
                      .arg(correlationId)
                : QStringLiteral("Broker %1 answered correlation id %2 while the oldest pending request was %3 (%4); "
                                 "Kafka answers in order, so the connection was closed.")
                      .arg(m_address.toString())
                      .arg(correlationId)
                      .arg(m_pending.first().correlationId)
                      .arg(apiName(m_pending.first().key))));
        return;
    }
    Pending pending = m_pending.takeFirst();
    const auto header = decodeResponseHeader(frame, responseHeaderVersion(pending.key, pending.version));
    if (!header.ok()) {
        pending.handler(AdminResult<RawResponse>::failure(
            AdminError::protocol(QStringLiteral("Malformed response header: %1").arg(header.error()))));
        return;
    }
    pending.handler(AdminResult<RawResponse>::success({ pending.version, frame.mid(header->bodyOffset) }));
}

void BrokerConnection::onSocketError()
{
    if (m_state == State::Failed || !m_socket)
        return;
    fail(AdminError::network(QStringLiteral("Broker %1: %2").arg(m_address.toString(), m_socket->errorString())));
}

void BrokerConnection::checkTimeouts()
{
    const auto now = nowMs();
    if ((m_state == State::Connecting || m_state == State::Negotiating) && now > m_connectDeadlineMs) {
        fail(AdminError::network(QStringLiteral("Timed out connecting to %1 after %2 s.")
                                     .arg(m_address.toString())
                                     .arg(m_options.connectTimeoutMs / 1000.0)));
        return;
    }
    for (const auto& p : std::as_const(m_pending)) {
        if (now > p.deadlineMs) {
            // The stream cannot be trusted to stay in step after a lost response: start over on the next request.
            fail(AdminError::network(QStringLiteral("%1 request to %2 timed out after %3 s.")
                                         .arg(apiName(p.key), m_address.toString())
                                         .arg(m_options.requestTimeoutMs / 1000.0)));
            return;
        }
    }
    if (m_state != State::Connecting && m_state != State::Negotiating && m_pending.isEmpty())
        m_timer->stop();
}

void BrokerConnection::fail(const AdminError& error)
{
    if (m_state == State::Failed || m_state == State::Idle)
        return;
    m_state = State::Failed;
    m_lastError = error.message;
    if (m_timer)
        m_timer->stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        // Deleting the socket inside its own signal is unsafe; let the event loop do it.
        m_socket.release()->deleteLater();
    }
    auto pending = std::exchange(m_pending, {});
    auto queue = std::exchange(m_queue, {});
    for (auto& p : pending)
        p.handler(AdminResult<RawResponse>::failure(error));
    for (auto& q : queue)
        q.handler(AdminResult<RawResponse>::failure(error));
    emit failed(error.message);
}

void BrokerConnection::close(const QString& reason)
{
    if (m_state == State::Idle || m_state == State::Failed)
        return;
    fail(AdminError::network(reason));
    m_state = State::Idle;
}

} // namespace kafscope::protocol

// Compiled here rather than in the aggregated mocs file, so executables that never use this class do not link it.
#include "moc_brokerconnection.cpp"
