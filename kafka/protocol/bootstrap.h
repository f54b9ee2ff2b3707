#pragma once
// Parsing and validation of bootstrap lists: "host:port[,host:port...]", IPv6 as "[::1]:9092".
#include <QList>
#include <QString>

namespace kafscope {

struct BrokerAddress
{
    QString host;
    quint16 port = 0;
    QString toString() const;
    friend bool operator==(const BrokerAddress&, const BrokerAddress&) = default;
};

struct BootstrapParse
{
    QList<BrokerAddress> addresses;
    QString error; // empty when valid; otherwise a sentence naming the bad entry
    bool ok() const { return error.isEmpty() && !addresses.isEmpty(); }
};

BootstrapParse parseBootstrap(const QString& text);
QString formatBootstrap(const QList<BrokerAddress>& addresses);

} // namespace kafscope
