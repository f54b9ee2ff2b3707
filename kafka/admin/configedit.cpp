#include "kafka/admin/configedit.h"

#include <QLocale>
#include <QStringList>
#include <cmath>
#include <limits>

namespace kafscope::admin {

ConfigSource ownSource(ConfigResourceType type, const QString& name)
{
    switch (type) {
    case ConfigResourceType::Topic:
        return ConfigSource::DynamicTopic;
    case ConfigResourceType::Broker:
        return name.isEmpty() ? ConfigSource::DynamicDefaultBroker : ConfigSource::DynamicBroker;
    case ConfigResourceType::BrokerLogger:
        return ConfigSource::DynamicBrokerLogger;
    default:
        return ConfigSource::Unknown;
    }
}

bool canReset(const ConfigEntry& entry, ConfigSource own)
{
    return !entry.readOnly && own != ConfigSource::Unknown && entry.source == own;
}

std::optional<ConfigSynonym> valueAfterReset(const ConfigEntry& entry, ConfigSource own)
{
    for (const auto& synonym : entry.synonyms) {
        if (synonym.source != own)
            return synonym;
    }
    return std::nullopt;
}

QString checkConfigValue(const ConfigEntry& entry, const QString& value)
{
    const QString v = value.trimmed();
    auto integer = [&](qint64 min, qint64 max, const char* typeName) -> QString {
        bool ok = false;
        const qint64 n = v.toLongLong(&ok);
        if (!ok)
            return QStringLiteral("%1 takes a whole number (%2), not \"%3\".")
                .arg(entry.name, QLatin1String(typeName), value);
        if (n < min || n > max)
            return QStringLiteral("%1 is a %2: %3 is outside %4 … %5.")
                .arg(entry.name, QLatin1String(typeName))
                .arg(n)
                .arg(min)
                .arg(max);
        return {};
    };
    switch (entry.configType) {
    case 1: // BOOLEAN
        if (v.compare(QLatin1String("true"), Qt::CaseInsensitive) != 0
            && v.compare(QLatin1String("false"), Qt::CaseInsensitive) != 0)
            return QStringLiteral("%1 takes true or false, not \"%2\".").arg(entry.name, value);
        return {};
    case 3: // INT
        return integer(std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max(), "32-bit int");
    case 4: // SHORT
        return integer(std::numeric_limits<int16_t>::min(), std::numeric_limits<int16_t>::max(), "16-bit short");
    case 5: // LONG
        return integer(std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max(), "64-bit long");
    case 6: { // DOUBLE
        bool ok = false;
        const double d = v.toDouble(&ok);
        if (!ok || !std::isfinite(d))
            return QStringLiteral("%1 takes a number such as 0.5, not \"%2\".").arg(entry.name, value);
        return {};
    }
    default:
        return {};
    }
}

QString formatDurationMs(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    struct Unit
    {
        qint64 ms;
        const char* one;
        const char* many;
    };
    static const Unit units[] = {
        { 86400000, "day", "days" },
        { 3600000, "h", "h" },
        { 60000, "min", "min" },
        { 1000, "s", "s" },
    };
    QStringList parts;
    qint64 rest = ms;
    for (const auto& unit : units) {
        if (parts.size() == 2)
            break;
        const qint64 n = rest / unit.ms;
        if (n > 0 || !parts.isEmpty()) {
            if (n > 0)
                parts.append(QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? unit.one : unit.many)));
            else
                parts.append(QString()); // a zero unit between two others still counts as one of the two
            rest -= n * unit.ms;
        }
    }
    parts.removeAll(QString());
    return parts.join(QLatin1Char(' '));
}

QString formatBytes(qint64 bytes)
{
    static const char* const units[] = { "bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
    if (bytes < 1024)
        return QStringLiteral("%1 %2").arg(bytes).arg(QLatin1String(bytes == 1 ? "byte" : "bytes"));
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024 && unit < 6) {
        value /= 1024;
        ++unit;
    }
    return QStringLiteral("%1 %2").arg(QLocale::c().toString(value, 'g', 3), QLatin1String(units[unit]));
}

QString describeConfigValue(const QString& name, const QString& value)
{
    bool ok = false;
    const qint64 n = value.trimmed().toLongLong(&ok);
    if (!ok)
        return {};
    qint64 unitMs = 1;
    if (name.endsWith(QLatin1String(".hours")))
        unitMs = 3600000;
    else if (name.endsWith(QLatin1String(".minutes")))
        unitMs = 60000;
    const bool duration = unitMs > 1 || name.endsWith(QLatin1String(".ms"));
    const bool size = name.endsWith(QLatin1String(".bytes")) || name.endsWith(QLatin1String(".bytes.per.second"));
    if (!duration && !size)
        return {};
    if (n < 0) {
        if (name == QLatin1String("retention.ms") || name.startsWith(QLatin1String("log.retention.")))
            return QStringLiteral("forever: records are never deleted for their age");
        if (name == QLatin1String("retention.bytes") || name == QLatin1String("log.retention.bytes"))
            return QStringLiteral("unlimited: partitions are never trimmed for their size");
        return n == -1 ? QStringLiteral("no limit") : QString();
    }
    if (duration)
        return n > std::numeric_limits<qint64>::max() / unitMs ? QString() : formatDurationMs(n * unitMs);
    QString text = formatBytes(n);
    if (name.endsWith(QLatin1String(".per.second")))
        text += QStringLiteral("/s");
    return n < 1024 ? QString() : text;
}

} // namespace kafscope::admin
