// DescribeConfigs (key 32): DescribeConfigsRequest.json / DescribeConfigsResponse.json, v1-v4, flexible from v4.
#include "kafka/protocol/messages.h"
#include "kafka/protocol/wire.h"

namespace kafscope::protocol {

namespace {
constexpr ApiKey key = ApiKey::DescribeConfigs;

ConfigSource toConfigSource(int8_t value)
{
    // Sources a newer broker may add are shown as unknown.
    return value >= 0 && value <= int8_t(ConfigSource::Group) ? ConfigSource(value) : ConfigSource::Unknown;
}

ConfigResourceType toResourceType(int8_t value)
{
    switch (ConfigResourceType(value)) {
    case ConfigResourceType::Topic:
    case ConfigResourceType::Broker:
    case ConfigResourceType::BrokerLogger:
    case ConfigResourceType::ClientMetrics:
    case ConfigResourceType::Group:
        return ConfigResourceType(value);
    case ConfigResourceType::Unknown:
        break;
    }
    return ConfigResourceType::Unknown;
}
} // namespace

QByteArray encodeDescribeConfigsRequest(const DescribeConfigsRequest& request, int16_t version, QString* error)
{
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.arrayLength(request.resources.size());
    for (const DescribeConfigsResource& res : request.resources) {
        w.int8(int8_t(res.type));
        w.string(res.name);
        if (!res.configNames) {
            w.nullArray(); // all configs
        } else {
            w.arrayLength(res.configNames->size());
            for (const QString& name : *res.configNames)
                w.string(name);
        }
        w.taggedFields();
    }
    w.boolean(request.includeSynonyms); // v1+
    if (version >= 3)
        w.boolean(request.includeDocumentation);
    w.taggedFields();
    return w.take(error);
}

Decoded<QList<ConfigResourceResult>> decodeDescribeConfigsResponse(QByteArrayView body, int16_t version)
{
    using Result = Decoded<QList<ConfigResourceResult>>;
    if (!supportedVersions(key).contains(version))
        return Result::failure(QStringLiteral("DescribeConfigs v%1 is not supported").arg(version));
    Reader r(body, isFlexible(key, version), QStringLiteral("DescribeConfigs v%1 response").arg(version));
    QList<ConfigResourceResult> results;
    r.int32("throttleTimeMs");
    r.array("results", [&] {
        ConfigResourceResult res;
        res.errorCode = r.int16("errorCode");
        res.errorMessage = r.nullableString("errorMessage").value_or(QString());
        res.type = toResourceType(r.int8("resourceType"));
        res.name = r.string("resourceName");
        r.array("configs", [&] {
            ConfigEntry e;
            e.name = r.string("name");
            const std::optional<QString> value = r.nullableString("value");
            e.value = value.value_or(QString());
            e.valueIsNull = !value;
            e.readOnly = r.boolean("readOnly");
            // v0's isDefault is gone from v1: the source says it.
            e.source = toConfigSource(r.int8("configSource"));
            e.isDefault = e.source == ConfigSource::Default;
            e.isSensitive = r.boolean("isSensitive");
            r.array("synonyms", [&] {
                ConfigSynonym s;
                s.name = r.string("name");
                const std::optional<QString> synonymValue = r.nullableString("value");
                s.value = synonymValue.value_or(QString());
                s.valueIsNull = !synonymValue;
                s.source = toConfigSource(r.int8("source"));
                r.taggedFields();
                e.synonyms.append(s);
            });
            if (version >= 3) {
                e.configType = r.int8("configType");
                e.documentation = r.nullableString("documentation").value_or(QString());
            }
            r.taggedFields();
            res.entries.append(e);
        });
        r.taggedFields();
        results.append(res);
    });
    r.taggedFields();
    r.finish();
    if (!r.ok())
        return Result::failure(r.error());
    return results;
}

QByteArray encodeDescribeConfigsResponse(const QList<ConfigResourceResult>& results, int16_t version, QString* error)
{
    if (!supportedVersions(key).contains(version))
        return refuseVersion(key, version, error);
    Writer w(isFlexible(key, version));
    w.int32(0); // throttleTimeMs
    w.arrayLength(results.size());
    for (const ConfigResourceResult& res : results) {
        w.int16(res.errorCode);
        w.nullableString(res.errorMessage, res.errorMessage.isEmpty());
        w.int8(int8_t(res.type));
        w.string(res.name);
        w.arrayLength(res.entries.size());
        for (const ConfigEntry& e : res.entries) {
            w.string(e.name);
            w.nullableString(e.value, e.valueIsNull);
            w.boolean(e.readOnly);
            w.int8(int8_t(e.source));
            w.boolean(e.isSensitive);
            w.arrayLength(e.synonyms.size());
            for (const ConfigSynonym& s : e.synonyms) {
                w.string(s.name);
                w.nullableString(s.value, s.valueIsNull);
                w.int8(int8_t(s.source));
                w.taggedFields();
            }
            if (version >= 3) {
                w.int8(e.configType);
                w.nullableString(e.documentation, e.documentation.isEmpty());
            }
            w.taggedFields();
        }
        w.taggedFields();
    }
    w.taggedFields();
    return w.take(error);
}

} // namespace kafscope::protocol
