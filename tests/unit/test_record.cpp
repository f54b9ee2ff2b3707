// The compact record: one heap block for key, value and headers; null and empty kept apart.
#include "kafka/client/record.h"

#include <gtest/gtest.h>

using namespace kafscope;

TEST(Record, StaysWithinFortyEightBytesBesidesItsBlock)
{
    EXPECT_LE(sizeof(Record), 48u);
}

TEST(Record, MakeKeepsEveryField)
{
    const QByteArray key("user-1"), value("{\"a\":1}");
    const auto r = Record::make(3, 42, 1700000000123, TimestampType::CreateTime, key.constData(), int32_t(key.size()),
                                value.constData(), int32_t(value.size()));
    EXPECT_EQ(r.partition(), 3);
    EXPECT_EQ(r.offset(), 42);
    EXPECT_EQ(r.timestamp(), 1700000000123);
    EXPECT_EQ(r.timestampType(), TimestampType::CreateTime);
    EXPECT_FALSE(r.keyIsNull());
    EXPECT_FALSE(r.valueIsNull());
    EXPECT_EQ(r.key(), QByteArrayView(key));
    EXPECT_EQ(r.value(), QByteArrayView(value));
    EXPECT_EQ(r.headerCount(), 0);
    EXPECT_TRUE(r.headers().isEmpty());
}

TEST(Record, NullAndEmptyKeyAreDifferent)
{
    const auto nullKey = Record::make(0, 0, 0, TimestampType::NotAvailable, nullptr, -1, "v", 1);
    EXPECT_TRUE(nullKey.keyIsNull());
    EXPECT_TRUE(nullKey.key().isNull());
    const auto emptyKey = Record::make(0, 0, 0, TimestampType::NotAvailable, "", 0, "v", 1);
    EXPECT_FALSE(emptyKey.keyIsNull());
    EXPECT_TRUE(emptyKey.key().isEmpty());
    EXPECT_FALSE(emptyKey.key().isNull());
    const auto tombstone = Record::make(0, 0, 0, TimestampType::NotAvailable, "k", 1, nullptr, -1);
    EXPECT_TRUE(tombstone.valueIsNull());
    EXPECT_EQ(tombstone.payloadSize(), 1);
}

TEST(Record, HeadersRoundTripIncludingNullAndBinaryValues)
{
    const QList<RecordHeader> headers {
        {QStringLiteral("trace-id"), QByteArray("abc"), false},
        {QStringLiteral("nothing"), QByteArray(), true},
        {QStringLiteral("empty"), QByteArray(), false},
        {QStringLiteral("bin\u00e4r"), QByteArray("\x00\xff\x01", 3), false},
    };
    const auto r = Record::make(1, 2, 3, TimestampType::LogAppendTime, "k", 1, "value", 5, headers);
    EXPECT_EQ(r.headerCount(), 4);
    EXPECT_EQ(r.headers(), headers);
    EXPECT_EQ(r.key(), QByteArrayView("k"));
    EXPECT_EQ(r.value(), QByteArrayView("value"));
    // key 1 + value 5 + header keys (8 + 7 + 5 + 6 UTF-8 bytes) + header values (3 + 0 + 0 + 3)
    EXPECT_EQ(r.payloadSize(), 1 + 5 + 8 + 7 + 5 + 6 + 3 + 3);
}

TEST(Record, CloneIsADeepCopyAndMoveLeavesTheViewValid)
{
    const QList<RecordHeader> headers {{QStringLiteral("h"), QByteArray("x"), false}};
    auto original = Record::make(5, 6, 7, TimestampType::CreateTime, "key", 3, "value", 5, headers);
    const auto copy = original.clone();
    EXPECT_NE(copy.key().data(), original.key().data());
    EXPECT_EQ(copy.key(), original.key());
    EXPECT_EQ(copy.value(), original.value());
    EXPECT_EQ(copy.headers(), headers);
    EXPECT_EQ(copy.offset(), 6);
    EXPECT_EQ(copy.payloadSize(), original.payloadSize());
    const char* data = original.value().data();
    Record moved = std::move(original);
    EXPECT_EQ(moved.value().data(), data); // the block moves, the bytes stay put
    EXPECT_EQ(moved.value(), QByteArrayView("value"));
}

TEST(Record, EmptyRecordNeedsNoBlock)
{
    const auto r = Record::make(0, 9, -1, TimestampType::NotAvailable, nullptr, -1, "", 0);
    EXPECT_TRUE(r.keyIsNull());
    EXPECT_FALSE(r.valueIsNull());
    EXPECT_EQ(r.value().size(), 0);
    EXPECT_EQ(r.payloadSize(), 0);
    const auto c = r.clone();
    EXPECT_FALSE(c.valueIsNull());
    EXPECT_TRUE(c.keyIsNull());
}

TEST(Record, TimestampTypeNames)
{
    EXPECT_EQ(timestampTypeName(TimestampType::NotAvailable), QStringLiteral("none"));
    EXPECT_EQ(timestampTypeName(TimestampType::CreateTime), QStringLiteral("create"));
    EXPECT_EQ(timestampTypeName(TimestampType::LogAppendTime), QStringLiteral("log-append"));
}
