#pragma once
// Configs editor for a topic, a broker or the cluster-wide broker defaults: every config with value, default,
// source and flags, its documentation beside it. Changes are lined up first (typed values checked against the
// config's type), listed in words, checked by the cluster (validate-only), then sent with IncrementalAlterConfigs,
// which changes only the named configs. The broker's answer is shown with its Kafka error name.
#include "kafka/types.h"

#include <QDialog>
#include <memory>

class QPushButton;
class QSortFilterProxyModel;
namespace Ui {
class ConfigEditorDialog;
}

namespace kafscope {

class Cluster;
class ConfigEditModel;

class ConfigEditorDialog : public QDialog
{
    Q_OBJECT
public:
    // `name`: the topic, the broker id as text, or "" with Broker for the cluster-wide broker defaults.
    ConfigEditorDialog(Cluster* cluster, ConfigResourceType type, const QString& name, QWidget* parent = nullptr);
    ~ConfigEditorDialog() override;

    ConfigEditModel* model() const { return m_model; }
    bool isLoaded() const { return m_loaded; }
    bool canApply() const;
    QString message() const;
    QString changesText() const;
    void selectConfig(const QString& name);
    QString selectedConfig() const;
    // As if typed into the value field and Set pressed; returns the refusal or "".
    QString lineUpValue(const QString& name, const QString& value);
    QString lineUpReset(const QString& name);

public slots:
    void apply();

signals:
    void configsChanged(kafscope::ConfigResourceType type, const QString& name);

private:
    void onConfigs(const ConfigResourceResult& result);
    void onSelection();
    void updateButtons();
    void updateChanges();
    void showMessage(const QString& text, bool error);
    void send(bool validateOnly);
    QString what() const;

    std::unique_ptr<Ui::ConfigEditorDialog> m_ui;
    Cluster* m_cluster;
    ConfigResourceType m_type;
    QString m_name;
    ConfigEditModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QPushButton* m_applyButton;
    QString m_refusal;
    bool m_loaded = false;
    bool m_busy = false;
};

} // namespace kafscope
