#include "kafka/client/record.h"

#include <cstring>

namespace kafscope {

static_assert(sizeof(Record) <= 48, "Record is kept compact: a GUI retains hundreds of thousands of them");

namespace {
// Serialized header: uint32 key length, key (UTF-8), int32 value length (-1: null), value. Fixed-width host-order
// integers are enough: the block never leaves the process.
constexpr qsizetype kHeaderOverhead = 2 * sizeof(int32_t);

void putInt(char*& p, int32_t v)
{
    std::memcpy(p, &v, sizeof v);
    p += sizeof v;
}
int32_t getInt(const char*& p)
{
    int32_t v;
    std::memcpy(&v, p, sizeof v);
    p += sizeof v;
    return v;
}
} // namespace

QString timestampTypeName(TimestampType type)
{
    switch (type) {
    case TimestampType::CreateTime:
        return QStringLiteral("create");
    case TimestampType::LogAppendTime:
        return QStringLiteral("log-append");
    case TimestampType::NotAvailable:
        break;
    }
    return QStringLiteral("none");
}

Record Record::make(int32_t partition, int64_t offset, int64_t timestamp, TimestampType timestampType, const char* key,
                    int32_t keyLength, const char* value, int32_t valueLength, const QList<RecordHeader>& headers)
{
    Record r;
    r.m_partition = partition;
    r.m_offset = offset;
    r.m_timestamp = timestamp;
    r.m_timestampType = timestampType;
    r.m_keyLength = std::max(keyLength, -1);
    r.m_valueLength = std::max(valueLength, -1);

    // Kafka allows any number of headers; 65,535 is far beyond what any producer sends, so the count stays 16 bits.
    const qsizetype headerCount = std::min<qsizetype>(headers.size(), UINT16_MAX);
    QList<QByteArray> headerKeys;
    headerKeys.reserve(headerCount);
    qsizetype headersLength = 0;
    for (qsizetype i = 0; i < headerCount; ++i) {
        headerKeys.append(headers.at(i).key.toUtf8());
        headersLength += kHeaderOverhead + headerKeys.last().size() + (headers.at(i).valueIsNull ? 0 : headers.at(i).value.size());
    }
    r.m_headerCount = uint16_t(headerCount);
    r.m_headersLength = int32_t(headersLength);

    const qsizetype total = std::max(r.m_keyLength, 0) + std::max(r.m_valueLength, 0) + headersLength;
    if (total == 0)
        return r; // no block at all for empty records: tombstones and keyless empty values are common
    r.m_block.reset(new char[size_t(total)]);
    char* p = r.m_block.get();
    if (r.m_keyLength > 0) {
        std::memcpy(p, key, size_t(r.m_keyLength));
        p += r.m_keyLength;
    }
    if (r.m_valueLength > 0) {
        std::memcpy(p, value, size_t(r.m_valueLength));
        p += r.m_valueLength;
    }
    for (qsizetype i = 0; i < headerCount; ++i) {
        const auto& h = headers.at(i);
        putInt(p, int32_t(headerKeys.at(i).size()));
        std::memcpy(p, headerKeys.at(i).constData(), size_t(headerKeys.at(i).size()));
        p += headerKeys.at(i).size();
        putInt(p, h.valueIsNull ? -1 : int32_t(h.value.size()));
        if (!h.valueIsNull && !h.value.isEmpty()) {
            std::memcpy(p, h.value.constData(), size_t(h.value.size()));
            p += h.value.size();
        }
    }
    return r;
}

Record Record::clone() const
{
    Record r;
    r.m_offset = m_offset;
    r.m_timestamp = m_timestamp;
    r.m_partition = m_partition;
    r.m_keyLength = m_keyLength;
    r.m_valueLength = m_valueLength;
    r.m_headersLength = m_headersLength;
    r.m_headerCount = m_headerCount;
    r.m_timestampType = m_timestampType;
    const qsizetype total = std::max(m_keyLength, 0) + std::max(m_valueLength, 0) + qsizetype(m_headersLength);
    if (total > 0 && m_block) {
        r.m_block.reset(new char[size_t(total)]);
        std::memcpy(r.m_block.get(), m_block.get(), size_t(total));
    }
    return r;
}

QByteArrayView Record::key() const
{
    if (m_keyLength <= 0)
        return QByteArrayView(m_keyLength < 0 ? nullptr : "", 0);
    return QByteArrayView(m_block.get(), m_keyLength);
}

QByteArrayView Record::value() const
{
    if (m_valueLength <= 0)
        return QByteArrayView(m_valueLength < 0 ? nullptr : "", 0);
    return QByteArrayView(m_block.get() + std::max(m_keyLength, 0), m_valueLength);
}

QList<RecordHeader> Record::headers() const
{
    QList<RecordHeader> result;
    if (m_headerCount == 0)
        return result;
    result.reserve(m_headerCount);
    const char* p = m_block.get() + std::max(m_keyLength, 0) + std::max(m_valueLength, 0);
    for (int i = 0; i < m_headerCount; ++i) {
        RecordHeader h;
        const int32_t keyLength = getInt(p);
        h.key = QString::fromUtf8(p, keyLength);
        p += keyLength;
        const int32_t valueLength = getInt(p);
        h.valueIsNull = valueLength < 0;
        if (valueLength > 0) {
            h.value = QByteArray(p, valueLength);
            p += valueLength;
        }
        result.append(std::move(h));
    }
    return result;
}

qsizetype Record::payloadSize() const
{
    return qsizetype(std::max(m_keyLength, 0)) + std::max(m_valueLength, 0) + m_headersLength
        - kHeaderOverhead * m_headerCount;
}

} // namespace kafscope
