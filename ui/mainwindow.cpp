#include "ui/mainwindow.h"

#include "kafka/clustersession.h"
#include "kafka/lag/history.h"
#include "ui/brokerspage.h"
#include "ui/connectdialog.h"
#include "ui/inlinemessage.h"
#include "ui/livepage.h"
#include "ui/pages/connectpage.h"
#include "ui/pages/groupspage.h"
#include "ui/settings.h"
#include "ui/topicspage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace kafscope {

MainWindow::MainWindow(Settings* settings, QWidget* parent)
    : MainWindow(settings, new ClusterSession, parent)
{ }

MainWindow::MainWindow(Settings* settings, Cluster* cluster, QWidget* parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_session(cluster)
    , m_tabs(new QTabWidget)
    , m_banner(new QLabel)
    , m_stateLabel(new QLabel)
    , m_refreshedLabel(new QLabel)
    , m_demoLabel(new QLabel)
    , m_readOnlyLabel(new QLabel)
    , m_profileLabel(new QLabel)
    , m_autoRefresh(new QTimer(this))
{
    m_session->setParent(this);
    connect(m_settings->secrets(), &profiles::SecretStore::keychainFailed, this,
        [this](const QString&, const QString& problem) {
            statusBar()->showMessage(QStringLiteral("Secrets not saved in the system keychain: %1. They are kept until "
                                                    "KafScope quits and asked for again in the next run.")
                                         .arg(problem),
                20000);
        });
    setWindowTitle(QStringLiteral("KafScope"));
    setObjectName(QStringLiteral("MainWindow"));
    m_brokersPage = new BrokersPage(m_session);
    m_lagHistory = new lag::LagHistory(lag::LagHistory::defaultPath(), {}, this);
    m_groupsPage = new GroupsPage(m_session, m_lagHistory);
    m_topicsPage = new TopicsPage(m_session);
    m_livePage = new LivePage(m_session);
    m_connectPage = new ConnectPage(m_session);
    m_topicsPage->restoreViewState(m_settings);
    m_brokersPage->restoreViewState(m_settings);
    m_groupsPage->restoreViewState(m_settings);
    m_livePage->restoreViewState(m_settings);
    m_tabs->addTab(m_topicsPage, QStringLiteral("&Topics"));
    m_tabs->addTab(m_livePage, QStringLiteral("&Live"));
    m_tabs->addTab(m_groupsPage, QStringLiteral("&Groups"));
    m_tabs->addTab(m_brokersPage, QStringLiteral("&Brokers"));
    m_tabs->addTab(m_connectPage, QStringLiteral("Co&nnect"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_connectPage),
        QStringLiteral("Kafka Connect: the connectors that bring data into and out of this cluster, their tasks "
                       "and topics"));
    connect(m_connectPage, &ConnectPage::showTopicRequested, this, [this](const QString& topic) {
        m_tabs->setCurrentWidget(m_topicsPage);
        if (!m_topicsPage->selectTopic(topic))
            statusBar()->showMessage(
                QStringLiteral("Topic %1 is not in the cluster's metadata (yet): press Refresh (F5).").arg(topic),
                10000);
    });
    connect(m_connectPage, &ConnectPage::tailTopicRequested, this, [this](const QString& topic) {
        m_tabs->setCurrentWidget(m_livePage);
        m_livePage->startTailing(topic, QStringLiteral("earliest"));
    });
    connect(m_connectPage, &ConnectPage::connectDialogRequested, this, &MainWindow::showConnectDialog);
    m_tabs->setTabToolTip(1,
        QStringLiteral("Tail a topic and produce to it: see which partition each keyed record "
                       "lands in, and why"));

    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs);
    setCentralWidget(central);

    auto* toolbar = addToolBar(QStringLiteral("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto* connectAction = toolbar->addAction(style()->standardIcon(QStyle::SP_DriveNetIcon),
        QStringLiteral("&Connect…"), this, &MainWindow::showConnectDialog);
    connectAction->setShortcut(QKeySequence::Open);
    connectAction->setToolTip(
        QStringLiteral("Connect to a cluster by its bootstrap servers, or start the demo cluster"));
    m_refreshAction = toolbar->addAction(
        style()->standardIcon(QStyle::SP_BrowserReload), QStringLiteral("&Refresh"), this, &MainWindow::refresh);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setToolTip(
        QStringLiteral("Reload brokers, topics, partitions and offsets (F5); retries a failed connection"));
    m_autoRefreshAction = toolbar->addAction(QStringLiteral("Auto-refresh (10 s)"));
    m_autoRefreshAction->setCheckable(true);
    m_autoRefreshAction->setChecked(true);
    m_autoRefresh->setInterval(10000);
    connect(m_autoRefresh, &QTimer::timeout, this, [this] {
        if (m_session->state() == Cluster::State::Connected)
            m_session->refresh();
    });
    connect(m_autoRefreshAction, &QAction::toggled, this,
        [this](bool on) { on ? m_autoRefresh->start() : m_autoRefresh->stop(); });
    m_autoRefresh->start();

    m_demoLabel->setText(QStringLiteral(" Demo (simulated) "));
    m_demoLabel->setToolTip(QStringLiteral("librdkafka's mock brokers, running inside KafScope. Data is generated; "
                                           "configs and admin actions are not available."));
    m_demoLabel->setStyleSheet(QStringLiteral("QLabel { background: #7b5ea7; color: white; border-radius: 3px; }"));
    m_demoLabel->setVisible(false);
    statusBar()->addPermanentWidget(m_demoLabel);
    m_readOnlyLabel->setText(QStringLiteral(" Read-only "));
    m_readOnlyLabel->setToolTip(QStringLiteral("This connection changes nothing on the cluster: creating and deleting "
                                               "topics, changing configs and producing are disabled. Connect again "
                                               "without \"Read-only\" to make changes."));
    m_readOnlyLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #b06000; color: white; border-radius: 3px; font-weight: bold; }"));
    m_readOnlyLabel->setVisible(false);
    statusBar()->addPermanentWidget(m_readOnlyLabel);
    m_profileLabel->setObjectName(QStringLiteral("profileLabel"));
    m_profileLabel->setVisible(false);
    statusBar()->addPermanentWidget(m_profileLabel);
    m_refreshedLabel->setObjectName(QStringLiteral("refreshedLabel"));
    statusBar()->addPermanentWidget(m_refreshedLabel);
    statusBar()->addPermanentWidget(m_stateLabel);
    m_stateLabel->setText(QStringLiteral("● Not connected"));

    connect(m_session, &Cluster::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_session, &Cluster::metadataAvailable, this, [this] {
        inline_message::hide(m_banner);
        if (m_unreachableSince.isValid()) { // it answers again
            m_unreachableSince = {};
            showState(QStringLiteral("#1e8e3e"), m_connectedText, m_connectedText);
        }
        updateRefreshedLabel();
    });
    connect(m_session, &Cluster::refreshFailed, this, &MainWindow::onRefreshFailed);

    if (!m_settings->windowGeometry().isEmpty())
        restoreGeometry(m_settings->windowGeometry());
    else
        resize(1200, 760);
    restoreState(m_settings->windowState(), Settings::kWindowStateVersion);
}

MainWindow::~MainWindow()
{
    shutdown();
}

void MainWindow::shutdown()
{
    // Nothing here waits: the data plane and the admin thread wind down on their own threads, and main() gives them
    // a bounded time once the window is gone (waitForBackgroundWork).
    m_autoRefresh->stop();
    m_livePage->shutdown();
    m_session->shutdown();
}

void MainWindow::connectTo(const ConnectionProfile& profile)
{
    const QString name = profile.demo ? QStringLiteral("Demo (simulated)")
                                      : (profile.name.isEmpty() ? profile.bootstrap : profile.name);
    setWindowTitle(QStringLiteral("KafScope — %1%2%3")
                       .arg(name, profile.label.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(profile.label),
                           profile.readOnly ? QStringLiteral(" (read-only)") : QString()));
    m_profileLabel->setText(QStringLiteral(" %1 ").arg(profile.label));
    const QColor color(profile.color.isEmpty() ? QStringLiteral("#5f6368") : profile.color);
    m_profileLabel->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: white; border-radius: 3px; font-weight: bold; }")
            .arg(color.isValid() ? color.name() : QStringLiteral("#5f6368")));
    m_profileLabel->setToolTip(QStringLiteral("The connection's label: %1").arg(profile.label));
    m_profileLabel->setVisible(!profile.label.isEmpty());
    m_demoLabel->setVisible(profile.demo);
    m_readOnlyLabel->setVisible(profile.readOnly);
    m_session->connectTo(profile);
}

void MainWindow::showConnectDialog()
{
    ConnectDialog dialog(m_settings, this);
    if (m_readOnlyByDefault || m_session->isReadOnly())
        dialog.setReadOnly(true); // a read-only session is not made writable by reconnecting unasked
    if (dialog.exec() == QDialog::Accepted)
        connectTo(dialog.profile());
}

void MainWindow::refresh()
{
    if (m_session->state() == Cluster::State::Failed && !m_session->profile().bootstrap.isEmpty())
        m_session->connectTo(m_session->profile()); // retry
    else if (m_session->state() == Cluster::State::Failed && m_session->isDemo())
        m_session->connectTo(m_session->profile());
    else
        m_session->refresh();
}

void MainWindow::showState(const QString& colour, const QString& text, const QString& toolTip)
{
    m_stateLabel->setText(QStringLiteral("<span style='color:%1'>●</span> %2").arg(colour, text.toHtmlEscaped()));
    m_stateLabel->setToolTip(toolTip);
}

void MainWindow::onStateChanged(Cluster::State state, const QString& message)
{
    static const char* const colours[] = { "#777777", "#b08800", "#1e8e3e", "#c5221f" };
    m_unreachableSince = {};
    if (state == Cluster::State::Connected)
        m_connectedText = message;
    showState(QLatin1String(colours[int(state)]), message, message);
    if (state == Cluster::State::Failed)
        inline_message::show(m_banner, inline_message::Kind::Error,
            message
                + QStringLiteral("\nCheck the address and that the brokers are running, then press "
                                 "Refresh (F5) to retry, or Connect… to choose another cluster."));
    else if (state == Cluster::State::Connecting)
        inline_message::hide(m_banner);
}

void MainWindow::onRefreshFailed(const QString& message)
{
    if (m_session->state() != Cluster::State::Connected)
        return; // a failed connect says so itself
    // Connected, but the cluster stopped answering: say so (the tables keep the last data, and say that too).
    if (!m_unreachableSince.isValid())
        m_unreachableSince = QDateTime::currentDateTime();
    const auto since = m_unreachableSince.toString(QStringLiteral("HH:mm:ss"));
    const auto retrying = m_autoRefreshAction->isChecked() ? QStringLiteral("retrying every 10 s")
                                                           : QStringLiteral("press Refresh (F5) to retry");
    showState(QStringLiteral("#c5221f"), QStringLiteral("Unreachable since %1, %2").arg(since, retrying), message);
    statusBar()->showMessage(QStringLiteral("Refresh failed: ") + message, 10000);
    updateRefreshedLabel();
}

void MainWindow::updateRefreshedLabel()
{
    const auto when = m_session->lastRefreshed();
    const auto time = when.toString(QStringLiteral("HH:mm:ss"));
    m_refreshedLabel->setText(!when.isValid() ? QString()
            : m_unreachableSince.isValid()    ? QStringLiteral("Data from %1 (stale)").arg(time)
                                              : QStringLiteral("Refreshed %1").arg(time));
}

void MainWindow::screenshotWhenLoaded(const QString& path)
{
    auto shoot = [this, path] {
        // On the demo, show the teaching topic; elsewhere the first topic is already selected.
        m_topicsPage->selectTopic(QStringLiteral("orders"));
        // Long enough for a tail started with --tail to fill the pane, or the groups to be described.
        const QWidget* page = m_tabs->currentWidget();
        QTimer::singleShot(page == m_livePage                   ? 2500
                : page == m_groupsPage || page == m_connectPage ? 1500
                                                                : 500,
            this, [this, path] {
                const bool ok = grab().save(path);
                QApplication::exit(ok ? 0 : 1);
            });
    };
    connect(m_session, &Cluster::offsetsAvailable, this, shoot, Qt::SingleShotConnection);
    connect(m_session, &Cluster::stateChanged, this, [path](Cluster::State state, const QString& message) {
        if (state == Cluster::State::Failed) {
            qWarning("Screenshot not taken: %s", qPrintable(message));
            QApplication::exit(1);
        }
    });
}

void MainWindow::tailWhenConnected(const QString& topic)
{
    connect(
        m_session, &Cluster::metadataAvailable, this,
        [this, topic] {
            m_tabs->setCurrentWidget(m_livePage);
            m_livePage->startTailing(topic, QStringLiteral("earliest"));
        },
        Qt::SingleShotConnection);
}

bool MainWindow::showPage(const QString& name)
{
    const QHash<QString, QWidget*> pages { { QStringLiteral("topics"), m_topicsPage },
        { QStringLiteral("live"), m_livePage }, { QStringLiteral("brokers"), m_brokersPage },
        { QStringLiteral("groups"), m_groupsPage }, { QStringLiteral("connect"), m_connectPage } };
    auto* page = pages.value(name.toLower());
    if (!page)
        return false;
    m_tabs->setCurrentWidget(page);
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_settings->saveWindow(saveGeometry(), saveState(Settings::kWindowStateVersion));
    shutdown();
    event->accept();
}

} // namespace kafscope
