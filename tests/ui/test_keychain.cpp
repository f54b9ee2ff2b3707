// Secrets of saved connections in a real system keychain: gnome-keyring's Secret Service on a private D-Bus session
// (tests/keychain/with-keyring.sh), reached through QtKeychain and libsecret as on a user's desktop.
//
// ctest runs this binary twice: keychain.present (under with-keyring.sh: every function but the last) and
// keychain.absent (no session bus at all: withoutAKeychainSecretsAreAskedOncePerRunAndTheDialogSaysWhy).
//
// The process runs with a fresh HOME and XDG directories, so "no file the app wrote holds the secret" can look at
// every file KafScope wrote: its settings, the lag history, the window state.
#include "kafka/profiles/profilestore.h"
#include "kafka/profiles/secretstore.h"
#include "ui/connectdialog.h"
#include "ui/mainwindow.h"
#include "ui/securityform.h"
#include "ui/settings.h"
#include "uitestutil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUuid>

using namespace kafscope;
using kafscope::test::child;

namespace {

constexpr int kKeychainMs = 15000; // a generous bound for the keychain's answer: a hang fails the test
constexpr int kClusterMs = 60000;

// Every file under `dir` whose bytes contain `secret` (as UTF-8 or UTF-16, as Qt might write either).
QStringList filesContaining(const QString& dir, const QString& secret, int* filesSeen)
{
    const QByteArray utf8 = secret.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char*>(secret.utf16()), secret.size() * 2);
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        ++*filesSeen;
        const QByteArray bytes = f.readAll();
        if (bytes.contains(utf8) || bytes.contains(utf16))
            hits << path;
    }
    return hits;
}

profiles::SecretsResult readNow(profiles::SecretStore& store, const QString& key)
{
    std::optional<profiles::SecretsResult> result;
    QObject context;
    store.read(key, &context, [&](const profiles::SecretsResult& r) { result = r; });
    QElapsedTimer t;
    t.start();
    while (!result && t.elapsed() < kKeychainMs)
        QTest::qWait(10);
    return result.value_or(profiles::SecretsResult { {}, {}, QStringLiteral("no answer within the test's bound") });
}

QString randomSecret()
{
    return QStringLiteral("pw-") + QUuid::createUuid().toString(QUuid::Id128);
}

} // namespace

class KeychainTest : public QObject
{
    Q_OBJECT

    QString configFile() const
    {
        return qEnvironmentVariable("XDG_CONFIG_HOME") + QStringLiteral("/KafScope/KafScope.conf");
    }

    // Fills the dialog with a SASL_PLAINTEXT SCRAM-SHA-256 connection as alice.
    static void fill(ConnectDialog& d, const QString& bootstrap, const QString& name, const QString& password)
    {
        auto* combo = child<QComboBox>(&d, "bootstrapCombo");
        combo->setEditText(bootstrap);
        child<QLineEdit>(&d, "nameEdit")->setText(name);
        auto* form = d.securityForm();
        auto* protocol = child<QComboBox>(form, "protocolCombo");
        protocol->setCurrentIndex(protocol->findText(QStringLiteral("SASL_PLAINTEXT")));
        auto* mechanism = child<QComboBox>(form, "mechanismCombo");
        mechanism->setCurrentIndex(mechanism->findText(QStringLiteral("SCRAM-SHA-256")));
        child<QLineEdit>(form, "userEdit")->setText(QStringLiteral("alice"));
        child<QLineEdit>(form, "passwordEdit")->setText(password);
        d.connectEdit()->clear(); // not the prefilled connection's Connect workers
    }

    QStringList m_secretsUsed; // every secret this run typed, none of which may be in a file

private slots:
    void aSecretIsWrittenReadBackAndDeleted()
    {
        const QString key = QStringLiteral("connection/round-trip");
        const profiles::Secrets secrets { randomSecret(), QStringLiteral("tok"), randomSecret(), randomSecret() };
        m_secretsUsed << secrets.saslPassword << secrets.oauthClientSecret << secrets.keyPassword;
        {
            profiles::SecretStore store;
            std::optional<QString> problem;
            store.store(key, secrets, true, [&](const QString& p) { problem = p; });
            QTRY_VERIFY_WITH_TIMEOUT(problem.has_value(), kKeychainMs);
            QVERIFY2(problem->isEmpty(), qPrintable(*problem));
            QVERIFY(store.keychainAvailable());
        }
        // A new store (a new run: nothing in memory) reads it from the keychain.
        profiles::SecretStore next;
        auto result = readNow(next, key);
        QVERIFY2(result.keychainProblem.isEmpty(), qPrintable(result.keychainProblem));
        QCOMPARE(result.source, profiles::SecretsResult::Source::Keychain);
        QVERIFY(result.secrets == secrets);
        // Deleted: not found, and that is no problem of the keychain.
        std::optional<QString> removed;
        next.remove(key, [&](const QString& p) { removed = p; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), kKeychainMs);
        QVERIFY2(removed->isEmpty(), qPrintable(*removed));
        profiles::SecretStore third;
        result = readNow(third, key);
        QVERIFY(!result.found());
        QVERIFY2(result.keychainProblem.isEmpty(), qPrintable(result.keychainProblem));
    }

    void theConnectDialogSavesThePasswordInTheKeychainAndFillsItInNextRun()
    {
        const QString password = randomSecret();
        m_secretsUsed << password;
        {
            Settings settings; // the user's settings: secrets in the (test's) system keychain
            ConnectDialog d(&settings);
            QTRY_VERIFY_WITH_TIMEOUT(d.keychainCheck()->isEnabled(), kKeychainMs);
            QVERIFY(d.keychainCheck()->isChecked());
            fill(d, QStringLiteral("kc-host:9092"), QStringLiteral("kc-dialog"), password);
            child<QPlainTextEdit>(&d, "dataPlaneEdit")->setPlainText(QStringLiteral("fetch.max.bytes=1048576"));
            QVERIFY(d.isInputValid());
            d.accept();
            QCOMPARE(d.profile().dataPlaneExtra.value(QStringLiteral("fetch.max.bytes")), QStringLiteral("1048576"));
            // The write is asynchronous; it has landed once another store reads it.
            profiles::SecretStore reader;
            QTRY_VERIFY_WITH_TIMEOUT(
                readNow(reader, profiles::secretKey(QStringLiteral("kc-dialog"), {})).secrets.saslPassword == password,
                kKeychainMs);
        }
        // The next run: a new Settings, nothing in memory; picking the connection fills the password in.
        Settings settings;
        ConnectDialog again(&settings);
        auto* passwordEdit = child<QLineEdit>(again.securityForm(), "passwordEdit");
        QTRY_COMPARE_WITH_TIMEOUT(passwordEdit->text(), password, kKeychainMs);
        QVERIFY2(again.secretNote()->text().contains(QStringLiteral("from the system keychain")),
            qPrintable(again.secretNote()->text()));
        QCOMPARE(child<QLineEdit>(again.securityForm(), "userEdit")->text(), QStringLiteral("alice"));
        QCOMPARE(
            child<QPlainTextEdit>(&again, "dataPlaneEdit")->toPlainText(), QStringLiteral("fetch.max.bytes=1048576"));
        QVERIFY(again.isInputValid());
        test::saveScreenshot(&again, QStringLiteral("connect-keychain.png"));
    }

    void theCliConnectsWithAProfileWhosePasswordIsInTheKeychain()
    {
        const QString cluster = qEnvironmentVariable("KAFSCOPE_BOOTSTRAP");
        if (cluster.isEmpty()) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL("KAFSCOPE_BOOTSTRAP is not set: in CI the real cluster must run (scripts/test starts it)");
            QSKIP("no real cluster (not CI): run scripts/test, or set KAFSCOPE_BOOTSTRAP");
        }
        QProcess script;
        script.start(QStringLiteral(KAFSCOPE_CLUSTER_SCRIPT),
            { QStringLiteral("bootstrap"), QStringLiteral("--listener"), QStringLiteral("SASL_SCRAM256") });
        QVERIFY(script.waitForFinished(kClusterMs));
        QCOMPARE(script.exitCode(), 0);
        const QString listener = QString::fromUtf8(script.readAllStandardOutput()).trimmed();
        QVERIFY(!listener.isEmpty());
        m_secretsUsed << QStringLiteral("alice-secret");

        // Saved by the GUI's dialog, as a user would: the password goes to the keychain.
        {
            Settings settings;
            ConnectDialog d(&settings);
            QTRY_VERIFY_WITH_TIMEOUT(d.keychainCheck()->isEnabled(), kKeychainMs);
            fill(d, listener, QStringLiteral("kc-scram"), QStringLiteral("alice-secret"));
            d.accept();
            profiles::SecretStore reader;
            QTRY_COMPARE_WITH_TIMEOUT(readNow(reader, QStringLiteral("connection/kc-scram")).secrets.saslPassword,
                QStringLiteral("alice-secret"), kKeychainMs);
        }
        const auto run = [&](QProcess& cli) {
            auto env = QProcessEnvironment::systemEnvironment();
            env.remove(QStringLiteral("KAFSCOPE_SASL_PASSWORD"));
            env.remove(QStringLiteral("KAFSCOPE_BOOTSTRAP"));
            cli.setProcessEnvironment(env);
            cli.start(QStringLiteral(KAFSCOPE_CLI_PATH),
                { QStringLiteral("brokers"), QStringLiteral("--profile"), QStringLiteral("kc-scram"),
                    QStringLiteral("--json") });
            QVERIFY(cli.waitForFinished(kClusterMs));
        };
        {
            QProcess cli;
            run(cli);
            QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
            QVERIFY(cli.readAllStandardOutput().contains("\"host\""));
        }
        // Without the keychain's entry: exit 2, saying where the password could come from; never a prompt.
        {
            Settings settings;
            std::optional<QString> removed;
            settings.secrets()->remove(QStringLiteral("connection/kc-scram"), [&](const QString& p) { removed = p; });
            QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), kKeychainMs);
        }
        QProcess cli;
        run(cli);
        QCOMPARE(cli.exitCode(), 2);
        const QString error = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(error.contains(QStringLiteral("KAFSCOPE_SASL_PASSWORD"))
                && error.contains(QStringLiteral("the system keychain has none saved for it")),
            qPrintable(error));
    }

    void theCliReachesTheBasicAuthWorkerWithTheProfilesPasswordFromTheKeychain()
    {
        const QString worker = qEnvironmentVariable("KAFSCOPE_CONNECT_AUTH");
        if (worker.isEmpty()) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL(
                    "KAFSCOPE_CONNECT_AUTH is not set: in CI the Connect workers must run (scripts/test starts them)");
            QSKIP(
                "no Connect worker (not CI): tests/cluster/kafka-cluster.sh start-connect, then KAFSCOPE_CONNECT_AUTH");
        }
        m_secretsUsed << QStringLiteral("connect-secret");
        // Saved by the dialog: the worker's URL with its user in the settings, the password in the keychain.
        {
            Settings settings;
            ConnectDialog d(&settings);
            QTRY_VERIFY_WITH_TIMEOUT(d.keychainCheck()->isEnabled(), kKeychainMs);
            child<QComboBox>(&d, "bootstrapCombo")->setEditText(QStringLiteral("127.0.0.1:9"));
            child<QLineEdit>(&d, "nameEdit")->setText(QStringLiteral("kc-connect"));
            auto* protocol = child<QComboBox>(d.securityForm(), "protocolCombo"); // not the prefilled SASL one's
            protocol->setCurrentIndex(protocol->findText(QStringLiteral("PLAINTEXT")));
            QUrl url(worker);
            url.setUserName(QStringLiteral("connect-admin"));
            d.connectEdit()->setPlainText(url.toString());
            d.connectPasswordEdit()->setText(QStringLiteral("connect-secret"));
            QVERIFY(d.isInputValid());
            d.accept();
            profiles::SecretStore reader;
            QTRY_COMPARE_WITH_TIMEOUT(readNow(reader, QStringLiteral("connection/kc-connect"))
                                          .secrets.connectPasswords.value(
                                              QUrl(worker).toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash)),
                QStringLiteral("connect-secret"), kKeychainMs);
        }
        const auto run = [&](QProcess& cli, const QStringList& args) {
            auto env = QProcessEnvironment::systemEnvironment();
            for (const char* var : { "KAFSCOPE_CONNECT", "KAFSCOPE_CONNECT_AUTH", "KAFSCOPE_CONNECT_PASSWORD" })
                env.remove(QString::fromLatin1(var));
            cli.setProcessEnvironment(env);
            cli.start(QStringLiteral(KAFSCOPE_CLI_PATH), args);
            QVERIFY(cli.waitForFinished(kClusterMs));
        };
        {
            QProcess cli;
            run(cli,
                { QStringLiteral("connect"), QStringLiteral("clusters"), QStringLiteral("--profile"),
                    QStringLiteral("kc-connect"), QStringLiteral("--json") });
            const QByteArray out = cli.readAllStandardOutput();
            QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
            QVERIFY2(out.contains("\"version\"") && out.contains("kafka_cluster_id"), out.constData());
        }
        // Without the keychain's entry: exit 2 with where the password could come from; never a prompt.
        {
            Settings settings;
            std::optional<QString> removed;
            settings.secrets()->remove(QStringLiteral("connection/kc-connect"), [&](const QString& p) { removed = p; });
            QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), kKeychainMs);
        }
        QProcess cli;
        run(cli,
            { QStringLiteral("connect"), QStringLiteral("connectors"), QStringLiteral("--profile"),
                QStringLiteral("kc-connect") });
        QCOMPARE(cli.exitCode(), 2);
        const QString error = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(
            error.contains(QStringLiteral("KAFSCOPE_CONNECT_PASSWORD")) && error.contains(QStringLiteral("keychain")),
            qPrintable(error));
    }

    void noFileTheAppWroteHoldsASecret()
    {
        const QString password = randomSecret();
        m_secretsUsed << password;
        {
            // The whole app: the window saves its state and opens the lag history; the dialog saves the connection.
            Settings settings;
            {
                MainWindow window(&settings);
                window.show();
                ConnectDialog d(&settings, &window);
                QTRY_VERIFY_WITH_TIMEOUT(d.keychainCheck()->isEnabled(), kKeychainMs);
                fill(d, QStringLiteral("127.0.0.1:1"), QStringLiteral("kc-disk"), password);
                d.accept();
                auto profile = d.profile();
                profile.connectTimeoutMs = 1000;
                window.connectTo(profile);
                QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), Cluster::State::Failed, kClusterMs);
                window.close();
            }
            profiles::SecretStore reader;
            QTRY_COMPARE_WITH_TIMEOUT(
                readNow(reader, QStringLiteral("connection/kc-disk")).secrets.saslPassword, password, kKeychainMs);
        }
        // Every file under the test's HOME: the settings file (with the connections and their users) is among them.
        QVERIFY(QFile::exists(configFile()));
        int seen = 0;
        for (const QString& secret : std::as_const(m_secretsUsed)) {
            const QStringList hits = filesContaining(QDir::homePath(), secret, &seen);
            QVERIFY2(
                hits.isEmpty(), qPrintable(QStringLiteral("%1 holds a secret").arg(hits.join(QStringLiteral(", ")))));
        }
        int seenForUser = 0;
        QVERIFY(!filesContaining(QDir::homePath(), QStringLiteral("kc-disk"), &seenForUser).isEmpty());
        QVERIFY(seen > 0);
    }

    void withoutAKeychainSecretsAreAskedOncePerRunAndTheDialogSaysWhy()
    {
        const QString password = randomSecret();
        Settings settings;
        {
            ConnectDialog d(&settings);
            // The keychain's absence is found out without waiting, and said.
            QTRY_VERIFY_WITH_TIMEOUT(
                d.secretNote()->text().startsWith(QStringLiteral("No system keychain")), kKeychainMs);
            QVERIFY2(d.secretNote()->text().contains(QStringLiteral("asked for again in the next run")),
                qPrintable(d.secretNote()->text()));
            QVERIFY(!d.keychainCheck()->isEnabled());
            QVERIFY(!d.keychainCheck()->isChecked());
            fill(d, QStringLiteral("kc-host:9092"), QStringLiteral("kc-nokeychain"), password);
            d.accept();
            test::saveScreenshot(&d, QStringLiteral("connect-no-keychain.png"));
        }
        {
            // Later in the same run: filled in from memory, not asked again.
            ConnectDialog again(&settings);
            auto* passwordEdit = child<QLineEdit>(again.securityForm(), "passwordEdit");
            QTRY_COMPARE_WITH_TIMEOUT(passwordEdit->text(), password, kKeychainMs);
            QVERIFY2(again.secretNote()->text().contains(QStringLiteral("from this run")),
                qPrintable(again.secretNote()->text()));
        }
        // The next run has nothing: it asks again.
        Settings nextRun;
        ConnectDialog next(&nextRun);
        QTRY_VERIFY_WITH_TIMEOUT(
            next.secretNote()->text().startsWith(QStringLiteral("No system keychain")), kKeychainMs);
        QVERIFY(child<QLineEdit>(next.securityForm(), "passwordEdit")->text().isEmpty());
        QVERIFY(!next.isInputValid());
        int seen = 0;
        QVERIFY(filesContaining(QDir::homePath(), password, &seen).isEmpty());
        QVERIFY(seen > 0);
    }
};

int main(int argc, char** argv)
{
    // A fresh HOME and XDG directories: every file the app writes in this run is under it.
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    qputenv("HOME", home.path().toUtf8());
    for (const char* var : { "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" })
        qputenv(var, (home.path() + QLatin1Char('/') + QString::fromLatin1(var).toLower()).toUtf8());
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("KafScope"));
    QApplication::setOrganizationName(QStringLiteral("KafScope"));
    int code = 0;
    {
        KeychainTest test;
        code = QTest::qExec(&test, argc, argv);
    }
    return kafscope::test::finishBackgroundWork(code);
}

#include "test_keychain.moc"
