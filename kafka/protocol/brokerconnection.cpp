#include "kafka/protocol/brokerconnection.h"

#include "kafka/profiles/oauth.h"
#include "kafka/protocol/apis/sasl.h"
#include "kafka/protocol/errors.h"
#include "kafka/protocol/framing.h"
#include "kafka/protocol/messages.h"
#include "kafka/protocol/saslclient.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
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
constexpr int16_t kUnsupportedSaslMechanism = 33;

// "certificate unknown" of OpenSSL's "error:0A000416:SSL routines::sslv3 alert certificate unknown"; empty when the
// error is no TLS alert.
QString tlsAlertOf(const QString& error)
{
    const qsizetype at = error.indexOf(QLatin1String(" alert "));
    if (at < 0 || !error.contains(QLatin1String("SSL routines")))
        return {};
    return error.mid(at + 7).trimmed();
}

// The private key of a PEM file, whatever its algorithm.
QSslKey readKey(const QByteArray& pem, const QByteArray& password)
{
    for (const auto algorithm : { QSsl::Rsa, QSsl::Ec, QSsl::Dsa }) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey, password);
        if (!key.isNull())
            return key;
    }
    return {};
}
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
    if (m_state == State::Ready && !m_reauthDue) {
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
    m_frames.clear();
    m_brokerVersions.clear();
    m_tcpConnected = false;
    m_sasl.reset();
    m_reauthDue = false;
    m_sessionLifetimeMs = 0;
    ++m_opens;
    if (m_reauthTimer)
        m_reauthTimer->stop();
    const SecurityConfig& security = m_options.security;
    QSslSocket* tls = nullptr;
    QString tlsProblem;
    if (security.usesTls()) {
        // An unreadable or expired certificate is said before connecting: the broker would only send a TLS alert.
        if (const QStringList problems = security.problems(); !problems.isEmpty())
            tlsProblem = problems.join(QLatin1Char(' '));
        if (!QSslSocket::supportsSsl()) {
            tlsProblem = QStringLiteral("This build of Qt has no TLS backend (OpenSSL): cannot use %1.")
                             .arg(securityProtocolName(security.protocol));
        }
        auto socket = std::make_unique<QSslSocket>();
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        if (!security.caFile.isEmpty()) {
            const auto cas = QSslCertificate::fromPath(security.caFile, QSsl::Pem);
            if (cas.isEmpty() && tlsProblem.isEmpty())
                tlsProblem = QStringLiteral("No PEM certificate in the CA file %1.").arg(security.caFile);
            config.setCaCertificates(cas);
        }
        if (!security.certificateFile.isEmpty()) {
            const auto certs = QSslCertificate::fromPath(security.certificateFile, QSsl::Pem);
            QFile keyFile(security.keyFile);
            const QSslKey key = keyFile.open(QIODevice::ReadOnly)
                ? readKey(keyFile.readAll(), security.keyPassword.toUtf8())
                : QSslKey();
            if (tlsProblem.isEmpty() && key.isNull())
                tlsProblem = QStringLiteral("Cannot read the private key %1 (%2).")
                                 .arg(security.keyFile,
                                     keyFile.error() != QFile::NoError ? keyFile.errorString()
                                         : security.keyPassword.isEmpty()
                                         ? QStringLiteral("not a PEM key, or encrypted and no passphrase was given")
                                         : QStringLiteral("not a PEM key, or the passphrase is wrong"));
            config.setLocalCertificateChain(certs);
            config.setPrivateKey(key);
        }
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        socket->setSslConfiguration(config);
        tls = socket.get();
        m_socket = std::move(socket);
    } else {
        m_socket = std::make_unique<QTcpSocket>();
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket.get(), &QAbstractSocket::connected, this, &BrokerConnection::onConnected);
    if (tls) {
        connect(tls, &QSslSocket::encrypted, this, &BrokerConnection::onEncrypted);
        connect(tls, &QSslSocket::sslErrors, this, &BrokerConnection::onSslErrors);
    }
    connect(m_socket.get(), &QIODevice::readyRead, this, &BrokerConnection::onReadyRead);
    connect(m_socket.get(), &QAbstractSocket::errorOccurred, this, &BrokerConnection::onSocketError);
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setInterval(200);
        connect(m_timer, &QTimer::timeout, this, &BrokerConnection::checkTimeouts);
    }
    m_timer->start();
    m_connectDeadlineMs = nowMs() + m_options.connectTimeoutMs;
    if (!tlsProblem.isEmpty()) {
        // Said once the caller's handlers are in place, as any other failure to connect.
        QTimer::singleShot(0, this, [this, tlsProblem] { fail(AdminError::network(tlsProblem)); });
        return;
    }
    if (tls)
        tls->connectToHostEncrypted(m_address.host, quint16(m_address.port));
    else
        m_socket->connectToHost(m_address.host, m_address.port);
}

void BrokerConnection::onConnected()
{
    m_tcpConnected = true;
    if (!m_options.security.usesTls())
        startHandshake(); // with TLS: once encrypted
}

void BrokerConnection::onEncrypted()
{
    startHandshake();
}

void BrokerConnection::onSslErrors()
{
    auto* tls = qobject_cast<QSslSocket*>(m_socket.get());
    if (!tls)
        return;
    QList<QSslError> ignorable;
    QStringList reasons;
    QSslCertificate peer;
    for (const auto& e : tls->sslHandshakeErrors()) {
        if (e.error() == QSslError::HostNameMismatch && !m_options.security.verifyHostname) {
            ignorable << e;
            continue;
        }
        reasons << e.errorString();
        if (peer.isNull() && !e.certificate().isNull())
            peer = e.certificate();
    }
    if (reasons.isEmpty()) {
        tls->ignoreSslErrors(ignorable);
        return;
    }
    if (peer.isNull() && !tls->peerCertificateChain().isEmpty())
        peer = tls->peerCertificateChain().first();
    fail(AdminError::network(
        QStringLiteral("The TLS certificate of broker %1 is not trusted: %2 (subject %3; issuer "
                       "%4)%5.")
            .arg(m_address.toString(), reasons.join(QStringLiteral("; ")),
                peer.isNull() ? QStringLiteral("unknown") : certificateDistinguishedName(peer, false),
                peer.isNull() ? QStringLiteral("unknown") : certificateDistinguishedName(peer, true),
                m_options.security.caFile.isEmpty()
                    ? QStringLiteral(". KafScope checked it against the system's CAs: give the "
                                     "cluster's CA file")
                    : QStringLiteral(". KafScope checked it against %1").arg(m_options.security.caFile))));
}

void BrokerConnection::startHandshake()
{
    m_state = State::Negotiating;
    sendApiVersions(supportedVersions(ApiKey::ApiVersions).max);
}

void BrokerConnection::startSasl()
{
    if (m_options.security.oauthTokenNeedsRenewal(QDateTime::currentMSecsSinceEpoch())) {
        // A client-credentials token past 80% of its life: a new one from the endpoint before (re)authenticating.
        if (m_fetchingToken)
            return;
        m_fetchingToken = true;
        profiles::fetchOAuthToken(
            m_options.security, this, [this](const std::optional<profiles::OAuthToken>& token, const QString& error) {
                m_fetchingToken = false;
                if (m_state == State::Failed || m_state == State::Idle)
                    return;
                if (!token) {
                    failAuthentication(QStringLiteral("a new OAuth token was needed: %1").arg(error));
                    return;
                }
                profiles::useOAuthToken(m_options.security, *token);
                ++m_tokenFetches;
                if (m_state == State::Ready)
                    maybeReauthenticate();
                else
                    startSasl();
            });
        return;
    }
    const SecurityConfig& security = m_options.security;
    const QString mechanism = saslMechanismName(security.mechanism);
    if (const QStringList problems = security.problems(); !problems.isEmpty()) {
        fail(AdminError::refused(problems.join(QLatin1Char(' '))));
        return;
    }
    if (negotiatedVersion(ApiKey::SaslHandshake) < 1 || negotiatedVersion(ApiKey::SaslAuthenticate) < 0) {
        fail(AdminError::unsupported(
            QStringLiteral("Broker %1 does not serve SaslHandshake v1 and SaslAuthenticate (Kafka 1.0+); KafScope "
                           "cannot authenticate to it.")
                .arg(m_address.toString())));
        return;
    }
    const int16_t version = negotiatedVersion(ApiKey::SaslHandshake);
    sendNow(ApiKey::SaslHandshake, version, encodeSaslHandshakeRequest({ mechanism }, version),
        [this, mechanism, version](const AdminResult<RawResponse>& raw) {
            if (!raw.ok())
                return;
            const auto decoded = decodeSaslHandshakeResponse(raw.value->body, version);
            if (!decoded.ok()) {
                fail(AdminError::protocol(QStringLiteral("Malformed SaslHandshake response from %1: %2")
                                              .arg(m_address.toString(), decoded.error())));
                return;
            }
            if (decoded->errorCode == kUnsupportedSaslMechanism) {
                fail(AdminError::kafka(decoded->errorCode, QStringLiteral("Broker %1").arg(m_address.toString()),
                    QStringLiteral("%1 is not enabled on this listener; it offers %2.")
                        .arg(mechanism,
                            decoded->mechanisms.isEmpty() ? QStringLiteral("none")
                                                          : decoded->mechanisms.join(QStringLiteral(", ")))));
                return;
            }
            if (decoded->errorCode != 0) {
                fail(AdminError::kafka(
                    decoded->errorCode, QStringLiteral("SaslHandshake with %1").arg(m_address.toString())));
                return;
            }
            m_sasl = std::make_unique<SaslExchange>(m_options.security);
            sendSaslAuthenticate(m_sasl->first());
        });
}

void BrokerConnection::sendSaslAuthenticate(const QByteArray& bytes)
{
    const int16_t version = negotiatedVersion(ApiKey::SaslAuthenticate);
    sendNow(ApiKey::SaslAuthenticate, version, encodeSaslAuthenticateRequest({ bytes }, version),
        [this, version](const AdminResult<RawResponse>& raw) {
            if (!raw.ok() || !m_sasl)
                return;
            const auto decoded = decodeSaslAuthenticateResponse(raw.value->body, version);
            if (!decoded.ok()) {
                fail(AdminError::protocol(QStringLiteral("Malformed SaslAuthenticate response from %1: %2")
                                              .arg(m_address.toString(), decoded.error())));
                return;
            }
            if (decoded->errorCode != 0) {
                const SecurityConfig& s = m_options.security;
                const QString who = s.mechanism == SaslMechanism::OAuthBearer
                    ? QStringLiteral("with the OAuth token")
                    : QStringLiteral("for user %1").arg(s.username);
                fail(AdminError::kafka(decoded->errorCode,
                    QStringLiteral("Authentication failed %1 (%2) on %3")
                        .arg(who, saslMechanismName(s.mechanism), m_address.toString()),
                    decoded->errorMessage.value_or(QString())));
                return;
            }
            const auto step = m_sasl->next(decoded->authBytes);
            if (!step.error.isEmpty()) {
                failAuthentication(step.error);
                return;
            }
            if (step.send) {
                sendSaslAuthenticate(*step.send);
                return;
            }
            m_sessionLifetimeMs = decoded->sessionLifetimeMs;
            m_sasl.reset();
            ++m_authentications;
            m_reauthDue = false;
            scheduleReauthentication();
            becomeReady();
        });
}

void BrokerConnection::scheduleReauthentication()
{
    if (m_sessionLifetimeMs <= 0)
        return;
    if (!m_reauthTimer) {
        m_reauthTimer = new QTimer(this);
        m_reauthTimer->setSingleShot(true);
        connect(m_reauthTimer, &QTimer::timeout, this, [this] {
            if (m_state != State::Ready)
                return;
            m_reauthDue = true;
            maybeReauthenticate();
        });
    }
    // At 85% of the session, as Kafka's Java client does at the earliest: time for an answer in flight to arrive.
    m_reauthTimer->start(int(std::clamp<int64_t>(m_sessionLifetimeMs * 85 / 100, 500, INT32_MAX)));
}

void BrokerConnection::maybeReauthenticate()
{
    if (m_reauthDue && m_state == State::Ready && m_pending.isEmpty() && !m_sasl)
        startSasl();
}

void BrokerConnection::failAuthentication(const QString& why)
{
    const SecurityConfig& s = m_options.security;
    fail(AdminError::network(QStringLiteral("Authentication with %1 (%2) failed: %3")
                                 .arg(m_address.toString(), saslMechanismName(s.mechanism), why)));
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
            if (m_options.security.usesSasl())
                startSasl();
            else
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
    m_frames.append(m_socket->readAll());
    // A TLS record (alert 0x15 or handshake 0x16, version 3.x) where a Kafka frame should be: plaintext sent to a
    // TLS listener.
    const QByteArrayView pending = m_frames.pending();
    if (m_state == State::Negotiating && !m_options.security.usesTls() && pending.size() >= 2
        && (pending[0] == 0x15 || pending[0] == 0x16) && pending[1] == 0x03) {
        fail(AdminError::network(QStringLiteral("Broker %1 answered with TLS: it is a TLS listener, but the security "
                                                "protocol is %2. Use SSL or SASL_SSL.")
                                     .arg(m_address.toString(), securityProtocolName(m_options.security.protocol))));
        return;
    }
    QByteArray frame;
    while (m_state != State::Failed) {
        switch (m_frames.next(&frame)) {
        case FrameReader::Next::NeedMore:
            return;
        case FrameReader::Next::Invalid:
            fail(AdminError::protocol(
                QStringLiteral("Broker %1 sent a frame of invalid size %2; is this a Kafka PLAINTEXT listener?")
                    .arg(m_address.toString())
                    .arg(m_frames.invalidSize())));
            return;
        case FrameReader::Next::Frame:
            dispatchFrame(frame);
            break;
        }
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
    const QPointer<BrokerConnection> alive(this); // a handler may end the connection's owner
    pending.handler(AdminResult<RawResponse>::success({ pending.version, frame.mid(header->bodyOffset) }));
    if (alive)
        maybeReauthenticate();
}

void BrokerConnection::onSocketError()
{
    if (m_state == State::Failed || !m_socket)
        return;
    if (const QString alert = tlsAlertOf(m_socket->errorString()); m_options.security.usesTls() && !alert.isEmpty()) {
        // The broker ended the TLS session with an alert: in mutual TLS, about KafScope's client certificate.
        const SecurityConfig& security = m_options.security;
        QString mine = QStringLiteral("none was given");
        if (!security.certificateFile.isEmpty()) {
            const auto certs = QSslCertificate::fromPath(security.certificateFile, QSsl::Pem);
            mine = certs.isEmpty()
                ? security.certificateFile
                : QStringLiteral("%1, issued by %2, from %3")
                      .arg(certificateDistinguishedName(certs.first(), false),
                          certificateDistinguishedName(certs.first(), true), security.certificateFile);
        }
        const bool aboutCertificate = alert.contains(QLatin1String("certificate"))
            || alert == QLatin1String("unknown ca") || alert == QLatin1String("handshake failure");
        fail(AdminError::network(aboutCertificate && security.certificateFile.isEmpty()
                ? QStringLiteral("Broker %1 requires a client certificate (mutual TLS; TLS alert \"%2\") and "
                                 "KafScope gave none: give the connection a client certificate and its key.")
                      .arg(m_address.toString(), alert)
                : aboutCertificate
                ? QStringLiteral("Broker %1 refused KafScope's client certificate (TLS alert \"%2\"): it requires "
                                 "one its truststore trusts, valid and not revoked. KafScope's: %3.")
                      .arg(m_address.toString(), alert, mine)
                : QStringLiteral("Broker %1 ended the TLS session (TLS alert \"%2\").")
                      .arg(m_address.toString(), alert)));
        return;
    }
    if (m_options.security.usesTls() && m_tcpConnected && m_state == State::Connecting) {
        // Connected, then the handshake broke: a plaintext listener reads the TLS hello as a huge request and
        // closes the connection.
        fail(AdminError::network(QStringLiteral("The TLS handshake with broker %1 failed (%2): is it a plaintext "
                                                "listener? The security protocol is %3; PLAINTEXT and SASL_PLAINTEXT "
                                                "listeners close the connection on a TLS hello.")
                                     .arg(m_address.toString(), m_socket->errorString(),
                                         securityProtocolName(m_options.security.protocol))));
        return;
    }
    if (m_state == State::Negotiating && !m_options.security.usesTls()
        && m_socket->error() == QAbstractSocket::RemoteHostClosedError) {
        fail(AdminError::network(QStringLiteral("Broker %1 closed the connection during the handshake (%2): a TLS "
                                                "listener does so on plaintext, a SASL listener on a client that "
                                                "does not authenticate.")
                                     .arg(m_address.toString(), securityProtocolName(m_options.security.protocol))));
        return;
    }
    if (m_socket->error() == QAbstractSocket::ConnectionRefusedError) {
        // A refusal answers at once; a timeout (below) is silence. They call for different fixes.
        fail(AdminError::network(QStringLiteral("Broker %1 refused the connection (connection refused: nothing "
                                                "listens on port %2 there). Check the address and the listener's "
                                                "port: each listener (PLAINTEXT, SASL_SSL, ...) has its own.")
                                     .arg(m_address.toString())
                                     .arg(m_address.port)));
        return;
    }
    fail(AdminError::network(QStringLiteral("Broker %1: %2").arg(m_address.toString(), m_socket->errorString())));
}

void BrokerConnection::checkTimeouts()
{
    const auto now = nowMs();
    if ((m_state == State::Connecting || m_state == State::Negotiating) && now > m_connectDeadlineMs) {
        const double seconds = m_options.connectTimeoutMs / 1000.0;
        if (!m_tcpConnected)
            fail(AdminError::network(QStringLiteral("Timed out connecting to %1 after %2 s: no answer at all (not "
                                                    "a refusal): the host may be down, or a firewall drops the "
                                                    "packets.")
                                         .arg(m_address.toString())
                                         .arg(seconds)));
        else if (m_state == State::Connecting)
            fail(AdminError::network(QStringLiteral("Timed out connecting to %1 after %2 s: the TCP connection was "
                                                    "made, but the TLS handshake did not finish (is it a TLS "
                                                    "listener? %3 needs one).")
                                         .arg(m_address.toString())
                                         .arg(seconds)
                                         .arg(securityProtocolName(m_options.security.protocol))));
        else
            fail(AdminError::network(QStringLiteral("Timed out connecting to %1 after %2 s: connected, but the "
                                                    "broker did not finish the handshake (ApiVersions%3).")
                                         .arg(m_address.toString())
                                         .arg(seconds)
                                         .arg(m_options.security.usesSasl() ? QStringLiteral(", SASL") : QString())));
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
    m_reauthDue = false;
    if (m_timer)
        m_timer->stop();
    if (m_reauthTimer)
        m_reauthTimer->stop();
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
