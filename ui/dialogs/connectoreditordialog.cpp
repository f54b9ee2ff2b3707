#include "ui/dialogs/connectoreditordialog.h"

#include "kafka/cluster.h"
#include "ui/inlinemessage.h"
#include "ui_connectoreditordialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace kafscope {

namespace {

const QString kMask = QStringLiteral("********");
const QString kClass = QStringLiteral("connector.class");
const QString kName = QStringLiteral("name");

// The answer may come after the dialog closed (the client is the page's): `f` runs only while it is open.
template <typename T, typename F> auto guarded(ConnectorEditorDialog* dialog, F f)
{
    return [self = QPointer<ConnectorEditorDialog>(dialog), f](const connect::ConnectResult<T>& r) {
        if (self)
            f(r);
    };
}

} // namespace

ConnectorEditorDialog::ConnectorEditorDialog(connect::ConnectClient* client, const Cluster* session, Mode mode,
    const connect::ConnectorInfo& connector, const QStringList& existingNames, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectorEditorDialog>())
    , m_client(client)
    , m_session(session)
    , m_mode(mode)
    , m_existingNames(existingNames)
    , m_debounce(new QTimer(this))
{
    m_ui->setupUi(this);
    new QVBoxLayout(m_ui->formContainer);
    m_ui->formContainer->layout()->setAlignment(Qt::AlignTop);
    m_ui->workerLabel->setText(client->endpoint().displayUrl());
    m_validateButton = m_ui->buttonBox->addButton(QStringLiteral("&Validate"), QDialogButtonBox::ActionRole);
    m_validateButton->setObjectName(QStringLiteral("validateButton"));
    m_validateButton->setToolTip(QStringLiteral("Ask the worker to check the config (nothing is created or changed)"));
    m_saveButton = m_ui->buttonBox->addButton(
        mode == Mode::Create ? QStringLiteral("&Create") : QStringLiteral("&Apply"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    connect(m_validateButton, &QPushButton::clicked, this, &ConnectorEditorDialog::validateNow);
    connect(m_saveButton, &QPushButton::clicked, this, &ConnectorEditorDialog::save);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(500);
    connect(m_debounce, &QTimer::timeout, this, &ConnectorEditorDialog::validateNow);
    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, [this] {
        updateButtons();
        if (!m_className.isEmpty())
            m_debounce->start(); // the worker checks the name too
    });
    connect(m_ui->findEdit, &QLineEdit::textChanged, this, &ConnectorEditorDialog::applyFind);
    connect(m_ui->tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_ui->tabs->widget(index) == m_ui->jsonTab) {
            syncJsonFromValues();
            return;
        }
        QString error;
        if (!takeJson(&error)) {
            say(int(inline_message::Kind::Error), error);
            const QSignalBlocker block(m_ui->tabs);
            m_ui->tabs->setCurrentWidget(m_ui->jsonTab);
            return;
        }
        validateNow();
    });
    connect(m_ui->jsonEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_ui->tabs->currentWidget() == m_ui->jsonTab)
            m_debounce->start();
    });

    if (mode == Mode::Edit) {
        setWindowTitle(QStringLiteral("Edit connector %1").arg(connector.name));
        m_ui->nameEdit->setText(connector.name);
        m_ui->nameEdit->setReadOnly(true);
        m_values = connector.config;
        m_values.remove(kName);
        m_className = m_values.take(kClass);
        m_ui->pluginCombo->addItem(m_className, m_className);
        m_ui->pluginCombo->setEnabled(false);
        say(int(inline_message::Kind::Info), QStringLiteral("Asking the worker for the plugin's settings…"));
        validateNow();
    } else {
        setWindowTitle(QStringLiteral("New connector"));
        m_ui->pluginCombo->addItem(QStringLiteral("Asking the worker for its plugins…"));
        m_ui->pluginCombo->setEnabled(false);
        client->plugins(guarded<QList<connect::PluginInfo>>(
            this, [this](const connect::ConnectResult<QList<connect::PluginInfo>>& r) { onPlugins(r); }));
    }
    if (m_session->isReadOnly())
        say(int(inline_message::Kind::Warning),
            m_session->writeRefusal() + QStringLiteral(" The worker can still check a config (Validate)."));
    updateButtons();
}

ConnectorEditorDialog::~ConnectorEditorDialog() = default;

void ConnectorEditorDialog::onPlugins(const connect::ConnectResult<QList<connect::PluginInfo>>& r)
{
    const QSignalBlocker block(m_ui->pluginCombo);
    m_ui->pluginCombo->clear();
    if (!r.ok()) {
        m_ui->pluginCombo->addItem(QStringLiteral("(no plugins: the worker did not list them)"));
        say(int(inline_message::Kind::Error), r.error.message);
        return;
    }
    m_plugins = *r.value;
    m_ui->pluginCombo->addItem(QStringLiteral("Pick a plugin…"), QString());
    for (const auto& p : m_plugins)
        m_ui->pluginCombo->addItem(
            QStringLiteral("%1 (%2, %3)").arg(p.className.section(QLatin1Char('.'), -1), p.type, p.version),
            p.className);
    m_ui->pluginCombo->setEnabled(true);
    connect(m_ui->pluginCombo, &QComboBox::currentIndexChanged, this, &ConnectorEditorDialog::pluginChosen,
        Qt::UniqueConnection);
    say(int(inline_message::Kind::Info),
        QStringLiteral("%1 plugin(s) installed on this Connect cluster: pick one to see its settings.")
            .arg(m_plugins.size()));
}

QStringList ConnectorEditorDialog::plugins() const
{
    QStringList names;
    for (const auto& p : m_plugins)
        names << p.className;
    return names;
}

bool ConnectorEditorDialog::setPlugin(const QString& className)
{
    for (int i = 0; i < m_ui->pluginCombo->count(); ++i) {
        const QString c = m_ui->pluginCombo->itemData(i).toString();
        if (!c.isEmpty() && (c == className || c.section(QLatin1Char('.'), -1) == className)) {
            m_ui->pluginCombo->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void ConnectorEditorDialog::pluginChosen()
{
    const QString className = m_ui->pluginCombo->currentData().toString();
    if (className == m_className)
        return;
    // Another plugin: another form. What was typed for settings the new one also has is kept.
    m_className = className;
    m_validation.reset();
    m_validated.clear();
    m_rows.clear(); // their widgets go with their group boxes
    m_order.clear();
    qDeleteAll(m_ui->formContainer->findChildren<QGroupBox*>(QString(), Qt::FindDirectChildrenOnly));
    m_groups.clear();
    m_ownGroups = 0;
    updateButtons();
    if (!m_className.isEmpty())
        validateNow();
}

void ConnectorEditorDialog::setName(const QString& name)
{
    m_ui->nameEdit->setText(name);
}

QString ConnectorEditorDialog::nameProblem() const
{
    const QString name = m_ui->nameEdit->text();
    if (m_mode == Mode::Edit)
        return {};
    if (name.trimmed().isEmpty())
        return QStringLiteral("Enter the connector's name.");
    if (name != name.trimmed())
        return QStringLiteral("The name has spaces at its start or end; Connect would keep them.");
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return QStringLiteral("The name has a control character.");
    }
    if (m_existingNames.contains(name))
        return QStringLiteral("A connector named %1 already exists on this Connect cluster: pick another name, or "
                              "edit that one.")
            .arg(name);
    return {};
}

bool ConnectorEditorDialog::isMasked(const connect::ConfigField& field) const
{
    return field.isPassword() || connect::looksSecret(field.name);
}

QMap<QString, QString> ConnectorEditorDialog::config() const
{
    QMap<QString, QString> c;
    for (auto it = m_values.begin(); it != m_values.end(); ++it) {
        if (!it.value().isEmpty())
            c.insert(it.key(), it.value());
    }
    if (!m_className.isEmpty())
        c.insert(kClass, m_className);
    c.insert(kName, m_ui->nameEdit->text());
    return c;
}

void ConnectorEditorDialog::validateNow()
{
    m_debounce->stop();
    if (m_ui->tabs->currentWidget() == m_ui->jsonTab) {
        QString error;
        if (!takeJson(&error)) {
            say(int(inline_message::Kind::Error), error);
            m_saveAfterValidation = false;
            updateButtons();
            return;
        }
    }
    if (m_className.isEmpty()) {
        m_saveAfterValidation = false;
        return;
    }
    if (m_validating) {
        m_revalidate = true;
        return;
    }
    m_validating = true;
    updateButtons();
    const QMap<QString, QString> sent = config();
    m_client->validate(m_className, sent,
        guarded<connect::Validation>(
            this, [this, sent](const connect::ConnectResult<connect::Validation>& v) { onValidation(sent, v); }));
}

void ConnectorEditorDialog::onValidation(
    const QMap<QString, QString>& sent, const connect::ConnectResult<connect::Validation>& v)
{
    m_validating = false;
    if (m_revalidate) {
        m_revalidate = false;
        validateNow();
        return;
    }
    if (!v.ok()) {
        m_validation.reset();
        m_saveAfterValidation = false;
        say(int(inline_message::Kind::Error), v.error.message);
        updateButtons();
        emit validated();
        return;
    }
    m_validation = *v.value;
    m_validated = sent;
    QStringList topErrors;
    for (const auto& f : m_validation->fields) {
        if (f.name == kClass || f.name == kName) {
            for (const auto& e : f.errors)
                topErrors << QStringLiteral("%1: %2").arg(f.name, e);
            continue;
        }
        if (!m_rows.contains(f.name))
            addRow(f);
        Row& row = m_rows[f.name];
        row.field = f;
        row.error->setText(f.errors.join(QLatin1Char('\n')));
        row.error->setVisible(!f.errors.isEmpty());
        row.container->setVisible(f.visible || !m_values.value(f.name).isEmpty() || !f.errors.isEmpty());
    }
    applyFind(m_ui->findEdit->text());
    const QStringList errors = m_validation->fieldErrors();
    if (m_validation->errorCount == 0)
        say(int(inline_message::Kind::Info),
            m_session->isReadOnly()
                ? QStringLiteral("The worker found no error in this config. ") + m_session->writeRefusal()
                : m_mode == Mode::Create ? QStringLiteral("The worker found no error: ready to create.")
                                         : QStringLiteral("The worker found no error: ready to apply."));
    else
        say(int(inline_message::Kind::Error),
            QStringLiteral("The worker found %1 error(s); each is shown under its setting:\n%2")
                .arg(m_validation->errorCount)
                .arg((topErrors + errors).mid(0, 6).join(QLatin1Char('\n'))));
    updateButtons();
    emit validated();
    if (m_saveAfterValidation) {
        m_saveAfterValidation = false;
        if (!canSave())
            return; // what is wrong is said above; nothing was sent
        m_saving = true;
        updateButtons();
        say(int(inline_message::Kind::Info),
            m_mode == Mode::Create ? QStringLiteral("Creating %1…").arg(sent.value(kName))
                                   : QStringLiteral("Applying the new config of %1…").arg(sent.value(kName)));
        auto done = guarded<connect::ConnectorInfo>(
            this, [this](const connect::ConnectResult<connect::ConnectorInfo>& r) { finishSave(r); });
        if (m_mode == Mode::Create)
            m_client->create(sent.value(kName), sent, done);
        else
            m_client->putConfig(sent.value(kName), sent, done);
    }
}

void ConnectorEditorDialog::addRow(const connect::ConfigField& f)
{
    const QString group = f.group.isEmpty() ? QStringLiteral("Other") : f.group;
    QFormLayout* form = m_groups.value(group);
    if (!form) {
        auto* box = new QGroupBox(group, m_ui->formContainer);
        form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        // The plugin's own settings first: the framework's groups (every connector has them) after them.
        static const QStringList framework { QStringLiteral("Common"), QStringLiteral("Transforms"),
            QStringLiteral("Predicates"), QStringLiteral("Error Handling"), QStringLiteral("Topic Creation"),
            QStringLiteral("Exactly Once Support"), QStringLiteral("offsets.topic") };
        auto* layout = static_cast<QVBoxLayout*>(m_ui->formContainer->layout());
        if (framework.contains(group))
            layout->addWidget(box);
        else
            layout->insertWidget(m_ownGroups++, box);
        m_groups.insert(group, form);
    }
    Row row;
    row.field = f;
    row.label = new QLabel(
        (f.displayName.isEmpty() ? f.name : f.displayName) + (f.required ? QStringLiteral(" *") : QString()));
    row.container = new QWidget;
    auto* v = new QVBoxLayout(row.container);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(1);
    const QString key = f.name;
    const QString placeholder
        = f.defaultValue.isEmpty() ? QString() : QStringLiteral("default: %1").arg(f.defaultValue);
    if (f.type == QLatin1String("BOOLEAN") || !f.recommendedValues.isEmpty()) {
        auto* combo = new QComboBox;
        combo->setEditable(f.type != QLatin1String("BOOLEAN"));
        combo->addItem(
            placeholder.isEmpty() ? QStringLiteral("(not set)") : QStringLiteral("(%1)").arg(placeholder), QString());
        const QStringList values = f.type == QLatin1String("BOOLEAN")
            ? QStringList { QStringLiteral("true"), QStringLiteral("false") }
            : f.recommendedValues;
        for (const auto& value : values)
            combo->addItem(value, value);
        connect(combo, &QComboBox::currentIndexChanged, this,
            [this, key, combo] { edited(key, combo->currentData().toString()); });
        if (combo->isEditable())
            connect(combo, &QComboBox::editTextChanged, this, [this, key, combo](const QString& text) {
                edited(key, text.startsWith(QLatin1Char('(')) && combo->currentIndex() == 0 ? QString() : text);
            });
        row.editor = combo;
    } else {
        auto* edit = new QLineEdit;
        edit->setPlaceholderText(placeholder);
        if (isMasked(f))
            edit->setEchoMode(QLineEdit::Password);
        connect(edit, &QLineEdit::textEdited, this, [this, key](const QString& text) { edited(key, text); });
        row.editor = edit;
    }
    row.editor->setObjectName(QStringLiteral("field:") + key);
    row.editor->setToolTip(
        QStringLiteral("<b>%1</b> (%2%3, importance %4)<br>%5%6")
            .arg(key.toHtmlEscaped(), f.type, f.required ? QStringLiteral(", required") : QString(),
                f.importance.toLower(), f.documentation.toHtmlEscaped(),
                placeholder.isEmpty() ? QString() : QStringLiteral("<br>") + placeholder.toHtmlEscaped()));
    row.label->setToolTip(row.editor->toolTip());
    row.error = new QLabel;
    row.error->setWordWrap(true);
    row.error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    row.error->setVisible(false);
    v->addWidget(row.editor);
    v->addWidget(row.error);
    form->addRow(row.label, row.container);
    m_rows.insert(key, row);
    m_order << key;
    showValue(m_rows[key]);
}

void ConnectorEditorDialog::showValue(Row& row)
{
    const QString value = m_values.value(row.field.name);
    if (auto* edit = qobject_cast<QLineEdit*>(row.editor)) {
        if (edit->text() != value) {
            const QSignalBlocker block(edit);
            edit->setText(value);
        }
    } else if (auto* combo = qobject_cast<QComboBox*>(row.editor)) {
        const QSignalBlocker block(combo);
        const int i = value.isEmpty() ? 0 : combo->findData(value);
        if (i >= 0)
            combo->setCurrentIndex(i);
        else
            combo->setEditText(value);
    }
}

void ConnectorEditorDialog::edited(const QString& key, const QString& value)
{
    if (m_values.value(key) == value)
        return;
    m_values.insert(key, value);
    updateButtons();
    m_debounce->start();
}

void ConnectorEditorDialog::setValue(const QString& key, const QString& value)
{
    edited(key, value);
    if (m_rows.contains(key))
        showValue(m_rows[key]);
    if (m_ui->tabs->currentWidget() == m_ui->jsonTab)
        syncJsonFromValues();
}

QString ConnectorEditorDialog::value(const QString& key) const
{
    return m_values.value(key);
}

QStringList ConnectorEditorDialog::fieldNames() const
{
    return m_order;
}

QString ConnectorEditorDialog::fieldError(const QString& key) const
{
    const auto it = m_rows.find(key);
    return it == m_rows.end() ? QString() : it->field.errors.join(QLatin1Char('\n'));
}

bool ConnectorEditorDialog::fieldIsMasked(const QString& key) const
{
    const auto it = m_rows.find(key);
    if (it == m_rows.end())
        return connect::looksSecret(key);
    auto* edit = qobject_cast<QLineEdit*>(it->editor);
    return edit && edit->echoMode() == QLineEdit::Password;
}

QString ConnectorEditorDialog::groupOf(const QString& key) const
{
    const auto it = m_rows.find(key);
    return it == m_rows.end() ? QString() : it->field.group;
}

void ConnectorEditorDialog::syncJsonFromValues()
{
    QJsonObject o;
    const auto c = config();
    for (auto it = c.begin(); it != c.end(); ++it) {
        const auto row = m_rows.find(it.key());
        const bool masked = row != m_rows.end() ? isMasked(row->field) : connect::looksSecret(it.key());
        o.insert(it.key(), masked ? kMask : it.value());
    }
    const QSignalBlocker block(m_ui->jsonEdit);
    m_ui->jsonEdit->setPlainText(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
}

bool ConnectorEditorDialog::takeJson(QString* error)
{
    const QByteArray text = m_ui->jsonEdit->toPlainText().toUtf8();
    if (text.trimmed().isEmpty())
        return true;
    QJsonParseError parse {};
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = parse.error != QJsonParseError::NoError
            ? QStringLiteral("The JSON is not valid at character %1: %2.").arg(parse.offset).arg(parse.errorString())
            : QStringLiteral("The JSON must be an object of settings, {\"key\": \"value\", ...}.");
        return false;
    }
    QJsonObject o = doc.object();
    // A pasted {"name": ..., "config": {...}} (what GET /connectors/NAME answers) is taken as its config.
    if (o.value(QStringLiteral("config")).isObject()) {
        if (o.value(kName).isString() && m_mode == Mode::Create)
            m_ui->nameEdit->setText(o.value(kName).toString());
        o = o.value(QStringLiteral("config")).toObject();
    }
    QMap<QString, QString> values;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isString() && !it.value().isDouble() && !it.value().isBool()) {
            *error = QStringLiteral("The JSON's \"%1\" is not a string, a number or true/false: Connect's settings are "
                                    "strings.")
                         .arg(it.key());
            return false;
        }
        const QString v = it.value().isString() ? it.value().toString()
            : it.value().isBool() ? (it.value().toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                  : QString::number(it.value().toDouble(), 'g', 17);
        values.insert(it.key(), v == kMask ? m_values.value(it.key()) : v); // a masked secret keeps its value
    }
    const QString className = values.take(kClass);
    if (values.contains(kName)) {
        const QString name = values.take(kName);
        if (m_mode == Mode::Create)
            m_ui->nameEdit->setText(name);
    }
    if (!className.isEmpty() && className != m_className) {
        if (m_mode == Mode::Edit) {
            *error = QStringLiteral("An existing connector keeps its plugin (%1); create a new connector for %2.")
                         .arg(m_className, className);
            return false;
        }
        if (!setPlugin(className)) {
            *error = QStringLiteral("This Connect cluster has no plugin %1 installed.").arg(className);
            return false;
        }
    }
    m_values = values;
    for (auto& row : m_rows)
        showValue(row);
    updateButtons();
    return true;
}

void ConnectorEditorDialog::setJson(const QString& json)
{
    m_ui->tabs->setCurrentWidget(m_ui->jsonTab);
    m_ui->jsonEdit->setPlainText(json);
}

QString ConnectorEditorDialog::json() const
{
    const_cast<ConnectorEditorDialog*>(this)->syncJsonFromValues();
    return m_ui->jsonEdit->toPlainText();
}

void ConnectorEditorDialog::applyFind(const QString& text)
{
    const QString find = text.trimmed();
    for (auto it = m_groups.begin(); it != m_groups.end(); ++it) {
        bool any = false;
        QFormLayout* form = it.value();
        for (auto& row : m_rows) {
            if (form->indexOf(row.container) < 0)
                continue;
            const bool shown
                = (row.field.visible || !m_values.value(row.field.name).isEmpty() || !row.field.errors.isEmpty())
                && (find.isEmpty() || row.field.name.contains(find, Qt::CaseInsensitive)
                    || row.field.displayName.contains(find, Qt::CaseInsensitive)
                    || row.field.documentation.contains(find, Qt::CaseInsensitive));
            form->setRowVisible(row.container, shown);
            any = any || shown;
        }
        form->parentWidget()->setVisible(any);
    }
}

bool ConnectorEditorDialog::canSave() const
{
    return !m_saving && !m_validating && !m_session->isReadOnly() && m_validation && m_validation->errorCount == 0
        && m_validated == config() && nameProblem().isEmpty() && !m_className.isEmpty();
}

void ConnectorEditorDialog::updateButtons()
{
    const QString problem = nameProblem();
    const bool ready = !m_saving && !m_session->isReadOnly() && problem.isEmpty() && !m_className.isEmpty();
    m_saveButton->setEnabled(ready);
    m_saveButton->setToolTip(m_session->isReadOnly() ? m_session->writeRefusal()
            : !problem.isEmpty()                     ? problem
            : m_className.isEmpty()                  ? QStringLiteral("Pick a plugin first")
                                    : QStringLiteral("Validate once more, then send it if the worker finds no error"));
    m_validateButton->setEnabled(!m_className.isEmpty() && !m_saving);
    if (!problem.isEmpty() && m_ui->nameEdit->isModified())
        say(int(inline_message::Kind::Error), problem);
}

void ConnectorEditorDialog::save()
{
    if (m_session->isReadOnly()) {
        say(int(inline_message::Kind::Error), m_session->writeRefusal());
        return;
    }
    if (const QString problem = nameProblem(); !problem.isEmpty()) {
        say(int(inline_message::Kind::Error), problem);
        return;
    }
    if (m_saving || m_className.isEmpty())
        return;
    // Validated once more, on exactly what is sent; sent only when the worker finds no error.
    m_saveAfterValidation = true;
    validateNow();
}

void ConnectorEditorDialog::finishSave(const connect::ConnectResult<connect::ConnectorInfo>& r)
{
    m_saving = false;
    updateButtons();
    if (!r.ok()) {
        say(int(inline_message::Kind::Error), r.error.message);
        return;
    }
    emit saved(r.value->name.isEmpty() ? m_ui->nameEdit->text() : r.value->name);
    accept();
}

QString ConnectorEditorDialog::message() const
{
    return m_ui->statusLabel->isVisibleTo(this) ? m_ui->statusLabel->text() : QString();
}

void ConnectorEditorDialog::say(int kind, const QString& text)
{
    inline_message::show(m_ui->statusLabel, inline_message::Kind(kind), text);
}

} // namespace kafscope
