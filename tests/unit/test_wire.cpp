#include "codectest.h"
#include "kafka/protocol/messages.h"
#include "kafka/protocol/wire.h"

#include <limits>

using namespace kafscope;
using namespace kafscope::protocol;
using kafscope::test::hex;

namespace {

// Owns the bytes, so the Reader's view never outlives them.
struct Input
{
    explicit Input(QByteArray b, bool flexible = false)
        : bytes(std::move(b))
        , reader(bytes, flexible, QStringLiteral("Test"))
    { }
    QByteArray bytes;
    Reader reader;
};

} // namespace

TEST(Wire, WritesIntegersBigEndian)
{
    Writer w(false);
    w.int8(-2);
    w.int16(0x0102);
    w.int32(-1);
    w.int64(0x0102030405060708);
    w.boolean(true);
    EXPECT_BYTES(w.data(), hex({ "fe", "01 02", "ff ff ff ff", "01 02 03 04 05 06 07 08", "01" }));
}

TEST(Wire, ReadsIntegersBigEndian)
{
    const QByteArray bytes = hex({ "fe", "01 02", "ff ff ff ff", "01 02 03 04 05 06 07 08", "02" });
    Input rInput(bytes);
    Reader& r = rInput.reader;
    EXPECT_EQ(r.int8("a"), -2);
    EXPECT_EQ(r.int16("b"), 0x0102);
    EXPECT_EQ(r.int32("c"), -1);
    EXPECT_EQ(r.int64("d"), 0x0102030405060708);
    EXPECT_TRUE(r.boolean("e")); // any non-zero byte is true
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(r.remaining(), 0);
}

TEST(Wire, UnsignedVarintUsesSevenBitGroupsLowFirst)
{
    Writer w(false);
    for (uint32_t v : { 0u, 127u, 128u, 300u, 0xffffffffu })
        w.uvarint(v);
    const QByteArray expected = hex({ "00", "7f", "80 01", "ac 02", "ff ff ff ff 0f" });
    EXPECT_BYTES(w.data(), expected);

    Input rInput(expected);
    Reader& r = rInput.reader;
    for (uint32_t v : { 0u, 127u, 128u, 300u, 0xffffffffu })
        EXPECT_EQ(r.uvarint("v"), v);
    EXPECT_TRUE(r.ok());
}

TEST(Wire, SignedVarintIsZigzag)
{
    const int32_t values[]
        = { 0, -1, 1, -2, 63, -64, std::numeric_limits<int32_t>::max(), std::numeric_limits<int32_t>::min() };
    Writer w(false);
    for (int32_t v : values)
        w.varint(v);
    EXPECT_BYTES(w.data(), hex({ "00", "01", "02", "03", "7e", "7f", "fe ff ff ff 0f", "ff ff ff ff 0f" }));
    Input rInput(w.data());
    Reader& r = rInput.reader;
    for (int32_t v : values)
        EXPECT_EQ(r.varint("v"), v);
    EXPECT_TRUE(r.ok());
}

TEST(Wire, SignedVarlongRoundTripsExtremes)
{
    const int64_t values[] = { 0, -1, std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min() };
    Writer w(false);
    for (int64_t v : values)
        w.varlong(v);
    Input rInput(w.data());
    Reader& r = rInput.reader;
    for (int64_t v : values)
        EXPECT_EQ(r.varlong("v"), v);
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(r.remaining(), 0);
}

TEST(Wire, VarintLongerThanFiveBytesFails)
{
    Input rInput(hex({ "80 80 80 80 80 01" }));
    Reader& r = rInput.reader;
    r.uvarint("count");
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.error(), QStringLiteral("varint longer than 5 bytes at byte 0 reading Test count"));
}

TEST(Wire, ClassicStringsHaveInt16LengthAndMinusOneForNull)
{
    Writer w(false);
    w.string(QStringLiteral("kafka"));
    w.nullableString({}, true);
    w.string(QString());
    const QByteArray expected = hex({ "00 05 6b 61 66 6b 61", "ff ff", "00 00" });
    EXPECT_BYTES(w.data(), expected);

    Input rInput(expected);
    Reader& r = rInput.reader;
    EXPECT_EQ(r.string("a"), QStringLiteral("kafka"));
    EXPECT_EQ(r.nullableString("b"), std::nullopt);
    EXPECT_EQ(r.nullableString("c"), QString());
    EXPECT_TRUE(r.ok());
}

TEST(Wire, CompactStringsHaveLengthPlusOneAndZeroForNull)
{
    Writer w(true);
    w.string(QStringLiteral("kafka"));
    w.nullableString({}, true);
    w.string(QString());
    const QByteArray expected = hex({ "06 6b 61 66 6b 61", "00", "01" });
    EXPECT_BYTES(w.data(), expected);

    Input rInput(expected, true);
    Reader& r = rInput.reader;
    EXPECT_EQ(r.string("a"), QStringLiteral("kafka"));
    EXPECT_EQ(r.nullableString("b"), std::nullopt);
    EXPECT_EQ(r.string("c"), QString());
    EXPECT_TRUE(r.ok());
}

TEST(Wire, StringsAreUtf8)
{
    Writer w(true);
    w.string(QStringLiteral("\u00e9"));
    EXPECT_BYTES(w.data(), hex({ "03 c3 a9" }));
    EXPECT_EQ(Input(w.data(), true).reader.string("s"), QStringLiteral("\u00e9"));
}

TEST(Wire, ClassicNullableStringStaysClassicInFlexibleWriter)
{
    Writer w(true);
    w.classicNullableString(QStringLiteral("id"), false);
    w.classicNullableString({}, true);
    EXPECT_BYTES(w.data(), hex({ "00 02 69 64", "ff ff" }));
}

TEST(Wire, BytesAndArrayLengthsInBothEncodings)
{
    Writer classic(false);
    classic.bytes(hex({ "ab cd" }));
    classic.arrayLength(3);
    classic.nullArray();
    classic.int32Array({ 7 });
    EXPECT_BYTES(classic.data(), hex({ "00 00 00 02 ab cd", "00 00 00 03", "ff ff ff ff", "00 00 00 01 00 00 00 07" }));

    Writer compact(true);
    compact.bytes(hex({ "ab cd" }));
    compact.arrayLength(3);
    compact.nullArray();
    compact.int32Array({ 7 });
    EXPECT_BYTES(compact.data(), hex({ "03 ab cd", "04", "00", "02 00 00 00 07" }));

    Input rInput(hex({ "03 ab cd", "00", "02 00 00 00 07" }), true);
    Reader& r = rInput.reader;
    EXPECT_BYTES(r.bytes("b"), hex({ "ab cd" }));
    EXPECT_EQ(r.nullableArrayLength("n"), -1);
    EXPECT_EQ(r.int32Array("ids"), QList<int32_t>({ 7 }));
    EXPECT_TRUE(r.ok());
}

TEST(Wire, UuidIsSixteenRawBytesAndZeroWhenMissing)
{
    const QByteArray id = hex({ "00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f" });
    Writer w(true);
    w.uuid(id);
    w.uuid({});
    EXPECT_BYTES(w.data(), id + QByteArray(16, '\0'));
    Input rInput(w.data(), true);
    Reader& r = rInput.reader;
    EXPECT_BYTES(r.uuid("id"), id);
}

TEST(Wire, TaggedFieldsAreEmptyWhenFlexibleAndAbsentOtherwise)
{
    Writer flexible(true);
    flexible.taggedFields();
    EXPECT_BYTES(flexible.data(), hex({ "00" }));
    Writer classic(false);
    classic.taggedFields();
    EXPECT_TRUE(classic.data().isEmpty());
}

TEST(Wire, UnknownTaggedFieldsAreSkipped)
{
    // Two tags: 0 with 3 bytes, 5 with 1 byte; then the next field.
    Input rInput(hex({ "02", "00 03 61 62 63", "05 01 ff", "2a" }), true);
    Reader& r = rInput.reader;
    r.taggedFields();
    EXPECT_EQ(r.int8("next"), 0x2a);
    EXPECT_TRUE(r.ok());
}

TEST(Wire, TaggedFieldLongerThanBufferFails)
{
    Input rInput(hex({ "01", "00 09 61" }), true);
    Reader& r = rInput.reader;
    r.taggedFields();
    EXPECT_FALSE(r.ok());
}

TEST(Wire, TruncationNamesByteAndFieldPath)
{
    Input rInput(hex({ "00 00 00 02", "00 01 61", "00 05 61" }));
    Reader& r = rInput.reader;
    r.array("topics", [&] { r.string("name"); });
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.error(), QStringLiteral("truncated at byte 9 reading Test topics[1].name"));
}

TEST(Wire, ErrorIsStickyAndLaterReadsReturnDefaults)
{
    Input rInput(hex({ "00 01 02" }));
    Reader& r = rInput.reader;
    EXPECT_EQ(r.int32("first"), 0);
    const QString firstError = r.error();
    EXPECT_EQ(firstError, QStringLiteral("truncated at byte 0 reading Test first"));
    EXPECT_EQ(r.int8("second"), 0); // a byte is there, but the reader has stopped
    EXPECT_EQ(r.string("third"), QString());
    EXPECT_EQ(r.error(), firstError);
}

TEST(Wire, NegativeLengthOtherThanNullFails)
{
    Input rInput(hex({ "ff fe 61" }));
    Reader& r = rInput.reader;
    r.nullableString("s");
    EXPECT_EQ(r.error(), QStringLiteral("invalid length -2 at byte 0 reading Test s"));
}

TEST(Wire, NullInNonNullableFieldFails)
{
    Input classicInput(hex({ "ff ff" }));
    Reader& classic = classicInput.reader;
    classic.string("host");
    EXPECT_EQ(classic.error(), QStringLiteral("null in a non-nullable field at byte 0 reading Test host"));

    Input compactInput(hex({ "00" }), true);
    Reader& compact = compactInput.reader;
    compact.arrayLength("brokers");
    EXPECT_FALSE(compact.ok());
}

TEST(Wire, ArrayCountLargerThanRemainingBytesFailsWithoutAllocating)
{
    Input rInput(hex({ "7f ff ff ff", "00 00" }));
    Reader& r = rInput.reader;
    EXPECT_EQ(r.arrayLength("brokers"), 0);
    EXPECT_EQ(
        r.error(), QStringLiteral("array length 2147483647 exceeds the 2 bytes left at byte 0 reading Test brokers"));

    Input idsInput(hex({ "00 00 00 02", "00 00 00 01" }));
    Reader& ids = idsInput.reader; // two ids announced, one present
    ids.int32Array("replicas");
    EXPECT_FALSE(ids.ok());
}

TEST(Wire, StringLongerThanBufferFails)
{
    Input rInput(hex({ "7f ff", "61 62" }));
    Reader& r = rInput.reader;
    EXPECT_EQ(r.string("s"), QString());
    EXPECT_EQ(r.error(), QStringLiteral("truncated at byte 2 reading Test s"));
}

TEST(Wire, FailKeepsTheFirstError)
{
    Input rInput({});
    Reader& r = rInput.reader;
    r.fail(QStringLiteral("bad value"), "x");
    r.fail(QStringLiteral("other"), "y");
    EXPECT_EQ(r.error(), QStringLiteral("bad value at byte 0 reading Test x"));
}

TEST(Wire, WriterRefusesStringsLongerThanTheWireTypeHolds)
{
    // Issue #6: a string's length is an INT16 on the wire (Kafka refuses more in compact strings too).
    for (const bool flexible : { false, true }) {
        Writer w(flexible);
        w.string(QString(32767, QLatin1Char('a')));
        EXPECT_TRUE(w.ok());
        w.string(QString(32768, QLatin1Char('a')));
        EXPECT_FALSE(w.ok());
        EXPECT_EQ(
            w.error(), QStringLiteral("a string of 32768 is longer than the 32767 that Kafka's wire format holds"));
        QString error;
        EXPECT_TRUE(w.take(&error).isEmpty());
        EXPECT_EQ(error, w.error());
    }
}

TEST(Wire, WriterRefusesArrayCountsBeyondInt32)
{
    Writer w(false);
    w.arrayLength(qsizetype(std::numeric_limits<int32_t>::max()) + 1);
    EXPECT_FALSE(w.ok());
    EXPECT_TRUE(w.data().isEmpty()) << "nothing written for the refused length";
}

TEST(Wire, EncoderReturnsNoBytesAndTheReasonForAValueThatDoesNotFit)
{
    protocol::MetadataRequest request;
    request.topics = QStringList { QString(40000, QLatin1Char('t')) };
    QString error;
    EXPECT_TRUE(protocol::encodeMetadataRequest(request, 12, &error).isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("string of 40000"))) << error.toStdString();
    error.clear();
    EXPECT_TRUE(protocol::encodeMetadataRequest(request, 99, &error).isEmpty());
    EXPECT_EQ(error, QStringLiteral("KafScope does not encode Metadata v99"));
}

TEST(Wire, FinishReportsBytesLeftUnread)
{
    Input rInput(hex({ "00 01", "ff" }));
    Reader& r = rInput.reader;
    r.int16("a");
    r.finish();
    EXPECT_EQ(r.error(), QStringLiteral("1 bytes left unread at byte 2 reading Test the end of the message"));
}

TEST(Wire, DecoderWithBytesLeftOverFailsInsteadOfIgnoringThem)
{
    // A version mismatch shows at once: v1 bytes read as v2 leave bytes over (or run short), never "succeed".
    ClusterMetadata md;
    md.brokers = { { 1, QStringLiteral("k1"), 9092, {} } };
    const QByteArray v1 = protocol::encodeMetadataResponse(md, 1);
    ASSERT_TRUE(protocol::decodeMetadataResponse(v1, 1).ok());
    const auto decoded = protocol::decodeMetadataResponse(v1 + QByteArray(1, '\0'), 1);
    ASSERT_FALSE(decoded.ok());
    EXPECT_TRUE(decoded.error().contains(QStringLiteral("1 bytes left unread"))) << decoded.error().toStdString();
}
