#pragma once
// Extra librdkafka properties a connection gives its consumers and producers (the data plane), e.g.
// fetch.max.bytes=1048576 or client.rack=eu-1a: parsed from "key=value" lines and checked against librdkafka itself
// (an unknown property or a bad value is named before anything connects). What the connection's other fields own is
// refused with where to set it instead: bootstrap.servers, security.protocol, sasl.* and ssl.* (the security
// fields; a secret typed here would end up in the settings file), and what KafScope sets per consumer (group.id,
// enable.auto.commit).
#include <QMap>
#include <QString>
#include <QStringList>

namespace kafscope {

struct DataPlaneProperties
{
    QMap<QString, QString> properties;
    QStringList problems; // one sentence each, with its line number
    bool ok() const { return problems.isEmpty(); }
};

DataPlaneProperties parseDataPlaneProperties(const QString& text);
// The properties as "key=value" lines, sorted by key (what parseDataPlaneProperties reads back).
QString formatDataPlaneProperties(const QMap<QString, QString>& properties);
// Why librdkafka or KafScope refuses `key` = `value`, or empty.
QString dataPlanePropertyProblem(const QString& key, const QString& value);

} // namespace kafscope
