#include "kafka/profiles/secretstore.h"

#include "kafka/profiles/profilestore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace kafscope::profiles {

namespace {
const auto kSasl = QStringLiteral("saslPassword");
const auto kToken = QStringLiteral("oauthToken");
const auto kClientSecret = QStringLiteral("oauthClientSecret");
const auto kKeyPassword = QStringLiteral("keyPassword");
const auto kConnect = QStringLiteral("connectPasswords");
const auto kProbeKey = QStringLiteral("kafscope-probe (never written)");

// A keychain error in words a person can act on; empty for "no such entry", which is not a problem.
QString problemOf(const QKeychain::Job& job)
{
    switch (job.error()) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return {};
    case QKeychain::AccessDeniedByUser:
        return QStringLiteral("the system keychain refused access (denied by the user)");
    case QKeychain::AccessDenied:
        return QStringLiteral("the system keychain refused access: ") + job.errorString();
    case QKeychain::NoBackendAvailable:
        return QStringLiteral("no Secret Service runs (%1)").arg(job.errorString());
    default:
        return QStringLiteral("the Secret Service is unreachable (%1)").arg(job.errorString());
    }
}
} // namespace

bool Secrets::isEmpty() const
{
    return saslPassword.isEmpty() && oauthToken.isEmpty() && oauthClientSecret.isEmpty() && keyPassword.isEmpty()
        && connectPasswords.isEmpty();
}

Secrets Secrets::of(const SecurityConfig& security, const QList<connect::ConnectEndpoint>& connect)
{
    Secrets s { security.password, security.oauthToken, security.oauthClientSecret, security.keyPassword, {} };
    for (const auto& e : connect) {
        if (!e.user.isEmpty() && !e.password.isEmpty())
            s.connectPasswords.insert(e.displayUrl(), e.password);
    }
    return s;
}

void Secrets::fillInto(QList<connect::ConnectEndpoint>& connect) const
{
    for (auto& e : connect) {
        if (e.password.isEmpty() && !e.user.isEmpty())
            e.password = connectPasswords.value(e.displayUrl());
    }
}

void Secrets::fillInto(SecurityConfig& security) const
{
    if (security.password.isEmpty())
        security.password = saslPassword;
    if (security.oauthToken.isEmpty())
        security.oauthToken = oauthToken;
    if (security.oauthClientSecret.isEmpty())
        security.oauthClientSecret = oauthClientSecret;
    if (security.keyPassword.isEmpty())
        security.keyPassword = keyPassword;
}

QByteArray Secrets::toJson() const
{
    QJsonObject o;
    const auto put = [&](const QString& k, const QString& v) {
        if (!v.isEmpty())
            o.insert(k, v);
    };
    put(kSasl, saslPassword);
    put(kToken, oauthToken);
    put(kClientSecret, oauthClientSecret);
    put(kKeyPassword, keyPassword);
    QJsonObject workers;
    for (auto it = connectPasswords.begin(); it != connectPasswords.end(); ++it)
        workers.insert(it.key(), it.value());
    if (!workers.isEmpty())
        o.insert(kConnect, workers);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<Secrets> Secrets::fromJson(const QByteArray& json)
{
    QJsonParseError error {};
    const auto doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const auto o = doc.object();
    Secrets s { o.value(kSasl).toString(), o.value(kToken).toString(), o.value(kClientSecret).toString(),
        o.value(kKeyPassword).toString(), {} };
    const QJsonObject workers = o.value(kConnect).toObject();
    for (auto it = workers.begin(); it != workers.end(); ++it)
        s.connectPasswords.insert(it.key(), it.value().toString());
    return s;
}

QString secretKey(const QString& name, const QString& bootstrap)
{
    return QStringLiteral("connection/") + (name.isEmpty() ? bootstrap : name);
}

QString secretKey(const SavedConnection& connection)
{
    return secretKey(connection.name, connection.bootstrap);
}

SecretStore::SecretStore(Backend backend, QObject* parent, const QString& service)
    : QObject(parent)
    , m_backend(backend)
    , m_service(service)
{
    if (backend == Backend::MemoryOnly)
        m_problem = QStringLiteral("the system keychain is not used here");
}

SecretStore::~SecretStore() = default;

void SecretStore::noteProblem(const QString& problem)
{
    m_problem = problem;
    m_available = problem.isEmpty();
}

void SecretStore::read(const QString& key, QObject* context, std::function<void(const SecretsResult&)> done)
{
    QPointer<QObject> guard(context);
    if (auto it = m_memory.constFind(key); it != m_memory.cend() || m_backend == Backend::MemoryOnly) {
        SecretsResult result;
        if (it != m_memory.cend())
            result = { SecretsResult::Source::Memory, *it, m_problem };
        else
            result.keychainProblem = m_problem;
        QTimer::singleShot(0, context, [guard, done = std::move(done), result] {
            if (guard)
                done(result);
        });
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text copy in QSettings
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, guard, done = std::move(done)](QKeychain::Job* j) {
        noteProblem(problemOf(*j));
        SecretsResult result;
        result.keychainProblem = m_problem;
        if (j->error() == QKeychain::NoError) {
            if (auto s = Secrets::fromJson(static_cast<QKeychain::ReadPasswordJob*>(j)->binaryData())) {
                result.source = SecretsResult::Source::Keychain;
                result.secrets = *s;
            }
        }
        if (guard)
            done(result);
    });
    job->start();
}

void SecretStore::store(
    const QString& key, const Secrets& secrets, bool toKeychain, std::function<void(const QString&)> done)
{
    if (secrets.isEmpty())
        m_memory.remove(key);
    else
        m_memory.insert(key, secrets);
    if (m_backend == Backend::MemoryOnly) {
        if (done)
            QTimer::singleShot(0, this, [this, done] { done(m_problem); });
        return;
    }
    QKeychain::Job* job = nullptr;
    if (toKeychain && !secrets.isEmpty()) {
        auto* write = new QKeychain::WritePasswordJob(m_service, this);
        write->setBinaryData(secrets.toJson());
        job = write;
    } else {
        job = new QKeychain::DeletePasswordJob(m_service, this);
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    const bool deleting = !toKeychain || secrets.isEmpty();
    connect(job, &QKeychain::Job::finished, this, [this, key, deleting, done](QKeychain::Job* j) {
        QString problem = problemOf(*j);
        if (!problem.isEmpty() || j->error() == QKeychain::NoError || deleting)
            noteProblem(problem);
        if (!problem.isEmpty())
            emit keychainFailed(key, problem);
        if (done)
            done(problem);
    });
    job->start();
}

void SecretStore::remove(const QString& key, std::function<void(const QString&)> done)
{
    store(key, {}, false, std::move(done));
}

void SecretStore::move(const QString& from, const QString& to)
{
    read(from, this, [this, from, to](const SecretsResult& r) {
        if (!r.found())
            return;
        store(to, r.secrets, m_backend == Backend::Keychain && r.keychainProblem.isEmpty());
        remove(from);
    });
}

void SecretStore::probe(QObject* context, std::function<void(const QString&)> done)
{
    read(kProbeKey, context, [done = std::move(done)](const SecretsResult& r) { done(r.keychainProblem); });
}

} // namespace kafscope::profiles
