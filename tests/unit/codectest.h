#pragma once
// Helpers shared by the codec tests: bytes written as commented hex, readable byte diffs, and the robustness loops
// (every truncation fails, random garbage never crashes).
#include <QByteArray>
#include <QByteArrayView>
#include <QRandomGenerator>
#include <QString>
#include <gtest/gtest.h>
#include <initializer_list>
#include <ostream>

// Lets gtest print QStrings in failure messages.
inline void PrintTo(const QString& s, std::ostream* os)
{
    *os << '"' << s.toStdString() << '"';
}

namespace kafscope::test {

// Concatenates hex pieces; spaces are ignored, so each piece can be one field with a comment after it.
inline QByteArray hex(std::initializer_list<const char*> pieces)
{
    QByteArray all;
    for (const char* piece : pieces)
        all += piece;
    return QByteArray::fromHex(all);
}

inline std::string spaced(const QByteArray& bytes)
{
    return bytes.toHex(' ').toStdString();
}

// Compares as spaced hex so a failure shows where the bytes differ.
#define EXPECT_BYTES(actual, expected) EXPECT_EQ(kafscope::test::spaced(actual), kafscope::test::spaced(expected))

// Each prefix is copied into a buffer of exactly its size so a sanitizer build catches any read past the end.
template <typename Decode> void expectEveryTruncationFails(const QByteArray& body, Decode decode)
{
    ASSERT_TRUE(decode(QByteArrayView(body)).ok()) << "the full body must decode";
    for (qsizetype n = 0; n < body.size(); ++n) {
        const QByteArray prefix(body.constData(), n);
        const auto decoded = decode(QByteArrayView(prefix));
        EXPECT_FALSE(decoded.ok()) << "prefix of " << n << " of " << body.size() << " bytes decoded";
        if (!decoded.ok()) {
            EXPECT_FALSE(decoded.error().isEmpty());
        }
    }
}

// Half the buffers are pure noise, half are a valid body with a few bytes changed: noise mostly fails on the first
// length, mutations reach deep into the decoder.
template <typename Decode>
void expectGarbageNeverCrashes(const QByteArray& validBody, Decode decode, quint32 seed, int rounds = 3000)
{
    QRandomGenerator rng(seed);
    int decodedCount = 0;
    for (int i = 0; i < rounds; ++i) {
        QByteArray buffer;
        if (i % 2 == 0 || validBody.isEmpty()) {
            buffer.resize(rng.bounded(0, 256));
            for (char& c : buffer)
                c = char(rng.bounded(256));
        } else {
            buffer = validBody;
            const int changes = rng.bounded(1, 4);
            for (int k = 0; k < changes; ++k)
                buffer[rng.bounded(int(buffer.size()))] = char(rng.bounded(256));
            if (rng.bounded(4) == 0)
                buffer.truncate(rng.bounded(int(buffer.size()) + 1));
        }
        const QByteArray exact(buffer.constData(), buffer.size());
        const auto decoded = decode(QByteArrayView(exact));
        if (decoded.ok()) {
            ++decodedCount;
        } else {
            EXPECT_FALSE(decoded.error().isEmpty());
        }
    }
    // Not a requirement, just shows the mutations exercised both outcomes.
    ::testing::Test::RecordProperty("decoded", decodedCount);
}

} // namespace kafscope::test
