#pragma once
// One TCP connection to one broker, living in the admin thread. Frames requests, matches responses by correlation
// id (in order: an answer that is not to the oldest request fails the connection), negotiates versions with ApiVersions
// before the first request, and fails every pending request with a clear error on timeout or disconnect (a broker that
// misbehaves never takes the process down).
//
// Connection steps: socket connect -> TLS handshake (QSslSocket; SSL and SASL_SSL) -> ApiVersions -> SASL
// (SaslHandshake v1, then SaslAuthenticate rounds; SASL_PLAINTEXT and SASL_SSL) -> Ready. Requests queue until
// Ready; every step's failure is said in words a person can act on (wrong password, untrusted certificate with its
// subject and issuer, mechanism not enabled with those that are, TLS to a plaintext port and the reverse).
#include "kafka/protocol/adminerror.h"
#include "kafka/protocol/apis.h"
#include "kafka/protocol/bootstrap.h"
#include "kafka/protocol/framing.h"
#include "kafka/protocol/security.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

class QAbstractSocket;
class QTimer;

namespace kafscope::protocol {

class SaslExchange;

struct ConnectionOptions
{
    QString clientId = QStringLiteral("kafscope");
    int connectTimeoutMs = 10000; // TCP connect + handshake + ApiVersions
    int requestTimeoutMs = 30000;
    int maxFrameBytes = 256 * 1024 * 1024; // larger sizes are treated as garbage
    // Highest version to use per API, below what both sides advertise: for brokers known to encode a version
    // wrongly (librdkafka 2.0.2's mock writes ListOffsets v4+ LeaderEpoch as 8 bytes instead of 4).
    QMap<ApiKey, int16_t> versionCaps;
    SecurityConfig security;
};

struct RawResponse
{
    int16_t version = 0;
    QByteArray body;
};

class BrokerConnection : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Connecting, Negotiating, Ready, Failed };
    // Returns the request body for `version`, or no bytes with *error saying why it cannot be encoded.
    using Encoder = std::function<QByteArray(int16_t version, QString* error)>;
    using Handler = std::function<void(const AdminResult<RawResponse>&)>;

    BrokerConnection(BrokerAddress address, int32_t nodeId, ConnectionOptions options, QObject* parent = nullptr);
    ~BrokerConnection() override;

    const BrokerAddress& address() const { return m_address; }
    int32_t nodeId() const { return m_nodeId; }
    State state() const { return m_state; }
    QString lastError() const { return m_lastError; }
    // Broker's ranges from ApiVersions (empty before Ready).
    const QMap<int16_t, VersionRange>& brokerVersions() const { return m_brokerVersions; }
    // Highest version both sides speak, or -1.
    int16_t negotiatedVersion(ApiKey key) const;

    // Successful SASL exchanges on this object (the first of each connection, then each re-authentication) and
    // connections opened; the session lifetime the broker gave (0: none, no re-authentication).
    int authentications() const { return m_authentications; }
    int opens() const { return m_opens; }
    // OAuth tokens fetched again by this connection (client credentials, at 80% of a token's life).
    int tokenFetches() const { return m_tokenFetches; }
    int64_t sessionLifetimeMs() const { return m_sessionLifetimeMs; }

    // Opens the connection if needed, queues the request until Ready, picks the version, encodes, sends.
    // The handler is called exactly once, in this thread.
    void request(ApiKey key, Encoder encode, Handler handler);
    void close(const QString& reason);

signals:
    void ready();
    void failed(const QString& error);

private:
    struct Pending
    {
        int32_t correlationId;
        ApiKey key;
        int16_t version;
        qint64 deadlineMs;
        Handler handler;
    };
    struct Queued
    {
        ApiKey key;
        Encoder encode;
        Handler handler;
    };

    void open();
    void onConnected();
    void onEncrypted();
    void onSslErrors();
    void startSasl();
    void sendSaslAuthenticate(const QByteArray& bytes);
    void failAuthentication(const QString& why);
    void scheduleReauthentication();
    void maybeReauthenticate();
    void onReadyRead();
    void onSocketError();
    void startHandshake();
    void sendApiVersions(int16_t version);
    void becomeReady();
    void fail(const AdminError& error);
    void sendNow(ApiKey key, int16_t version, const QByteArray& body, Handler handler);
    void dispatchFrame(const QByteArray& frame);
    void checkTimeouts();

    BrokerAddress m_address;
    int32_t m_nodeId;
    ConnectionOptions m_options;
    State m_state = State::Idle;
    QString m_lastError;
    std::unique_ptr<QAbstractSocket> m_socket;
    QTimer* m_timer = nullptr;
    qint64 m_connectDeadlineMs = 0;
    FrameReader m_frames { m_options.maxFrameBytes };
    int32_t m_nextCorrelationId = 1;
    // Oldest first: Kafka answers the requests of one connection in order.
    QList<Pending> m_pending;
    QList<Queued> m_queue;
    QMap<int16_t, VersionRange> m_brokerVersions;
    bool m_tcpConnected = false;
    std::unique_ptr<SaslExchange> m_sasl;
    int64_t m_sessionLifetimeMs = 0;
    // KIP-368: before the session the broker gave runs out, the connection authenticates again, once no request is
    // in flight; requests made meanwhile wait in the queue.
    QTimer* m_reauthTimer = nullptr;
    bool m_reauthDue = false;
    int m_authentications = 0;
    int m_tokenFetches = 0;
    bool m_fetchingToken = false;
    int m_opens = 0;
};

} // namespace kafscope::protocol
