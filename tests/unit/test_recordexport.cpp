// Export formats: the documented JSON Lines shape byte for byte, base64 for bytes that are not UTF-8, RFC 4180 CSV,
// and fromJsonLine() round trips of arbitrary binary records.
#include "kafka/client/recordexport.h"

#include <QRandomGenerator>
#include <gtest/gtest.h>

using namespace kafscope;
using namespace kafscope::record_export;

namespace {
Record make(const char* key, int32_t keyLength, const QByteArray& value, const QList<RecordHeader>& headers = {})
{
    return Record::make(2, 17, 1700000000123, TimestampType::CreateTime, key, keyLength, value.constData(),
        int32_t(value.size()), headers);
}
} // namespace

TEST(RecordExport, JsonLineHasTheDocumentedFieldsInOrder)
{
    const auto r = make("user-1", 6, "{\"total\": 12}", { { QStringLiteral("trace"), "t-1", false } });
    EXPECT_EQ(toJsonLine(QStringLiteral("orders"), r),
        QByteArray(R"({"topic":"orders","partition":2,"offset":17,"timestamp":1700000000123,"timestamp_type":"create",)"
                   R"("key":"user-1","key_encoding":"utf8","value":"{\"total\": 12}","value_encoding":"utf8",)"
                   R"("headers":[{"key":"trace","value":"t-1","value_encoding":"utf8"}]})"
                   "\n"));
}

TEST(RecordExport, NullKeyAndNullHeaderValueAreJsonNull)
{
    const auto r = make(nullptr, -1, "v", { { QStringLiteral("h"), {}, true } });
    const QByteArray line = toJsonLine(QStringLiteral("t"), r);
    EXPECT_TRUE(line.contains(R"("key":null,"key_encoding":null)")) << line.toStdString();
    EXPECT_TRUE(line.contains(R"([{"key":"h","value":null,"value_encoding":null}])")) << line.toStdString();
}

TEST(RecordExport, InvalidUtf8GoesOutAsBase64)
{
    const QByteArray binary("\xff\xfe\x00\x01", 4);
    const auto r = make("k", 1, binary);
    const QByteArray line = toJsonLine(QStringLiteral("t"), r);
    EXPECT_TRUE(line.contains(R"("value":"//4AAQ==","value_encoding":"base64")")) << line.toStdString();
}

TEST(RecordExport, ControlCharactersAreEscaped)
{
    const auto r = make("k", 1, QByteArray("a\nb\t\"c\\\x01", 8));
    EXPECT_TRUE(toJsonLine(QStringLiteral("t"), r).contains(R"("value":"a\nb\t\"c\\\u0001")"));
}

TEST(RecordExport, Utf8ValidatorIsStrict)
{
    EXPECT_TRUE(isValidUtf8("plain"));
    EXPECT_TRUE(isValidUtf8("gr\xc3\xbc\xc3\x9f dich \xf0\x9f\x98\x80"));
    EXPECT_TRUE(isValidUtf8(QByteArrayView("\x00", 1)));
    EXPECT_FALSE(isValidUtf8("\xc0\xaf")); // overlong '/'
    EXPECT_FALSE(isValidUtf8("\xed\xa0\x80")); // a surrogate
    EXPECT_FALSE(isValidUtf8("\xf4\x90\x80\x80")); // above U+10FFFF
    EXPECT_FALSE(isValidUtf8("\xe2\x82")); // truncated
    EXPECT_FALSE(isValidUtf8("\x80"));
}

TEST(RecordExport, CsvQuotesCommasQuotesAndNewlines)
{
    EXPECT_EQ(csvHeader(),
        QByteArray("topic,partition,offset,timestamp,timestamp_type,key,key_encoding,value,"
                   "value_encoding,headers\r\n"));
    const auto r = make("a,b", 3, "say \"hi\"\nbye");
    EXPECT_EQ(toCsvRow(QStringLiteral("t"), r),
        QByteArray("t,2,17,1700000000123,create,\"a,b\",utf8,\"say \"\"hi\"\"\nbye\",utf8,[]\r\n"));
    const auto nullKey = make(nullptr, -1, "v", { { QStringLiteral("h"), "x", false } });
    EXPECT_EQ(toCsvRow(QStringLiteral("t"), nullKey),
        QByteArray("t,2,17,1700000000123,create,,,v,utf8,\"[{\"\"key\"\":\"\"h\"\",\"\"value\"\":\"\"x\"\","
                   "\"\"value_encoding\"\":\"\"utf8\"\"}]\"\r\n"));
}

TEST(RecordExport, FromJsonLineRoundTripsRandomBinaryRecordsByteForByte)
{
    QRandomGenerator rng(1234);
    auto bytes = [&](int maxLength) {
        QByteArray b(rng.bounded(maxLength + 1), Qt::Uninitialized);
        for (auto& c : b)
            c = char(rng.bounded(256));
        if (rng.bounded(3) == 0) // some plain text too
            for (auto& c : b)
                c = char('a' + rng.bounded(26));
        return b;
    };
    for (int i = 0; i < 300; ++i) {
        const QByteArray key = bytes(40), value = bytes(400);
        const bool nullKey = rng.bounded(5) == 0, nullValue = rng.bounded(7) == 0;
        QList<RecordHeader> headers;
        for (int h = int(rng.bounded(3)); h > 0; --h)
            headers.append({ QStringLiteral("h%1").arg(h), bytes(20), rng.bounded(4) == 0 });
        for (auto& h : headers)
            if (h.valueIsNull)
                h.value.clear();
        const auto r = Record::make(int32_t(rng.bounded(100)), rng.bounded(1000000), 1700000000000 + i,
            TimestampType::LogAppendTime, nullKey ? nullptr : key.constData(), nullKey ? -1 : int32_t(key.size()),
            nullValue ? nullptr : value.constData(), nullValue ? -1 : int32_t(value.size()), headers);
        QString topic, error;
        const auto back = fromJsonLine(toJsonLine(QStringLiteral("t\u00f6pic"), r), &topic, &error);
        ASSERT_TRUE(back) << error.toStdString();
        EXPECT_EQ(topic, QStringLiteral("t\u00f6pic"));
        EXPECT_EQ(back->partition(), r.partition());
        EXPECT_EQ(back->offset(), r.offset());
        EXPECT_EQ(back->timestamp(), r.timestamp());
        EXPECT_EQ(back->timestampType(), r.timestampType());
        EXPECT_EQ(back->keyIsNull(), nullKey);
        EXPECT_EQ(back->valueIsNull(), nullValue);
        EXPECT_EQ(back->key().toByteArray(), r.key().toByteArray());
        EXPECT_EQ(back->value().toByteArray(), r.value().toByteArray());
        EXPECT_EQ(back->headers(), headers);
    }
}

TEST(RecordExport, MalformedLinesGiveAnErrorNotACrash)
{
    const QList<QByteArray> bad {
        "",
        "not json",
        "[1,2]",
        R"({"partition":"x","offset":1,"timestamp":1})",
        R"({"partition":1,"offset":1})",
        R"({"partition":1,"offset":1,"timestamp":1,"value":"@@@","value_encoding":"base64"})",
        R"({"partition":1,"offset":1,"timestamp":1,"value":"x","value_encoding":"rot13"})",
        R"({"partition":1,"offset":1,"timestamp":1,"key":5})",
        R"({"partition":1,"offset":1,"timestamp":1,"headers":{}})",
        R"({"partition":1,"offset":1,"timestamp":1,"headers":[{"value":"x"}]})",
        R"({"partition":1,"offset":1,"timestamp":1,"timestamp_type":"later"})",
        "{\"partition\":1,\"offset\":1,\"timestamp\"",
    };
    for (const auto& line : bad) {
        QString topic, error;
        EXPECT_FALSE(fromJsonLine(line, &topic, &error)) << line.toStdString();
        EXPECT_FALSE(error.isEmpty()) << line.toStdString();
    }
}
