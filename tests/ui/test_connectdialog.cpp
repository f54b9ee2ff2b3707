// ConnectDialog: the bootstrap field validates while typing, nothing is accepted until it is valid, accepted
// profiles are normalized and remembered, and the demo button yields the demo profile.
#include "ui/connectdialog.h"
#include "ui/dialogs/connectionsdialog.h"
#include "ui/securityform.h"
#include "ui/settings.h"
#include "uitestutil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace kafscope;
using kafscope::test::child;

class TestConnectDialog : public QObject
{
    Q_OBJECT

private:
    // Every test gets its own settings file: tests never see each other's recent connections, nor the user's.
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Settings> m_settings;

    QString settingsFile() const { return m_dir->filePath(QStringLiteral("kafscope.ini")); }

    static QComboBox* combo(const ConnectDialog& d) { return child<QComboBox>(&d, "bootstrapCombo"); }
    static QLineEdit* bootstrapEdit(const ConnectDialog& d) { return combo(d)->lineEdit(); }
    static QLineEdit* nameEdit(const ConnectDialog& d) { return child<QLineEdit>(&d, "nameEdit"); }
    static QLabel* validation(const ConnectDialog& d) { return child<QLabel>(&d, "validationLabel"); }
    static QPushButton* okButton(const ConnectDialog& d)
    {
        return child<QDialogButtonBox>(&d, "buttonBox")->button(QDialogButtonBox::Ok);
    }

    // Picks the security protocol and SASL mechanism as a user would, from their lists.
    static void chooseSecurity(SecurityForm* form, const QString& protocolName, const QString& mechanismName)
    {
        auto* protocol = child<QComboBox>(form, "protocolCombo");
        protocol->setCurrentIndex(protocol->findText(protocolName));
        QCOMPARE(protocol->currentText(), protocolName);
        auto* mechanism = child<QComboBox>(form, "mechanismCombo");
        mechanism->setCurrentIndex(mechanism->findText(mechanismName));
        QCOMPARE(mechanism->currentText(), mechanismName);
    }

    // Types `text` key by key into the bootstrap field, as a user would (validation runs on every keystroke).
    static void type(const ConnectDialog& d, const QString& text)
    {
        bootstrapEdit(d)->clear();
        QTest::keyClicks(bootstrapEdit(d), text);
        QCOMPARE(bootstrapEdit(d)->text(), text);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<Settings>(settingsFile());
    }

    void cleanup()
    {
        m_settings.reset();
        m_dir.reset();
    }

    void startsEmptyWithOkDisabledAndAHint()
    {
        ConnectDialog dialog(m_settings.get());
        QCOMPARE(combo(dialog)->count(), 0);
        QCOMPARE(bootstrapEdit(dialog)->text(), QString());
        QVERIFY(!okButton(dialog)->isEnabled());
        QVERIFY(!dialog.isInputValid());
        QCOMPARE(validation(dialog)->text(), QStringLiteral("Enter the bootstrap servers of your cluster."));
    }

    void validatesWhileTyping_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("message"); // a substring of the validation label

        QTest::newRow("no port") << QStringLiteral("localhost") << false << QStringLiteral("\"localhost\" has no port");
        QTest::newRow("port out of range")
            << QStringLiteral("host:99999") << false << QStringLiteral("\"host:99999\" has an invalid port");
        QTest::newRow("empty entry") << QStringLiteral("a:1,,b:2") << false << QStringLiteral("Empty entry");
        QTest::newRow("bad second entry") << QStringLiteral("a:1,b") << false << QStringLiteral("\"b\" has no port");
        QTest::newRow("blank") << QStringLiteral("   ") << false << QStringLiteral("Enter the bootstrap servers");
        QTest::newRow("two brokers") << QStringLiteral("127.0.0.1:19092,127.0.0.1:29092") << true
                                     << QStringLiteral("2 broker address(es): 127.0.0.1:19092,127.0.0.1:29092");
        QTest::newRow("ipv6") << QStringLiteral("[::1]:9092") << true
                              << QStringLiteral("1 broker address(es): [::1]:9092");
    }

    void validatesWhileTyping()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, message);

        ConnectDialog dialog(m_settings.get());
        type(dialog, text);
        QCOMPARE(okButton(dialog)->isEnabled(), valid);
        QCOMPARE(dialog.isInputValid(), valid);
        QVERIFY2(validation(dialog)->text().contains(message), qPrintable(validation(dialog)->text()));
    }

    void validationFollowsEveryEdit()
    {
        // Emptying a valid field disables OK again: validation is not a one-way latch.
        ConnectDialog dialog(m_settings.get());
        type(dialog, QStringLiteral("127.0.0.1:9092"));
        QVERIFY(okButton(dialog)->isEnabled());
        QTest::keyClick(bootstrapEdit(dialog), Qt::Key_Backspace);
        QVERIFY(okButton(dialog)->isEnabled()); // "127.0.0.1:909" is still a valid address
        QTest::keyClicks(bootstrapEdit(dialog), QStringLiteral(","));
        QVERIFY(!okButton(dialog)->isEnabled()); // a trailing comma is an empty entry
        bootstrapEdit(dialog)->clear();
        QVERIFY(!okButton(dialog)->isEnabled());
        QCOMPARE(validation(dialog)->text(), QStringLiteral("Enter the bootstrap servers of your cluster."));
        dialog.setBootstrapText(QStringLiteral("kafka:9092"));
        QVERIFY(okButton(dialog)->isEnabled());
    }

    void acceptWithInvalidTextKeepsTheDialogOpen_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no port") << QStringLiteral("localhost");
        QTest::newRow("port out of range") << QStringLiteral("host:99999");
        QTest::newRow("empty entry") << QStringLiteral("a:1,,b:2");
        QTest::newRow("empty") << QString();
    }

    void acceptWithInvalidTextKeepsTheDialogOpen()
    {
        QFETCH(QString, text);
        ConnectDialog dialog(m_settings.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        type(dialog, text);

        dialog.accept();
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        // Enter in the field must not send either: the default button is disabled.
        QTest::keyClick(bootstrapEdit(dialog), Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(dialog.profile().bootstrap, QString());
        QVERIFY(m_settings->recentConnections().isEmpty());
    }

    void enterWithValidTextAccepts()
    {
        ConnectDialog dialog(m_settings.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        type(dialog, QStringLiteral("127.0.0.1:19092"));
        QTest::keyClick(bootstrapEdit(dialog), Qt::Key_Return);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.profile().bootstrap, QStringLiteral("127.0.0.1:19092"));
    }

    void acceptedProfileHasTheNormalizedBootstrap()
    {
        ConnectDialog dialog(m_settings.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Spaces around entries are dropped and a repeated broker is listed once.
        type(dialog, QStringLiteral(" 127.0.0.1:19092 , 127.0.0.1:29092,127.0.0.1:19092 "));
        QTest::keyClicks(nameEdit(dialog), QStringLiteral("  local cluster "));
        QVERIFY(okButton(dialog)->isEnabled());
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);

        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const auto profile = dialog.profile();
        QCOMPARE(profile.bootstrap, QStringLiteral("127.0.0.1:19092,127.0.0.1:29092"));
        QCOMPARE(profile.name, QStringLiteral("local cluster"));
        QVERIFY(!profile.demo);
    }

    void recentConnectionsAreRememberedAndOffered()
    {
        {
            ConnectDialog dialog(m_settings.get());
            type(dialog, QStringLiteral("127.0.0.1:19092"));
            QTest::keyClicks(nameEdit(dialog), QStringLiteral("local"));
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        {
            ConnectDialog dialog(m_settings.get());
            type(dialog, QStringLiteral("kafka-1:9092, kafka-2:9092"));
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        // Newest first, stored normalized.
        auto recents = m_settings->recentConnections();
        QCOMPARE(recents.size(), 2);
        QCOMPARE(recents[0].bootstrap, QStringLiteral("kafka-1:9092,kafka-2:9092"));
        QCOMPARE(recents[0].name, QString());
        QCOMPARE(recents[1].bootstrap, QStringLiteral("127.0.0.1:19092"));
        QCOMPARE(recents[1].name, QStringLiteral("local"));

        // Persisted: a fresh Settings over the same file (the next start of the app) sees them.
        m_settings = std::make_unique<Settings>(settingsFile());
        recents = m_settings->recentConnections();
        QCOMPARE(recents.size(), 2);

        // The next dialog offers them, pre-filled with the newest one, and is ready to accept.
        ConnectDialog dialog(m_settings.get());
        QCOMPARE(combo(dialog)->count(), 2);
        QCOMPARE(combo(dialog)->itemText(0), QStringLiteral("kafka-1:9092,kafka-2:9092"));
        QCOMPARE(combo(dialog)->itemText(1), QStringLiteral("local — 127.0.0.1:19092"));
        QCOMPARE(bootstrapEdit(dialog)->text(), QStringLiteral("kafka-1:9092,kafka-2:9092"));
        QVERIFY(okButton(dialog)->isEnabled());

        // Choosing a recent entry puts its bare bootstrap list (not the "name — list" label) and its name in the
        // fields.
        combo(dialog)->setCurrentIndex(1);
        QCOMPARE(bootstrapEdit(dialog)->text(), QStringLiteral("127.0.0.1:19092"));
        QCOMPARE(nameEdit(dialog)->text(), QStringLiteral("local"));
        QVERIFY(okButton(dialog)->isEnabled());
        dialog.accept();
        QCOMPARE(dialog.profile().bootstrap, QStringLiteral("127.0.0.1:19092"));
        QCOMPARE(dialog.profile().name, QStringLiteral("local"));
        // Re-using a recent moves it to the front without duplicating it.
        recents = m_settings->recentConnections();
        QCOMPARE(recents.size(), 2);
        QCOMPARE(recents[0].bootstrap, QStringLiteral("127.0.0.1:19092"));
        QCOMPARE(recents[1].bootstrap, QStringLiteral("kafka-1:9092,kafka-2:9092"));
    }

    void prefilledRecentKeepsItsName()
    {
        // The dialog opens pre-filled with the newest recent connection; accepting it as is must not erase its name.
        m_settings->addRecentConnection({ QStringLiteral("local"), QStringLiteral("127.0.0.1:19092") });
        ConnectDialog dialog(m_settings.get());
        QCOMPARE(bootstrapEdit(dialog)->text(), QStringLiteral("127.0.0.1:19092"));
        QCOMPARE(nameEdit(dialog)->text(), QStringLiteral("local"));
        dialog.accept();
        QCOMPARE(dialog.profile().name, QStringLiteral("local"));
        QCOMPARE(m_settings->recentConnections().first().name, QStringLiteral("local"));
    }

    void readOnlyIsChosenAndRememberedWithTheRecentConnection()
    {
        {
            ConnectDialog dialog(m_settings.get());
            type(dialog, QStringLiteral("127.0.0.1:19092"));
            auto* check = child<QCheckBox>(&dialog, "readOnlyCheck");
            QVERIFY(!check->isChecked()); // writable unless asked
            check->setChecked(true);
            dialog.accept();
            QVERIFY(dialog.profile().readOnly);
        }
        QVERIFY(m_settings->recentConnections().first().readOnly);
        ConnectDialog again(m_settings.get()); // pre-filled with that connection, read-only included
        QVERIFY(child<QCheckBox>(&again, "readOnlyCheck")->isChecked());
        again.accept();
        QVERIFY(again.profile().readOnly);
    }

    void editingThePrefilledAddressDropsItsName()
    {
        // The pre-filled name belongs to the pre-filled address; typed over with another cluster, it must not follow.
        m_settings->addRecentConnection({ QStringLiteral("local"), QStringLiteral("127.0.0.1:19092") });
        ConnectDialog dialog(m_settings.get());
        QCOMPARE(nameEdit(dialog)->text(), QStringLiteral("local"));
        type(dialog, QStringLiteral("kafka-1:9092"));
        QCOMPARE(nameEdit(dialog)->text(), QString());
        dialog.accept();
        const auto recents = m_settings->recentConnections();
        QCOMPARE(recents.size(), 2);
        QCOMPARE(recents[0].bootstrap, QStringLiteral("kafka-1:9092"));
        QCOMPARE(recents[0].name, QString());
        QCOMPARE(recents[1].name, QStringLiteral("local"));
    }

    void aTypedNameIsKeptWhileTheAddressChanges()
    {
        m_settings->addRecentConnection({ QStringLiteral("local"), QStringLiteral("127.0.0.1:19092") });
        ConnectDialog dialog(m_settings.get());
        nameEdit(dialog)->clear();
        QTest::keyClicks(nameEdit(dialog), QStringLiteral("staging"));
        type(dialog, QStringLiteral("staging-kafka:9092"));
        QCOMPARE(nameEdit(dialog)->text(), QStringLiteral("staging"));
        dialog.accept();
        QCOMPARE(dialog.profile().name, QStringLiteral("staging"));
    }

    void recentListIsCapped()
    {
        for (int i = 1; i <= Settings::kMaxRecent + 3; ++i)
            m_settings->addRecentConnection({ {}, QStringLiteral("host-%1:9092").arg(i) });
        const auto recents = m_settings->recentConnections();
        QCOMPARE(recents.size(), Settings::kMaxRecent);
        QCOMPARE(recents.first().bootstrap, QStringLiteral("host-%1:9092").arg(Settings::kMaxRecent + 3));
        ConnectDialog dialog(m_settings.get());
        QCOMPARE(combo(dialog)->count(), Settings::kMaxRecent);
    }

    // The tallest form (SASL_SSL with OAuth's six fields, mTLS and the host name warning) on a 1366x768 laptop: the
    // form scrolls, and the validation line and the OK button stay on the screen.
    void theTallestFormScrollsAndKeepsItsButtonsOnALaptopScreen()
    {
        ConnectDialog d(m_settings.get());
        type(d, QStringLiteral("k1:9093"));
        auto* form = d.securityForm();
        chooseSecurity(form, QStringLiteral("SASL_SSL"), QStringLiteral("OAUTHBEARER"));
        child<QCheckBox>(form, "verifyHostnameCheck")->setChecked(false);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        const int laptopHeight = 768 - 40 - 30; // less a task bar and the title bar
        QVERIFY2(
            d.minimumSizeHint().height() <= laptopHeight, qPrintable(QString::number(d.minimumSizeHint().height())));
        d.resize(d.width(), laptopHeight);
        QTRY_COMPARE(d.height(), laptopHeight);
        auto* scroll = child<QScrollArea>(&d, "formScroll");
        QTRY_VERIFY(scroll->verticalScrollBar()->isVisible()); // it needs more than the laptop's height
        QVERIFY(scroll->verticalScrollBar()->maximum() > 0);
        for (QWidget* w : std::initializer_list<QWidget*> { okButton(d), validation(d) }) {
            QVERIFY(w->isVisible());
            const QRect where(w->mapTo(&d, QPoint(0, 0)), w->size());
            QVERIFY2(d.rect().contains(where), w->metaObject()->className());
        }
        // Scrolled to the end, the last field of the form is there to fill.
        scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
        auto* keychain = child<QCheckBox>(&d, "keychainCheck");
        QTRY_VERIFY(scroll->viewport()->rect().intersects(
            QRect(keychain->mapTo(scroll->viewport(), QPoint(0, 0)), keychain->size())));
    }

    void securityIsValidatedAcceptedAndRememberedWithoutItsSecrets()
    {
        {
            ConnectDialog d(m_settings.get());
            type(d, QStringLiteral("k1:9093"));
            auto* form = d.securityForm();
            chooseSecurity(form, QStringLiteral("SASL_SSL"), QStringLiteral("SCRAM-SHA-512"));
            QTest::keyClicks(child<QLineEdit>(form, "userEdit"), QStringLiteral("alice"));
            QTest::keyClicks(child<QLineEdit>(&d, "labelEdit"), QStringLiteral("PRODUCTION"));
            auto* color = child<QComboBox>(&d, "colorCombo");
            color->setCurrentIndex(color->findText(QStringLiteral("Red")));
            // No password yet: said, and nothing can be sent.
            QVERIFY(!okButton(d)->isEnabled());
            QVERIFY(validation(d)->text().contains(QStringLiteral("SCRAM-SHA-512 needs a password")));
            QTest::keyClicks(child<QLineEdit>(form, "passwordEdit"), QStringLiteral("s3cret-Pa55"));
            QVERIFY(okButton(d)->isEnabled());
            QVERIFY(validation(d)->text().contains(QStringLiteral("SASL_SSL, SCRAM-SHA-512 as alice")));
            // Host name verification switched off is flagged.
            auto* verify = child<QCheckBox>(form, "verifyHostnameCheck");
            QVERIFY(!child<QLabel>(form, "hostnameWarning")->isVisibleTo(&d));
            verify->setChecked(false);
            QVERIFY(child<QLabel>(form, "hostnameWarning")->isVisibleTo(&d));
            d.show();
            QTest::qWait(50); // the dialog fits its new rows
            QVERIFY(child<QLabel>(form, "hostnameWarning")->height()
                >= child<QLabel>(form, "hostnameWarning")
                       ->heightForWidth(child<QLabel>(form, "hostnameWarning")->width()));
            test::saveScreenshot(&d, QStringLiteral("connect-security.png"));
            d.accept();
            QCOMPARE(d.profile().security.protocol, SecurityProtocol::SaslSsl);
            QCOMPARE(d.profile().security.mechanism, SaslMechanism::ScramSha512);
            QCOMPARE(d.profile().security.password, QStringLiteral("s3cret-Pa55"));
            QVERIFY(!d.profile().security.verifyHostname);
            QCOMPARE(d.profile().label, QStringLiteral("PRODUCTION"));
            QCOMPARE(d.profile().color, QStringLiteral("#c5221f"));
        }
        m_settings.reset(); // flushed
        QFile ini(settingsFile());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray written = ini.readAll();
        QVERIFY(written.contains("alice"));
        QVERIFY(!written.contains("s3cret-Pa55")); // the password is nowhere in the file
        m_settings = std::make_unique<Settings>(settingsFile());
        // The recent connection comes back with its user and without the password, which is asked for again.
        ConnectDialog again(m_settings.get());
        QCOMPARE(child<QLineEdit>(again.securityForm(), "userEdit")->text(), QStringLiteral("alice"));
        QVERIFY(child<QLineEdit>(again.securityForm(), "passwordEdit")->text().isEmpty());
        QVERIFY(!okButton(again)->isEnabled());
        QVERIFY(!again.securityForm()->config().verifyHostname);
        QCOMPARE(child<QLineEdit>(&again, "labelEdit")->text(), QStringLiteral("PRODUCTION"));
        QCOMPARE(child<QComboBox>(&again, "colorCombo")->currentText(), QStringLiteral("Red"));
    }

    void dataPlanePropertiesAreCheckedBeforeAnythingIsSentAndRemembered()
    {
        {
            ConnectDialog d(m_settings.get());
            type(d, QStringLiteral("k1:9092"));
            QVERIFY(okButton(d)->isEnabled());
            auto* edit = child<QPlainTextEdit>(&d, "dataPlaneEdit");
            edit->setPlainText(QStringLiteral("fetch.max.bytes=1048576\nfetch.wait.max.mss=100"));
            QVERIFY(!okButton(d)->isEnabled());
            QVERIFY2(validation(d)->text().contains(QStringLiteral("Line 2: librdkafka"))
                    && validation(d)->text().contains(QStringLiteral("fetch.wait.max.mss")),
                qPrintable(validation(d)->text()));
            d.accept(); // Enter: still nothing
            QCOMPARE(d.result(), int(QDialog::Rejected));
            edit->setPlainText(QStringLiteral("sasl.password=hunter2"));
            QVERIFY(validation(d)->text().contains(QStringLiteral("belongs in the Security fields")));
            QVERIFY(!okButton(d)->isEnabled());
            edit->setPlainText(QStringLiteral("fetch.max.bytes=1048576\nclient.rack=eu-1a"));
            QVERIFY(okButton(d)->isEnabled());
            d.accept();
            QCOMPARE(d.profile().dataPlaneExtra.value(QStringLiteral("client.rack")), QStringLiteral("eu-1a"));
        }
        ConnectDialog again(m_settings.get());
        QCOMPARE(child<QPlainTextEdit>(&again, "dataPlaneEdit")->toPlainText(),
            QStringLiteral("client.rack=eu-1a\nfetch.max.bytes=1048576"));
    }

    void connectWorkersAreCheckedAndRememberedWithTheirPasswordsOutOfTheFile()
    {
        {
            ConnectDialog d(m_settings.get());
            type(d, QStringLiteral("k1:9092"));
            auto* urls = d.connectEdit();
            urls->setPlainText(QStringLiteral("localhost:8083"));
            QVERIFY(!okButton(d)->isEnabled());
            QVERIFY2(
                validation(d)->text().contains(QStringLiteral("'localhost:8083' is not an http:// or https:// URL")),
                qPrintable(validation(d)->text()));
            urls->setPlainText(QStringLiteral("http://127.0.0.1:8083\nhttps://connect-admin@connect.example:8443"));
            QVERIFY(!okButton(d)->isEnabled()); // the user's password is missing
            QVERIFY2(validation(d)->text().contains(
                         QStringLiteral("enter the password of connect-admin at https://connect.example:8443")),
                qPrintable(validation(d)->text()));
            d.connectPasswordEdit()->setText(QStringLiteral("pw-connect-77"));
            QVERIFY(okButton(d)->isEnabled());
            d.accept();
            QCOMPARE(d.result(), int(QDialog::Accepted));
            const auto workers = d.profile().connect;
            QCOMPARE(workers.size(), 2);
            QCOMPARE(workers[0].displayUrl(), QStringLiteral("http://127.0.0.1:8083"));
            QVERIFY(workers[0].user.isEmpty());
            QCOMPARE(workers[1].user, QStringLiteral("connect-admin"));
            QCOMPARE(workers[1].password, QStringLiteral("pw-connect-77"));
        }
        // The settings have the URLs and the user, never the password.
        {
            QSettings raw(settingsFile(), QSettings::IniFormat);
            QStringList values;
            for (const auto& key : raw.allKeys())
                values << raw.value(key).toString();
            const QString all = values.join(QLatin1Char('\n'));
            QVERIFY2(all.contains(QStringLiteral("connect-admin@connect.example:8443")), qPrintable(all));
            QVERIFY(!all.contains(QStringLiteral("pw-connect-77")));
        }
        // The next dialog fills the workers in again, and the password from this run's secrets.
        ConnectDialog again(m_settings.get());
        QCOMPARE(again.connectEdit()->toPlainText(),
            QStringLiteral("http://127.0.0.1:8083\nhttps://connect-admin@connect.example:8443"));
        QTRY_VERIFY(okButton(again)->isEnabled());
        again.accept();
        QCOMPARE(again.profile().connect.value(1).password, QStringLiteral("pw-connect-77"));
    }

    void savedConnectionsAreRenamedReorderedAndDeletedAndTheirSecretsFollow()
    {
        auto* secrets = m_settings->secrets();
        RecentConnection a { QStringLiteral("alpha"), QStringLiteral("a:9092") };
        RecentConnection b { QStringLiteral("beta"), QStringLiteral("b:9092") };
        RecentConnection c { QStringLiteral("gamma"), QStringLiteral("c:9092") };
        for (const auto& r : { c, b, a }) {
            m_settings->addRecentConnection(r);
            secrets->store(profiles::secretKey(r), { r.name + QStringLiteral("-pw"), {}, {}, {} }, false);
        }
        const auto secretOf = [&](const QString& key) {
            std::optional<QString> pw;
            secrets->read(key, this, [&](const profiles::SecretsResult& r) { pw = r.secrets.saslPassword; });
            (void)QTest::qWaitFor([&] { return pw.has_value(); }, 5000);
            return pw.value_or(QStringLiteral("(no answer)"));
        };
        ConnectionsDialog d(m_settings.get());
        auto* table = child<QTableWidget>(&d, "connectionsTable");
        auto* save = child<QDialogButtonBox>(&d, "buttonBox")->button(QDialogButtonBox::Save);
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(0, ConnectionsDialog::Name)->text(), QStringLiteral("alpha"));
        QTRY_COMPARE(table->item(0, ConnectionsDialog::Secrets)->text(), QStringLiteral("this run only"));
        // Two of the same name: refused, said.
        table->item(1, ConnectionsDialog::Name)->setText(QStringLiteral("alpha"));
        QVERIFY(!save->isEnabled());
        QVERIFY(
            child<QLabel>(&d, "messageLabel")->text().contains(QStringLiteral("Two connections are called \"alpha\"")));
        table->item(1, ConnectionsDialog::Name)->setText(QStringLiteral("beta-prod"));
        QVERIFY(save->isEnabled());
        table->item(1, ConnectionsDialog::ReadOnly)->setCheckState(Qt::Checked);
        // gamma up to the top, alpha deleted.
        table->selectRow(2);
        QTest::mouseClick(child<QPushButton>(&d, "upButton"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(&d, "upButton"), Qt::LeftButton);
        QCOMPARE(table->item(0, ConnectionsDialog::Name)->text(), QStringLiteral("gamma"));
        table->selectRow(1);
        QCOMPARE(table->item(1, ConnectionsDialog::Name)->text(), QStringLiteral("alpha"));
        QTest::mouseClick(child<QPushButton>(&d, "deleteButton"), Qt::LeftButton);
        QCOMPARE(table->rowCount(), 2);
        test::saveScreenshot(&d, QStringLiteral("connections.png"));
        d.accept();
        const auto saved = m_settings->recentConnections();
        QCOMPARE(saved.size(), 2);
        QCOMPARE(saved[0].name, QStringLiteral("gamma"));
        QCOMPARE(saved[1].name, QStringLiteral("beta-prod"));
        QVERIFY(saved[1].readOnly);
        // The renamed connection's secret moved to its new key; the deleted one's is gone.
        QTRY_COMPARE(secretOf(QStringLiteral("connection/beta-prod")), QStringLiteral("beta-pw"));
        QCOMPARE(secretOf(QStringLiteral("connection/beta")), QString());
        QCOMPARE(secretOf(QStringLiteral("connection/alpha")), QString());
        QCOMPARE(secretOf(QStringLiteral("connection/gamma")), QStringLiteral("gamma-pw"));
        // The connect dialog lists what was saved.
        ConnectDialog connect(m_settings.get());
        QCOMPARE(combo(connect)->count(), 2);
        QCOMPARE(child<QLineEdit>(&connect, "nameEdit")->text(), QStringLiteral("gamma"));
    }

    void aClientConfigFileFillsTheFormAndNamesWhatItCannotTake()
    {
        ConnectDialog d(m_settings.get());
        const QString file = m_dir->filePath(QStringLiteral("client.properties"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("bootstrap.servers=b1:9094,b2:9094\nsecurity.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n"
                "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"bob\" "
                "password=\"pw\";\nssl.truststore.location=/etc/kafka/truststore.jks\n");
        f.close();
        QSignalSpy imported(d.securityForm(), &SecurityForm::bootstrapImported);
        QStringList notImported;
        const QString bootstrap = d.securityForm()->importFile(file, &notImported, nullptr);
        QCOMPARE(bootstrap, QStringLiteral("b1:9094,b2:9094"));
        d.setBootstrapText(bootstrap);
        QCOMPARE(d.securityForm()->config().username, QStringLiteral("bob"));
        QCOMPARE(d.securityForm()->config().mechanism, SaslMechanism::Plain);
        QCOMPARE(notImported.size(), 1);
        QVERIFY(child<QLabel>(d.securityForm(), "importNote")->text().contains(QStringLiteral("JKS trust store")));
        QVERIFY(okButton(d)->isEnabled());
    }

    void demoButtonYieldsTheDemoProfile()
    {
        ConnectDialog dialog(m_settings.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Works whatever is in the bootstrap field, even invalid text: the demo needs no address.
        type(dialog, QStringLiteral("localhost"));
        QVERIFY(!okButton(dialog)->isEnabled());
        QTest::mouseClick(child<QPushButton>(&dialog, "demoButton"), Qt::LeftButton);

        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
        const auto profile = dialog.profile();
        QVERIFY(profile.demo);
        QCOMPARE(profile.name, QStringLiteral("Demo (simulated)"));
        QCOMPARE(profile.bootstrap, QString());
        // The demo has no address worth remembering.
        QVERIFY(m_settings->recentConnections().isEmpty());
    }
};

KAFSCOPE_UI_TEST_MAIN(TestConnectDialog)
#include "test_connectdialog.moc"
