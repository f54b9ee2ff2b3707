#pragma once
// The rules of changing a config with IncrementalAlterConfigs, shared by the configs editor and the CLI: which source
// a change lands in (and so which values a delete can take back), what the value becomes after a delete, whether a
// typed value fits the config's type (checked before anything is sent), and what a value means in words.
#include "kafka/types.h"

#include <QString>
#include <optional>

namespace kafscope::admin {

// Where a value set on this resource is recorded: DYNAMIC_TOPIC_CONFIG for a topic, DYNAMIC_BROKER_CONFIG for one
// broker, DYNAMIC_DEFAULT_BROKER_CONFIG for the cluster-wide broker defaults (broker name "").
ConfigSource ownSource(ConfigResourceType type, const QString& name);

// A delete takes back only a value set on this very resource; anything else is already the inherited value.
bool canReset(const ConfigEntry& entry, ConfigSource own);

// The value in force once this resource's own value is deleted: the next synonym in precedence order, if the broker
// sent synonyms. nullopt when unknown.
std::optional<ConfigSynonym> valueAfterReset(const ConfigEntry& entry, ConfigSource own);

// Why `value` cannot be a value of this config (its ConfigType from DescribeConfigs v3+: boolean, short, int, long,
// double), or empty when it can. Strings, lists, classes and passwords are left to the broker's validate-only check.
QString checkConfigValue(const ConfigEntry& entry, const QString& value);

// A value in words where its unit is known from the name: "604800000" of retention.ms -> "7 days", "-1" of
// retention.bytes -> "unlimited", "1073741824" of segment.bytes -> "1 GiB". Empty when there is nothing to add.
QString describeConfigValue(const QString& name, const QString& value);

// 90061000 -> "1 day 1 h 1 min 1 s"; at most the two largest units ("1 day 1 h"), milliseconds below a second.
QString formatDurationMs(qint64 ms);
// 1536 -> "1.5 KiB" (binary units, three significant digits).
QString formatBytes(qint64 bytes);

} // namespace kafscope::admin
