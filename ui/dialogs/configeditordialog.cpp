#include "ui/dialogs/configeditordialog.h"

#include "kafka/cluster.h"
#include "models/configeditmodel.h"
#include "ui/inlinemessage.h"
#include "ui/viewsetup.h"
#include "ui_configeditordialog.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTimer>

namespace kafscope {

namespace {

// Name filter, and optionally only the configs set on this resource or with a change lined up.
class ConfigFilterProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setText(const QString& text)
    {
        m_text = text.trimmed();
        invalidateFilter();
    }
    void setOnlyOverridden(bool on)
    {
        m_onlyOverridden = on;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        const auto index = sourceModel()->index(row, 0, parent);
        if (!m_text.isEmpty()
            && !index.data(ConfigEditModel::NameRole).toString().contains(m_text, Qt::CaseInsensitive))
            return false;
        return !m_onlyOverridden || index.data(ConfigEditModel::OverriddenRole).toBool()
            || index.data(ConfigEditModel::ChangedRole).toBool();
    }

private:
    QString m_text;
    bool m_onlyOverridden = false;
};

} // namespace

ConfigEditorDialog::ConfigEditorDialog(Cluster* cluster, ConfigResourceType type, const QString& name, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConfigEditorDialog>())
    , m_cluster(cluster)
    , m_type(type)
    , m_name(name)
    , m_model(new ConfigEditModel(this))
    , m_proxy(new ConfigFilterProxy(this))
{
    m_ui->setupUi(this);
    setWindowTitle(QStringLiteral("Configs of %1").arg(what()));
    m_ui->titleLabel->setText(QStringLiteral("Configs of <b>%1</b>. Changes are lined up below and sent together "
                                             "with Apply; only the configs named there change.")
                                  .arg(what().toHtmlEscaped()));
    m_proxy->setSourceModel(m_model);
    setupTableView(m_ui->configView, m_proxy);
    m_ui->configView->setSortingEnabled(true);
    m_ui->configView->sortByColumn(ConfigEditModel::NameColumn, Qt::AscendingOrder);
    m_ui->configView->setColumnWidth(ConfigEditModel::NameColumn, 250);
    m_ui->configView->setColumnWidth(ConfigEditModel::ValueColumn, 170);
    m_ui->configView->setColumnWidth(ConfigEditModel::NewValueColumn, 170);
    m_ui->configView->setColumnWidth(ConfigEditModel::ResetValueColumn, 120);
    m_ui->configView->setColumnWidth(ConfigEditModel::SourceColumn, 150);
    m_ui->configView->horizontalHeader()->setStretchLastSection(true);

    m_applyButton = m_ui->buttonBox->addButton(QStringLiteral("&Apply changes"), QDialogButtonBox::ApplyRole);
    m_applyButton->setToolTip(QStringLiteral("Check the changes with the cluster (validate-only), then send them"));
    connect(m_applyButton, &QPushButton::clicked, this, &ConfigEditorDialog::apply);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this,
        [this](const QString& text) { static_cast<ConfigFilterProxy*>(m_proxy)->setText(text); });
    connect(m_ui->overriddenOnlyCheck, &QCheckBox::toggled, this,
        [this](bool on) { static_cast<ConfigFilterProxy*>(m_proxy)->setOnlyOverridden(on); });
    connect(m_ui->configView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ConfigEditorDialog::onSelection);
    connect(m_ui->setButton, &QPushButton::clicked, this, [this] {
        if (const auto error = lineUpValue(selectedConfig(), m_ui->valueEdit->text()); !error.isEmpty())
            showMessage(error, true);
    });
    connect(m_ui->valueEdit, &QLineEdit::returnPressed, m_ui->setButton, &QPushButton::click);
    connect(m_ui->resetButton, &QPushButton::clicked, this, [this] {
        if (const auto error = lineUpReset(selectedConfig()); !error.isEmpty())
            showMessage(error, true);
    });
    connect(m_ui->revertButton, &QPushButton::clicked, this, [this] {
        m_model->undoChange(m_model->rowOf(selectedConfig()));
        onSelection();
    });
    connect(m_model, &ConfigEditModel::editRefused, this,
        [this](const QString&, const QString& reason) { showMessage(reason, true); });
    connect(m_model, &ConfigEditModel::changesChanged, this, &ConfigEditorDialog::updateChanges);

    connect(m_cluster, &Cluster::configsAvailable, this, [this](const ConfigResourceResult& result) {
        if (result.type == m_type && result.name == m_name)
            onConfigs(result);
    });
    connect(m_cluster, &Cluster::configsFailed, this,
        [this](ConfigResourceType type, const QString& name, const QString& message) {
            if (type == m_type && name == m_name)
                showMessage(QStringLiteral("The configs could not be loaded: ") + message, true);
        });

    m_refusal = m_cluster->writeRefusal();
    if (!m_refusal.isEmpty())
        showMessage(m_refusal, true);
    else
        showMessage(QStringLiteral("Loading the configs of %1…").arg(what()), false);
    updateChanges();
    m_cluster->loadConfigs(m_type, m_name);
}

ConfigEditorDialog::~ConfigEditorDialog() = default;

QString ConfigEditorDialog::what() const
{
    if (m_type == ConfigResourceType::Topic)
        return QStringLiteral("topic %1").arg(m_name);
    if (m_name.isEmpty())
        return QStringLiteral("the cluster-wide broker defaults");
    return QStringLiteral("broker %1").arg(m_name);
}

void ConfigEditorDialog::onConfigs(const ConfigResourceResult& result)
{
    const QString selected = selectedConfig();
    m_model->setConfigs(result);
    if (!m_loaded) {
        m_loaded = true;
        if (m_refusal.isEmpty())
            inline_message::hide(m_ui->messageLabel);
    }
    selectConfig(selected.isEmpty() && m_model->rowCount() > 0 ? m_model->entry(0).name : selected);
    updateButtons();
}

void ConfigEditorDialog::selectConfig(const QString& name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return;
    const auto index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_ui->configView->selectRow(index.row());
    m_ui->configView->scrollTo(index);
}

QString ConfigEditorDialog::selectedConfig() const
{
    const auto rows = m_ui->configView->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(ConfigEditModel::NameRole).toString();
}

void ConfigEditorDialog::onSelection()
{
    const int row = m_model->rowOf(selectedConfig());
    if (row < 0) {
        m_ui->docLabel->clear();
        updateButtons();
        return;
    }
    const auto& e = m_model->entry(row);
    QString doc = QStringLiteral("<b>%1</b>").arg(e.name.toHtmlEscaped());
    if (!e.documentation.isEmpty())
        doc += QStringLiteral(": ") + e.documentation.toHtmlEscaped();
    if (e.readOnly)
        doc += QStringLiteral(" <i>Read-only: set in server.properties, not changed while the broker runs.</i>");
    if (e.isSensitive)
        doc += QStringLiteral(" <i>Sensitive: the broker never sends the value; a new one can be set.</i>");
    m_ui->docLabel->setText(doc);
    // The field starts from the value lined up, or the value in force (never a secret: the broker sends none).
    const auto editIndex = m_model->index(row, ConfigEditModel::NewValueColumn);
    m_ui->valueEdit->setText(m_model->data(editIndex, Qt::EditRole).toString());
    m_ui->valueEdit->setEchoMode(e.isSensitive ? QLineEdit::Password : QLineEdit::Normal);
    updateButtons();
}

QString ConfigEditorDialog::lineUpValue(const QString& name, const QString& value)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return QStringLiteral("Select a config first.");
    auto error = m_model->setValue(row, value);
    if (error.isEmpty())
        inline_message::hide(m_ui->messageLabel);
    return error;
}

QString ConfigEditorDialog::lineUpReset(const QString& name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return QStringLiteral("Select a config first.");
    auto error = m_model->reset(row);
    if (error.isEmpty()) {
        inline_message::hide(m_ui->messageLabel);
        onSelection();
    }
    return error;
}

void ConfigEditorDialog::updateChanges()
{
    const auto lines = m_model->changeDescriptions();
    m_ui->changesView->setPlainText(lines.isEmpty() ? QStringLiteral("(none yet: select a config, type a value and "
                                                                     "press Set, or double-click its New value)")
                                                    : lines.join(QLatin1Char('\n')));
    m_ui->changesTitle->setText(lines.isEmpty() ? QStringLiteral("Changes to send:")
                                                : QStringLiteral("%1 change(s) to send:").arg(lines.size()));
    updateButtons();
}

void ConfigEditorDialog::updateButtons()
{
    const int row = m_model->rowOf(selectedConfig());
    const bool writable = m_refusal.isEmpty() && !m_busy;
    m_ui->valueEdit->setEnabled(writable && m_model->isEditable(row));
    m_ui->setButton->setEnabled(writable && m_model->isEditable(row));
    m_ui->resetButton->setEnabled(writable && m_model->isResettable(row));
    m_ui->revertButton->setEnabled(writable && m_model->isChanged(row));
    m_applyButton->setEnabled(writable && m_model->hasChanges());
}

bool ConfigEditorDialog::canApply() const
{
    return m_applyButton->isEnabled();
}

QString ConfigEditorDialog::message() const
{
    return m_ui->messageLabel->isHidden() ? QString() : m_ui->messageLabel->text();
}

QString ConfigEditorDialog::changesText() const
{
    return m_ui->changesView->toPlainText();
}

void ConfigEditorDialog::showMessage(const QString& text, bool error)
{
    inline_message::show(m_ui->messageLabel, error ? inline_message::Kind::Error : inline_message::Kind::Info, text);
}

void ConfigEditorDialog::apply()
{
    if (!m_refusal.isEmpty()) {
        showMessage(m_refusal, true);
        return;
    }
    if (!m_model->hasChanges()) {
        showMessage(QStringLiteral("Nothing to send: line up a change first."), true);
        return;
    }
    send(true);
}

void ConfigEditorDialog::send(bool validateOnly)
{
    protocol::AlterConfigsResource resource { m_type, m_name, m_model->alterations() };
    const int count = int(resource.configs.size());
    m_busy = true;
    updateButtons();
    showMessage(validateOnly ? QStringLiteral("Checking the change(s) with the cluster…")
                             : QStringLiteral("Changing %1 config(s) of %2…").arg(count).arg(what()),
        false);
    m_cluster->alterConfigs(resource, validateOnly, this,
        [this, validateOnly, count](const AdminResult<protocol::AlterConfigsResourceResponse>& r) {
            m_busy = false;
            updateButtons();
            if (!r.ok()) {
                showMessage(validateOnly
                        ? QStringLiteral("The cluster refused the change(s); nothing was changed. ") + r.error.message
                        : r.error.message,
                    true);
                return;
            }
            if (validateOnly) {
                send(false);
                return;
            }
            m_model->revertAll();
            showMessage(QStringLiteral("Changed %1 config(s) of %2.").arg(count).arg(what()), false);
            emit configsChanged(m_type, m_name);
            // Brokers apply a change from the metadata log a moment after it is acknowledged: read it back now and
            // once more shortly after, so what is shown is what the brokers use.
            m_cluster->loadConfigs(m_type, m_name);
            QTimer::singleShot(1500, this, [this] { m_cluster->loadConfigs(m_type, m_name); });
        });
}

} // namespace kafscope
