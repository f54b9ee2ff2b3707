#pragma once
// Create a Kafka Connect connector, or edit a running one's config: pick an installed plugin (/connector-plugins),
// fill a form generated from the plugin's own config definitions (the worker's validate endpoint gives their groups,
// types, defaults, docs and, for the values given, each field's errors: shown inline under the field, before anything
// is created), or paste JSON. Validation runs as you type (debounced) and once more before sending; Create / Apply
// is enabled only when the worker found no error in exactly the config that would be sent. PASSWORD-typed settings
// (and names that look secret) are masked in the form and the JSON. Read-only connections validate but never send.
#include "kafka/connect/connectclient.h"

#include <QDialog>
#include <QHash>
#include <memory>

class QFormLayout;
class QLabel;
class QPushButton;
class QTimer;
class QWidget;
namespace Ui {
class ConnectorEditorDialog;
}

namespace kafscope {

class Cluster;

class ConnectorEditorDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { Create, Edit };
    // Create: `existingNames` are refused as names. Edit: `connector` is the one edited (its config as it runs).
    ConnectorEditorDialog(connect::ConnectClient* client, const Cluster* session, Mode mode,
        const connect::ConnectorInfo& connector = {}, const QStringList& existingNames = {}, QWidget* parent = nullptr);
    ~ConnectorEditorDialog() override;

    Mode mode() const { return m_mode; }
    void setName(const QString& name);
    // Picks the plugin (class name, or its short name) once the worker listed them; false when it has none such.
    bool setPlugin(const QString& className);
    QStringList plugins() const;
    // A setting as the form has it; setting one triggers the (debounced) validation like a keystroke would.
    void setValue(const QString& key, const QString& value);
    QString value(const QString& key) const;
    QStringList fieldNames() const; // the form's fields, in their groups' order
    QString fieldError(const QString& key) const; // what the worker said of it; empty when nothing
    bool fieldIsMasked(const QString& key) const;
    QString groupOf(const QString& key) const;
    void setJson(const QString& json); // as if pasted into the JSON tab
    QString json() const;
    // The config that would be sent (empty values left out, connector.class and name included).
    QMap<QString, QString> config() const;
    void validateNow();
    bool isValidating() const { return m_validating; }
    bool canSave() const;
    QString message() const;

public slots:
    // Validates the config once more, then creates the connector or puts its new config; answered in the message.
    void save();

signals:
    void validated();
    void saved(const QString& name);

private:
    struct Row
    {
        QWidget* container = nullptr;
        QLabel* label = nullptr;
        QWidget* editor = nullptr;
        QLabel* error = nullptr;
        connect::ConfigField field;
    };
    void onPlugins(const connect::ConnectResult<QList<connect::PluginInfo>>& plugins);
    void pluginChosen();
    void onValidation(const QMap<QString, QString>& sent, const connect::ConnectResult<connect::Validation>& v);
    void addRow(const connect::ConfigField& field);
    void showValue(Row& row);
    void edited(const QString& key, const QString& value);
    void syncJsonFromValues();
    bool takeJson(QString* error); // the JSON tab into the values
    void applyFind(const QString& text);
    void updateButtons();
    void say(int kind, const QString& text);
    bool isMasked(const connect::ConfigField& field) const;
    QString nameProblem() const;
    void finishSave(const connect::ConnectResult<connect::ConnectorInfo>& result);

    std::unique_ptr<Ui::ConnectorEditorDialog> m_ui;
    connect::ConnectClient* m_client;
    const Cluster* m_session;
    Mode m_mode;
    QStringList m_existingNames;
    QString m_className;
    QMap<QString, QString> m_values; // the config as edited (without name and connector.class)
    QHash<QString, Row> m_rows;
    QStringList m_order; // field names in the form's order
    QHash<QString, QFormLayout*> m_groups;
    int m_ownGroups = 0; // the plugin's own groups, shown before the framework's
    QTimer* m_debounce;
    bool m_validating = false;
    bool m_revalidate = false; // an edit arrived while a validation was out
    std::optional<connect::Validation> m_validation;
    QMap<QString, QString> m_validated; // the config m_validation is of
    bool m_saving = false;
    bool m_saveAfterValidation = false;
    QPushButton* m_validateButton;
    QPushButton* m_saveButton;
    QList<connect::PluginInfo> m_plugins;
};

} // namespace kafscope
