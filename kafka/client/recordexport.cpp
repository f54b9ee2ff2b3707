#include "kafka/client/recordexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace kafscope::record_export {

namespace {

// JSON is written by hand: the field order is documented (and tested byte for byte), QJsonObject sorts its keys,
// and a 10 MB value should not be copied through a QJsonValue twice.
void appendJsonString(QByteArray& out, QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default:
            if (u < 0x20) {
                out.append("\\u00");
                out.append(hex[u >> 4]);
                out.append(hex[u & 0xf]);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

// "key":...,"key_encoding":... for bytes that may be null, text or binary.
void appendBytes(QByteArray& out, const char* name, QByteArrayView bytes, bool isNull)
{
    out.append('"').append(name).append("\":");
    if (isNull) {
        out.append("null,\"").append(name).append("_encoding\":null");
        return;
    }
    const bool text = isValidUtf8(bytes);
    if (text)
        appendJsonString(out, bytes);
    else
        out.append('"').append(bytes.toByteArray().toBase64()).append('"');
    out.append(",\"").append(name).append("_encoding\":").append(text ? "\"utf8\"" : "\"base64\"");
}

QByteArray headersJson(const Record& record)
{
    QByteArray out("[");
    const auto headers = record.headers();
    for (qsizetype i = 0; i < headers.size(); ++i) {
        if (i)
            out.append(',');
        out.append("{\"key\":");
        appendJsonString(out, headers.at(i).key.toUtf8());
        out.append(',');
        appendBytes(out, "value", headers.at(i).value, headers.at(i).valueIsNull);
        out.append('}');
    }
    out.append(']');
    return out;
}

QByteArray csvField(QByteArrayView field)
{
    if (!field.contains(',') && !field.contains('"') && !field.contains('\n') && !field.contains('\r'))
        return field.toByteArray();
    QByteArray quoted = field.toByteArray();
    quoted.replace("\"", "\"\"");
    return '"' + quoted + '"';
}

// Decodes a "<name>" / "<name>_encoding" pair; false with *error set when the pair is inconsistent.
bool decodeBytes(const QJsonObject& o, const QString& name, std::optional<QByteArray>* bytes, QString* error)
{
    const QJsonValue value = o.value(name);
    const QJsonValue encoding = o.value(name + QStringLiteral("_encoding"));
    if (value.isNull() || value.isUndefined()) {
        *bytes = std::nullopt;
        return true;
    }
    if (!value.isString()) {
        *error = QStringLiteral("\"%1\" is neither a string nor null").arg(name);
        return false;
    }
    const QString enc = encoding.toString(QStringLiteral("utf8"));
    if (enc == QLatin1String("utf8")) {
        *bytes = value.toString().toUtf8();
        return true;
    }
    if (enc == QLatin1String("base64")) {
        auto decoded
            = QByteArray::fromBase64Encoding(value.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            *error = QStringLiteral("\"%1\" is not valid base64").arg(name);
            return false;
        }
        *bytes = std::move(*decoded);
        return true;
    }
    *error = QStringLiteral("unknown %1_encoding \"%2\"").arg(name, enc);
    return false;
}

std::optional<TimestampType> timestampTypeFromName(const QString& name)
{
    for (auto t : { TimestampType::NotAvailable, TimestampType::CreateTime, TimestampType::LogAppendTime })
        if (timestampTypeName(t) == name)
            return t;
    return std::nullopt;
}

} // namespace

bool isValidUtf8(QByteArrayView bytes)
{
    // Strict (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF; such bytes go out as base64, so
    // text survives a round trip byte for byte.
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra;
        unsigned char lo = 0x80, hi = 0xbf; // the allowed range of the second byte
        if (c >= 0xc2 && c <= 0xdf) {
            extra = 1;
        } else if (c >= 0xe0 && c <= 0xef) {
            extra = 2;
            if (c == 0xe0)
                lo = 0xa0;
            else if (c == 0xed)
                hi = 0x9f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            extra = 3;
            if (c == 0xf0)
                lo = 0x90;
            else if (c == 0xf4)
                hi = 0x8f;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        if (p[1] < lo || p[1] > hi)
            return false;
        for (int i = 2; i <= extra; ++i)
            if ((p[i] & 0xc0) != 0x80)
                return false;
        p += extra + 1;
    }
    return true;
}

QByteArray toJsonLine(const QString& topic, const Record& record)
{
    QByteArray out;
    out.reserve(160 + record.payloadSize() * 4 / 3);
    out.append("{\"topic\":");
    appendJsonString(out, topic.toUtf8());
    out.append(",\"partition\":").append(QByteArray::number(record.partition()));
    out.append(",\"offset\":").append(QByteArray::number(record.offset()));
    out.append(",\"timestamp\":").append(QByteArray::number(record.timestamp()));
    out.append(",\"timestamp_type\":\"").append(timestampTypeName(record.timestampType()).toLatin1()).append("\",");
    appendBytes(out, "key", record.key(), record.keyIsNull());
    out.append(',');
    appendBytes(out, "value", record.value(), record.valueIsNull());
    out.append(",\"headers\":").append(headersJson(record)).append("}\n");
    return out;
}

std::optional<Record> fromJsonLine(const QByteArray& line, QString* topic, QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(line, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    for (const char* field : { "partition", "offset", "timestamp" }) {
        if (!o.value(QLatin1String(field)).isDouble()) {
            *error = QStringLiteral("\"%1\" is missing or not a number").arg(QLatin1String(field));
            return std::nullopt;
        }
    }
    const auto timestampType
        = timestampTypeFromName(o.value(QStringLiteral("timestamp_type")).toString(QStringLiteral("none")));
    if (!timestampType) {
        *error = QStringLiteral("unknown timestamp_type");
        return std::nullopt;
    }
    std::optional<QByteArray> key, value;
    if (!decodeBytes(o, QStringLiteral("key"), &key, error) || !decodeBytes(o, QStringLiteral("value"), &value, error))
        return std::nullopt;
    QList<RecordHeader> headers;
    const QJsonValue headersValue = o.value(QStringLiteral("headers"));
    if (!headersValue.isUndefined() && !headersValue.isNull() && !headersValue.isArray()) {
        *error = QStringLiteral("\"headers\" is not an array");
        return std::nullopt;
    }
    for (const auto& h : headersValue.toArray()) {
        if (!h.isObject() || !h.toObject().value(QStringLiteral("key")).isString()) {
            *error = QStringLiteral("a header is not an object with a string \"key\"");
            return std::nullopt;
        }
        std::optional<QByteArray> headerValue;
        if (!decodeBytes(h.toObject(), QStringLiteral("value"), &headerValue, error))
            return std::nullopt;
        headers.append({ h.toObject().value(QStringLiteral("key")).toString(), headerValue.value_or(QByteArray()),
            !headerValue.has_value() });
    }
    if (topic)
        *topic = o.value(QStringLiteral("topic")).toString();
    return Record::make(int32_t(o.value(QStringLiteral("partition")).toInteger()),
        o.value(QStringLiteral("offset")).toInteger(), o.value(QStringLiteral("timestamp")).toInteger(), *timestampType,
        key ? key->constData() : nullptr, key ? int32_t(key->size()) : -1, value ? value->constData() : nullptr,
        value ? int32_t(value->size()) : -1, headers);
}

QByteArray csvHeader()
{
    return QByteArrayLiteral(
        "topic,partition,offset,timestamp,timestamp_type,key,key_encoding,value,value_encoding,headers\r\n");
}

QByteArray toCsvRow(const QString& topic, const Record& record)
{
    auto bytes = [](QByteArrayView b, bool isNull) -> std::pair<QByteArray, QByteArray> {
        if (isNull)
            return {};
        if (isValidUtf8(b))
            return { csvField(b), QByteArrayLiteral("utf8") };
        return { b.toByteArray().toBase64(), QByteArrayLiteral("base64") };
    };
    const auto [key, keyEncoding] = bytes(record.key(), record.keyIsNull());
    const auto [value, valueEncoding] = bytes(record.value(), record.valueIsNull());
    QByteArray row;
    row.reserve(80 + record.payloadSize() * 4 / 3);
    row.append(csvField(topic.toUtf8())).append(',');
    row.append(QByteArray::number(record.partition())).append(',');
    row.append(QByteArray::number(record.offset())).append(',');
    row.append(QByteArray::number(record.timestamp())).append(',');
    row.append(timestampTypeName(record.timestampType()).toLatin1()).append(',');
    row.append(key).append(',').append(keyEncoding).append(',');
    row.append(value).append(',').append(valueEncoding).append(',');
    row.append(csvField(headersJson(record))).append("\r\n");
    return row;
}

QString writeFile(const QString& path, bool csv, const QString& topic, const std::vector<Record>& records)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
    if (csv)
        file.write(csvHeader());
    for (const auto& record : records)
        file.write(csv ? toCsvRow(topic, record) : toJsonLine(topic, record));
    if (!file.commit())
        return QStringLiteral("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace kafscope::record_export
