#pragma once
#include "kafka/protocol/security.h"

#include <QMap>
// kafscope-cli's data-plane commands, `consume` and `produce`: librdkafka through LiveConsumer and RecordProducer.
#include <QCommandLineParser>
#include <QStringList>

namespace kafscope::cli {

// What every command gets after the common options (--bootstrap, --json, --timeout) were checked.
struct CommandContext
{
    QStringList positionals;
    QString bootstrap; // validated, host:port[,host:port...]
    bool json = false;
    int timeoutMs = 10000;
    bool readOnly = false; // --read-only: every write is refused (exit 5); dry runs and reads still work
    SecurityConfig security; // --client-config FILE
    QMap<QString, QString> dataPlane; // librdkafka properties for consumers and producers: security and extras
};

// For write commands: on a read-only connection prints why and returns true (the caller exits with Refused).
bool refuseOnReadOnly(const CommandContext& context, const QString& what);

void addConsumeOptions(QCommandLineParser& parser);
int runConsume(const QCommandLineParser& parser, const CommandContext& context);

void addProduceOptions(QCommandLineParser& parser);
int runProduce(const QCommandLineParser& parser, const CommandContext& context);

// What kafscope-cli-data adds to cli::run(): the librdkafka commands.
struct DataPlaneCommands
{
    void (*addConsumeOptions)(QCommandLineParser&);
    int (*runConsume)(const QCommandLineParser&, const CommandContext&);
    void (*addProduceOptions)(QCommandLineParser&);
    int (*runProduce)(const QCommandLineParser&, const CommandContext&);
};

// `configs topic|broker NAME [--set K=V]... [--unset K]...` (configcmd.cpp).
void addConfigsOptions(QCommandLineParser& parser);
int runConfigs(const QCommandLineParser& parser, const CommandContext& context);

// `topic create|delete|add-partitions` (topiccmd.cpp).
void addTopicOptions(QCommandLineParser& parser);
int runTopic(const QCommandLineParser& parser, const CommandContext& context);

// `reassign plan|execute|status|cancel` and `topic set-rf` (reassigncmd.cpp).
void addReassignOptions(QCommandLineParser& parser);
int runReassign(const QCommandLineParser& parser, const CommandContext& context);
int runSetReplicationFactor(const QCommandLineParser& parser, const CommandContext& context);

// `elect-leaders`, `quorum` and `topic delete-records` (clustercmd.cpp).
void addElectOptions(QCommandLineParser& parser);
int runElect(const QCommandLineParser& parser, const CommandContext& context);
void addQuorumOptions(QCommandLineParser& parser);
int runQuorum(const QCommandLineParser& parser, const CommandContext& context);
int runDeleteRecords(const QCommandLineParser& parser, const CommandContext& context);

// `groups`, `group describe G`, `lag G [--watch SECONDS]` (groupcmd.cpp).
void addGroupsOptions(QCommandLineParser& parser);
int runGroups(const QCommandLineParser& parser, const CommandContext& context);
// `connect clusters|connectors|plugins|create|config|pause|resume|stop|restart|delete|offsets|reset-offsets`
// (connectcmd.cpp): Kafka Connect's REST API, no Kafka cluster needed.
void addConnectOptions(QCommandLineParser& parser);
int runConnect(const QCommandLineParser& parser, const CommandContext& context);

void addGroupOptions(QCommandLineParser& parser);
int runGroup(const QCommandLineParser& parser, const CommandContext& context);
void addLagOptions(QCommandLineParser& parser);
int runLag(const QCommandLineParser& parser, const CommandContext& context);

// `logdirs [--topic T]` (logdirscmd.cpp).
void addLogDirsOptions(QCommandLineParser& parser);
int runLogDirs(const QCommandLineParser& parser, const CommandContext& context);

// `partition`: needs no cluster (partitioncmd.cpp).
void addPartitionOptions(QCommandLineParser& parser);
int runPartition(const QCommandLineParser& parser, const CommandContext& context);

} // namespace kafscope::cli
