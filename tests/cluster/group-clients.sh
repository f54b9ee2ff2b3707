#!/usr/bin/env bash
# Java group clients for the integration tests: a consumer on the new consumer protocol (KIP-848), Kafka's console
# share consumer (KIP-932) and Kafka's own group commands, run on the broker jars of kafka-cluster.sh plus
# kafka-tools from Maven Central (only the jars the broker libs lack: no Connect, no Jetty).
#
# Usage: tests/cluster/group-clients.sh COMMAND ...
#   fetch                                     resolve the jars (first time ~10 s, then nothing); scripts/test runs it
#   consumer BOOTSTRAP TOPIC[,TOPIC] GROUP [PROP=VALUE...]
#             KafkaConsumer with group.protocol=consumer (tests/cluster/GroupClient.java): reads from the earliest
#             offset, commits after every poll with records, prints "ready" on stdout once it is a member with
#             partitions (or one without partitions for 3 s); runs until SIGTERM/SIGINT, then leaves the group
#   share-consumer BOOTSTRAP TOPIC GROUP [PROP=VALUE...]
#             Kafka's ConsoleShareConsumer (records to /dev/null) until SIGTERM/SIGINT; no ready line: wait for
#             the member with describe-share or ShareGroupDescribe. Kafka 4.1+ (the cluster formats share.version=1)
#   describe-consumer BOOTSTRAP GROUP [OPTION...]   ConsumerGroupCommand --describe --group GROUP (default OPTION:
#             none, i.e. the offsets and lag view; e.g. --members [--verbose], --state)
#   describe-share BOOTSTRAP GROUP [OPTION...]      ShareGroupCommand --describe --group GROUP (default --members)
#   list BOOTSTRAP                            every group with its type and protocol (GroupsCommand; 3.x:
#             ConsumerGroupCommand --list --type, which leaves share groups out)
#   tool CLASS [ARG...]                       any class on this classpath, e.g. org.apache.kafka.tools.TopicCommand
#   classpath                                 fetch, print the classpath
# consumer and share-consumer exec the JVM, so the pid a caller started is the JVM's: SIGTERM it (exit 143 within
# ~0.5 s, the member has left the group). SIGINT works too, unless the caller started it with SIGINT ignored (as `&`
# in a non-interactive shell does). Timings on 2 busy cores: "ready" 1.5-4 s after the start; a share consumer is
# listed as a member after 2.5-5 s and gets its partitions ~4 s later (the broker's 5 s share heartbeat interval).
# The commands print what Kafka's tools print; Java logging is WARN to stderr.
# Environment (as kafka-cluster.sh):
#   KAFSCOPE_KAFKA_VERSION   Kafka version (default 4.1.2); the tools are the same version as the broker jars
#   KAFSCOPE_CACHE           jar cache (default ~/.cache/kafscope): kafka-<version>/libs (broker, via
#                            kafka-cluster.sh fetch) and kafka-tools-<version>/libs (what this adds)
#   KAFSCOPE_JAVA            java binary (default $JAVA_HOME/bin/java, else java on PATH)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VERSION=${KAFSCOPE_KAFKA_VERSION:-4.1.2}
CACHE=${KAFSCOPE_CACHE:-$HOME/.cache/kafscope}
KAFKA_HOME=$CACHE/kafka-$VERSION
TOOLS_HOME=$CACHE/kafka-tools-$VERSION
JAVA=${KAFSCOPE_JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}
JAVA=${JAVA:-java}

log() { echo "group-clients: $*" >&2; }
die() { log "error: $*"; exit 1; }
# shellcheck source=maven.sh
source "$HERE/maven.sh"

is_kafka3() { [[ $VERSION == 3.* ]]; }
has_share_groups() { [[ $VERSION != 3.* && $VERSION != 4.0.* ]]; }

# ---- fetch -----------------------------------------------------------------------------------------------------
# kafka-tools with its dependencies minus Connect and the JAX-RS providers (tools-pom.xml), minus every jar whose
# artifact the broker libs already have (maven.sh).
fetch() {
    [[ -f $KAFKA_HOME/.complete ]] || "$HERE/kafka-cluster.sh" fetch
    maven_fetch_once "$TOOLS_HOME" "$HERE/tools-pom.xml" "kafka-tools $VERSION" "kafka-tools-$VERSION.jar" \
        "$KAFKA_HOME/libs" -Dkafka.version="$VERSION"
}

classpath() { echo "$KAFKA_HOME/libs/*:$TOOLS_HOME/libs/*"; }

# Java logging at WARN to stderr (Kafka's own tools-log4j2 does the same). Written to a temporary file and moved,
# so a JVM starting meanwhile never reads a half-written file.
log_opts() {
    local f tmp
    if is_kafka3; then
        f=$TOOLS_HOME/log4j.properties
        tmp=$(mktemp "$f.XXXXXX")
        cat > "$tmp" << 'EOF'
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF
        chmod 644 "$tmp" && mv "$tmp" "$f"
        echo "-Dlog4j.configuration=file:$f"
    else
        f=$TOOLS_HOME/log4j2.properties
        tmp=$(mktemp "$f.XXXXXX")
        cat > "$tmp" << 'EOF'
appender.stderr.type=Console
appender.stderr.name=stderr
appender.stderr.target=SYSTEM_ERR
appender.stderr.layout.type=PatternLayout
appender.stderr.layout.pattern=[%d] %p %m (%c)%n
rootLogger.level=WARN
rootLogger.appenderRef.stderr.ref=stderr
EOF
        chmod 644 "$tmp" && mv "$tmp" "$f"
        echo "-Dlog4j2.configurationFile=$f"
    fi
}

# exec: the caller's pid becomes the JVM's, so its SIGTERM reaches the JVM's shutdown hooks. C1 only and SerialGC:
# these are short or idle programs next to three brokers on few cores.
run_java() {  # java args...
    fetch
    local opts
    opts=$(log_opts)
    exec "$JAVA" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true "$opts" \
        -cp "$(classpath)" "$@"
}

need() {  # count usage args...
    local n=$1 usage=$2
    shift 2
    [[ $# -ge $n ]] || { echo "usage: $0 $usage" >&2; exit 2; }
}

need_share() { has_share_groups || die "Kafka $VERSION has no share groups (4.1 or newer)"; }

props_to_options() {  # option PROP=VALUE... -> option PROP=VALUE option PROP=VALUE ...
    local option=$1 p
    shift
    for p in "$@"; do printf '%s\n%s\n' "$option" "$p"; done
}

cmd=${1:-}
[[ $# -gt 0 ]] && shift
case "$cmd" in
    fetch) fetch ;;
    classpath) fetch && classpath ;;
    consumer)
        need 3 "consumer BOOTSTRAP TOPIC[,TOPIC] GROUP [PROP=VALUE...]" "$@"
        run_java "$HERE/GroupClient.java" "$@" ;;
    share-consumer)
        need 3 "share-consumer BOOTSTRAP TOPIC GROUP [PROP=VALUE...]" "$@"
        need_share
        bootstrap=$1 topic=$2 group=$3
        shift 3
        mapfile -t extra < <(props_to_options --consumer-property "$@")
        run_java org.apache.kafka.tools.consumer.ConsoleShareConsumer --bootstrap-server "$bootstrap" \
            --topic "$topic" --group "$group" "${extra[@]}" > /dev/null ;;
    describe-consumer)
        need 2 "describe-consumer BOOTSTRAP GROUP [OPTION...]" "$@"
        bootstrap=$1 group=$2
        shift 2
        run_java org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$bootstrap" \
            --describe --group "$group" "$@" ;;
    describe-share)
        need 2 "describe-share BOOTSTRAP GROUP [OPTION...]" "$@"
        need_share
        bootstrap=$1 group=$2
        shift 2
        [[ $# -gt 0 ]] || set -- --members
        run_java org.apache.kafka.tools.consumer.group.ShareGroupCommand --bootstrap-server "$bootstrap" \
            --describe --group "$group" "$@" ;;
    list)
        need 1 "list BOOTSTRAP" "$@"
        if is_kafka3; then
            run_java org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$1" --list --type
        else
            run_java org.apache.kafka.tools.GroupsCommand --bootstrap-server "$1" --list
        fi ;;
    tool)
        need 1 "tool CLASS [ARG...]" "$@"
        run_java "$@" ;;
    *)
        echo "usage: $0 fetch|consumer|share-consumer|describe-consumer|describe-share|list|tool|classpath ..." >&2
        exit 2 ;;
esac
