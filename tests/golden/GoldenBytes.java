// Writes Kafka's own bytes for the messages KafScope's codecs speak, with the generated message classes of the
// kafka-clients jar (org.apache.kafka.common.message.*). Run as a single-file program:
//   java -cp kafka-clients-VERSION.jar tests/golden/GoldenBytes.java > tests/golden/kafka-VERSION.txt
// Each line: API request|response|data VERSION HEX ("data": the consumer protocol's version-prefixed embedded
// bytes), or "unsupported" where the jar no longer writes that version (Kafka 4 removed old versions, KIP-896).
// The content of every message is mirrored in tests/unit/test_golden.cpp, which
// decodes these bytes with KafScope's codecs, checks the values and re-encodes them byte for byte.
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.AlterPartitionReassignmentsRequestData;
import org.apache.kafka.common.message.ConsumerGroupDescribeRequestData;
import org.apache.kafka.common.message.ConsumerGroupDescribeResponseData;
import org.apache.kafka.common.message.ConsumerProtocolAssignment;
import org.apache.kafka.common.message.ConsumerProtocolSubscription;
import org.apache.kafka.common.message.DeleteGroupsRequestData;
import org.apache.kafka.common.message.DeleteGroupsResponseData;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.DescribeGroupsResponseData;
import org.apache.kafka.common.message.DescribeShareGroupOffsetsRequestData;
import org.apache.kafka.common.message.DescribeShareGroupOffsetsResponseData;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.ListGroupsResponseData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.OffsetDeleteRequestData;
import org.apache.kafka.common.message.OffsetDeleteResponseData;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.message.ShareGroupDescribeRequestData;
import org.apache.kafka.common.message.ShareGroupDescribeResponseData;
import org.apache.kafka.common.message.AlterPartitionReassignmentsResponseData;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.CreatePartitionsRequestData;
import org.apache.kafka.common.message.CreatePartitionsResponseData;
import org.apache.kafka.common.message.CreateTopicsRequestData;
import org.apache.kafka.common.message.CreateTopicsResponseData;
import org.apache.kafka.common.message.DeleteRecordsRequestData;
import org.apache.kafka.common.message.DeleteRecordsResponseData;
import org.apache.kafka.common.message.DeleteTopicsRequestData;
import org.apache.kafka.common.message.DeleteTopicsResponseData;
import org.apache.kafka.common.message.IncrementalAlterConfigsRequestData;
import org.apache.kafka.common.message.IncrementalAlterConfigsResponseData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.DescribeClusterRequestData;
import org.apache.kafka.common.message.DescribeClusterResponseData;
import org.apache.kafka.common.message.DescribeConfigsRequestData;
import org.apache.kafka.common.message.DescribeConfigsResponseData;
import org.apache.kafka.common.message.DescribeLogDirsRequestData;
import org.apache.kafka.common.message.DescribeLogDirsResponseData;
import org.apache.kafka.common.message.DescribeQuorumRequestData;
import org.apache.kafka.common.message.DescribeQuorumResponseData;
import org.apache.kafka.common.message.ElectLeadersRequestData;
import org.apache.kafka.common.message.ElectLeadersResponseData;
import org.apache.kafka.common.message.ListOffsetsRequestData;
import org.apache.kafka.common.message.ListPartitionReassignmentsRequestData;
import org.apache.kafka.common.message.ListPartitionReassignmentsResponseData;
import org.apache.kafka.common.message.ListOffsetsResponseData;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.message.SaslAuthenticateRequestData;
import org.apache.kafka.common.message.SaslAuthenticateResponseData;
import org.apache.kafka.common.message.SaslHandshakeRequestData;
import org.apache.kafka.common.message.SaslHandshakeResponseData;
import org.apache.kafka.common.protocol.Message;
import org.apache.kafka.common.protocol.MessageUtil;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.ObjectSerializationCache;

public class GoldenBytes {
    interface Builder {
        Message build(short version);
    }

    static final Uuid ORDERS_ID = new Uuid(0x0123456789abcdefL, 0x0fedcba987654321L);
    static final Uuid PAYMENTS_ID = new Uuid(0x1111222233334444L, 0x5555666677778888L);

    public static void main(String[] args) {
        emit("ApiVersions", "request", 0, 3, GoldenBytes::apiVersionsRequest);
        emit("ApiVersions", "response", 0, 3, GoldenBytes::apiVersionsResponse);
        emit("Metadata", "request", 1, 12, GoldenBytes::metadataRequest);
        emit("Metadata", "response", 1, 12, GoldenBytes::metadataResponse);
        emit("ListOffsets", "request", 1, 7, GoldenBytes::listOffsetsRequest);
        emit("ListOffsets", "response", 1, 7, GoldenBytes::listOffsetsResponse);
        emit("DescribeConfigs", "request", 1, 4, GoldenBytes::describeConfigsRequest);
        emit("DescribeConfigs", "response", 1, 4, GoldenBytes::describeConfigsResponse);
        emit("CreateTopics", "request", 2, 7, GoldenBytes::createTopicsRequest);
        emit("CreateTopics", "response", 2, 7, GoldenBytes::createTopicsResponse);
        emit("DeleteTopics", "request", 1, 6, GoldenBytes::deleteTopicsRequest);
        emit("DeleteTopics", "response", 1, 6, GoldenBytes::deleteTopicsResponse);
        emit("IncrementalAlterConfigs", "request", 0, 1, GoldenBytes::incrementalAlterConfigsRequest);
        emit("IncrementalAlterConfigs", "response", 0, 1, GoldenBytes::incrementalAlterConfigsResponse);
        emit("CreatePartitions", "request", 0, 3, GoldenBytes::createPartitionsRequest);
        emit("CreatePartitions", "response", 0, 3, GoldenBytes::createPartitionsResponse);
        emit("DescribeLogDirs", "request", 1, 4, GoldenBytes::describeLogDirsRequest);
        emit("DescribeLogDirs", "response", 1, 4, GoldenBytes::describeLogDirsResponse);
        emit("AlterPartitionReassignments", "request", 0, 1, GoldenBytes::alterPartitionReassignmentsRequest);
        emit("AlterPartitionReassignments", "response", 0, 1, GoldenBytes::alterPartitionReassignmentsResponse);
        emit("ListPartitionReassignments", "request", 0, 0, GoldenBytes::listPartitionReassignmentsRequest);
        emit("ListPartitionReassignments", "response", 0, 0, GoldenBytes::listPartitionReassignmentsResponse);
        emit("ElectLeaders", "request", 0, 2, GoldenBytes::electLeadersRequest);
        emit("ElectLeaders", "response", 0, 2, GoldenBytes::electLeadersResponse);
        emit("DeleteRecords", "request", 1, 2, GoldenBytes::deleteRecordsRequest);
        emit("DeleteRecords", "response", 1, 2, GoldenBytes::deleteRecordsResponse);
        emit("DescribeQuorum", "request", 0, 2, GoldenBytes::describeQuorumRequest);
        emit("DescribeQuorum", "response", 0, 2, GoldenBytes::describeQuorumResponse);
        emit("DescribeCluster", "request", 0, 2, GoldenBytes::describeClusterRequest);
        emit("DescribeCluster", "response", 0, 2, GoldenBytes::describeClusterResponse);
        emit("ListGroups", "request", 0, 5, GoldenBytes::listGroupsRequest);
        emit("ListGroups", "response", 0, 5, GoldenBytes::listGroupsResponse);
        emit("FindCoordinator", "request", 0, 6, GoldenBytes::findCoordinatorRequest);
        emit("FindCoordinator", "response", 0, 6, GoldenBytes::findCoordinatorResponse);
        emit("DescribeGroups", "request", 0, 6, GoldenBytes::describeGroupsRequest);
        emit("DescribeGroups", "response", 0, 6, GoldenBytes::describeGroupsResponse);
        emitVersionPrefixed("ConsumerProtocolAssignment", 0, 3, GoldenBytes::consumerProtocolAssignment);
        emitVersionPrefixed("ConsumerProtocolSubscription", 0, 3, GoldenBytes::consumerProtocolSubscription);
        emit("ConsumerGroupDescribe", "request", 0, 1, GoldenBytes::consumerGroupDescribeRequest);
        emit("ConsumerGroupDescribe", "response", 0, 1, GoldenBytes::consumerGroupDescribeResponse);
        emit("ShareGroupDescribe", "request", 1, 1, GoldenBytes::shareGroupDescribeRequest);
        emit("ShareGroupDescribe", "response", 1, 1, GoldenBytes::shareGroupDescribeResponse);
        emit("DeleteGroups", "request", 0, 2, GoldenBytes::deleteGroupsRequest);
        emit("DeleteGroups", "response", 0, 2, GoldenBytes::deleteGroupsResponse);
        emit("OffsetFetch", "request", 1, 9, GoldenBytes::offsetFetchRequest);
        emit("OffsetFetch", "response", 1, 9, GoldenBytes::offsetFetchResponse);
        emit("OffsetCommit", "request", 2, 9, GoldenBytes::offsetCommitRequest);
        emit("OffsetCommit", "response", 2, 9, GoldenBytes::offsetCommitResponse);
        emit("OffsetDelete", "request", 0, 0, GoldenBytes::offsetDeleteRequest);
        emit("OffsetDelete", "response", 0, 0, GoldenBytes::offsetDeleteResponse);
        emit("DescribeShareGroupOffsets", "request", 0, 0, GoldenBytes::describeShareGroupOffsetsRequest);
        emit("DescribeShareGroupOffsets", "response", 0, 0, GoldenBytes::describeShareGroupOffsetsResponse);
        emit("SaslHandshake", "request", 0, 1, GoldenBytes::saslHandshakeRequest);
        emit("SaslHandshake", "response", 0, 1, GoldenBytes::saslHandshakeResponse);
        emit("SaslAuthenticate", "request", 0, 2, GoldenBytes::saslAuthenticateRequest);
        emit("SaslAuthenticate", "response", 0, 2, GoldenBytes::saslAuthenticateResponse);
        emit("SaslAuthenticate", "response-error", 0, 2, GoldenBytes::saslAuthenticateErrorResponse);
    }

    // ---- SaslHandshake / SaslAuthenticate ----
    static Message saslHandshakeRequest(short v) {
        return new SaslHandshakeRequestData().setMechanism("SCRAM-SHA-512");
    }

    static Message saslHandshakeResponse(short v) {
        // UNSUPPORTED_SASL_MECHANISM (33), with the mechanisms the listener enables.
        return new SaslHandshakeResponseData().setErrorCode((short) 33).setMechanisms(Arrays.asList("PLAIN", "SCRAM-SHA-256"));
    }

    static Message saslAuthenticateRequest(short v) {
        return new SaslAuthenticateRequestData().setAuthBytes("n,,n=alice,r=fyko+d2lbbFgONRv9qkxdawL".getBytes());
    }

    static Message saslAuthenticateResponse(short v) {
        SaslAuthenticateResponseData d = new SaslAuthenticateResponseData().setErrorCode((short) 0).setErrorMessage(null)
            .setAuthBytes("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=".getBytes());
        if (v >= 1)
            d.setSessionLifetimeMs(3_600_000L);
        return d;
    }

    static Message saslAuthenticateErrorResponse(short v) {
        // SASL_AUTHENTICATION_FAILED (58) with the broker's sentence and no bytes.
        return new SaslAuthenticateResponseData().setErrorCode((short) 58)
            .setErrorMessage("Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256")
            .setAuthBytes(new byte[0]);
    }

    // The consumer protocol's embedded bytes (DescribeGroups MemberMetadata / MemberAssignment): an int16 version,
    // then the message, as ConsumerProtocol.serializeSubscription/serializeAssignment write them.
    static void emitVersionPrefixed(String name, int from, int to, Builder builder) {
        for (int v = from; v <= to; ++v) {
            StringBuilder hex = new StringBuilder();
            for (byte b : MessageUtil.toVersionPrefixedBytes((short) v, builder.build((short) v)))
                hex.append(String.format("%02x", b & 0xff));
            System.out.println(name + " data " + v + " " + hex);
        }
    }

    static void emit(String api, String kind, int from, int to, Builder builder) {
        for (int v = from; v <= to; ++v) {
            final short version = (short) v;
            String out;
            try {
                Message message = builder.build(version);
                if (version < message.lowestSupportedVersion() || version > message.highestSupportedVersion()) {
                    out = "unsupported";
                } else {
                    // What MessageUtil does in every kafka-clients release: size, then write, with one cache.
                    ObjectSerializationCache cache = new ObjectSerializationCache();
                    ByteBuffer buffer = ByteBuffer.allocate(message.size(cache, version));
                    message.write(new ByteBufferAccessor(buffer), cache, version);
                    buffer.flip();
                    StringBuilder hex = new StringBuilder();
                    while (buffer.hasRemaining())
                        hex.append(String.format("%02x", buffer.get() & 0xff));
                    out = hex.length() == 0 ? "-" : hex.toString();
                }
            } catch (org.apache.kafka.common.errors.UnsupportedVersionException e) {
                out = "unsupported";
            }
            System.out.println(api + " " + kind + " " + v + " " + out);
        }
    }

    // ---- ApiVersions ----
    static Message apiVersionsRequest(short v) {
        ApiVersionsRequestData d = new ApiVersionsRequestData();
        if (v >= 3)
            d.setClientSoftwareName("kafscope").setClientSoftwareVersion("0.1.0");
        return d;
    }

    static Message apiVersionsResponse(short v) {
        ApiVersionsResponseData.ApiVersionCollection keys = new ApiVersionsResponseData.ApiVersionCollection();
        int[][] ranges = {{0, 3, 11}, {3, 1, 12}, {18, 0, 4}, {32, 1, 4}};
        for (int[] r : ranges)
            keys.add(new ApiVersionsResponseData.ApiVersion().setApiKey((short) r[0]).setMinVersion((short) r[1])
                         .setMaxVersion((short) r[2]));
        ApiVersionsResponseData d = new ApiVersionsResponseData().setErrorCode((short) 0).setApiKeys(keys);
        if (v >= 1)
            d.setThrottleTimeMs(25);
        return d;
    }

    // ---- Metadata ----
    static Message metadataRequest(short v) {
        MetadataRequestData d = new MetadataRequestData();
        MetadataRequestData.MetadataRequestTopic orders = new MetadataRequestData.MetadataRequestTopic().setName("orders");
        MetadataRequestData.MetadataRequestTopic payments = new MetadataRequestData.MetadataRequestTopic().setName("payments");
        d.setTopics(Arrays.asList(orders, payments));
        if (v >= 4)
            d.setAllowAutoTopicCreation(false);
        return d;
    }

    static MetadataResponseData.MetadataResponsePartition partition(short v, int error, int index, int leader, int epoch,
                                                                     List<Integer> replicas, List<Integer> isr,
                                                                     List<Integer> offline) {
        MetadataResponseData.MetadataResponsePartition p = new MetadataResponseData.MetadataResponsePartition()
            .setErrorCode((short) error).setPartitionIndex(index).setLeaderId(leader).setReplicaNodes(replicas)
            .setIsrNodes(isr);
        if (v >= 7)
            p.setLeaderEpoch(epoch);
        if (v >= 5)
            p.setOfflineReplicas(offline);
        return p;
    }

    static Message metadataResponse(short v) {
        MetadataResponseData d = new MetadataResponseData();
        if (v >= 3)
            d.setThrottleTimeMs(0);
        MetadataResponseData.MetadataResponseBrokerCollection brokers = new MetadataResponseData.MetadataResponseBrokerCollection();
        brokers.add(new MetadataResponseData.MetadataResponseBroker().setNodeId(1).setHost("127.0.0.1").setPort(19192).setRack("rack-a"));
        brokers.add(new MetadataResponseData.MetadataResponseBroker().setNodeId(2).setHost("broker-2.example").setPort(29192).setRack(null));
        brokers.add(new MetadataResponseData.MetadataResponseBroker().setNodeId(3).setHost("b3").setPort(39192).setRack("rack-c"));
        d.setBrokers(brokers);
        if (v >= 2)
            d.setClusterId("golden-cluster-id");
        d.setControllerId(2);
        MetadataResponseData.MetadataResponseTopicCollection topics = new MetadataResponseData.MetadataResponseTopicCollection();
        MetadataResponseData.MetadataResponseTopic orders = new MetadataResponseData.MetadataResponseTopic()
            .setErrorCode((short) 0).setName("orders").setIsInternal(false)
            .setPartitions(Arrays.asList(
                partition(v, 0, 0, 1, 7, Arrays.asList(1, 2, 3), Arrays.asList(1, 2), Arrays.asList(3)),
                partition(v, 5, 1, -1, 4, Arrays.asList(2), Arrays.asList(), Arrays.asList(2))));
        if (v >= 10)
            orders.setTopicId(ORDERS_ID);
        topics.add(orders);
        topics.add(new MetadataResponseData.MetadataResponseTopic().setErrorCode((short) 0).setName("__consumer_offsets")
                       .setIsInternal(true)
                       .setPartitions(Arrays.asList(
                           partition(v, 0, 0, 3, 0, Arrays.asList(3, 1, 2), Arrays.asList(3, 1, 2), Arrays.asList()))));
        topics.add(new MetadataResponseData.MetadataResponseTopic().setErrorCode((short) 3).setName("missing")
                       .setIsInternal(false).setPartitions(Arrays.asList()));
        d.setTopics(topics);
        return d;
    }

    // ---- ListOffsets ----
    static ListOffsetsRequestData.ListOffsetsPartition lop(short v, int index, int epoch, long timestamp) {
        ListOffsetsRequestData.ListOffsetsPartition p = new ListOffsetsRequestData.ListOffsetsPartition()
            .setPartitionIndex(index).setTimestamp(timestamp);
        if (v >= 4)
            p.setCurrentLeaderEpoch(epoch);
        return p;
    }

    static Message listOffsetsRequest(short v) {
        ListOffsetsRequestData d = new ListOffsetsRequestData().setReplicaId(-1);
        if (v >= 2)
            d.setIsolationLevel((byte) 1);
        d.setTopics(Arrays.asList(
            new ListOffsetsRequestData.ListOffsetsTopic().setName("orders")
                .setPartitions(Arrays.asList(lop(v, 0, 7, -1L), lop(v, 1, -1, -2L))),
            new ListOffsetsRequestData.ListOffsetsTopic().setName("payments")
                .setPartitions(Arrays.asList(lop(v, 0, 3, 1700000000000L)))));
        return d;
    }

    static ListOffsetsResponseData.ListOffsetsPartitionResponse lor(short v, int index, int error, long timestamp,
                                                                    long offset, int epoch) {
        ListOffsetsResponseData.ListOffsetsPartitionResponse p = new ListOffsetsResponseData.ListOffsetsPartitionResponse()
            .setPartitionIndex(index).setErrorCode((short) error).setTimestamp(timestamp).setOffset(offset);
        if (v >= 4)
            p.setLeaderEpoch(epoch);
        return p;
    }

    static Message listOffsetsResponse(short v) {
        ListOffsetsResponseData d = new ListOffsetsResponseData();
        if (v >= 2)
            d.setThrottleTimeMs(0);
        d.setTopics(Arrays.asList(
            new ListOffsetsResponseData.ListOffsetsTopicResponse().setName("orders")
                .setPartitions(Arrays.asList(lor(v, 0, 0, -1L, 1234L, 7), lor(v, 1, 6, -1L, -1L, -1))),
            new ListOffsetsResponseData.ListOffsetsTopicResponse().setName("payments")
                .setPartitions(Arrays.asList(lor(v, 0, 0, 1700000000123L, 42L, 3)))));
        return d;
    }

    // ---- DescribeConfigs ----
    static Message describeConfigsRequest(short v) {
        DescribeConfigsRequestData d = new DescribeConfigsRequestData().setResources(Arrays.asList(
            new DescribeConfigsRequestData.DescribeConfigsResource().setResourceType((byte) 2).setResourceName("orders")
                .setConfigurationKeys(null),
            new DescribeConfigsRequestData.DescribeConfigsResource().setResourceType((byte) 4).setResourceName("1")
                .setConfigurationKeys(Arrays.asList("log.retention.ms", "num.io.threads")),
            new DescribeConfigsRequestData.DescribeConfigsResource().setResourceType((byte) 8).setResourceName("2")
                .setConfigurationKeys(null)));
        d.setIncludeSynonyms(true);
        if (v >= 3)
            d.setIncludeDocumentation(true);
        return d;
    }

    static Message describeConfigsResponse(short v) {
        DescribeConfigsResponseData.DescribeConfigsResourceResult retention = new DescribeConfigsResponseData.DescribeConfigsResourceResult()
            .setName("retention.ms").setValue("604800000").setReadOnly(false).setConfigSource((byte) 1)
            .setIsSensitive(false)
            .setSynonyms(Arrays.asList(
                new DescribeConfigsResponseData.DescribeConfigsSynonym().setName("retention.ms").setValue("604800000").setSource((byte) 1),
                new DescribeConfigsResponseData.DescribeConfigsSynonym().setName("log.retention.hours").setValue("168").setSource((byte) 5)));
        DescribeConfigsResponseData.DescribeConfigsResourceResult secret = new DescribeConfigsResponseData.DescribeConfigsResourceResult()
            .setName("sasl.jaas.config").setValue(null).setReadOnly(true).setConfigSource((byte) 4).setIsSensitive(true)
            .setSynonyms(Arrays.asList());
        if (v >= 3) {
            retention.setConfigType((byte) 5).setDocumentation("How long a log segment is kept before it is deleted.");
            secret.setConfigType((byte) 9).setDocumentation(null);
        }
        DescribeConfigsResponseData d = new DescribeConfigsResponseData().setThrottleTimeMs(0).setResults(Arrays.asList(
            new DescribeConfigsResponseData.DescribeConfigsResult().setErrorCode((short) 0).setErrorMessage(null)
                .setResourceType((byte) 2).setResourceName("orders").setConfigs(Arrays.asList(retention, secret)),
            new DescribeConfigsResponseData.DescribeConfigsResult().setErrorCode((short) 56)
                .setErrorMessage("Broker 9 is not available").setResourceType((byte) 4).setResourceName("9")
                .setConfigs(Arrays.asList())));
        return d;
    }

    // ---- CreateTopics ----
    static Message createTopicsRequest(short v) {
        CreateTopicsRequestData.CreatableTopicCollection topics = new CreateTopicsRequestData.CreatableTopicCollection();
        CreateTopicsRequestData.CreatableTopicConfigCollection configs = new CreateTopicsRequestData.CreatableTopicConfigCollection();
        configs.add(new CreateTopicsRequestData.CreatableTopicConfig().setName("retention.ms").setValue("86400000"));
        configs.add(new CreateTopicsRequestData.CreatableTopicConfig().setName("cleanup.policy").setValue("compact,delete"));
        topics.add(new CreateTopicsRequestData.CreatableTopic().setName("orders").setNumPartitions(6)
                       .setReplicationFactor((short) 3).setConfigs(configs));
        CreateTopicsRequestData.CreatableReplicaAssignmentCollection assignments = new CreateTopicsRequestData.CreatableReplicaAssignmentCollection();
        assignments.add(new CreateTopicsRequestData.CreatableReplicaAssignment().setPartitionIndex(0).setBrokerIds(Arrays.asList(1, 2)));
        assignments.add(new CreateTopicsRequestData.CreatableReplicaAssignment().setPartitionIndex(1).setBrokerIds(Arrays.asList(2, 3)));
        topics.add(new CreateTopicsRequestData.CreatableTopic().setName("placed").setNumPartitions(-1)
                       .setReplicationFactor((short) -1).setAssignments(assignments));
        return new CreateTopicsRequestData().setTopics(topics).setTimeoutMs(30000).setValidateOnly(true);
    }

    static Message createTopicsResponse(short v) {
        CreateTopicsResponseData.CreatableTopicResultCollection topics = new CreateTopicsResponseData.CreatableTopicResultCollection();
        CreateTopicsResponseData.CreatableTopicResult ok = new CreateTopicsResponseData.CreatableTopicResult()
            .setName("orders").setErrorCode((short) 0).setErrorMessage(null);
        CreateTopicsResponseData.CreatableTopicResult bad = new CreateTopicsResponseData.CreatableTopicResult()
            .setName("taken").setErrorCode((short) 36).setErrorMessage("Topic 'taken' already exists.");
        if (v >= 5) {
            ok.setNumPartitions(6).setReplicationFactor((short) 3).setConfigs(Arrays.asList(
                new CreateTopicsResponseData.CreatableTopicConfigs().setName("retention.ms").setValue("86400000")
                    .setReadOnly(false).setConfigSource((byte) 1).setIsSensitive(false),
                new CreateTopicsResponseData.CreatableTopicConfigs().setName("sasl.secret").setValue(null)
                    .setReadOnly(true).setConfigSource((byte) 5).setIsSensitive(true)));
            bad.setTopicConfigErrorCode((short) 29).setConfigs(null);
        }
        if (v >= 7)
            ok.setTopicId(ORDERS_ID);
        topics.add(ok);
        topics.add(bad);
        return new CreateTopicsResponseData().setThrottleTimeMs(0).setTopics(topics);
    }

    // ---- DeleteTopics ----
    static Message deleteTopicsRequest(short v) {
        DeleteTopicsRequestData d = new DeleteTopicsRequestData().setTimeoutMs(30000);
        if (v >= 6)
            d.setTopics(Arrays.asList(new DeleteTopicsRequestData.DeleteTopicState().setName("orders"),
                                      new DeleteTopicsRequestData.DeleteTopicState().setName("payments")));
        else
            d.setTopicNames(Arrays.asList("orders", "payments"));
        return d;
    }

    static Message deleteTopicsResponse(short v) {
        DeleteTopicsResponseData.DeletableTopicResultCollection results = new DeleteTopicsResponseData.DeletableTopicResultCollection();
        DeleteTopicsResponseData.DeletableTopicResult ok = new DeleteTopicsResponseData.DeletableTopicResult().setName("orders").setErrorCode((short) 0);
        DeleteTopicsResponseData.DeletableTopicResult missing = new DeleteTopicsResponseData.DeletableTopicResult().setName("payments").setErrorCode((short) 3);
        if (v >= 5)
            missing.setErrorMessage("This server does not host this topic-partition.");
        if (v >= 6)
            ok.setTopicId(ORDERS_ID);
        results.add(ok);
        results.add(missing);
        return new DeleteTopicsResponseData().setThrottleTimeMs(0).setResponses(results);
    }

    // ---- IncrementalAlterConfigs ----
    static Message incrementalAlterConfigsRequest(short v) {
        IncrementalAlterConfigsRequestData.AlterConfigsResourceCollection resources = new IncrementalAlterConfigsRequestData.AlterConfigsResourceCollection();
        IncrementalAlterConfigsRequestData.AlterableConfigCollection topicConfigs = new IncrementalAlterConfigsRequestData.AlterableConfigCollection();
        topicConfigs.add(new IncrementalAlterConfigsRequestData.AlterableConfig().setName("retention.ms").setConfigOperation((byte) 0).setValue("3600000"));
        topicConfigs.add(new IncrementalAlterConfigsRequestData.AlterableConfig().setName("segment.ms").setConfigOperation((byte) 1).setValue(null));
        resources.add(new IncrementalAlterConfigsRequestData.AlterConfigsResource().setResourceType((byte) 2).setResourceName("orders").setConfigs(topicConfigs));
        IncrementalAlterConfigsRequestData.AlterableConfigCollection brokerConfigs = new IncrementalAlterConfigsRequestData.AlterableConfigCollection();
        brokerConfigs.add(new IncrementalAlterConfigsRequestData.AlterableConfig().setName("log.cleaner.threads").setConfigOperation((byte) 0).setValue("2"));
        resources.add(new IncrementalAlterConfigsRequestData.AlterConfigsResource().setResourceType((byte) 4).setResourceName("").setConfigs(brokerConfigs));
        return new IncrementalAlterConfigsRequestData().setResources(resources).setValidateOnly(true);
    }

    static Message incrementalAlterConfigsResponse(short v) {
        return new IncrementalAlterConfigsResponseData().setThrottleTimeMs(0).setResponses(Arrays.asList(
            new IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse().setErrorCode((short) 0).setErrorMessage(null)
                .setResourceType((byte) 2).setResourceName("orders"),
            new IncrementalAlterConfigsResponseData.AlterConfigsResourceResponse().setErrorCode((short) 40)
                .setErrorMessage("Invalid value abc for configuration retention.ms").setResourceType((byte) 4).setResourceName("1")));
    }

    // ---- CreatePartitions ----
    static Message createPartitionsRequest(short v) {
        CreatePartitionsRequestData.CreatePartitionsTopicCollection topics = new CreatePartitionsRequestData.CreatePartitionsTopicCollection();
        topics.add(new CreatePartitionsRequestData.CreatePartitionsTopic().setName("orders").setCount(12).setAssignments(null));
        topics.add(new CreatePartitionsRequestData.CreatePartitionsTopic().setName("placed").setCount(3).setAssignments(Arrays.asList(
            new CreatePartitionsRequestData.CreatePartitionsAssignment().setBrokerIds(Arrays.asList(1, 2)),
            new CreatePartitionsRequestData.CreatePartitionsAssignment().setBrokerIds(Arrays.asList(3, 1)))));
        return new CreatePartitionsRequestData().setTopics(topics).setTimeoutMs(30000).setValidateOnly(true);
    }

    static Message createPartitionsResponse(short v) {
        return new CreatePartitionsResponseData().setThrottleTimeMs(0).setResults(Arrays.asList(
            new CreatePartitionsResponseData.CreatePartitionsTopicResult().setName("orders").setErrorCode((short) 0).setErrorMessage(null),
            new CreatePartitionsResponseData.CreatePartitionsTopicResult().setName("placed").setErrorCode((short) 37)
                .setErrorMessage("Topic currently has 6 partitions, which is higher than the requested 3.")));
    }

    // ---- DescribeLogDirs ----
    static Message describeLogDirsRequest(short v) {
        DescribeLogDirsRequestData.DescribableLogDirTopicCollection topics = new DescribeLogDirsRequestData.DescribableLogDirTopicCollection();
        topics.add(new DescribeLogDirsRequestData.DescribableLogDirTopic().setTopic("orders").setPartitions(Arrays.asList(0, 1, 2)));
        return new DescribeLogDirsRequestData().setTopics(topics);
    }

    static Message describeLogDirsResponse(short v) {
        DescribeLogDirsResponseData.DescribeLogDirsResult data = new DescribeLogDirsResponseData.DescribeLogDirsResult()
            .setErrorCode((short) 0).setLogDir("/var/lib/kafka/data").setTopics(Arrays.asList(
                new DescribeLogDirsResponseData.DescribeLogDirsTopic().setName("orders").setPartitions(Arrays.asList(
                    new DescribeLogDirsResponseData.DescribeLogDirsPartition().setPartitionIndex(0).setPartitionSize(1048576L)
                        .setOffsetLag(0L).setIsFutureKey(false),
                    new DescribeLogDirsResponseData.DescribeLogDirsPartition().setPartitionIndex(2).setPartitionSize(5000000000L)
                        .setOffsetLag(12L).setIsFutureKey(true)))));
        DescribeLogDirsResponseData.DescribeLogDirsResult offline = new DescribeLogDirsResponseData.DescribeLogDirsResult()
            .setErrorCode((short) 56).setLogDir("/mnt/broken").setTopics(Arrays.asList());
        if (v >= 4) {
            data.setTotalBytes(500107862016L).setUsableBytes(123456789012L);
        }
        DescribeLogDirsResponseData d = new DescribeLogDirsResponseData().setThrottleTimeMs(0).setResults(Arrays.asList(data, offline));
        if (v >= 3)
            d.setErrorCode((short) 0);
        return d;
    }

    // ---- AlterPartitionReassignments ----
    static Message alterPartitionReassignmentsRequest(short v) {
        AlterPartitionReassignmentsRequestData d = new AlterPartitionReassignmentsRequestData().setTimeoutMs(60000)
            .setTopics(Arrays.asList(new AlterPartitionReassignmentsRequestData.ReassignableTopic().setName("orders")
                .setPartitions(Arrays.asList(
                    new AlterPartitionReassignmentsRequestData.ReassignablePartition().setPartitionIndex(0).setReplicas(Arrays.asList(1, 2, 3)),
                    new AlterPartitionReassignmentsRequestData.ReassignablePartition().setPartitionIndex(1).setReplicas(null)))));
        if (v >= 1)
            d.setAllowReplicationFactorChange(false);
        return d;
    }

    static Message alterPartitionReassignmentsResponse(short v) {
        AlterPartitionReassignmentsResponseData d = new AlterPartitionReassignmentsResponseData().setThrottleTimeMs(0)
            .setErrorCode((short) 0).setErrorMessage(null).setResponses(Arrays.asList(
                new AlterPartitionReassignmentsResponseData.ReassignableTopicResponse().setName("orders").setPartitions(Arrays.asList(
                    new AlterPartitionReassignmentsResponseData.ReassignablePartitionResponse().setPartitionIndex(0).setErrorCode((short) 0).setErrorMessage(null),
                    new AlterPartitionReassignmentsResponseData.ReassignablePartitionResponse().setPartitionIndex(1).setErrorCode((short) 85)
                        .setErrorMessage("No reassignment in progress for partition orders-1")))));
        if (v >= 1)
            d.setAllowReplicationFactorChange(false);
        return d;
    }

    // ---- ListPartitionReassignments ----
    static Message listPartitionReassignmentsRequest(short v) {
        return new ListPartitionReassignmentsRequestData().setTimeoutMs(60000).setTopics(Arrays.asList(
            new ListPartitionReassignmentsRequestData.ListPartitionReassignmentsTopics().setName("orders").setPartitionIndexes(Arrays.asList(0, 1))));
    }

    static Message listPartitionReassignmentsResponse(short v) {
        return new ListPartitionReassignmentsResponseData().setThrottleTimeMs(0).setErrorCode((short) 0).setErrorMessage(null)
            .setTopics(Arrays.asList(new ListPartitionReassignmentsResponseData.OngoingTopicReassignment().setName("orders")
                .setPartitions(Arrays.asList(new ListPartitionReassignmentsResponseData.OngoingPartitionReassignment().setPartitionIndex(0)
                    .setReplicas(Arrays.asList(1, 2, 3)).setAddingReplicas(Arrays.asList(2, 3)).setRemovingReplicas(Arrays.asList())))));
    }

    // ---- ElectLeaders ----
    static Message electLeadersRequest(short v) {
        ElectLeadersRequestData.TopicPartitionsCollection topics = new ElectLeadersRequestData.TopicPartitionsCollection();
        topics.add(new ElectLeadersRequestData.TopicPartitions().setTopic("orders").setPartitions(Arrays.asList(0, 2)));
        ElectLeadersRequestData d = new ElectLeadersRequestData().setTopicPartitions(topics).setTimeoutMs(60000);
        if (v >= 1)
            d.setElectionType((byte) 0);
        return d;
    }

    static Message electLeadersResponse(short v) {
        ElectLeadersResponseData d = new ElectLeadersResponseData().setThrottleTimeMs(0).setReplicaElectionResults(Arrays.asList(
            new ElectLeadersResponseData.ReplicaElectionResult().setTopic("orders").setPartitionResult(Arrays.asList(
                new ElectLeadersResponseData.PartitionResult().setPartitionId(0).setErrorCode((short) 0).setErrorMessage(null),
                new ElectLeadersResponseData.PartitionResult().setPartitionId(2).setErrorCode((short) 84)
                    .setErrorMessage("Leader election not needed for topic partition.")))));
        if (v >= 1)
            d.setErrorCode((short) 0);
        return d;
    }

    // ---- DeleteRecords ----
    static Message deleteRecordsRequest(short v) {
        return new DeleteRecordsRequestData().setTimeoutMs(30000).setTopics(Arrays.asList(
            new DeleteRecordsRequestData.DeleteRecordsTopic().setName("orders").setPartitions(Arrays.asList(
                new DeleteRecordsRequestData.DeleteRecordsPartition().setPartitionIndex(0).setOffset(100L),
                new DeleteRecordsRequestData.DeleteRecordsPartition().setPartitionIndex(1).setOffset(-1L)))));
    }

    static Message deleteRecordsResponse(short v) {
        DeleteRecordsResponseData.DeleteRecordsPartitionResultCollection partitions = new DeleteRecordsResponseData.DeleteRecordsPartitionResultCollection();
        partitions.add(new DeleteRecordsResponseData.DeleteRecordsPartitionResult().setPartitionIndex(0).setLowWatermark(100L).setErrorCode((short) 0));
        partitions.add(new DeleteRecordsResponseData.DeleteRecordsPartitionResult().setPartitionIndex(1).setLowWatermark(-1L).setErrorCode((short) 1));
        DeleteRecordsResponseData.DeleteRecordsTopicResultCollection topics = new DeleteRecordsResponseData.DeleteRecordsTopicResultCollection();
        topics.add(new DeleteRecordsResponseData.DeleteRecordsTopicResult().setName("orders").setPartitions(partitions));
        return new DeleteRecordsResponseData().setThrottleTimeMs(0).setTopics(topics);
    }

    // ---- DescribeQuorum ----
    static Message describeQuorumRequest(short v) {
        return new DescribeQuorumRequestData().setTopics(Arrays.asList(new DescribeQuorumRequestData.TopicData()
            .setTopicName("__cluster_metadata").setPartitions(Arrays.asList(new DescribeQuorumRequestData.PartitionData().setPartitionIndex(0)))));
    }

    static DescribeQuorumResponseData.ReplicaState replica(short v, int id, long leo, long fetch, long caughtUp) {
        DescribeQuorumResponseData.ReplicaState r = new DescribeQuorumResponseData.ReplicaState().setReplicaId(id).setLogEndOffset(leo);
        if (v >= 1)
            r.setLastFetchTimestamp(fetch).setLastCaughtUpTimestamp(caughtUp);
        if (v >= 2)
            r.setReplicaDirectoryId(new Uuid(0x1111L * id, 0x2222L * id));
        return r;
    }

    static Message describeQuorumResponse(short v) {
        DescribeQuorumResponseData.PartitionData p = new DescribeQuorumResponseData.PartitionData().setPartitionIndex(0)
            .setErrorCode((short) 0).setLeaderId(1).setLeaderEpoch(7).setHighWatermark(4242L)
            .setCurrentVoters(Arrays.asList(replica(v, 1, 4242L, 1760000000000L, 1760000000000L),
                                            replica(v, 2, 4240L, 1759999999900L, 1759999999000L)))
            .setObservers(Arrays.asList(replica(v, 4, 4100L, -1L, -1L)));
        DescribeQuorumResponseData d = new DescribeQuorumResponseData().setErrorCode((short) 0)
            .setTopics(Arrays.asList(new DescribeQuorumResponseData.TopicData().setTopicName("__cluster_metadata").setPartitions(Arrays.asList(p))));
        if (v >= 2) {
            d.setErrorMessage(null);
            p.setErrorMessage(null);
            DescribeQuorumResponseData.ListenerCollection listeners = new DescribeQuorumResponseData.ListenerCollection();
            listeners.add(new DescribeQuorumResponseData.Listener().setName("CONTROLLER").setHost("127.0.0.1").setPort(49093));
            DescribeQuorumResponseData.NodeCollection nodes = new DescribeQuorumResponseData.NodeCollection();
            nodes.add(new DescribeQuorumResponseData.Node().setNodeId(1).setListeners(listeners));
            d.setNodes(nodes);
        }
        return d;
    }

    // ---- DescribeCluster ----
    static Message describeClusterRequest(short v) {
        DescribeClusterRequestData d = new DescribeClusterRequestData().setIncludeClusterAuthorizedOperations(false);
        if (v >= 1)
            d.setEndpointType((byte) 1);
        if (v >= 2)
            d.setIncludeFencedBrokers(true);
        return d;
    }

    static Message describeClusterResponse(short v) {
        DescribeClusterResponseData.DescribeClusterBrokerCollection brokers = new DescribeClusterResponseData.DescribeClusterBrokerCollection();
        DescribeClusterResponseData.DescribeClusterBroker one = new DescribeClusterResponseData.DescribeClusterBroker()
            .setBrokerId(1).setHost("127.0.0.1").setPort(19092).setRack("rack-a");
        DescribeClusterResponseData.DescribeClusterBroker two = new DescribeClusterResponseData.DescribeClusterBroker()
            .setBrokerId(2).setHost("127.0.0.1").setPort(29092).setRack(null);
        if (v >= 2)
            two.setIsFenced(true);
        brokers.add(one);
        brokers.add(two);
        DescribeClusterResponseData d = new DescribeClusterResponseData().setThrottleTimeMs(0).setErrorCode((short) 0)
            .setErrorMessage(null).setClusterId("kafscope-cluster").setControllerId(1).setBrokers(brokers)
            .setClusterAuthorizedOperations(Integer.MIN_VALUE);
        if (v >= 1)
            d.setEndpointType((byte) 1);
        return d;
    }

    // ---- ListGroups ----
    static Message listGroupsRequest(short v) {
        ListGroupsRequestData d = new ListGroupsRequestData();
        if (v >= 4)
            d.setStatesFilter(Arrays.asList("Stable", "Empty"));
        if (v >= 5)
            d.setTypesFilter(Arrays.asList("classic", "consumer"));
        return d;
    }

    static ListGroupsResponseData.ListedGroup listedGroup(short v, String id, String protocolType, String state, String type) {
        ListGroupsResponseData.ListedGroup g = new ListGroupsResponseData.ListedGroup().setGroupId(id).setProtocolType(protocolType);
        if (v >= 4)
            g.setGroupState(state);
        if (v >= 5)
            g.setGroupType(type);
        return g;
    }

    static Message listGroupsResponse(short v) {
        ListGroupsResponseData d = new ListGroupsResponseData().setErrorCode((short) 0).setGroups(Arrays.asList(
            listedGroup(v, "orders-app", "consumer", "Stable", "classic"),
            listedGroup(v, "kip848-app", "", "Empty", "consumer"),
            listedGroup(v, "connect-cluster", "connect", "PreparingRebalance", "classic")));
        if (v >= 1)
            d.setThrottleTimeMs(10);
        return d;
    }

    // ---- FindCoordinator ----
    static Message findCoordinatorRequest(short v) {
        FindCoordinatorRequestData d = new FindCoordinatorRequestData();
        if (v <= 3)
            d.setKey("orders-app");
        if (v >= 1)
            d.setKeyType((byte) 0);
        if (v >= 4)
            d.setCoordinatorKeys(Arrays.asList("orders-app", "payments-app"));
        return d;
    }

    static Message findCoordinatorResponse(short v) {
        FindCoordinatorResponseData d = new FindCoordinatorResponseData();
        if (v >= 1)
            d.setThrottleTimeMs(5);
        if (v <= 3) {
            d.setErrorCode((short) 0).setNodeId(2).setHost("broker-2.example").setPort(29092);
            if (v >= 1)
                d.setErrorMessage(null);
        } else {
            d.setCoordinators(Arrays.asList(
                new FindCoordinatorResponseData.Coordinator().setKey("orders-app").setNodeId(2).setHost("broker-2.example")
                    .setPort(29092).setErrorCode((short) 0).setErrorMessage(null),
                new FindCoordinatorResponseData.Coordinator().setKey("payments-app").setNodeId(-1).setHost("").setPort(-1)
                    .setErrorCode((short) 15).setErrorMessage("The coordinator is not available.")));
        }
        return d;
    }

    // ---- DescribeGroups ----
    static Message describeGroupsRequest(short v) {
        DescribeGroupsRequestData d = new DescribeGroupsRequestData().setGroups(Arrays.asList("orders-app", "missing-app"));
        if (v >= 3)
            d.setIncludeAuthorizedOperations(true);
        return d;
    }

    static byte[] versionPrefixed(short version, Message message) {
        return MessageUtil.toVersionPrefixedBytes(version, message);
    }

    static Message describeGroupsResponse(short v) {
        DescribeGroupsResponseData.DescribedGroupMember one = new DescribeGroupsResponseData.DescribedGroupMember()
            .setMemberId("consumer-1-5f2a").setClientId("consumer-1").setClientHost("/10.0.0.1")
            .setMemberMetadata(versionPrefixed((short) 3, consumerProtocolSubscription((short) 3)))
            .setMemberAssignment(versionPrefixed((short) 3, consumerProtocolAssignment((short) 3)));
        DescribeGroupsResponseData.DescribedGroupMember two = new DescribeGroupsResponseData.DescribedGroupMember()
            .setMemberId("consumer-2-77b1").setClientId("consumer-2").setClientHost("/10.0.0.2")
            .setMemberMetadata(versionPrefixed((short) 0, consumerProtocolSubscription((short) 0)))
            .setMemberAssignment(new byte[0]);
        if (v >= 4) {
            one.setGroupInstanceId("instance-1");
            two.setGroupInstanceId(null);
        }
        DescribeGroupsResponseData.DescribedGroup orders = new DescribeGroupsResponseData.DescribedGroup().setErrorCode((short) 0)
            .setGroupId("orders-app").setGroupState("Stable").setProtocolType("consumer").setProtocolData("range")
            .setMembers(Arrays.asList(one, two));
        DescribeGroupsResponseData.DescribedGroup missing = new DescribeGroupsResponseData.DescribedGroup()
            .setGroupId("missing-app").setProtocolType("").setProtocolData("").setMembers(Arrays.asList());
        if (v >= 6) // GROUP_ID_NOT_FOUND (KIP-1043); older versions answer a Dead group
            missing.setErrorCode((short) 69).setErrorMessage("Group missing-app not found.").setGroupState("");
        else
            missing.setErrorCode((short) 0).setGroupState("Dead");
        if (v >= 3) {
            orders.setAuthorizedOperations(2552);
            missing.setAuthorizedOperations(Integer.MIN_VALUE);
        }
        DescribeGroupsResponseData d = new DescribeGroupsResponseData().setGroups(Arrays.asList(orders, missing));
        if (v >= 1)
            d.setThrottleTimeMs(7);
        return d;
    }

    // ---- The consumer protocol ----
    static Message consumerProtocolAssignment(short v) {
        ConsumerProtocolAssignment.TopicPartitionCollection assigned = new ConsumerProtocolAssignment.TopicPartitionCollection();
        assigned.add(new ConsumerProtocolAssignment.TopicPartition().setTopic("orders").setPartitions(Arrays.asList(0, 2, 4)));
        assigned.add(new ConsumerProtocolAssignment.TopicPartition().setTopic("payments").setPartitions(Arrays.asList(1)));
        return new ConsumerProtocolAssignment().setAssignedPartitions(assigned)
            .setUserData(ByteBuffer.wrap(new byte[] {(byte) 0xca, (byte) 0xfe}));
    }

    static Message consumerProtocolSubscription(short v) {
        ConsumerProtocolSubscription d = new ConsumerProtocolSubscription().setTopics(Arrays.asList("orders", "payments"))
            .setUserData(null);
        if (v >= 1) {
            ConsumerProtocolSubscription.TopicPartitionCollection owned = new ConsumerProtocolSubscription.TopicPartitionCollection();
            owned.add(new ConsumerProtocolSubscription.TopicPartition().setTopic("orders").setPartitions(Arrays.asList(0, 2)));
            d.setOwnedPartitions(owned);
        }
        if (v >= 2)
            d.setGenerationId(5);
        if (v >= 3)
            d.setRackId("rack-a");
        return d;
    }

    // ---- ConsumerGroupDescribe ----
    static Message consumerGroupDescribeRequest(short v) {
        return new ConsumerGroupDescribeRequestData().setGroupIds(Arrays.asList("kip848-app", "missing"))
            .setIncludeAuthorizedOperations(true);
    }

    static ConsumerGroupDescribeResponseData.TopicPartitions cgdTopic(Uuid id, String name, Integer... partitions) {
        return new ConsumerGroupDescribeResponseData.TopicPartitions().setTopicId(id).setTopicName(name)
            .setPartitions(Arrays.asList(partitions));
    }

    static Message consumerGroupDescribeResponse(short v) {
        ConsumerGroupDescribeResponseData.Member one = new ConsumerGroupDescribeResponseData.Member().setMemberId("Xk3v9Q")
            .setInstanceId(null).setRackId("rack-a").setMemberEpoch(12).setClientId("consumer-1").setClientHost("/10.0.0.1")
            .setSubscribedTopicNames(Arrays.asList("orders", "payments")).setSubscribedTopicRegex(null)
            .setAssignment(new ConsumerGroupDescribeResponseData.Assignment().setTopicPartitions(Arrays.asList(
                cgdTopic(ORDERS_ID, "orders", 0, 1), cgdTopic(PAYMENTS_ID, "payments", 0))))
            .setTargetAssignment(new ConsumerGroupDescribeResponseData.Assignment().setTopicPartitions(Arrays.asList(
                cgdTopic(ORDERS_ID, "orders", 0, 1, 2))));
        ConsumerGroupDescribeResponseData.Member two = new ConsumerGroupDescribeResponseData.Member().setMemberId("Yb7w2R")
            .setInstanceId("static-2").setRackId(null).setMemberEpoch(11).setClientId("consumer-2").setClientHost("/10.0.0.2")
            .setSubscribedTopicNames(Arrays.asList()).setSubscribedTopicRegex("pay.*")
            .setAssignment(new ConsumerGroupDescribeResponseData.Assignment().setTopicPartitions(Arrays.asList()))
            .setTargetAssignment(new ConsumerGroupDescribeResponseData.Assignment().setTopicPartitions(Arrays.asList(
                cgdTopic(PAYMENTS_ID, "payments", 1))));
        if (v >= 1) {
            one.setMemberType((byte) 1);
            two.setMemberType((byte) 0);
        }
        return new ConsumerGroupDescribeResponseData().setThrottleTimeMs(0).setGroups(Arrays.asList(
            new ConsumerGroupDescribeResponseData.DescribedGroup().setErrorCode((short) 0).setErrorMessage(null)
                .setGroupId("kip848-app").setGroupState("Stable").setGroupEpoch(12).setAssignmentEpoch(12)
                .setAssignorName("uniform").setMembers(Arrays.asList(one, two)).setAuthorizedOperations(2552),
            new ConsumerGroupDescribeResponseData.DescribedGroup().setErrorCode((short) 69)
                .setErrorMessage("Group missing not found.").setGroupId("missing").setGroupState("").setGroupEpoch(0)
                .setAssignmentEpoch(0).setAssignorName("").setMembers(Arrays.asList())
                .setAuthorizedOperations(Integer.MIN_VALUE)));
    }

    // ---- ShareGroupDescribe ----
    static Message shareGroupDescribeRequest(short v) {
        return new ShareGroupDescribeRequestData().setGroupIds(Arrays.asList("share-app", "nope"))
            .setIncludeAuthorizedOperations(false);
    }

    static Message shareGroupDescribeResponse(short v) {
        ShareGroupDescribeResponseData.Member one = new ShareGroupDescribeResponseData.Member().setMemberId("Sh4r3A")
            .setRackId(null).setMemberEpoch(3).setClientId("share-consumer-1").setClientHost("/10.0.0.3")
            .setSubscribedTopicNames(Arrays.asList("orders"))
            .setAssignment(new ShareGroupDescribeResponseData.Assignment().setTopicPartitions(Arrays.asList(
                new ShareGroupDescribeResponseData.TopicPartitions().setTopicId(ORDERS_ID).setTopicName("orders")
                    .setPartitions(Arrays.asList(0, 1, 2)))));
        return new ShareGroupDescribeResponseData().setThrottleTimeMs(0).setGroups(Arrays.asList(
            new ShareGroupDescribeResponseData.DescribedGroup().setErrorCode((short) 0).setErrorMessage(null)
                .setGroupId("share-app").setGroupState("Stable").setGroupEpoch(3).setAssignmentEpoch(3)
                .setAssignorName("simple").setMembers(Arrays.asList(one)).setAuthorizedOperations(Integer.MIN_VALUE),
            new ShareGroupDescribeResponseData.DescribedGroup().setErrorCode((short) 69)
                .setErrorMessage("Group nope not found.").setGroupId("nope").setGroupState("").setGroupEpoch(0)
                .setAssignmentEpoch(0).setAssignorName("").setMembers(Arrays.asList())
                .setAuthorizedOperations(Integer.MIN_VALUE)));
    }

    // ---- DeleteGroups ----
    static Message deleteGroupsRequest(short v) {
        return new DeleteGroupsRequestData().setGroupsNames(Arrays.asList("orders-app", "busy-app"));
    }

    static Message deleteGroupsResponse(short v) {
        DeleteGroupsResponseData.DeletableGroupResultCollection results = new DeleteGroupsResponseData.DeletableGroupResultCollection();
        results.add(new DeleteGroupsResponseData.DeletableGroupResult().setGroupId("orders-app").setErrorCode((short) 0));
        results.add(new DeleteGroupsResponseData.DeletableGroupResult().setGroupId("busy-app").setErrorCode((short) 68));
        return new DeleteGroupsResponseData().setThrottleTimeMs(0).setResults(results);
    }

    // ---- OffsetFetch ----
    static Message offsetFetchRequest(short v) {
        OffsetFetchRequestData d = new OffsetFetchRequestData();
        if (v <= 7) {
            d.setGroupId("orders-app").setTopics(Arrays.asList(
                new OffsetFetchRequestData.OffsetFetchRequestTopic().setName("orders").setPartitionIndexes(Arrays.asList(0, 1, 2)),
                new OffsetFetchRequestData.OffsetFetchRequestTopic().setName("payments").setPartitionIndexes(Arrays.asList(0))));
        } else {
            OffsetFetchRequestData.OffsetFetchRequestGroup orders = new OffsetFetchRequestData.OffsetFetchRequestGroup()
                .setGroupId("orders-app").setTopics(Arrays.asList(
                    new OffsetFetchRequestData.OffsetFetchRequestTopics().setName("orders").setPartitionIndexes(Arrays.asList(0, 1, 2)),
                    new OffsetFetchRequestData.OffsetFetchRequestTopics().setName("payments").setPartitionIndexes(Arrays.asList(0))));
            OffsetFetchRequestData.OffsetFetchRequestGroup all = new OffsetFetchRequestData.OffsetFetchRequestGroup()
                .setGroupId("payments-app").setTopics(null);
            if (v >= 9)
                orders.setMemberId("member-1").setMemberEpoch(5);
            d.setGroups(Arrays.asList(orders, all));
        }
        if (v >= 7)
            d.setRequireStable(true);
        return d;
    }

    static Message offsetFetchResponse(short v) {
        OffsetFetchResponseData d = new OffsetFetchResponseData();
        if (v >= 3)
            d.setThrottleTimeMs(20);
        if (v <= 7) {
            OffsetFetchResponseData.OffsetFetchResponsePartition p0 = new OffsetFetchResponseData.OffsetFetchResponsePartition()
                .setPartitionIndex(0).setCommittedOffset(1234L).setMetadata("").setErrorCode((short) 0);
            OffsetFetchResponseData.OffsetFetchResponsePartition p1 = new OffsetFetchResponseData.OffsetFetchResponsePartition()
                .setPartitionIndex(1).setCommittedOffset(-1L).setMetadata(null).setErrorCode((short) 0);
            OffsetFetchResponseData.OffsetFetchResponsePartition p2 = new OffsetFetchResponseData.OffsetFetchResponsePartition()
                .setPartitionIndex(2).setCommittedOffset(-1L).setMetadata("").setErrorCode((short) 3);
            OffsetFetchResponseData.OffsetFetchResponsePartition pay = new OffsetFetchResponseData.OffsetFetchResponsePartition()
                .setPartitionIndex(0).setCommittedOffset(42L).setMetadata("note").setErrorCode((short) 0);
            if (v >= 5) {
                p0.setCommittedLeaderEpoch(7);
                p1.setCommittedLeaderEpoch(-1);
                p2.setCommittedLeaderEpoch(-1);
                pay.setCommittedLeaderEpoch(3);
            }
            d.setTopics(Arrays.asList(
                new OffsetFetchResponseData.OffsetFetchResponseTopic().setName("orders").setPartitions(Arrays.asList(p0, p1, p2)),
                new OffsetFetchResponseData.OffsetFetchResponseTopic().setName("payments").setPartitions(Arrays.asList(pay))));
            if (v >= 2)
                d.setErrorCode((short) 0);
        } else {
            d.setGroups(Arrays.asList(
                new OffsetFetchResponseData.OffsetFetchResponseGroup().setGroupId("orders-app").setErrorCode((short) 0)
                    .setTopics(Arrays.asList(
                        new OffsetFetchResponseData.OffsetFetchResponseTopics().setName("orders").setPartitions(Arrays.asList(
                            new OffsetFetchResponseData.OffsetFetchResponsePartitions().setPartitionIndex(0).setCommittedOffset(1234L)
                                .setCommittedLeaderEpoch(7).setMetadata("").setErrorCode((short) 0),
                            new OffsetFetchResponseData.OffsetFetchResponsePartitions().setPartitionIndex(1).setCommittedOffset(-1L)
                                .setCommittedLeaderEpoch(-1).setMetadata(null).setErrorCode((short) 0),
                            new OffsetFetchResponseData.OffsetFetchResponsePartitions().setPartitionIndex(2).setCommittedOffset(-1L)
                                .setCommittedLeaderEpoch(-1).setMetadata("").setErrorCode((short) 3))),
                        new OffsetFetchResponseData.OffsetFetchResponseTopics().setName("payments").setPartitions(Arrays.asList(
                            new OffsetFetchResponseData.OffsetFetchResponsePartitions().setPartitionIndex(0).setCommittedOffset(42L)
                                .setCommittedLeaderEpoch(3).setMetadata("note").setErrorCode((short) 0))))),
                new OffsetFetchResponseData.OffsetFetchResponseGroup().setGroupId("payments-app").setErrorCode((short) 16)
                    .setTopics(Arrays.asList())));
        }
        return d;
    }

    // ---- OffsetCommit ----
    static Message offsetCommitRequest(short v) {
        OffsetCommitRequestData d = new OffsetCommitRequestData().setGroupId("orders-app").setGenerationIdOrMemberEpoch(4)
            .setMemberId("consumer-1-5f2a").setRetentionTimeMs(86400000L).setTopics(Arrays.asList(
                new OffsetCommitRequestData.OffsetCommitRequestTopic().setName("orders").setPartitions(Arrays.asList(
                    new OffsetCommitRequestData.OffsetCommitRequestPartition().setPartitionIndex(0).setCommittedOffset(1235L)
                        .setCommittedLeaderEpoch(7).setCommittedMetadata(""),
                    new OffsetCommitRequestData.OffsetCommitRequestPartition().setPartitionIndex(1).setCommittedOffset(99L)
                        .setCommittedLeaderEpoch(-1).setCommittedMetadata(null))),
                new OffsetCommitRequestData.OffsetCommitRequestTopic().setName("payments").setPartitions(Arrays.asList(
                    new OffsetCommitRequestData.OffsetCommitRequestPartition().setPartitionIndex(0).setCommittedOffset(43L)
                        .setCommittedLeaderEpoch(3).setCommittedMetadata("note")))));
        if (v >= 7)
            d.setGroupInstanceId("instance-1");
        return d;
    }

    static Message offsetCommitResponse(short v) {
        OffsetCommitResponseData d = new OffsetCommitResponseData().setTopics(Arrays.asList(
            new OffsetCommitResponseData.OffsetCommitResponseTopic().setName("orders").setPartitions(Arrays.asList(
                new OffsetCommitResponseData.OffsetCommitResponsePartition().setPartitionIndex(0).setErrorCode((short) 0),
                new OffsetCommitResponseData.OffsetCommitResponsePartition().setPartitionIndex(1).setErrorCode((short) 12))),
            new OffsetCommitResponseData.OffsetCommitResponseTopic().setName("payments").setPartitions(Arrays.asList(
                new OffsetCommitResponseData.OffsetCommitResponsePartition().setPartitionIndex(0).setErrorCode((short) 22)))));
        if (v >= 3)
            d.setThrottleTimeMs(15);
        return d;
    }

    // ---- OffsetDelete ----
    static Message offsetDeleteRequest(short v) {
        OffsetDeleteRequestData.OffsetDeleteRequestTopicCollection topics = new OffsetDeleteRequestData.OffsetDeleteRequestTopicCollection();
        topics.add(new OffsetDeleteRequestData.OffsetDeleteRequestTopic().setName("orders").setPartitions(Arrays.asList(
            new OffsetDeleteRequestData.OffsetDeleteRequestPartition().setPartitionIndex(0),
            new OffsetDeleteRequestData.OffsetDeleteRequestPartition().setPartitionIndex(1))));
        topics.add(new OffsetDeleteRequestData.OffsetDeleteRequestTopic().setName("payments").setPartitions(Arrays.asList(
            new OffsetDeleteRequestData.OffsetDeleteRequestPartition().setPartitionIndex(0))));
        return new OffsetDeleteRequestData().setGroupId("orders-app").setTopics(topics);
    }

    static Message offsetDeleteResponse(short v) {
        OffsetDeleteResponseData.OffsetDeleteResponsePartitionCollection orders = new OffsetDeleteResponseData.OffsetDeleteResponsePartitionCollection();
        orders.add(new OffsetDeleteResponseData.OffsetDeleteResponsePartition().setPartitionIndex(0).setErrorCode((short) 0));
        orders.add(new OffsetDeleteResponseData.OffsetDeleteResponsePartition().setPartitionIndex(1).setErrorCode((short) 86));
        OffsetDeleteResponseData.OffsetDeleteResponsePartitionCollection payments = new OffsetDeleteResponseData.OffsetDeleteResponsePartitionCollection();
        payments.add(new OffsetDeleteResponseData.OffsetDeleteResponsePartition().setPartitionIndex(0).setErrorCode((short) 0));
        OffsetDeleteResponseData.OffsetDeleteResponseTopicCollection topics = new OffsetDeleteResponseData.OffsetDeleteResponseTopicCollection();
        topics.add(new OffsetDeleteResponseData.OffsetDeleteResponseTopic().setName("orders").setPartitions(orders));
        topics.add(new OffsetDeleteResponseData.OffsetDeleteResponseTopic().setName("payments").setPartitions(payments));
        return new OffsetDeleteResponseData().setErrorCode((short) 0).setThrottleTimeMs(0).setTopics(topics);
    }

    // ---- DescribeShareGroupOffsets ----
    static Message describeShareGroupOffsetsRequest(short v) {
        return new DescribeShareGroupOffsetsRequestData().setGroups(Arrays.asList(
            new DescribeShareGroupOffsetsRequestData.DescribeShareGroupOffsetsRequestGroup().setGroupId("share-app")
                .setTopics(Arrays.asList(new DescribeShareGroupOffsetsRequestData.DescribeShareGroupOffsetsRequestTopic()
                    .setTopicName("orders").setPartitions(Arrays.asList(0, 1)))),
            new DescribeShareGroupOffsetsRequestData.DescribeShareGroupOffsetsRequestGroup().setGroupId("other-share")
                .setTopics(null)));
    }

    static Message describeShareGroupOffsetsResponse(short v) {
        return new DescribeShareGroupOffsetsResponseData().setThrottleTimeMs(0).setGroups(Arrays.asList(
            new DescribeShareGroupOffsetsResponseData.DescribeShareGroupOffsetsResponseGroup().setGroupId("share-app")
                .setTopics(Arrays.asList(new DescribeShareGroupOffsetsResponseData.DescribeShareGroupOffsetsResponseTopic()
                    .setTopicName("orders").setTopicId(ORDERS_ID).setPartitions(Arrays.asList(
                        new DescribeShareGroupOffsetsResponseData.DescribeShareGroupOffsetsResponsePartition().setPartitionIndex(0)
                            .setStartOffset(100L).setLeaderEpoch(4).setErrorCode((short) 0).setErrorMessage(null),
                        new DescribeShareGroupOffsetsResponseData.DescribeShareGroupOffsetsResponsePartition().setPartitionIndex(1)
                            .setStartOffset(-1L).setLeaderEpoch(-1).setErrorCode((short) 3)
                            .setErrorMessage("This server does not host this topic-partition.")))))
                .setErrorCode((short) 0).setErrorMessage(null),
            new DescribeShareGroupOffsetsResponseData.DescribeShareGroupOffsetsResponseGroup().setGroupId("other-share")
                .setTopics(Arrays.asList()).setErrorCode((short) 69).setErrorMessage("Group other-share not found.")));
    }
}
