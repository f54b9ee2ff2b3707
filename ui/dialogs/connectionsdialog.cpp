#include "ui/dialogs/connectionsdialog.h"

#include "kafka/profiles/secretstore.h"
#include "ui_connectionsdialog.h"

#include <QHeaderView>
#include <QPushButton>
#include <QSet>

namespace kafscope {

ConnectionsDialog::ConnectionsDialog(Settings* settings, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectionsDialog>())
    , m_settings(settings)
    , m_connections(settings->recentConnections())
{
    m_ui->setupUi(this);
    for (const auto& c : std::as_const(m_connections))
        m_originalKeys << profiles::secretKey(c);
    auto* table = m_ui->connectionsTable;
    table->setColumnCount(ColumnCount);
    table->setHorizontalHeaderLabels({ QStringLiteral("Name"), QStringLiteral("Bootstrap servers"),
        QStringLiteral("Security"), QStringLiteral("Label"), QStringLiteral("Read-only"), QStringLiteral("Secrets") });
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    fill();
    connect(table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        const int row = item->row();
        if (row < 0 || row >= m_connections.size())
            return;
        if (item->column() == Name)
            m_connections[row].name = item->text().trimmed();
        else if (item->column() == Label)
            m_connections[row].label = item->text().trimmed();
        else if (item->column() == ReadOnly)
            m_connections[row].readOnly = item->checkState() == Qt::Checked;
        validate();
    });
    connect(table, &QTableWidget::itemSelectionChanged, this, &ConnectionsDialog::validate);
    connect(m_ui->upButton, &QPushButton::clicked, this, [this] { move(-1); });
    connect(m_ui->downButton, &QPushButton::clicked, this, [this] { move(1); });
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &ConnectionsDialog::deleteSelected);
    connect(m_ui->forgetButton, &QPushButton::clicked, this, &ConnectionsDialog::forgetSelected);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ConnectionsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ConnectionsDialog::reject);
    validate();
}

ConnectionsDialog::~ConnectionsDialog() = default;

void ConnectionsDialog::fill()
{
    auto* table = m_ui->connectionsTable;
    const QSignalBlocker block(table);
    table->setRowCount(int(m_connections.size()));
    for (int row = 0; row < m_connections.size(); ++row) {
        const auto& c = m_connections[row];
        const auto fixed = [](const QString& text) {
            auto* item = new QTableWidgetItem(text);
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
            item->setToolTip(text);
            return item;
        };
        table->setItem(row, Name, new QTableWidgetItem(c.name));
        table->setItem(row, Bootstrap, fixed(c.bootstrap));
        table->setItem(row, Security, fixed(c.security.describe()));
        auto* label = new QTableWidgetItem(c.label);
        if (!c.color.isEmpty())
            label->setForeground(QColor(c.color));
        table->setItem(row, Label, label);
        auto* readOnly = new QTableWidgetItem;
        readOnly->setFlags((readOnly->flags() | Qt::ItemIsUserCheckable) & ~Qt::ItemIsEditable);
        readOnly->setCheckState(c.readOnly ? Qt::Checked : Qt::Unchecked);
        table->setItem(row, ReadOnly, readOnly);
        const bool forgotten = m_forget.contains(m_originalKeys[row]);
        auto* secrets = fixed(forgotten ? QStringLiteral("forgotten on Save")
                                        : m_secretState.value(m_originalKeys[row], QStringLiteral("…")));
        table->setItem(row, Secrets, secrets);
        if (forgotten || m_secretState.contains(m_originalKeys[row]))
            continue;
        // Where its secrets are: asked of the store, answered later.
        const QString key = m_originalKeys[row];
        m_settings->secrets()->read(key, this, [this, key](const profiles::SecretsResult& r) {
            const int at = int(m_originalKeys.indexOf(key));
            if (at < 0 || m_forget.contains(key))
                return;
            const QString text = r.source == profiles::SecretsResult::Source::Keychain
                ? QStringLiteral("in the keychain")
                : r.source == profiles::SecretsResult::Source::Memory ? QStringLiteral("this run only")
                : !r.keychainProblem.isEmpty()                        ? QStringLiteral("none (no keychain)")
                                                                      : QStringLiteral("none");
            m_secretState.insert(key, text);
            if (auto* item = m_ui->connectionsTable->item(at, Secrets)) {
                const QSignalBlocker block(m_ui->connectionsTable);
                item->setText(text);
                item->setToolTip(r.keychainProblem.isEmpty() ? text : r.keychainProblem);
            }
        });
    }
    table->resizeColumnsToContents();
}

QString ConnectionsDialog::problem() const
{
    QSet<QString> seen;
    for (const auto& c : m_connections) {
        const QString key = profiles::secretKey(c);
        if (seen.contains(key))
            return c.name.isEmpty()
                ? QStringLiteral("Two connections to %1 have no name: give one of them a name.").arg(c.bootstrap)
                : QStringLiteral("Two connections are called \"%1\": --profile %1 must find one.").arg(c.name);
        seen.insert(key);
    }
    return {};
}

void ConnectionsDialog::validate()
{
    const QString why = problem();
    m_ui->buttonBox->button(QDialogButtonBox::Save)->setEnabled(why.isEmpty());
    m_ui->messageLabel->setText(why);
    m_ui->messageLabel->setStyleSheet(why.isEmpty() ? QString() : QStringLiteral("color: #b3261e;"));
    const int row = selectedRow();
    m_ui->upButton->setEnabled(row > 0);
    m_ui->downButton->setEnabled(row >= 0 && row + 1 < m_connections.size());
    m_ui->deleteButton->setEnabled(row >= 0);
    m_ui->forgetButton->setEnabled(row >= 0 && !m_forget.contains(m_originalKeys[row]));
}

int ConnectionsDialog::selectedRow() const
{
    const auto rows = m_ui->connectionsTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

void ConnectionsDialog::move(int delta)
{
    const int row = selectedRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_connections.size())
        return;
    m_connections.swapItemsAt(row, to);
    m_originalKeys.swapItemsAt(row, to);
    fill();
    m_ui->connectionsTable->selectRow(to);
    validate();
}

void ConnectionsDialog::deleteSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    m_connections.removeAt(row);
    m_originalKeys.removeAt(row);
    fill();
    validate();
}

void ConnectionsDialog::forgetSelected()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    m_forget << m_originalKeys[row];
    fill();
    m_ui->connectionsTable->selectRow(row);
    validate();
}

QList<RecentConnection> ConnectionsDialog::editedConnections() const
{
    return m_connections;
}

void ConnectionsDialog::accept()
{
    if (!problem().isEmpty())
        return;
    QHash<QString, QString> renamed;
    for (int row = 0; row < m_connections.size(); ++row) {
        const QString key = profiles::secretKey(m_connections[row]);
        if (key != m_originalKeys[row] && !m_forget.contains(m_originalKeys[row]))
            renamed.insert(m_originalKeys[row], key);
    }
    for (const QString& key : std::as_const(m_forget))
        m_settings->secrets()->remove(key);
    m_settings->setRecentConnections(m_connections, renamed);
    QDialog::accept();
}

} // namespace kafscope
