#include "kafka/protocol/bootstrap.h"

#include <QRegularExpression>

namespace kafscope {

QString BrokerAddress::toString() const
{
    const QString h = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return h + QLatin1Char(':') + QString::number(port);
}

static QString parseOne(const QString& entry, BrokerAddress* out)
{
    QString host;
    QString portText;
    if (entry.startsWith(QLatin1Char('['))) {
        const auto close = entry.indexOf(QLatin1Char(']'));
        if (close < 0 || close + 1 >= entry.size() || entry.at(close + 1) != QLatin1Char(':'))
            return QStringLiteral("\"%1\" is not [IPv6]:port").arg(entry);
        host = entry.mid(1, close - 1);
        portText = entry.mid(close + 2);
    } else {
        const auto colon = entry.lastIndexOf(QLatin1Char(':'));
        if (colon < 0)
            return QStringLiteral("\"%1\" has no port (expected host:port, e.g. 127.0.0.1:9092)").arg(entry);
        host = entry.left(colon);
        portText = entry.mid(colon + 1);
        if (host.contains(QLatin1Char(':')))
            return QStringLiteral("\"%1\": write IPv6 addresses in brackets, e.g. [::1]:9092").arg(entry);
    }
    static const QRegularExpression hostRe(QStringLiteral("^[A-Za-z0-9._-]+$|^[0-9A-Fa-f:.]+$"));
    if (host.isEmpty() || !hostRe.match(host).hasMatch())
        return QStringLiteral("\"%1\" has an invalid host name").arg(entry);
    bool ok = false;
    const int port = portText.toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return QStringLiteral("\"%1\" has an invalid port (1-65535)").arg(entry);
    out->host = host;
    out->port = quint16(port);
    return {};
}

BootstrapParse parseBootstrap(const QString& text)
{
    BootstrapParse result;
    const auto trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        result.error = QStringLiteral("Enter at least one bootstrap server as host:port.");
        return result;
    }
    const auto entries = trimmed.split(QLatin1Char(','));
    for (const auto& raw : entries) {
        const auto entry = raw.trimmed();
        if (entry.isEmpty()) {
            result.error = QStringLiteral("Empty entry in the bootstrap list (two commas in a row?).");
            result.addresses.clear();
            return result;
        }
        BrokerAddress address;
        if (auto error = parseOne(entry, &address); !error.isEmpty()) {
            result.error = error;
            result.addresses.clear();
            return result;
        }
        if (!result.addresses.contains(address))
            result.addresses.append(address);
    }
    return result;
}

QString formatBootstrap(const QList<BrokerAddress>& addresses)
{
    QStringList parts;
    for (const auto& a : addresses)
        parts.append(a.toString());
    return parts.join(QLatin1Char(','));
}

} // namespace kafscope
