#pragma once
// The Connect page's models: the Connect clusters of the connection (one worker URL each: version, Kafka cluster id,
// workers seen, or why it does not answer), the connectors of all of them (type, state, tasks, worker), and the
// tasks of one connector with their traces. Refreshes update rows in place, insert and remove by name, so a
// selection survives them.
#include "kafka/connect/connectclient.h"
#include "models/columns.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <optional>

namespace kafscope {

struct ConnectClusterRow
{
    QString url; // displayUrl() of the worker asked
    std::optional<connect::WorkerInfo> info;
    QString error; // the last answer's error in words; empty when it answered
    QStringList workers; // the workers the connectors' statuses name
    int connectors = -1; // -1: not listed yet
    QString note; // e.g. the Connect cluster writes to another Kafka cluster than the one connected
    bool operator==(const ConnectClusterRow&) const = default;
};

class ConnectClusterModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        UrlColumn,
        StatusColumn,
        VersionColumn,
        KafkaClusterColumn,
        WorkersColumn,
        ConnectorsColumn,
        ColumnCount
    };

    explicit ConnectClusterModel(QObject* parent = nullptr);

    // One row per worker URL, in this order; rows of URLs no longer given go.
    void setUrls(const QStringList& urls);
    // Updates the row of `row.url` (ignored when that URL is not listed).
    void setRow(const ConnectClusterRow& row);
    const ConnectClusterRow* row(int row) const;
    int rowOf(const QString& url) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ConnectClusterRow> m_rows;
};

struct ConnectorRow
{
    QString cluster; // the worker URL it was listed from
    connect::ConnectorInfo info;
    bool stale = false; // the worker did not answer the last refresh: this is the last state it gave
    bool operator==(const ConnectorRow&) const = default;
};

class ConnectorModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        TypeColumn,
        StateColumn,
        TasksColumn,
        WorkerColumn,
        ClassColumn,
        ClusterColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, // raw value
        NameRole, // QString, any column
        ClusterRole, // QString, any column
        StateRole, // QString (RUNNING, FAILED, ...), any column
        FilterRole, // name, class, type, state and topics-free text a search matches, any column
    };

    explicit ConnectorModel(QObject* parent = nullptr);

    // The connectors `cluster` lists now, replacing its earlier ones (sorted by name; rows of others untouched).
    void setConnectors(const QString& cluster, const QList<connect::ConnectorInfo>& connectors);
    // The worker did not answer: its rows stay, marked as the last known state (false: answered again).
    void setStale(const QString& cluster, bool stale);
    // Drops every row not listed from one of `clusters`.
    void keepClusters(const QStringList& clusters);
    void clear();

    const ConnectorRow* row(int row) const;
    int rowOf(const QString& cluster, const QString& name) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString tasksText(const connect::ConnectorInfo& info);
    static QColor stateColor(const QString& state);

private:
    // Makes the rows `next` (sorted by cluster, name): removes, inserts and updates in place.
    void merge(QList<ConnectorRow> next);
    QList<ConnectorRow> m_rows;
};

class ConnectTaskModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, StateColumn, WorkerColumn, ErrorColumn, ColumnCount };
    enum Role { TraceRole = Qt::UserRole }; // QString: the full trace, any column

    explicit ConnectTaskModel(QObject* parent = nullptr);

    // The connector's own status first (id shown as "connector"), then its tasks.
    void setConnector(const std::optional<connect::ConnectorInfo>& connector);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // -1: the connector itself; else the task id of the row.
    int taskId(int row) const;

private:
    struct Row
    {
        int id = -1;
        QString state;
        QString worker;
        QString trace;
        bool operator==(const Row&) const = default;
    };
    QList<Row> m_rows;
};

} // namespace kafscope
