#pragma once
// Saved connections, managed: rename, label, read-only, order, delete, forget secrets. Each row says whether the
// system keychain holds its secrets (read without waiting: filled in as the keychain answers). Save checks the
// names (unique: `--profile NAME` must find one) and writes the list; a renamed connection's secrets move to its new
// keychain key, a deleted one's are deleted. Cancel changes nothing, in the settings or the keychain.
#include "ui/settings.h"

#include <QDialog>
#include <QHash>
#include <memory>

namespace Ui {
class ConnectionsDialog;
}

namespace kafscope {

class ConnectionsDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { Name, Bootstrap, Security, Label, ReadOnly, Secrets, ColumnCount };

    explicit ConnectionsDialog(Settings* settings, QWidget* parent = nullptr);
    ~ConnectionsDialog() override;

    // The list as edited (what Save writes).
    QList<RecentConnection> editedConnections() const;
    // Why Save is refused (duplicate names), or empty.
    QString problem() const;

    void accept() override;

private:
    void fill();
    void validate();
    void move(int delta);
    void deleteSelected();
    void forgetSelected();
    int selectedRow() const;

    std::unique_ptr<Ui::ConnectionsDialog> m_ui;
    Settings* m_settings;
    QList<RecentConnection> m_connections; // in table order
    QStringList m_originalKeys; // the keychain key each row had when the dialog opened
    QStringList m_forget; // keys whose secrets are forgotten on Save
    QHash<QString, QString> m_secretState; // key -> where its secrets are, as the store answered
};

} // namespace kafscope
