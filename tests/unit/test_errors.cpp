#include "codectest.h"
#include "kafka/protocol/errors.h"

#include <QSet>

using namespace kafscope::protocol;

TEST(Errors, KnownCodesHaveKafkaNames)
{
    EXPECT_EQ(errorName(-1), QStringLiteral("UNKNOWN_SERVER_ERROR"));
    EXPECT_EQ(errorName(0), QStringLiteral("NONE"));
    EXPECT_EQ(errorName(3), QStringLiteral("UNKNOWN_TOPIC_OR_PARTITION"));
    EXPECT_EQ(errorName(6), QStringLiteral("NOT_LEADER_OR_FOLLOWER"));
    EXPECT_EQ(errorName(35), QStringLiteral("UNSUPPORTED_VERSION"));
    EXPECT_EQ(errorName(39), QStringLiteral("INVALID_REPLICA_ASSIGNMENT"));
    EXPECT_EQ(errorName(85), QStringLiteral("NO_REASSIGNMENT_IN_PROGRESS"));
    EXPECT_EQ(errorName(100), QStringLiteral("UNKNOWN_TOPIC_ID"));
    EXPECT_EQ(errorName(129), QStringLiteral("REBOOTSTRAP_REQUIRED"));
}

TEST(Errors, SentenceExplainsTheCode)
{
    EXPECT_EQ(errorSentence(3), QStringLiteral("This server does not host this topic-partition."));
    EXPECT_EQ(errorSentence(0), QStringLiteral("No error."));
}

TEST(Errors, EveryCodeFromMinusOneTo133HasADistinctNameAndASentence)
{
    QSet<QString> names;
    for (int code = -1; code <= 133; ++code) {
        const QString name = errorName(int16_t(code));
        EXPECT_FALSE(name.startsWith(QLatin1String("UNKNOWN_ERROR_CODE"))) << code;
        EXPECT_EQ(name, name.toUpper()) << code;
        EXPECT_TRUE(errorSentence(int16_t(code)).endsWith(QLatin1Char('.'))) << code;
        names.insert(name);
    }
    EXPECT_EQ(names.size(), 135);
}

TEST(Errors, UnknownCodesAreNamedByNumber)
{
    EXPECT_EQ(errorName(999), QStringLiteral("UNKNOWN_ERROR_CODE_999"));
    EXPECT_EQ(errorName(-7), QStringLiteral("UNKNOWN_ERROR_CODE_-7"));
    EXPECT_TRUE(errorSentence(999).contains(QLatin1String("999")));
}

TEST(Errors, DescribeJoinsNameSentenceAndBrokerMessage)
{
    EXPECT_EQ(describeError(3),
        QStringLiteral("UNKNOWN_TOPIC_OR_PARTITION: This server does not host this topic-partition."));
    EXPECT_EQ(describeError(40, QStringLiteral("retention.ms must be a number")),
        QStringLiteral("INVALID_CONFIG: The configuration is invalid. Broker: retention.ms must be a number"));
}
