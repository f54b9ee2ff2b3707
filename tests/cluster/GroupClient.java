// A consumer on the new consumer group protocol (KIP-848) for the integration tests, run by
// tests/cluster/group-clients.sh as a single-file source program:
//   java -cp KAFKA_LIBS GroupClient.java BOOTSTRAP TOPIC[,TOPIC...] GROUP [PROP=VALUE...]
// Subscribes with group.protocol=consumer, reads from the earliest offset, commits after every poll that returned
// records, prints "ready" on stdout once it is a member with partitions (or a member without any for 3 s), and
// runs until SIGTERM/SIGINT, then leaves the group and exits (status 143/130, as any JVM ended by a signal).
// Records are not printed. PROP=VALUE pairs override or add consumer configs (client.id, group.instance.id, ...).

import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

public class GroupClient {
    @SuppressWarnings("deprecation") // close(Duration): 3.9 clients have no close(CloseOptions)
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: GroupClient BOOTSTRAP TOPIC[,TOPIC...] GROUP [PROP=VALUE...]");
            System.exit(2);
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, args[2]);
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "kafscope-test-" + args[2]);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) {
                System.err.println("group-client: not PROP=VALUE: " + args[i]);
                System.exit(2);
            }
            props.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }

        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
        Thread main = Thread.currentThread();
        // On SIGTERM/SIGINT: interrupt the poll, then wait for main to close the consumer (which leaves the group).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.wakeup();
            try {
                main.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        consumer.subscribe(Arrays.asList(args[1].split(",")));
        boolean ready = false;
        long memberSince = -1;
        long records = 0;
        int status = 0;
        try {
            while (true) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    records += batch.count();
                    consumer.commitSync();
                }
                if (ready) continue;
                boolean member = consumer.groupMetadata().generationId() > 0;
                if (member && memberSince < 0) memberSince = System.nanoTime();
                boolean assigned = !consumer.assignment().isEmpty();
                if (assigned || (member && System.nanoTime() - memberSince > 3_000_000_000L)) {
                    ready = true;
                    System.err.println("group-client: member " + consumer.groupMetadata().memberId() + " of group "
                            + args[2] + ", epoch " + consumer.groupMetadata().generationId() + ", partitions "
                            + consumer.assignment());
                    System.out.println("ready");
                    System.out.flush();
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            // e.g. UnsupportedVersionException: the brokers do not serve the consumer protocol (3.x without KIP-848).
            // Said here: the source launcher can fail to print an exception thrown out of main.
            System.err.println("group-client: error: " + e);
            status = 1;
        } finally {
            consumer.close(Duration.ofSeconds(5));
            System.err.println("group-client: left group " + args[2] + " after " + records + " records");
        }
        // halt, not exit: exit would wait for the shutdown hook, which waits for this thread.
        if (status != 0) Runtime.getRuntime().halt(status);
    }
}
