#pragma once
// A consumed Kafka record in compact form: the fixed fields inline and one heap block holding key, value and headers,
// so a retained record costs about 48 bytes (+ the allocator's) beyond its payload. Move-only; made in the consumer
// thread, moved to the GUI thread in batches.
#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <cstdint>
#include <memory>

namespace kafscope {

enum class TimestampType : uint8_t { NotAvailable = 0, CreateTime = 1, LogAppendTime = 2 };
QString timestampTypeName(TimestampType type); // "none", "create", "log-append"

struct RecordHeader
{
    QString key;
    QByteArray value;
    bool valueIsNull = false;
    friend bool operator==(const RecordHeader&, const RecordHeader&) = default;
};

class Record
{
public:
    Record() = default;
    // keyLength / valueLength -1 for null.
    static Record make(int32_t partition, int64_t offset, int64_t timestamp, TimestampType timestampType,
                       const char* key, int32_t keyLength, const char* value, int32_t valueLength,
                       const QList<RecordHeader>& headers = {});
    Record(Record&&) noexcept = default;
    Record& operator=(Record&&) noexcept = default;
    Record clone() const;

    int32_t partition() const { return m_partition; }
    int64_t offset() const { return m_offset; }
    int64_t timestamp() const { return m_timestamp; }
    TimestampType timestampType() const { return m_timestampType; }

    bool keyIsNull() const { return m_keyLength < 0; }
    bool valueIsNull() const { return m_valueLength < 0; }
    // Views into the record's block: valid while the record lives and is not moved from.
    QByteArrayView key() const;
    QByteArrayView value() const;
    int headerCount() const { return m_headerCount; }
    QList<RecordHeader> headers() const; // decoded on demand
    // Bytes of key + value + header keys and values: what the record weighs on the wire, roughly.
    qsizetype payloadSize() const;

private:
    std::unique_ptr<char[]> m_block;
    int64_t m_offset = -1;
    int64_t m_timestamp = -1;
    int32_t m_partition = -1;
    int32_t m_keyLength = -1;
    int32_t m_valueLength = -1;
    int32_t m_headersLength = 0; // serialized headers at the end of the block
    uint16_t m_headerCount = 0;
    TimestampType m_timestampType = TimestampType::NotAvailable;
};

} // namespace kafscope
