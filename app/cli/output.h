#pragma once
// Human tables and the documented JSON shapes of kafscope-cli. The JSON field names are a stable interface:
// scripts depend on them (see README "kafscope-cli").
#include "kafka/types.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace kafscope::cli {

// Column-aligned text table; numbers are right-aligned when the column is marked numeric.
QString formatTable(const QStringList& headers, const QList<QStringList>& rows, const QList<bool>& numeric = {});

QJsonArray brokersJson(const ClusterMetadata& metadata);
QString brokersTable(const ClusterMetadata& metadata);

// [{name, partitions, replication_factor, internal}]
QJsonArray topicsJson(const ClusterMetadata& metadata);
QString topicsTable(const ClusterMetadata& metadata);

// {name, partitions: [{partition, leader, replicas, isr, offline, earliest, latest}]}
QJsonObject describeJson(const TopicInfo& topic);
QString describeTable(const TopicInfo& topic);

// [{name, value, source, default, read_only, sensitive, synonyms: [{name, value, source}]}]
QJsonArray configsJson(const ConfigResourceResult& result);
QString configsTable(const ConfigResourceResult& result);

} // namespace kafscope::cli
