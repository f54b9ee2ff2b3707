// Kafka's topic-name rules, checked before anything is sent (issue #7).
#include "codectest.h"
#include "kafka/admin/topicname.h"

using kafscope::admin::checkTopicName;

TEST(TopicName, LegalNamesPass)
{
    for (const char* name : { "orders", "a", "Orders-2026.v1", "team_events", "x--y" })
        EXPECT_TRUE(checkTopicName(QString::fromLatin1(name)).ok()) << name;
    EXPECT_TRUE(checkTopicName(QString(249, QLatin1Char('t'))).ok());
}

TEST(TopicName, IllegalNamesSayWhy)
{
    EXPECT_EQ(checkTopicName(QString()).error, QStringLiteral("A topic name cannot be empty."));
    EXPECT_EQ(checkTopicName(QStringLiteral(".")).error, QStringLiteral("A topic cannot be named \".\"."));
    EXPECT_EQ(checkTopicName(QStringLiteral("..")).error, QStringLiteral("A topic cannot be named \"..\"."));
    EXPECT_EQ(checkTopicName(QString(250, QLatin1Char('t'))).error,
        QStringLiteral("A topic name has at most 249 characters; this one has 250."));
    for (const char* bad : { "with space", "slash/topic", "colon:x", "émoji", "star*" }) {
        const auto check = checkTopicName(QString::fromUtf8(bad));
        EXPECT_FALSE(check.ok()) << bad;
        EXPECT_TRUE(check.error.contains(QStringLiteral("only letters, digits"))) << check.error.toStdString();
    }
}

TEST(TopicName, MixingDotAndUnderscoreIsAWarningNotAnError)
{
    const auto check = checkTopicName(QStringLiteral("team.events_v2"));
    EXPECT_TRUE(check.ok());
    EXPECT_TRUE(check.warning.contains(QStringLiteral("collide"))) << check.warning.toStdString();
    EXPECT_TRUE(checkTopicName(QStringLiteral("team.events")).warning.isEmpty());
}
