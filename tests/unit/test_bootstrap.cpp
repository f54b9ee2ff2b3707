#include "kafka/protocol/bootstrap.h"

#include <gtest/gtest.h>

using namespace kafscope;

TEST(Bootstrap, ParsesAListWithSpacesAndDuplicates)
{
    const auto r = parseBootstrap(QStringLiteral(" 127.0.0.1:19092, broker-2.example:29092,127.0.0.1:19092 "));
    ASSERT_TRUE(r.ok()) << r.error.toStdString();
    ASSERT_EQ(r.addresses.size(), 2);
    EXPECT_EQ(r.addresses[1].host, QStringLiteral("broker-2.example"));
    EXPECT_EQ(r.addresses[1].port, 29092);
    EXPECT_EQ(formatBootstrap(r.addresses), QStringLiteral("127.0.0.1:19092,broker-2.example:29092"));
}

TEST(Bootstrap, ParsesBracketedIpv6)
{
    const auto r = parseBootstrap(QStringLiteral("[::1]:9092"));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.addresses[0].host, QStringLiteral("::1"));
    EXPECT_EQ(r.addresses[0].toString(), QStringLiteral("[::1]:9092"));
}

TEST(Bootstrap, RejectsMalformedEntriesWithASentenceNamingThem)
{
    for (const auto* bad : { "", "localhost", "host:", "host:0", "host:70000", "host:abc", "a:1,,b:2", "::1:9092",
             "bad host:9092", "[::1]9092" }) {
        const auto r = parseBootstrap(QString::fromLatin1(bad));
        EXPECT_FALSE(r.ok()) << bad;
        EXPECT_FALSE(r.error.isEmpty()) << bad;
        EXPECT_TRUE(r.addresses.isEmpty()) << bad;
    }
    EXPECT_TRUE(parseBootstrap(QStringLiteral("host:abc")).error.contains(QStringLiteral("host:abc")));
}
