#pragma once
// The secrets of saved connections (SASL password, OAuth token and client secret, key passphrase), kept in the
// system keychain through QtKeychain (the Secret Service on Linux: gnome-keyring, KWallet), never in QSettings or any
// other file KafScope writes. One keychain entry per connection (service "KafScope", key "connection/NAME"), holding
// its secrets as JSON.
//
// Every call is asynchronous and answers on the calling thread: the GUI never waits on the keychain (a locked keyring
// may show its own unlock prompt). Secrets entered in this run are also kept in memory, so that without a keychain
// (no Secret Service on the session bus) the app asks for each one once per run, and can say why it asks.
#include "kafka/connect/endpoint.h"
#include "kafka/protocol/security.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>

namespace kafscope::profiles {

struct SavedConnection;

struct Secrets
{
    QString saslPassword;
    QString oauthToken;
    QString oauthClientSecret;
    QString keyPassword;
    // Basic-auth passwords of the connection's Kafka Connect workers, by their displayUrl().
    QMap<QString, QString> connectPasswords;

    bool isEmpty() const;
    static Secrets of(const SecurityConfig& security, const QList<connect::ConnectEndpoint>& connect = {});
    // Puts each secret into `security` (and the workers) where it has none of its own.
    void fillInto(SecurityConfig& security) const;
    void fillInto(QList<connect::ConnectEndpoint>& connect) const;
    QByteArray toJson() const;
    static std::optional<Secrets> fromJson(const QByteArray& json);
    bool operator==(const Secrets&) const = default;
};

// The keychain key of a saved connection: by its name, else by its bootstrap servers.
QString secretKey(const QString& name, const QString& bootstrap);
QString secretKey(const SavedConnection& connection);

struct SecretsResult
{
    enum class Source { Keychain, Memory, None };
    Source source = Source::None;
    Secrets secrets;
    // Empty when the keychain answered (even "no entry"); else why there is no keychain (e.g. "no Secret Service on
    // the session bus: ...").
    QString keychainProblem;
    bool found() const { return source != Source::None; }
};

class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum class Backend {
        Keychain, // the system keychain, with the in-memory copy of this run's secrets
        MemoryOnly // this run only (tests that must not touch the user's keychain)
    };
    explicit SecretStore(Backend backend = Backend::Keychain, QObject* parent = nullptr,
        const QString& service = QStringLiteral("KafScope"));
    ~SecretStore() override;

    Backend backend() const { return m_backend; }
    // Why the keychain cannot be used, once a call found out; empty while it works or before any call.
    QString keychainProblem() const { return m_problem; }
    // Whether the last call reached the keychain (false before any call and for MemoryOnly).
    bool keychainAvailable() const { return m_available; }

    // The secrets of `key`: from this run's memory first, else from the keychain. `done` runs on this thread, later
    // (never inside the call), unless `context` was destroyed in between.
    void read(const QString& key, QObject* context, std::function<void(const SecretsResult&)> done);
    // Remembers `secrets` for this run and, when `toKeychain`, writes them to the keychain (an empty set, or
    // toKeychain false, deletes the keychain's entry). A keychain failure is reported by keychainFailed() and, when
    // given, `done` (empty on success).
    void store(const QString& key, const Secrets& secrets, bool toKeychain,
        std::function<void(const QString& problem)> done = {});
    // A renamed connection: its secrets go from `from` to `to` (in memory, and in the keychain when they were there).
    void move(const QString& from, const QString& to);
    // Forgets `key` in memory and in the keychain.
    void remove(const QString& key, std::function<void(const QString& problem)> done = {});
    // Finds out whether the keychain answers (reads a key nobody writes); `done` gets keychainProblem().
    void probe(QObject* context, std::function<void(const QString& problem)> done);

signals:
    // A keychain write or delete failed: `problem` says why, for the status bar.
    void keychainFailed(const QString& key, const QString& problem);

private:
    void noteProblem(const QString& problem);

    Backend m_backend;
    QString m_service;
    QString m_problem;
    bool m_available = false;
    QHash<QString, Secrets> m_memory;
};

} // namespace kafscope::profiles
