#!/usr/bin/env bash
# Runs a real 3-node Apache Kafka cluster (KRaft, combined broker+controller) on 127.0.0.1 without Docker,
# from the broker jars on Maven Central. Used by the test suite and by scripts/local-cluster for demos. Kafka 4.1+
# clusters serve share groups (KIP-932; 4.1 is formatted with share.version=1). Group clients: group-clients.sh.
#
# Usage: tests/cluster/kafka-cluster.sh fetch|start|stop|status|bootstrap [--listener NAME]|client-config NAME|libs|
#                                      stop-node N|kill-node N|start-node N (N: 1..3 or all)|
#                                      start-connect [--demo file|postgres]|
#                                      stop-demo [file|postgres]|stop-connect|connect-url [--auth]|fetch-debezium|
#                                      psql [PSQL ARGS...]
#   (libs: fetch, print the jar folder; stop-node/start-node: one node of the running cluster (or all), on its
#   data; kill-node: SIGKILL one node (or all), as a crash;
#   start-connect/stop-connect: the two Kafka Connect workers below, on the running cluster; stop stops them too;
#   start-connect --demo file|postgres: also a demo of connect-demos.sh ("a file becomes a topic", "a database
#   becomes a topic": PostgreSQL and Debezium); stop-demo [file|postgres]: removes one, or both; psql: the demo
#   database's shell;
#   fetch-debezium: the Debezium plugin, so worker A starts with it; connect-url: worker A's REST URL, --auth B's)
#
# Listeners of every node (port = the node's PLAINTEXT port + offset):
#   PLAINTEXT       +0   no authentication (principal User:ANONYMOUS, a super user: what the other tests use)
#   SASL_PLAIN      +10  SASL_PLAINTEXT, PLAIN; sessions expire after 15 s (connections.max.reauth.ms, KIP-368)
#   SASL_SCRAM256   +11  SASL_PLAINTEXT, SCRAM-SHA-256
#   SASL_SCRAM512   +12  SASL_PLAINTEXT, SCRAM-SHA-512
#   SASL_OAUTH      +13  SASL_PLAINTEXT, OAUTHBEARER (Kafka's unsecured validator: unsigned tokens with sub and exp);
#                        sessions end with their token, at the latest after 60 s
#   SSL             +14  TLS, no client certificate
#   MTLS            +15  TLS with a client certificate required (principal: the certificate's CN)
#   SASL_SSL        +16  SCRAM-SHA-512 over TLS
#   PROXIED         +17  no authentication, like PLAINTEXT, but node 3 advertises it at its own port + 1 (node 3's
#                        PLAINTEXT port + 18), where nothing listens unless a test runs a TCP proxy there to this
#                        listener: a slow or silent broker for the clients of this listener only (the slow-broker
#                        tests; the brokers replicate over PLAINTEXT, so the other tests never see the proxy)
# Users (PLAIN and both SCRAMs): admin/admin-secret and alice/alice-secret (super users), reader/reader-secret (no
# super user: StandardAuthorizer gives it only what ACLs grant). TLS material made at start with openssl in
# $KAFSCOPE_CLUSTER_DIR/tls: ca.pem (the CA to trust), broker.pem (key + certificate, SAN IP:127.0.0.1 and
# localhost), alice.pem / alice.key (the client certificate, CN=alice; alice-keystore.pem: both in one file, a Java
# PEM key store), expired.pem / expired.key (CN=alice, signed by ca.pem, expired), other-ca.pem (another CA) and
# stranger.pem / stranger.key (a client certificate other-ca signed, which the brokers do not trust).
# Kafka Connect (start-connect; the same Kafka version, from Maven Central, jars in kafka-connect-<version>/libs): two
# distributed workers, each its own Connect cluster on the PLAINTEXT bootstrap, REST on 127.0.0.1 at the first
# node's PLAINTEXT port + offset:
#   connect-a       +20  plain HTTP, no authentication
#   connect-b       +21  HTTP basic auth (Kafka's BasicAuthSecurityRestExtension): connect-admin/connect-secret
# Worker W: group.id kafscope-connect-W, internal topics kafscope-connect-W-configs, -offsets and -status (replication
# factor 3). StringConverter for keys and values, so FileStreamSource lines land in a topic as plain text. The
# FileStreamSource/FileStreamSink connectors and Kafka's transforms are on the classpath. Connectors live in the
# configs topic: they survive stop-connect/start-connect, not a cluster start (which wipes all data). Source
# connectors must create their topic (auto.create.topics.enable=false), e.g. "topic.creation.default.partitions":
# "1" and "topic.creation.default.replication.factor": "1" in the connector config. Files in $KAFSCOPE_CLUSTER_DIR/
# connect-W (worker.properties, logs/connect.log; B: jaas.conf, credentials.properties).
# `client-config NAME` prints a Java client.properties for listener NAME as alice (admin for OAuth), e.g. for
# Kafka's tools' --command-config, or KafScope's --client-config.
# Environment:
#   KAFSCOPE_KAFKA_VERSION     broker version (default 4.1.2; 3.9.x and other 4.x work too)
#   KAFSCOPE_CACHE             jar cache (default ~/.cache/kafscope); jars go to kafka-<version>/libs
#   KAFSCOPE_CLUSTER_DIR       node configs, data and logs (default ~/.cache/kafscope/cluster)
#   KAFSCOPE_CLUSTER_TIMEOUT   seconds to wait for readiness (default 120)
#   KAFSCOPE_BROKER_PORTS      PLAINTEXT ports of nodes 1..3 (default "19092 29092 31092": below Linux's ephemeral
#                              range 32768-60999 with every listener offset, so no outgoing connection holds one)
#   KAFSCOPE_CONTROLLER_PORTS  CONTROLLER ports of nodes 1..3 (default "19093 29093 31093")
#   KAFSCOPE_BROKER_EXTRA      extra server.properties lines appended to every node (later lines win)
#   KAFSCOPE_JAVA              java binary (default $JAVA_HOME/bin/java, else java on PATH)
#   KAFSCOPE_CONNECT_HEAP      heap options of each Connect worker (default "-Xms64m -Xmx256m")
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
VERSION=${KAFSCOPE_KAFKA_VERSION:-4.1.2}
CACHE=${KAFSCOPE_CACHE:-$HOME/.cache/kafscope}
KAFKA_HOME=$CACHE/kafka-$VERSION
CONNECT_HOME=$CACHE/kafka-connect-$VERSION
CLUSTER_DIR=${KAFSCOPE_CLUSTER_DIR:-$HOME/.cache/kafscope/cluster}
TIMEOUT=${KAFSCOPE_CLUSTER_TIMEOUT:-120}
read -r -a BROKER_PORTS <<< "${KAFSCOPE_BROKER_PORTS:-19092 29092 31092}"
read -r -a CONTROLLER_PORTS <<< "${KAFSCOPE_CONTROLLER_PORTS:-19093 29093 31093}"
JAVA=${KAFSCOPE_JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}
JAVA=${JAVA:-java}
CONNECT_HEAP=${KAFSCOPE_CONNECT_HEAP:--Xms64m -Xmx256m}
NODES=(1 2 3)

log() { echo "kafka-cluster: $*" >&2; }
die() { log "error: $*"; exit 1; }
# shellcheck source=maven.sh
source "$HERE/maven.sh"

[[ ${#BROKER_PORTS[@]} -eq 3 && ${#CONTROLLER_PORTS[@]} -eq 3 ]] || die "need exactly 3 broker and 3 controller ports"

# Further listeners: name, port offset, security protocol, SASL mechanism (- for none).
LISTENERS=(
    "SASL_PLAIN 10 SASL_PLAINTEXT PLAIN"
    "SASL_SCRAM256 11 SASL_PLAINTEXT SCRAM-SHA-256"
    "SASL_SCRAM512 12 SASL_PLAINTEXT SCRAM-SHA-512"
    "SASL_OAUTH 13 SASL_PLAINTEXT OAUTHBEARER"
    "SSL 14 SSL -"
    "MTLS 15 SSL -"
    "SASL_SSL 16 SASL_SSL SCRAM-SHA-512"
    "PROXIED 17 PLAINTEXT -"
)
USERS=("admin admin-secret" "alice alice-secret" "reader reader-secret")

listener_spec() {  # name -> "name offset protocol mechanism"
    local l
    [[ $1 == PLAINTEXT ]] && { echo "PLAINTEXT 0 PLAINTEXT -"; return 0; }
    for l in "${LISTENERS[@]}"; do [[ ${l%% *} == "$1" ]] && { echo "$l"; return 0; }; done
    die "no listener $1 (PLAINTEXT $(for l in "${LISTENERS[@]}"; do printf '%s ' "${l%% *}"; done))"
}

bootstrap() {  # [listener]
    local out=() i spec offset
    spec=$(listener_spec "${1:-PLAINTEXT}")
    read -r _ offset _ _ <<< "$spec"
    for i in 0 1 2; do out+=("127.0.0.1:$((BROKER_PORTS[i] + offset))"); done
    (IFS=,; echo "${out[*]}")
}

TLS_DIR=$CLUSTER_DIR/tls

# A CA, the brokers' certificate (all nodes share it: they all are 127.0.0.1), alice's client certificate, an
# expired client certificate, and a second CA with a client certificate of its own (for "untrusted certificate"
# tests, both ways). Unencrypted PKCS#8 keys: Kafka's PEM key store
# reads them without ssl.key.password.
make_tls() {
    [[ -f $TLS_DIR/.complete-2 ]] && return 0 # -2: with expired.pem and stranger.pem
    command -v openssl > /dev/null || die "openssl not found (run scripts/install-deps --test)"
    rm -rf "$TLS_DIR"; mkdir -p "$TLS_DIR"
    (
        cd "$TLS_DIR"
        openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 \
            -subj "/CN=KafScope test CA" 2> /dev/null
        openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.pem -days 3650 \
            -subj "/CN=Some other CA" 2> /dev/null
        openssl req -newkey rsa:2048 -nodes -keyout broker.key -out broker.csr -subj "/CN=kafscope-test-broker" \
            2> /dev/null
        printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n' > broker.ext
        openssl x509 -req -in broker.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out broker.crt -days 3650 \
            -extfile broker.ext 2> /dev/null
        openssl req -newkey rsa:2048 -nodes -keyout alice.key -out alice.csr -subj "/CN=alice/O=KafScope tests" \
            2> /dev/null
        printf 'extendedKeyUsage=clientAuth\n' > alice.ext
        openssl x509 -req -in alice.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out alice.pem -days 3650 \
            -extfile alice.ext 2> /dev/null
        # expired.pem: signed by the CA but expired a day ago (-days -1); stranger.pem: valid, signed by other-ca.
        openssl req -newkey rsa:2048 -nodes -keyout expired.key -out expired.csr -subj "/CN=alice/O=Expired" \
            2> /dev/null
        openssl x509 -req -in expired.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out expired.pem -days -1 \
            -extfile alice.ext 2> /dev/null
        openssl req -newkey rsa:2048 -nodes -keyout stranger.key -out stranger.csr -subj "/CN=stranger" 2> /dev/null
        openssl x509 -req -in stranger.csr -CA other-ca.pem -CAkey other-ca.key -CAcreateserial -out stranger.pem \
            -days 3650 -extfile alice.ext 2> /dev/null
        cat broker.key broker.crt > broker.pem
        cat alice.key alice.pem > alice-keystore.pem # a Java PEM key store: key and certificate in one file
        rm -f ./*.csr ./*.ext ./*.srl
    ) || die "openssl could not make the test certificates"
    touch "$TLS_DIR/.complete-2"
}

jaas_plain() {
    local u out="org.apache.kafka.common.security.plain.PlainLoginModule required"
    for u in "${USERS[@]}"; do out+=" user_${u% *}=\"${u#* }\""; done
    echo "$out;"
}

# The SCRAM credentials, written into the metadata log at format time (every node gets the same).
scram_args() {
    local u m
    for m in SCRAM-SHA-256 SCRAM-SHA-512; do
        for u in "${USERS[@]}"; do printf -- '--add-scram %s=[name=%s,password=%s] ' "$m" "${u% *}" "${u#* }"; done
    done
}

client_config() {  # listener
    local spec name protocol mechanism
    spec=$(listener_spec "${1:-}")
    read -r name _ protocol mechanism <<< "$spec"
    echo "# KafScope test cluster, listener $name (tests/cluster/kafka-cluster.sh client-config $name)"
    echo "bootstrap.servers=$(bootstrap "$name")"
    echo "security.protocol=$protocol"
    case $mechanism in
        PLAIN) echo "sasl.mechanism=PLAIN"
            echo 'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="alice" password="alice-secret";' ;;
        SCRAM-*) echo "sasl.mechanism=$mechanism"
            echo 'sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" password="alice-secret";' ;;
        OAUTHBEARER) echo "sasl.mechanism=OAUTHBEARER"
            echo 'sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required unsecuredLoginStringClaim_sub="admin";' ;;
    esac
    if [[ $protocol == SSL || $protocol == SASL_SSL ]]; then
        echo "ssl.truststore.type=PEM"
        echo "ssl.truststore.location=$TLS_DIR/ca.pem"
    fi
    if [[ $name == MTLS ]]; then
        echo "ssl.keystore.type=PEM"
        echo "ssl.keystore.location=$TLS_DIR/alice-keystore.pem"
    fi
}

node_dir() { echo "$CLUSTER_DIR/node$1"; }

# Kafka 3.x logs through the log4j 1.x API (served by reload4j); 4.x through log4j2, whose SLF4J bridge must match
# the slf4j-api major version the broker pulls in (1.7.x for every 4.x release up to 4.4.0).
is_kafka3() { [[ $VERSION == 3.* ]]; }

# ---- fetch -----------------------------------------------------------------------------------------------------
# Resolves the broker jars (plus a logging backend, which Kafka does not depend on) from Maven Central. The
# .complete marker is written last, so an interrupted fetch is redone rather than used half-finished.
fetch() {
    [[ -f $KAFKA_HOME/.complete ]] && return 0
    command -v mvn > /dev/null || die "mvn not found (run scripts/install-deps --test)"
    local profile=log4j2-slf4j1 tmp
    is_kafka3 && profile=reload4j
    mkdir -p "$KAFKA_HOME"
    tmp=$(mktemp -d "$KAFKA_HOME/libs.tmp.XXXXXX")
    log "fetching Kafka $VERSION jars from Maven Central (profile $profile)"
    copy_deps "$profile" "$tmp"
    # If a future broker moves to slf4j 2.x, the slf4j 1 bridge would leave it silent: switch bridges.
    if ! is_kafka3 && compgen -G "$tmp/slf4j-api-2.*.jar" > /dev/null; then
        rm -rf "$tmp"; tmp=$(mktemp -d "$KAFKA_HOME/libs.tmp.XXXXXX")
        copy_deps log4j2-slf4j2 "$tmp"
    fi
    compgen -G "$tmp/kafka_2.13-$VERSION.jar" > /dev/null || die "kafka_2.13-$VERSION.jar missing after fetch"
    rm -rf "$KAFKA_HOME/libs"
    mv "$tmp" "$KAFKA_HOME/libs"
    echo "$VERSION" > "$KAFKA_HOME/.complete"
    log "jars cached in $KAFKA_HOME/libs"
}

copy_deps() {  # profile outdir
    maven_copy_deps "$HERE/pom.xml" "$2" "Kafka $VERSION" -P"$1" -Dkafka.version="$VERSION" \
        ${KAFSCOPE_LOG4J_VERSION:+-Dlog4j.version=$KAFSCOPE_LOG4J_VERSION}
}

# ---- processes -------------------------------------------------------------------------------------------------
# A pid file alone could point at a recycled pid; only count it if that process runs kafka.Kafka on our config.
node_pid() {
    local f pid
    f=$(node_dir "$1")/kafka.pid
    [[ -f $f ]] || return 1
    pid=$(< "$f")
    [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2> /dev/null || return 1
    tr '\0' ' ' < "/proc/$pid/cmdline" 2> /dev/null | grep -qF "kafka.Kafka $(node_dir "$1")/server.properties" || return 1
    echo "$pid"
}

running_count() {
    local n c=0
    for n in "${NODES[@]}"; do node_pid "$n" > /dev/null && c=$((c + 1)); done
    echo "$c"
}

# Number of brokers the cluster metadata reports (0 when unreachable).
metadata_brokers() {
    timeout 15 kcat -b "$(bootstrap)" -L -J -m 5 2> /dev/null \
        | python3 -c 'import json,sys; print(len(json.load(sys.stdin).get("brokers", [])))' 2> /dev/null || echo 0
}

healthy() { [[ $(running_count) -eq 3 && $(metadata_brokers) -eq 3 ]]; }

port_busy() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }

# ---- configuration ---------------------------------------------------------------------------------------------
write_config() {  # node
    local n=$1 d i voters=()
    d=$(node_dir "$n")
    for i in 0 1 2; do voters+=("$((i + 1))@127.0.0.1:${CONTROLLER_PORTS[$i]}"); done
    local bp=${BROKER_PORTS[$((n - 1))]} cp=${CONTROLLER_PORTS[$((n - 1))]} l name offset protocol
    local listeners="PLAINTEXT://127.0.0.1:$bp" map="PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
    local advertised=$listeners port
    for l in "${LISTENERS[@]}"; do
        read -r name offset protocol _ <<< "$l"
        port=$((bp + offset))
        listeners+=",$name://127.0.0.1:$port"
        # Node 3's PROXIED listener is reached through the slow-broker tests' proxy (see the header).
        [[ $name == PROXIED && $n == 3 ]] && port=$((port + 1))
        advertised+=",$name://127.0.0.1:$port"
        map+=",$name:$protocol"
    done
    cat > "$d/server.properties" << EOF
# Generated by tests/cluster/kafka-cluster.sh (Kafka $VERSION); rewritten on every start.
process.roles=broker,controller
node.id=$n
controller.quorum.voters=$(IFS=,; echo "${voters[*]}")
controller.listener.names=CONTROLLER
listeners=$listeners,CONTROLLER://127.0.0.1:$cp
advertised.listeners=$advertised
listener.security.protocol.map=$map
inter.broker.listener.name=PLAINTEXT
# Authentication on the secure listeners (see the header); PLAINTEXT and the controllers are User:ANONYMOUS.
listener.name.sasl_plain.sasl.enabled.mechanisms=PLAIN
# Sessions on SASL_PLAIN last 15 s (KIP-368): clients re-authenticate on the connection, or are disconnected.
listener.name.sasl_plain.connections.max.reauth.ms=15000
listener.name.sasl_oauth.connections.max.reauth.ms=60000
listener.name.sasl_plain.plain.sasl.jaas.config=$(jaas_plain)
listener.name.sasl_scram256.sasl.enabled.mechanisms=SCRAM-SHA-256
listener.name.sasl_scram256.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.sasl_scram512.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.sasl_scram512.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.sasl_oauth.sasl.enabled.mechanisms=OAUTHBEARER
listener.name.sasl_oauth.oauthbearer.sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required unsecuredLoginStringClaim_sub="broker";
listener.name.sasl_ssl.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
ssl.keystore.type=PEM
ssl.keystore.location=$TLS_DIR/broker.pem
ssl.truststore.type=PEM
ssl.truststore.location=$TLS_DIR/ca.pem
listener.name.mtls.ssl.client.auth=required
# Java writes the subject in RFC 2253 order ("O=KafScope tests,CN=alice"): the CN anywhere in it is the user.
ssl.principal.mapping.rules=RULE:^(.*,)?CN=([^,]+).*\$/\$2/,DEFAULT
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:ANONYMOUS;User:admin;User:alice
log.dirs=$d/data
num.partitions=1
default.replication.factor=1
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
delete.topic.enable=true
# Leadership moves back to a restarted broker only when someone asks (a preferred election): what the tests and the
# teaching demos show, instead of the controller doing it by itself up to 5 minutes later.
auto.leader.rebalance.enable=false
# The cleaner's dedupe buffer is 128 MiB of heap by default; too much for three 512 MiB brokers.
log.cleaner.dedupe.buffer.size=2097152
EOF
    [[ -n ${KAFSCOPE_BROKER_EXTRA:-} ]] && printf '# KAFSCOPE_BROKER_EXTRA\n%s\n' "$KAFSCOPE_BROKER_EXTRA" >> "$d/server.properties"
    if is_kafka3; then
        cat > "$d/log4j.properties" << 'EOF'
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=${kafka.logs.dir}/server.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
EOF
    else
        cat > "$d/log4j2.properties" << 'EOF'
appender.file.type=File
appender.file.name=file
appender.file.fileName=${sys:kafka.logs.dir}/server.log
appender.file.layout.type=PatternLayout
appender.file.layout.pattern=[%d] %p %m (%c)%n
rootLogger.level=INFO
rootLogger.appenderRef.file.ref=file
logger.request.name=kafka.request.logger
logger.request.level=WARN
EOF
    fi
}

log_opts() {  # node
    local d
    d=$(node_dir "$1")
    echo "-Dkafka.logs.dir=$d/logs"
    if is_kafka3; then echo "-Dlog4j.configuration=file:$d/log4j.properties"
    else echo "-Dlog4j2.configurationFile=$d/log4j2.properties"; fi
}

# Share groups (KIP-932): 4.1 has them off (share.version 0; the share APIs are listed in ApiVersions all the same
# and answer UNSUPPORTED_VERSION) and serves them once share.version is 1, with no broker config (group.share.enable
# is an internal override): set at format time, so every 4.1 cluster has them from the start. 4.2+ format with them
# on (4.4: share.version 2, which =1 would pin down); 3.x has none, 4.0 only early access behind unstable flags.
format_features() {
    if [[ $VERSION == 4.1.* ]]; then echo "--feature share.version=1"; fi
}

# Formats all three nodes' storage (static quorum: no --standalone/--initial-controllers) in parallel.
format_storage() {
    local id n pids=() d
    # A cluster id starting with '-' would be read as an option by kafka-storage (1 start in 64 failed): draw again.
    id=$(python3 -c 'import base64,uuid
while True:
    i = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
    if not i.startswith("-"):
        print(i)
        break')
    for n in "${NODES[@]}"; do
        d=$(node_dir "$n")
        # shellcheck disable=SC2046
        "$JAVA" -Xmx256m $(log_opts "$n") -cp "$KAFKA_HOME/libs/*" kafka.tools.StorageTool \
            format -t "$id" -c "$d/server.properties" $(format_features) $(scram_args) > "$d/logs/format.log" 2>&1 9>&- &
        pids+=($!)
    done
    for n in "${NODES[@]}"; do
        wait "${pids[$((n - 1))]}" || { cat "$(node_dir "$n")/logs/format.log" >&2; die "formatting node $n failed"; }
    done
}

# ---- start / stop ----------------------------------------------------------------------------------------------
start() {
    # Concurrent start/stop calls would trample each other. Children get fd 9 closed (9>&-), else the brokers
    # would hold the lock for their lifetime.
    exec 9> "$CLUSTER_DIR.lock"; flock 9
    if [[ $(running_count) -eq 3 && $(cat "$CLUSTER_DIR/version" 2> /dev/null) == "$VERSION" ]] && healthy; then
        log "already running and healthy (Kafka $VERSION): $(bootstrap)"
        return 0
    fi
    stop_workers   # Connect workers of a previous cluster: their topics are about to be wiped
    if [[ $(running_count) -gt 0 ]]; then
        log "restarting: running cluster ($(cat "$CLUSTER_DIR/version" 2> /dev/null)) is partial, unhealthy or not $VERSION"
        stop_nodes
    fi
    fetch
    make_tls
    local p n d l t0=$SECONDS ports=("${BROKER_PORTS[@]}" "${CONTROLLER_PORTS[@]}")
    for p in "${BROKER_PORTS[@]}"; do
        for l in "${LISTENERS[@]}"; do read -r _ n _ _ <<< "$l"; ports+=($((p + n))); done
    done
    for p in "${ports[@]}"; do
        port_busy "$p" && die "port $p on 127.0.0.1 is already in use (set KAFSCOPE_BROKER_PORTS/KAFSCOPE_CONTROLLER_PORTS)"
    done
    log "starting Kafka $VERSION in $CLUSTER_DIR"
    for n in "${NODES[@]}"; do
        d=$(node_dir "$n")
        rm -rf "$d"   # fresh data every start; logs of the previous run stay until here for diagnosis
        mkdir -p "$d/data" "$d/logs"
        write_config "$n"
    done
    echo "$VERSION" > "$CLUSTER_DIR/version"
    format_storage
    for n in "${NODES[@]}"; do
        d=$(node_dir "$n")
        # SerialGC: fewer GC threads competing for 2 cores across three JVMs.
        # shellcheck disable=SC2046
        launch_node "$n"
    done
    wait_ready || { dump_logs; stop_nodes; die "cluster did not become ready (logs in $CLUSTER_DIR/node*/logs)"; }
    log "ready in $((SECONDS - t0))s: $(bootstrap)"
}

launch_node() {  # node
    local n=$1 d
    d=$(node_dir "$n")
    # SerialGC: fewer GC threads competing for 2 cores across three JVMs.
    # shellcheck disable=SC2046
    nohup "$JAVA" -Xms256m -Xmx512m -XX:+UseSerialGC -Djava.awt.headless=true $(log_opts "$n") \
        -cp "$KAFKA_HOME/libs/*" kafka.Kafka "$d/server.properties" >> "$d/logs/stdout.log" 2>&1 < /dev/null 9>&- &
    echo $! > "$d/kafka.pid"
    disown $!   # no "Killed" job notice from this shell if startup fails and we kill the node
}

# One node of a running cluster (for tests of brokers failing): stopped with a controlled shutdown (TERM; SIGKILL
# after 30 s), or killed (KILL) as a crash or a pulled plug, with no controlled shutdown, so its leaderships move only
# once the controller sees its session expire (broker.session.timeout.ms, 9 s by default); started again on its data.
halt_node() {  # node|all TERM|KILL
    local n=$1 signal=$2 pid i verb
    verb=$([[ $signal == KILL ]] && echo kill-node || echo stop-node)
    if [[ $n == all ]]; then
        for n in "${NODES[@]}"; do halt_node "$n" "$signal"; done
        return 0
    fi
    [[ $n =~ ^[1-3]$ ]] || die "$verb takes 1, 2, 3 or all"
    exec 9> "$CLUSTER_DIR.lock"; flock 9
    pid=$(node_pid "$n") || { log "node $n is not running"; return 0; }
    kill "-$signal" "$pid" 2> /dev/null || true
    for ((i = 0; i < 60; i++)); do kill -0 "$pid" 2> /dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2> /dev/null && { log "node $n did not stop within 30s: SIGKILL"; kill -KILL "$pid" 2> /dev/null || true; sleep 1; }
    rm -f "$(node_dir "$n")/kafka.pid"
    log "node $n $([[ $signal == KILL ]] && echo "killed (SIGKILL)" || echo stopped)"
}

# Starts one stopped node (or all stopped ones) on its data; done when each logged its startup again and the
# metadata lists all three brokers (a lone node of a cluster whose quorum is gone waits for the others).
start_node() {  # node|all
    local n=$1 d deadline pending=() started
    local -A before=()
    [[ $n =~ ^([1-3]|all)$ ]] || die "start-node takes 1, 2, 3 or all"
    exec 9> "$CLUSTER_DIR.lock"; flock 9
    for n in $([[ $n == all ]] && echo "${NODES[@]}" || echo "$n"); do
        node_pid "$n" > /dev/null && { log "node $n is already running"; continue; }
        d=$(node_dir "$n")
        [[ -f $d/server.properties ]] || die "node $n was never started (run start first)"
        before[$n]=$(grep -c "Kafka Server started" "$d/logs/server.log" 2> /dev/null || true)
        launch_node "$n"
        pending+=("$n")
    done
    [[ ${#pending[@]} -gt 0 ]] || return 0
    deadline=$((SECONDS + TIMEOUT))
    while ((SECONDS < deadline)); do
        started=0
        for n in "${pending[@]}"; do
            d=$(node_dir "$n")
            kill -0 "$(cat "$d/kafka.pid")" 2> /dev/null || die "node $n exited during startup (logs in $d/logs)"
            [[ $(grep -c "Kafka Server started" "$d/logs/server.log" 2> /dev/null || true) -gt ${before[$n]:-0} ]] \
                && started=$((started + 1))
        done
        if [[ $started -eq ${#pending[@]} && $(metadata_brokers) -eq 3 ]]; then
            for n in "${pending[@]}"; do log "node $n started again"; done
            return 0
        fi
        sleep 0.5
    done
    die "node(s) ${pending[*]} did not start within ${TIMEOUT}s"
}

# Ready when every node logged its startup line and the metadata lists all three brokers.
wait_ready() {
    local deadline=$((SECONDS + TIMEOUT)) n started
    while ((SECONDS < deadline)); do
        started=0
        for n in "${NODES[@]}"; do
            # kill -0, not node_pid: right after the fork the pid may not have exec'd java yet.
            kill -0 "$(cat "$(node_dir "$n")/kafka.pid")" 2> /dev/null || { log "node $n exited during startup"; return 1; }
            grep -q "Kafka Server started" "$(node_dir "$n")/logs/server.log" 2> /dev/null && started=$((started + 1))
        done
        [[ $started -eq 3 && $(metadata_brokers) -eq 3 ]] && return 0
        sleep 1
    done
    log "not ready after ${TIMEOUT}s"
    return 1
}

dump_logs() {
    local n d
    for n in "${NODES[@]}"; do
        d=$(node_dir "$n")
        echo "===== node $n: $d/logs/server.log (errors, then tail) =====" >&2
        grep -E '^\[.*\] (ERROR|FATAL)' "$d/logs/server.log" 2> /dev/null | tail -n 10 >&2 || true
        echo "-----" >&2
        tail -n 20 "$d/logs/server.log" >&2 2> /dev/null || true
        echo "===== node $n: $d/logs/stdout.log (tail) =====" >&2
        tail -n 10 "$d/logs/stdout.log" >&2 2> /dev/null || true
    done
}

# Node 3, then 2, then 1: a controlled shutdown needs the controller quorum. Nodes 3 and 2 get up to 20 s. The
# last node has no quorum left, so its controlled shutdown would hang (minutes); it gets SIGKILL after 5 s, which
# is harmless because every start formats fresh data.
stop_nodes() {
    local n pid i grace
    for n in 3 2 1; do
        pid=$(node_pid "$n") || { rm -f "$(node_dir "$n")/kafka.pid"; continue; }
        grace=40   # half-second steps
        [[ $(running_count) -eq 1 ]] && grace=10
        kill -TERM "$pid" 2> /dev/null || true
        for ((i = 0; i < grace; i++)); do kill -0 "$pid" 2> /dev/null || break; sleep 0.5; done
        if kill -0 "$pid" 2> /dev/null; then
            [[ $grace -eq 40 ]] && log "node $n did not stop within 20s: SIGKILL"
            kill -KILL "$pid" 2> /dev/null || true
            for ((i = 0; i < 20; i++)); do kill -0 "$pid" 2> /dev/null || break; sleep 0.25; done
        fi
        rm -f "$(node_dir "$n")/kafka.pid"
    done
}

stop() {
    exec 9> "$CLUSTER_DIR.lock"; flock 9
    stop_demo_loops
    stop_postgres
    stop_workers   # first: with the brokers gone, a worker's shutdown would wait for them
    stop_nodes
    [[ $(running_count) -eq 0 ]] || die "some nodes are still running"
    log "stopped"
}

status() {
    local n pid up=0
    for n in "${NODES[@]}"; do
        if pid=$(node_pid "$n"); then echo "node$n: running (pid $pid)"; up=$((up + 1))
        else echo "node$n: stopped"; fi
    done
    echo "version: $(cat "$CLUSTER_DIR/version" 2> /dev/null || echo unknown)"
    echo "bootstrap: $(bootstrap)"
    for w in "${WORKERS[@]}"; do   # only when they run: the output stays as it was for clusters without Connect
        pid=$(worker_pid "$w") || continue
        echo "connect-$w: running (pid $pid) $(worker_url "$w")$([[ $w == b ]] && echo " (basic auth $CONNECT_USER)")"
    done
    if pg_running; then echo "postgres: running 127.0.0.1:$PG_PORT (database $PG_DB, demo topic $PG_TOPIC)"; fi
    [[ $up -eq 3 ]]
}

# shellcheck source=connect.sh
source "$HERE/connect.sh"
# shellcheck source=connect-demos.sh
source "$HERE/connect-demos.sh"

mkdir -p "$CLUSTER_DIR"
case "${1:-}" in
    fetch) fetch ;;
    start) start ;;
    stop) stop ;;
    status) status ;;
    bootstrap)
        if [[ ${2:-} == --listener ]]; then bootstrap "${3:-}"; else bootstrap; fi ;;
    client-config) make_tls && client_config "${2:-}" ;;
    libs) fetch && echo "$KAFKA_HOME/libs" ;;
    stop-node) halt_node "${2:-}" TERM ;;
    kill-node) halt_node "${2:-}" KILL ;;
    start-node) start_node "${2:-}" ;;
    start-connect)
        case "${2:-} ${3:-}" in
            " ") start_connect ;;
            "--demo file") start_connect && start_file_demo ;;
            "--demo postgres") start_connect && start_postgres_demo ;;
            *) die "start-connect takes nothing, --demo file or --demo postgres" ;;
        esac ;;
    stop-demo) stop_demo "${2:-}" ;;
    stop-connect) stop_connect ;;
    connect-url) connect_url "${2:-}" ;;
    fetch-debezium) fetch && fetch_debezium ;;
    psql) shift; open_psql "$@" ;;
    *) echo "usage: $0 fetch|start|stop|status|bootstrap [--listener NAME]|client-config NAME|libs|stop-node N|kill-node N|start-node N (N: 1..3 or all)|start-connect [--demo file|postgres]|stop-demo [file|postgres]|stop-connect|connect-url [--auth]|fetch-debezium|psql [ARGS...]" >&2
        exit 2 ;;
esac
