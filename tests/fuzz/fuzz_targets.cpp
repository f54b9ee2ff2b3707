// libFuzzer targets (issue #11): everything KafScope decodes from a broker, a worker or a file a user picks. One
// binary, the target named by $KAFSCOPE_FUZZ_TARGET (KAFSCOPE_FUZZ_TARGET=list prints them); scripts/fuzz builds it
// with clang-14 (-fsanitize=fuzzer,address,undefined) and runs every target on its seed corpus (tests/fuzz/seeds.py
// makes the seeds from Kafka's own bytes in tests/golden and the recorded answers in tests/unit/data).
//
// A target only has to survive its input: a decoder returns a value or an error, never reads out of bounds, never
// overflows, never leaks. Where the input carries a version, its first byte is the version (as int8: negative and
// unknown versions are inputs too) and the rest is the body.
#include "kafka/admin/planner.h"
#include "kafka/client/dataplaneprops.h"
#include "kafka/connect/connectclient.h"
#include "kafka/lag/historyframes.h"
#include "kafka/profiles/clientconfig.h"
#include "kafka/protocol/apis/cluster.h"
#include "kafka/protocol/apis/configs.h"
#include "kafka/protocol/apis/groups.h"
#include "kafka/protocol/apis/offsets.h"
#include "kafka/protocol/apis/partitions.h"
#include "kafka/protocol/apis/reassignments.h"
#include "kafka/protocol/apis/sasl.h"
#include "kafka/protocol/apis/topics.h"
#include "kafka/protocol/framing.h"
#include "kafka/protocol/messages.h"
#include "kafka/protocol/saslclient.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QMap>
#include <QString>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>

using namespace kafscope;
using namespace kafscope::protocol;

namespace {

using Target = std::function<void(QByteArrayView)>;

// A response decoder: version from the first byte, the body after it.
template <typename Decode> Target versioned(Decode decode)
{
    return [decode](QByteArrayView input) {
        if (input.isEmpty())
            return;
        const auto result = decode(input.sliced(1), int16_t(int8_t(input[0])));
        (void)result.ok();
    };
}

// Input split at the first NUL: two messages of one exchange.
std::pair<QByteArray, QByteArray> splitAtNul(QByteArrayView input)
{
    const auto nul = input.indexOf('\0');
    if (nul < 0)
        return { input.toByteArray(), {} };
    return { input.first(nul).toByteArray(), input.sliced(nul + 1).toByteArray() };
}

const QMap<QString, Target>& targets()
{
    static const QMap<QString, Target> all {
        // The frame reader fed the input in chunks of a size its first byte gives, and each frame's response header
        // (v0 and v1) read: what BrokerConnection does with a socket's bytes.
        { QStringLiteral("frames"),
            [](QByteArrayView input) {
                if (input.isEmpty())
                    return;
                const qsizetype chunk = 1 + uint8_t(input[0]) % 64;
                FrameReader reader(1 << 20);
                const QByteArrayView stream = input.sliced(1);
                QByteArray frame;
                for (qsizetype i = 0; i < stream.size(); i += chunk) {
                    reader.append(stream.sliced(i, std::min(chunk, stream.size() - i)));
                    FrameReader::Next next;
                    while ((next = reader.next(&frame)) == FrameReader::Next::Frame) {
                        (void)decodeResponseHeader(frame, 0).ok();
                        (void)decodeResponseHeader(frame, 1).ok();
                    }
                    if (next == FrameReader::Next::Invalid)
                        return;
                }
            } },
        { QStringLiteral("ApiVersions"), versioned(decodeApiVersionsResponse) },
        { QStringLiteral("Metadata"), versioned(decodeMetadataResponse) },
        { QStringLiteral("ListOffsets"), versioned(decodeListOffsetsResponse) },
        { QStringLiteral("DescribeConfigs"), versioned(decodeDescribeConfigsResponse) },
        { QStringLiteral("IncrementalAlterConfigs"), versioned(decodeIncrementalAlterConfigsResponse) },
        { QStringLiteral("CreateTopics"), versioned(decodeCreateTopicsResponse) },
        { QStringLiteral("DeleteTopics"), versioned(decodeDeleteTopicsResponse) },
        { QStringLiteral("CreatePartitions"), versioned(decodeCreatePartitionsResponse) },
        { QStringLiteral("DescribeLogDirs"), versioned(decodeDescribeLogDirsResponse) },
        { QStringLiteral("AlterPartitionReassignments"), versioned(decodeAlterPartitionReassignmentsResponse) },
        { QStringLiteral("ListPartitionReassignments"), versioned(decodeListPartitionReassignmentsResponse) },
        { QStringLiteral("ElectLeaders"), versioned(decodeElectLeadersResponse) },
        { QStringLiteral("DeleteRecords"), versioned(decodeDeleteRecordsResponse) },
        { QStringLiteral("DescribeQuorum"), versioned(decodeDescribeQuorumResponse) },
        { QStringLiteral("DescribeCluster"), versioned(decodeDescribeClusterResponse) },
        { QStringLiteral("ListGroups"), versioned(decodeListGroupsResponse) },
        { QStringLiteral("FindCoordinator"), versioned(decodeFindCoordinatorResponse) },
        { QStringLiteral("DescribeGroups"), versioned(decodeDescribeGroupsResponse) },
        { QStringLiteral("ConsumerGroupDescribe"), versioned(decodeConsumerGroupDescribeResponse) },
        { QStringLiteral("ShareGroupDescribe"), versioned(decodeShareGroupDescribeResponse) },
        { QStringLiteral("DeleteGroups"), versioned(decodeDeleteGroupsResponse) },
        { QStringLiteral("OffsetFetch"), versioned(decodeOffsetFetchResponse) },
        { QStringLiteral("OffsetCommit"), versioned(decodeOffsetCommitResponse) },
        { QStringLiteral("OffsetDelete"), versioned(decodeOffsetDeleteResponse) },
        { QStringLiteral("DescribeShareGroupOffsets"), versioned(decodeDescribeShareGroupOffsetsResponse) },
        { QStringLiteral("SaslHandshake"), versioned(decodeSaslHandshakeResponse) },
        { QStringLiteral("SaslAuthenticate"), versioned(decodeSaslAuthenticateResponse) },
        // The consumer protocol's bytes inside DescribeGroups members (no version byte: they carry their own).
        { QStringLiteral("ConsumerProtocolAssignment"),
            [](QByteArrayView input) { (void)decodeConsumerProtocolAssignment(input).ok(); } },
        { QStringLiteral("ConsumerProtocolSubscription"),
            [](QByteArrayView input) { (void)decodeConsumerProtocolSubscription(input).ok(); } },
        // SCRAM: the server-first and server-final messages (split at a NUL) a broker answers, for each hash.
        { QStringLiteral("scram"),
            [](QByteArrayView input) {
                const auto [serverFirst, serverFinal] = splitAtNul(input);
                for (const auto hash : { ScramClient::Hash::Sha256, ScramClient::Hash::Sha512 }) {
                    ScramClient client(hash, QStringLiteral("alice"), QStringLiteral("alice-secret"),
                        QByteArrayLiteral("fyko+d2lbbFgONRv9qkxdawL"));
                    (void)client.clientFirst();
                    QString error;
                    if (client.clientFinal(serverFirst, &error))
                        (void)client.verifyServerFinal(serverFinal, &error);
                }
            } },
        // OAUTHBEARER: the broker's answer to the token (an error status JSON) through the exchange.
        { QStringLiteral("oauthbearer"),
            [](QByteArrayView input) {
                SecurityConfig config;
                config.protocol = SecurityProtocol::SaslPlaintext;
                config.mechanism = SaslMechanism::OAuthBearer;
                config.oauthToken = QStringLiteral("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9.");
                SaslExchange exchange(config, 1000);
                (void)exchange.first();
                const auto [first, second] = splitAtNul(input);
                if (!exchange.next(first).done)
                    (void)exchange.next(second);
            } },
        // What a user imports: a Java client.properties or a librdkafka file, and Kafka's reassignment JSON.
        { QStringLiteral("clientconfig"),
            [](QByteArrayView input) {
                const auto imported = profiles::importClientConfig(QString::fromUtf8(input));
                (void)imported.ok();
                (void)profiles::parseJaasConfig(QString::fromUtf8(input));
            } },
        { QStringLiteral("reassignment"),
            [](QByteArrayView input) {
                QString error;
                (void)admin::parseReassignmentJson(input.toByteArray(), &error);
            } },
        // The extra librdkafka properties a user types for a connection, checked against librdkafka itself, written
        // back and read again.
        { QStringLiteral("dataplaneprops"),
            [](QByteArrayView input) {
                const auto parsed = parseDataPlaneProperties(QString::fromUtf8(input));
                (void)parseDataPlaneProperties(formatDataPlaneProperties(parsed.properties));
            } },
        // The lag history's stored frames (a history file is the user's, and can be damaged): the kind from the first
        // byte, then a key frame and, after a NUL, a frame that follows it. What decodes must encode and decode back
        // to the same frame.
        { QStringLiteral("lagframes"),
            [](QByteArrayView input) {
                if (input.isEmpty())
                    return;
                const auto kind = (input[0] & 1) ? lag::FrameKind::Aggregate : lag::FrameKind::Raw;
                const auto [keyBytes, nextBytes] = splitAtNul(input.sliced(1));
                const auto roundTrips = [kind](const lag::Frame& frame, const lag::Frame* previous) {
                    if (lag::decodeFrame(kind, lag::encodeFrame(kind, frame, previous), previous) != frame)
                        std::abort();
                };
                const auto key = lag::decodeFrame(kind, keyBytes, nullptr);
                if (key)
                    roundTrips(*key, nullptr);
                const auto next = lag::decodeFrame(kind, nextBytes, key ? &*key : nullptr);
                if (next)
                    roundTrips(*next, key ? &*key : nullptr);
            } },
        // What a Connect worker answers, through every decoder, and a failed task's trace.
        { QStringLiteral("connect"),
            [](QByteArrayView input) {
                const auto doc = QJsonDocument::fromJson(input.toByteArray());
                QString error;
                (void)connect::decodeWorkerInfo(doc, &error);
                (void)connect::decodeConnectors(doc, &error);
                (void)connect::decodePlugins(doc, &error);
                (void)connect::decodeValidation(doc, &error);
                (void)connect::decodeOffsets(doc, &error);
                (void)connect::decodeConnectorTopics(QStringLiteral("c"), doc, &error);
                (void)connect::traceSummary(QString::fromUtf8(input));
            } },
    };
    return all;
}

const Target* g_target = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    const QString name = qEnvironmentVariable("KAFSCOPE_FUZZ_TARGET");
    if (name == QLatin1String("list")) {
        for (const auto& n : targets().keys())
            std::printf("%s\n", qPrintable(n));
        std::exit(0);
    }
    const auto it = targets().find(name);
    if (it == targets().end()) {
        std::fprintf(stderr,
            "kafscope_fuzz: set KAFSCOPE_FUZZ_TARGET to a target (KAFSCOPE_FUZZ_TARGET=list names "
            "them), not '%s'\n",
            qPrintable(name));
        std::exit(2);
    }
    g_target = &it.value();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    (*g_target)(QByteArrayView(reinterpret_cast<const char*>(data), qsizetype(size)));
    return 0;
}
