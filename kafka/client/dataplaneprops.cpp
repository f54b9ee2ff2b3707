#include "kafka/client/dataplaneprops.h"

#include <librdkafka/rdkafka.h>
#include <memory>

namespace kafscope {

QString dataPlanePropertyProblem(const QString& key, const QString& value)
{
    if (key == QLatin1String("bootstrap.servers") || key == QLatin1String("metadata.broker.list"))
        return QStringLiteral("%1 is the connection's bootstrap servers field").arg(key);
    if (key == QLatin1String("security.protocol") || key.startsWith(QLatin1String("sasl."))
        || key.startsWith(QLatin1String("ssl.")) || key == QLatin1String("enable.ssl.certificate.verification"))
        return QStringLiteral("%1 belongs in the Security fields (both planes use them, and secrets are kept in the "
                              "system keychain, not here)")
            .arg(key);
    if (key == QLatin1String("group.id") || key == QLatin1String("enable.auto.commit"))
        return QStringLiteral("%1 is set by KafScope for each consumer (the live tail never commits)").arg(key);
    std::unique_ptr<rd_kafka_conf_t, decltype(&rd_kafka_conf_destroy)> conf(rd_kafka_conf_new(), rd_kafka_conf_destroy);
    char errstr[512] = {};
    if (rd_kafka_conf_set(conf.get(), key.toUtf8().constData(), value.toUtf8().constData(), errstr, sizeof errstr)
        != RD_KAFKA_CONF_OK)
        return QStringLiteral("librdkafka %1 refuses %2=%3: %4")
            .arg(QString::fromUtf8(rd_kafka_version_str()), key, value, QString::fromUtf8(errstr));
    return {};
}

DataPlaneProperties parseDataPlaneProperties(const QString& text)
{
    DataPlaneProperties out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const auto where = QStringLiteral("Line %1: ").arg(i + 1);
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            out.problems << where + QStringLiteral("\"%1\" is not key=value").arg(line.left(60));
            continue;
        }
        const QString key = line.left(eq).trimmed();
        const QString value = line.mid(eq + 1).trimmed();
        if (out.properties.contains(key)) {
            out.problems << where + QStringLiteral("%1 is set twice").arg(key);
            continue;
        }
        if (const QString problem = dataPlanePropertyProblem(key, value); !problem.isEmpty()) {
            out.problems << where + problem + QLatin1Char('.');
            continue;
        }
        out.properties.insert(key, value);
    }
    return out;
}

QString formatDataPlaneProperties(const QMap<QString, QString>& properties)
{
    QStringList lines;
    for (auto it = properties.begin(); it != properties.end(); ++it)
        lines << it.key() + QLatin1Char('=') + it.value();
    return lines.join(QLatin1Char('\n'));
}

} // namespace kafscope
