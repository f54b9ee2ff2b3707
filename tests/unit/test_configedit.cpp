// The rules of a config change (kafka/admin/configedit.h): where a value lands, what a reset brings back, which typed
// values fit the config's type, and what values mean in words.
#include "kafka/admin/configedit.h"

#include <gtest/gtest.h>

using namespace kafscope;
using namespace kafscope::admin;

namespace {

ConfigEntry typed(const QString& name, int8_t type)
{
    ConfigEntry e;
    e.name = name;
    e.configType = type;
    return e;
}

} // namespace

TEST(ConfigEdit, ChangesLandInTheResourcesOwnSource)
{
    EXPECT_EQ(ownSource(ConfigResourceType::Topic, QStringLiteral("orders")), ConfigSource::DynamicTopic);
    EXPECT_EQ(ownSource(ConfigResourceType::Broker, QStringLiteral("2")), ConfigSource::DynamicBroker);
    EXPECT_EQ(ownSource(ConfigResourceType::Broker, QString()), ConfigSource::DynamicDefaultBroker);
}

TEST(ConfigEdit, OnlyAValueSetOnThisResourceCanBeResetAndTheNextSynonymComesBack)
{
    ConfigEntry e;
    e.name = QStringLiteral("retention.ms");
    e.value = QStringLiteral("3600000");
    e.source = ConfigSource::DynamicTopic;
    e.synonyms = { { QStringLiteral("retention.ms"), QStringLiteral("3600000"), false, ConfigSource::DynamicTopic },
        { QStringLiteral("log.retention.ms"), QStringLiteral("86400000"), false, ConfigSource::DynamicDefaultBroker },
        { QStringLiteral("log.retention.hours"), QStringLiteral("168"), false, ConfigSource::Default } };
    EXPECT_TRUE(canReset(e, ConfigSource::DynamicTopic));
    const auto after = valueAfterReset(e, ConfigSource::DynamicTopic);
    ASSERT_TRUE(after.has_value());
    EXPECT_EQ(after->value, QStringLiteral("86400000"));
    EXPECT_EQ(after->source, ConfigSource::DynamicDefaultBroker);

    e.source = ConfigSource::DynamicDefaultBroker; // inherited: nothing of this topic's own to delete
    EXPECT_FALSE(canReset(e, ConfigSource::DynamicTopic));
    e.source = ConfigSource::DynamicTopic;
    e.readOnly = true;
    EXPECT_FALSE(canReset(e, ConfigSource::DynamicTopic));
    e.synonyms.clear();
    EXPECT_FALSE(valueAfterReset(e, ConfigSource::DynamicTopic).has_value());
}

TEST(ConfigEdit, TypedValuesAreCheckedAgainstTheConfigType)
{
    EXPECT_EQ(checkConfigValue(typed(QStringLiteral("retention.ms"), 5), QStringLiteral("86400000")), QString());
    EXPECT_EQ(checkConfigValue(typed(QStringLiteral("retention.ms"), 5), QStringLiteral(" -1 ")), QString());
    EXPECT_TRUE(checkConfigValue(typed(QStringLiteral("retention.ms"), 5), QStringLiteral("a week"))
                    .contains(QStringLiteral("whole number")));
    EXPECT_TRUE(checkConfigValue(typed(QStringLiteral("min.insync.replicas"), 3), QStringLiteral("3000000000"))
                    .contains(QStringLiteral("outside")));
    EXPECT_TRUE(
        checkConfigValue(typed(QStringLiteral("x"), 4), QStringLiteral("40000")).contains(QStringLiteral("short")));
    EXPECT_EQ(checkConfigValue(typed(QStringLiteral("unclean.leader.election.enable"), 1), QStringLiteral("TRUE")),
        QString());
    EXPECT_TRUE(checkConfigValue(typed(QStringLiteral("unclean.leader.election.enable"), 1), QStringLiteral("yes"))
                    .contains(QStringLiteral("true or false")));
    EXPECT_EQ(
        checkConfigValue(typed(QStringLiteral("min.cleanable.dirty.ratio"), 6), QStringLiteral("0.5")), QString());
    EXPECT_FALSE(
        checkConfigValue(typed(QStringLiteral("min.cleanable.dirty.ratio"), 6), QStringLiteral("half")).isEmpty());
    EXPECT_FALSE(
        checkConfigValue(typed(QStringLiteral("min.cleanable.dirty.ratio"), 6), QStringLiteral("inf")).isEmpty());
    // Strings, lists and unknown types are the broker's to judge (validate-only).
    EXPECT_EQ(
        checkConfigValue(typed(QStringLiteral("cleanup.policy"), 7), QStringLiteral("compact,delete")), QString());
    EXPECT_EQ(checkConfigValue(typed(QStringLiteral("whatever"), 0), QStringLiteral("12abc")), QString());
}

TEST(ConfigEdit, ValuesInWords)
{
    EXPECT_EQ(
        describeConfigValue(QStringLiteral("retention.ms"), QStringLiteral("604800000")), QStringLiteral("7 days"));
    EXPECT_EQ(
        describeConfigValue(QStringLiteral("retention.ms"), QStringLiteral("90061000")), QStringLiteral("1 day 1 h"));
    EXPECT_TRUE(describeConfigValue(QStringLiteral("retention.ms"), QStringLiteral("-1"))
                    .startsWith(QStringLiteral("forever")));
    EXPECT_TRUE(describeConfigValue(QStringLiteral("retention.bytes"), QStringLiteral("-1"))
                    .startsWith(QStringLiteral("unlimited")));
    EXPECT_EQ(
        describeConfigValue(QStringLiteral("segment.bytes"), QStringLiteral("1073741824")), QStringLiteral("1 GiB"));
    EXPECT_EQ(
        describeConfigValue(QStringLiteral("max.message.bytes"), QStringLiteral("1048588")), QStringLiteral("1 MiB"));
    EXPECT_EQ(describeConfigValue(QStringLiteral("segment.ms"), QStringLiteral("500")), QStringLiteral("500 ms"));
    EXPECT_EQ(describeConfigValue(QStringLiteral("cleanup.policy"), QStringLiteral("delete")), QString());
    EXPECT_EQ(describeConfigValue(QStringLiteral("min.insync.replicas"), QStringLiteral("2")), QString());
    EXPECT_EQ(
        describeConfigValue(QStringLiteral("log.retention.hours"), QStringLiteral("168")), QStringLiteral("7 days"));
    EXPECT_EQ(formatBytes(1536), QStringLiteral("1.5 KiB"));
    EXPECT_EQ(formatBytes(1), QStringLiteral("1 byte"));
    EXPECT_EQ(formatDurationMs(3600000), QStringLiteral("1 h"));
    EXPECT_EQ(formatDurationMs(61000), QStringLiteral("1 min 1 s"));
}
