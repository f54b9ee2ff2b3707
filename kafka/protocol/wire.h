#pragma once
// The one Writer/Reader pair every codec uses. Both know whether the message version is flexible: then strings,
// bytes and arrays are compact (uvarint length + 1, 0 = null) and every struct ends with a tagged-field section.
// The Reader never reads past its buffer: the first bad read sets a sticky error naming the byte and the field path
// ("truncated at byte 17 reading Metadata v12 brokers[2].host"), and every later read returns a default.
#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QVarLengthArray>
#include <cstdint>
#include <functional>
#include <optional>

namespace kafscope::protocol {

// A value longer than its wire type holds (a string over 32,767 bytes in a classic version, say) is refused: the
// first such value sets a sticky error, and encoders return no bytes with that error rather than a corrupt frame.
class Writer
{
public:
    explicit Writer(bool flexible)
        : m_flexible(flexible)
    { }
    bool isFlexible() const { return m_flexible; }
    bool ok() const { return m_error.isEmpty(); }
    const QString& error() const { return m_error; }
    // The bytes, or nothing with *error set (when error is given) if a value did not fit.
    QByteArray take(QString* error) const;

    void int8(int8_t value);
    void int16(int16_t value);
    void int32(int32_t value);
    void int64(int64_t value);
    void boolean(bool value) { int8(value ? 1 : 0); }
    void uvarint(uint32_t value);
    void varint(int32_t value); // zigzag
    void uvarlong(uint64_t value);
    void varlong(int64_t value); // zigzag
    // 16 raw bytes; anything that is not 16 bytes long is written as the zero UUID (Kafka's "no id").
    void uuid(const QByteArray& id);

    // Classic or compact, by the version's flexibility.
    void string(const QString& value);
    void nullableString(const QString& value, bool isNull);
    void bytes(const QByteArray& value);
    void nullableBytes(const QByteArray& value, bool isNull);
    void arrayLength(qsizetype count);
    void nullArray();
    void int32Array(const QList<int32_t>& values);
    // The empty tagged-field section that ends every struct of a flexible version; nothing otherwise.
    void taggedFields();
    // A tagged-field section with these fields (tag, already-encoded value), in ascending tag order.
    void taggedFields(const QList<std::pair<uint32_t, QByteArray>>& fields);

    // Request header v2 keeps client_id as an int16-length string even though the header is flexible.
    void classicNullableString(const QString& value, bool isNull);

    const QByteArray& data() const { return m_data; }

private:
    void raw(const char* bytes, qsizetype size) { m_data.append(bytes, size); }
    bool fits(qsizetype size, qsizetype max, const char* what);

    bool m_flexible;
    QByteArray m_data;
    QString m_error;
};

class Reader
{
public:
    // `context` starts every field path in error messages, e.g. "Metadata v12".
    Reader(QByteArrayView data, bool flexible, QString context);

    bool ok() const { return m_error.isEmpty(); }
    const QString& error() const { return m_error; }
    bool isFlexible() const { return m_flexible; }
    qsizetype position() const { return m_pos; }
    qsizetype remaining() const { return m_data.size() - m_pos; }

    int8_t int8(const char* field);
    int16_t int16(const char* field);
    int32_t int32(const char* field);
    int64_t int64(const char* field);
    bool boolean(const char* field) { return int8(field) != 0; }
    uint32_t uvarint(const char* field);
    int32_t varint(const char* field);
    uint64_t uvarlong(const char* field);
    int64_t varlong(const char* field);
    QByteArray uuid(const char* field);

    QString string(const char* field); // a null fails: the field is not nullable
    std::optional<QString> nullableString(const char* field);
    QByteArray bytes(const char* field);
    std::optional<QByteArray> nullableBytes(const char* field);
    qsizetype arrayLength(const char* field); // a null fails
    qsizetype nullableArrayLength(const char* field); // -1 for null
    QList<int32_t> int32Array(const char* field);
    // Reads the tagged-field section of a flexible version and skips every tag (we know none we need).
    void taggedFields();
    // Reads the section, handing each field's tag and bytes to `field`; tags it does not know it ignores.
    void taggedFields(const std::function<void(uint32_t tag, QByteArrayView value)>& field);
    // Ends a decode: bytes left over mean the codec and the broker disagree on the layout (a version mismatch), so
    // they are an error, not something to ignore.
    void finish();

    // Reads `field`'s length, then calls readElement() once per element with the path extended by "field[i]";
    // stops at the first error.
    template <typename F> void array(const char* field, F&& readElement)
    {
        const qsizetype count = arrayLength(field);
        for (qsizetype i = 0; i < count && ok(); ++i) {
            const Scope scope(*this, field, i);
            readElement();
        }
    }

    // Lets a codec report a value it cannot accept (the error stays sticky like any other).
    void fail(const QString& why, const char* field);

    // Extends the field path while alive: "topics[3]" then "partitions[0]" give "topics[3].partitions[0].leaderId".
    class Scope
    {
    public:
        Scope(Reader& reader, const char* name, qsizetype index = -1);
        ~Scope();
        Scope(const Scope&) = delete;
        Scope& operator=(const Scope&) = delete;

    private:
        Reader& m_reader;
    };

private:
    struct PathPart
    {
        const char* name;
        qsizetype index;
    };

    bool need(qsizetype size, const char* field);
    qsizetype length(const char* field, bool nullable, bool wide); // -1 for null
    QString path(const char* field) const;
    uint64_t unsignedVarint(const char* field, int maxBytes);

    QByteArrayView m_data;
    bool m_flexible;
    QString m_context;
    qsizetype m_pos = 0;
    QString m_error;
    QVarLengthArray<PathPart, 4> m_path;
};

} // namespace kafscope::protocol
