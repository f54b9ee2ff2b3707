#include "kafka/protocol/wire.h"

#include <limits>

namespace kafscope::protocol {

namespace {
const QByteArray zeroUuid(16, '\0');
}

// ---- Writer ----

QByteArray Writer::take(QString* error) const
{
    if (ok())
        return m_data;
    if (error)
        *error = m_error;
    return {};
}

bool Writer::fits(qsizetype size, qsizetype max, const char* what)
{
    if (size <= max)
        return ok();
    if (ok())
        m_error = QStringLiteral("a %1 of %2 is longer than the %3 that Kafka's wire format holds")
                      .arg(QLatin1String(what))
                      .arg(size)
                      .arg(max);
    return false;
}

void Writer::int8(int8_t value)
{
    m_data.append(char(value));
}

void Writer::int16(int16_t value)
{
    const auto u = uint16_t(value);
    const char b[2] = { char(u >> 8), char(u) };
    raw(b, 2);
}

void Writer::int32(int32_t value)
{
    const auto u = uint32_t(value);
    const char b[4] = { char(u >> 24), char(u >> 16), char(u >> 8), char(u) };
    raw(b, 4);
}

void Writer::int64(int64_t value)
{
    const auto u = uint64_t(value);
    int32(int32_t(uint32_t(u >> 32)));
    int32(int32_t(uint32_t(u)));
}

void Writer::uvarint(uint32_t value)
{
    uvarlong(value);
}

void Writer::varint(int32_t value)
{
    // Zigzag keeps small negative numbers short; the shift is done unsigned to stay well defined.
    uvarint((uint32_t(value) << 1) ^ uint32_t(value >> 31));
}

void Writer::uvarlong(uint64_t value)
{
    while (value >= 0x80) {
        m_data.append(char((value & 0x7f) | 0x80));
        value >>= 7;
    }
    m_data.append(char(value));
}

void Writer::varlong(int64_t value)
{
    uvarlong((uint64_t(value) << 1) ^ uint64_t(value >> 63));
}

void Writer::uuid(const QByteArray& id)
{
    m_data.append(id.size() == 16 ? id : zeroUuid);
}

void Writer::string(const QString& value)
{
    nullableString(value, false);
}

void Writer::nullableString(const QString& value, bool isNull)
{
    if (!m_flexible) {
        classicNullableString(value, isNull);
        return;
    }
    if (isNull) {
        uvarint(0);
        return;
    }
    const QByteArray utf8 = value.toUtf8();
    if (!fits(utf8.size(), std::numeric_limits<int16_t>::max(), "string"))
        return;
    uvarint(uint32_t(utf8.size() + 1));
    m_data.append(utf8);
}

void Writer::classicNullableString(const QString& value, bool isNull)
{
    if (isNull) {
        int16(-1);
        return;
    }
    const QByteArray utf8 = value.toUtf8();
    if (!fits(utf8.size(), std::numeric_limits<int16_t>::max(), "string"))
        return;
    int16(int16_t(utf8.size()));
    m_data.append(utf8);
}

void Writer::bytes(const QByteArray& value)
{
    if (!fits(value.size(), std::numeric_limits<int32_t>::max() - 1, "bytes value"))
        return;
    if (m_flexible)
        uvarint(uint32_t(value.size() + 1));
    else
        int32(int32_t(value.size()));
    m_data.append(value);
}

void Writer::nullableBytes(const QByteArray& value, bool isNull)
{
    if (!isNull) {
        bytes(value);
        return;
    }
    if (m_flexible)
        uvarint(0);
    else
        int32(-1);
}

void Writer::arrayLength(qsizetype count)
{
    if (!fits(count, std::numeric_limits<int32_t>::max() - 1, "array"))
        return;
    if (m_flexible)
        uvarint(uint32_t(count + 1));
    else
        int32(int32_t(count));
}

void Writer::nullArray()
{
    if (m_flexible)
        uvarint(0);
    else
        int32(-1);
}

void Writer::int32Array(const QList<int32_t>& values)
{
    arrayLength(values.size());
    for (int32_t v : values)
        int32(v);
}

void Writer::taggedFields()
{
    if (m_flexible)
        uvarint(0);
}

void Writer::taggedFields(const QList<std::pair<uint32_t, QByteArray>>& fields)
{
    if (!m_flexible)
        return;
    uvarint(uint32_t(fields.size()));
    for (const auto& [tag, value] : fields) {
        uvarint(tag);
        uvarint(uint32_t(value.size()));
        m_data.append(value);
    }
}

// ---- Reader ----

Reader::Reader(QByteArrayView data, bool flexible, QString context)
    : m_data(data)
    , m_flexible(flexible)
    , m_context(std::move(context))
{ }

Reader::Scope::Scope(Reader& reader, const char* name, qsizetype index)
    : m_reader(reader)
{
    m_reader.m_path.append({ name, index });
}

Reader::Scope::~Scope()
{
    m_reader.m_path.removeLast();
}

QString Reader::path(const char* field) const
{
    QString p = m_context;
    bool first = true;
    auto add = [&](const char* name, qsizetype index) {
        p += first ? QLatin1Char(' ') : QLatin1Char('.');
        first = false;
        p += QLatin1String(name);
        if (index >= 0)
            p += QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
    };
    for (const auto& part : m_path)
        add(part.name, part.index);
    add(field, -1);
    return p;
}

void Reader::fail(const QString& why, const char* field)
{
    if (ok())
        m_error = QStringLiteral("%1 at byte %2 reading %3").arg(why).arg(m_pos).arg(path(field));
}

bool Reader::need(qsizetype size, const char* field)
{
    if (!ok())
        return false;
    if (size < 0) { // never a seek backwards
        fail(QStringLiteral("negative size %1").arg(size), field);
        return false;
    }
    if (size > remaining()) {
        fail(QStringLiteral("truncated"), field);
        return false;
    }
    return true;
}

int8_t Reader::int8(const char* field)
{
    if (!need(1, field))
        return 0;
    return int8_t(m_data[m_pos++]);
}

int16_t Reader::int16(const char* field)
{
    if (!need(2, field))
        return 0;
    uint16_t v = 0;
    for (int i = 0; i < 2; ++i)
        v = uint16_t((v << 8) | uint8_t(m_data[m_pos++]));
    return int16_t(v);
}

int32_t Reader::int32(const char* field)
{
    if (!need(4, field))
        return 0;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
        v = (v << 8) | uint8_t(m_data[m_pos++]);
    return int32_t(v);
}

int64_t Reader::int64(const char* field)
{
    if (!need(8, field))
        return 0;
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | uint8_t(m_data[m_pos++]);
    return int64_t(v);
}

uint64_t Reader::unsignedVarint(const char* field, int maxBytes)
{
    const qsizetype start = m_pos;
    uint64_t value = 0;
    for (int i = 0; i < maxBytes; ++i) {
        if (!need(1, field))
            return 0;
        const auto b = uint8_t(m_data[m_pos++]);
        value |= uint64_t(b & 0x7f) << (7 * i);
        if (!(b & 0x80))
            return value;
    }
    m_pos = start;
    fail(QStringLiteral("varint longer than %1 bytes").arg(maxBytes), field);
    return 0;
}

uint32_t Reader::uvarint(const char* field)
{
    return uint32_t(unsignedVarint(field, 5));
}

int32_t Reader::varint(const char* field)
{
    const uint32_t u = uvarint(field);
    return int32_t((u >> 1) ^ (~(u & 1) + 1));
}

uint64_t Reader::uvarlong(const char* field)
{
    return unsignedVarint(field, 10);
}

int64_t Reader::varlong(const char* field)
{
    const uint64_t u = uvarlong(field);
    return int64_t((u >> 1) ^ (~(u & 1) + 1));
}

QByteArray Reader::uuid(const char* field)
{
    if (!need(16, field))
        return {};
    QByteArray id = m_data.sliced(m_pos, 16).toByteArray();
    m_pos += 16;
    return id;
}

qsizetype Reader::length(const char* field, bool nullable, bool wide)
{
    const qsizetype start = m_pos;
    qsizetype n = 0;
    if (m_flexible)
        n = qsizetype(uvarint(field)) - 1;
    else
        n = wide ? int32(field) : int16(field);
    if (!ok())
        return 0;
    if (n == -1 && nullable)
        return -1;
    if (n < 0) {
        m_pos = start;
        fail(n == -1 ? QStringLiteral("null in a non-nullable field") : QStringLiteral("invalid length %1").arg(n),
            field);
        return 0;
    }
    return n;
}

std::optional<QString> Reader::nullableString(const char* field)
{
    const qsizetype n = length(field, true, false);
    if (n < 0)
        return std::nullopt;
    if (!need(n, field))
        return QString();
    QString s = QString::fromUtf8(m_data.sliced(m_pos, n));
    m_pos += n;
    return s;
}

QString Reader::string(const char* field)
{
    const qsizetype n = length(field, false, false);
    if (!need(n, field))
        return {};
    QString s = QString::fromUtf8(m_data.sliced(m_pos, n));
    m_pos += n;
    return s;
}

QByteArray Reader::bytes(const char* field)
{
    const qsizetype n = length(field, false, true);
    if (!need(n, field))
        return {};
    QByteArray b = m_data.sliced(m_pos, n).toByteArray();
    m_pos += n;
    return b;
}

std::optional<QByteArray> Reader::nullableBytes(const char* field)
{
    const qsizetype n = length(field, true, true);
    if (n < 0)
        return std::nullopt;
    if (!need(n, field))
        return QByteArray();
    QByteArray b = m_data.sliced(m_pos, n).toByteArray();
    m_pos += n;
    return b;
}

qsizetype Reader::nullableArrayLength(const char* field)
{
    const qsizetype start = m_pos;
    const qsizetype n = length(field, true, true);
    // Every element takes at least one byte, so a larger count is garbage; refusing it avoids huge allocations.
    if (n > remaining()) {
        const qsizetype left = remaining();
        m_pos = start;
        fail(QStringLiteral("array length %1 exceeds the %2 bytes left").arg(n).arg(left), field);
        return 0;
    }
    return n;
}

qsizetype Reader::arrayLength(const char* field)
{
    const qsizetype start = m_pos;
    const qsizetype n = nullableArrayLength(field);
    if (n < 0) {
        m_pos = start;
        fail(QStringLiteral("null in a non-nullable field"), field);
        return 0;
    }
    return n;
}

QList<int32_t> Reader::int32Array(const char* field)
{
    QList<int32_t> values;
    const qsizetype count = arrayLength(field);
    if (count * 4 > remaining()) {
        fail(QStringLiteral("truncated"), field);
        return values;
    }
    values.reserve(count);
    for (qsizetype i = 0; i < count && ok(); ++i)
        values.append(int32(field));
    return values;
}

void Reader::finish()
{
    if (ok() && remaining() > 0)
        fail(QStringLiteral("%1 bytes left unread").arg(remaining()), "the end of the message");
}

void Reader::taggedFields(const std::function<void(uint32_t tag, QByteArrayView value)>& field)
{
    if (!m_flexible)
        return;
    const uint32_t count = uvarint("_tagged_fields");
    for (uint32_t i = 0; i < count && ok(); ++i) {
        const uint32_t tag = uvarint("_tagged_fields.tag");
        const uint32_t size = uvarint("_tagged_fields.size");
        if (!need(qsizetype(size), "_tagged_fields.data"))
            return;
        field(tag, m_data.sliced(m_pos, qsizetype(size)));
        m_pos += qsizetype(size);
    }
}

void Reader::taggedFields()
{
    if (!m_flexible)
        return;
    const uint32_t count = uvarint("_tagged_fields");
    for (uint32_t i = 0; i < count && ok(); ++i) {
        uvarint("_tagged_fields.tag");
        const uint32_t size = uvarint("_tagged_fields.size");
        if (need(qsizetype(size), "_tagged_fields.data"))
            m_pos += qsizetype(size);
    }
}

} // namespace kafscope::protocol
