#pragma once
// Imports a client configuration file, as Kafka's tools take one with --command-config: a Java client.properties
// (bootstrap.servers, security.protocol, sasl.mechanism, sasl.jaas.config of the Plain, Scram and OAuthBearer login
// modules, PEM trust and key stores) or a librdkafka / kcat file (security.protocol, sasl.mechanisms, sasl.username,
// ssl.ca.location, ...). What cannot be imported (a JKS or PKCS12 store, GSSAPI, an inline PEM) is named in
// `notImported`, never dropped silently; librdkafka properties that are not about security are kept for the data
// plane.
#include "kafka/protocol/security.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace kafscope::profiles {

struct ImportedConfig
{
    QString bootstrap; // empty when the file has none
    SecurityConfig security;
    QMap<QString, QString> dataPlane; // other librdkafka properties of a librdkafka file
    QStringList notImported; // "ssl.truststore.location: a JKS trust store; convert it to PEM (keytool ...)"
    QStringList ignored; // Java client settings with no meaning here (client.id, acks, ...), named for the record
    QString error; // the file could not be read at all
    bool ok() const { return error.isEmpty(); }
};

// `text` is the file's content; relative paths in it are taken from `baseDir` (the file's folder).
ImportedConfig importClientConfig(const QString& text, const QString& baseDir = {});
ImportedConfig importClientConfigFile(const QString& path);

// The options of a JAAS line "org...PlainLoginModule required username="alice" password="...";": the module's
// class, then its options. Empty class when the line does not parse.
struct JaasConfig
{
    QString loginModule;
    QMap<QString, QString> options;
};
JaasConfig parseJaasConfig(const QString& line);

// Java .properties: key=value or key: value lines, # and ! comments, backslash continuations and escapes.
QMap<QString, QString> parseProperties(const QString& text);

} // namespace kafscope::profiles
