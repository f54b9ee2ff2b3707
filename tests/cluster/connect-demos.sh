# The learning notes' Connect demos on worker A, sourced by kafka-cluster.sh: start-connect --demo file|postgres,
# stop-demo [file|postgres] (without an argument, both), psql. Each demo is idempotent: PUT config creates or
# updates its connectors.
DEMO_DIR=$CLUSTER_DIR/connect-demo

# A background loop of a demo: the function FN run in a new session (setsid + nohup: it outlives this script and its
# caller's terminal; fd 9, the cluster lock, closed), once (a running one is kept); stop-demo and stop-connect end it.
start_loop() {  # fn args...
    local fn=$1 pid
    pid=$(cat "$DEMO_DIR/$fn.pid" 2> /dev/null || true)
    [[ -n $pid ]] && kill -0 "$pid" 2> /dev/null && return 0
    setsid nohup bash -c "$(declare -f "$fn"); $fn \"\$@\"" "$@" > /dev/null 2>&1 < /dev/null 9>&- &
    echo $! > "$DEMO_DIR/$fn.pid"
}

stop_loop() {  # fn
    local pid
    pid=$(cat "$DEMO_DIR/$1.pid" 2> /dev/null) || return 0
    kill "$pid" 2> /dev/null || true
    rm -f "$DEMO_DIR/$1.pid"
}

stop_demo_loops() { stop_loop append_lines; stop_loop change_rows; }

# ---- "A file becomes a topic" ----------------------------------------------------------------------------------
# demo-file-source reads $DEMO_DIR/input.txt, which a loop appends a line to every 2 s, into topic connect-demo-lines
# (3 partitions, RF 3); demo-file-sink writes that topic back to $DEMO_DIR/output.txt.
DEMO_TOPIC=connect-demo-lines

append_lines() {  # file
    local n users=(alice bob carol dave erin)
    n=$(wc -l < "$1")
    while :; do n=$((n + 1)); echo "line $n at $(date +%T): ${users[n % 5]} clicked" >> "$1"; sleep 2; done
}

start_file_demo() {
    local url
    url=$(worker_url a)
    worker_pid a > /dev/null || die "worker connect-a does not run"
    mkdir -p "$DEMO_DIR"
    touch "$DEMO_DIR/input.txt" "$DEMO_DIR/output.txt"
    start_loop append_lines "$DEMO_DIR/input.txt"
    rest_put "$url/connectors/demo-file-source/config" "{\"connector.class\": \"FileStreamSource\",
        \"file\": \"$DEMO_DIR/input.txt\", \"topic\": \"$DEMO_TOPIC\",
        \"topic.creation.default.partitions\": \"3\", \"topic.creation.default.replication.factor\": \"3\"}" \
        || die "the worker refused demo-file-source"
    rest_put "$url/connectors/demo-file-sink/config" "{\"connector.class\": \"FileStreamSink\",
        \"file\": \"$DEMO_DIR/output.txt\", \"topics\": \"$DEMO_TOPIC\"}" \
        || die "the worker refused demo-file-sink"
    log "file demo: $DEMO_DIR/input.txt grows by a line every 2 s -> demo-file-source -> topic $DEMO_TOPIC" \
        "-> demo-file-sink -> $DEMO_DIR/output.txt"
    log "watch it: kafscope -b $(bootstrap) --connect $url --page connect   (and the Live tab on $DEMO_TOPIC)"
}

# ---- "A database becomes a topic" (change data capture) --------------------------------------------------------
# A PostgreSQL server of its own (Debian's package; initdb and the server run as the postgres user, never as root)
# with logical decoding, and Debezium's PostgreSQL connector (Maven Central) on worker A, streaming table
# public.customers of database shop into topic pgdemo.public.customers (3 partitions, RF 3). Keys are the primary key
# ({"id":3}), so every change of a row lands in the same partition; values are Debezium's envelope (op c/u/d, before,
# after; REPLICA IDENTITY FULL gives updates their "before"), and a delete is followed by a tombstone (null value)
# with the row's key. A loop changes a row every 3 s; `psql` opens the database for your own INSERT, UPDATE and
# DELETE. The server listens on 127.0.0.1 only, at the first node's PLAINTEXT port + 22; its data is made anew
# whenever it starts, and stop-demo, stop-connect and stop stop it.
#   KAFSCOPE_DEBEZIUM_VERSION   Debezium release (default 3.6.1.Final; jars in debezium-postgres-<version>/libs)
#   KAFSCOPE_PG_DIR             the server's folder (default $KAFSCOPE_CLUSTER_DIR/postgres; as root, where the
#                               postgres user can reach it: /var/tmp/kafscope-<cluster folder name>-postgres)
DEBEZIUM_VERSION=${KAFSCOPE_DEBEZIUM_VERSION:-3.6.1.Final}
DEBEZIUM_HOME=$CACHE/debezium-postgres-$DEBEZIUM_VERSION
PG_PORT=$((BROKER_PORTS[0] + 22))
PG_USER=kafscope
PG_PASSWORD=kafscope-demo
PG_DB=shop
PG_TOPIC=pgdemo.public.customers
PG_CONNECTOR=demo-postgres-source
if [[ $(id -u) -eq 0 ]]; then
    PG_DIR=${KAFSCOPE_PG_DIR:-/var/tmp/kafscope-$(basename "$CLUSTER_DIR")-postgres}
else
    PG_DIR=${KAFSCOPE_PG_DIR:-$CLUSTER_DIR/postgres}
fi

# The connector with its dependencies (debezium-pom.xml leaves out Kafka's own jars, which the worker has): a plugin
# folder of its own, which worker A loads in isolation (plugin.path).
fetch_debezium() {
    maven_fetch_once "$DEBEZIUM_HOME" "$HERE/debezium-pom.xml" "Debezium PostgreSQL connector $DEBEZIUM_VERSION" \
        "debezium-connector-postgres-$DEBEZIUM_VERSION.jar" "" -Ddebezium.version="$DEBEZIUM_VERSION"
}

# Worker W's plugin folders beyond its own: worker A gets Debezium once it was fetched.
extra_plugin_path() {  # worker
    [[ $1 == a && -f $DEBEZIUM_HOME/.complete ]] && echo ",$DEBEZIUM_HOME"
    return 0
}

pg_bin() {
    local bin
    bin=$(compgen -G "/usr/lib/postgresql/*/bin" | sort -V | tail -n 1 || true)
    [[ -n $bin && -x $bin/initdb ]] || die "PostgreSQL is not installed (run scripts/install-deps --test)"
    echo "$bin"
}

# Run from PG_DIR (the postgres user may not enter the caller's folder), without fd 9, the cluster lock: the server
# would hold it for its lifetime.
as_postgres() {  # command...
    if [[ $(id -u) -eq 0 ]]; then
        (cd "$PG_DIR" && runuser -u postgres -- "$@" 9>&-)
    else
        (cd "$PG_DIR" && "$@" 9>&-)
    fi
}

pg_running() {
    [[ -f $PG_DIR/data/postmaster.pid ]] && as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" status > /dev/null 2>&1
}

pg_psql() {  # psql arguments...  (as the demo user, over TCP with its password, as Debezium connects)
    PGPASSWORD=$PG_PASSWORD "$(pg_bin)/psql" -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" "$@"
}

PG_FRESH=0   # start_postgres made the database anew

start_postgres() {
    local bin
    bin=$(pg_bin)
    if pg_running; then log "PostgreSQL already runs on 127.0.0.1:$PG_PORT"; return 0; fi
    PG_FRESH=1
    port_busy "$PG_PORT" && die "port $PG_PORT on 127.0.0.1 (PostgreSQL) is already in use (set KAFSCOPE_BROKER_PORTS)"
    rm -rf "$PG_DIR"
    mkdir -p "$PG_DIR"
    echo "$PG_PASSWORD" > "$PG_DIR/pwfile"
    if [[ $(id -u) -eq 0 ]]; then chown -R postgres: "$PG_DIR"; fi
    as_postgres "$bin/initdb" -D "$PG_DIR/data" -U "$PG_USER" --pwfile="$PG_DIR/pwfile" --auth-local=trust \
        --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 > "$PG_DIR/initdb.log" 2>&1 \
        || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
    # Logical decoding for Debezium (pgoutput is built in). A throwaway database may skip what makes it crash-safe.
    as_postgres tee -a "$PG_DIR/data/postgresql.conf" > /dev/null << EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
wal_level = logical
max_wal_senders = 4
max_replication_slots = 4
shared_buffers = 16MB
fsync = off
full_page_writes = off
EOF
    as_postgres "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 start > /dev/null \
        || { tail -n 20 "$PG_DIR/postgres.log" >&2; die "PostgreSQL did not start (log: $PG_DIR/postgres.log)"; }
    pg_psql -q -d postgres -c "CREATE DATABASE $PG_DB" || die "could not create database $PG_DB"
    pg_psql -q -d "$PG_DB" << 'SQL' || die "could not create the demo table"
CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, email text, city text,
                        visits integer NOT NULL DEFAULT 0);
ALTER TABLE customers REPLICA IDENTITY FULL;
INSERT INTO customers (name, email, city) VALUES
    ('Alice Martin', 'alice@example.com', 'Lyon'), ('Bob Dupont', 'bob@example.com', 'Paris'),
    ('Carol Smith', 'carol@example.com', 'Leeds'), ('Dave Jones', 'dave@example.com', 'Oslo'),
    ('Erin Weber', 'erin@example.com', 'Bern'), ('Frank Rossi', 'frank@example.com', 'Turin');
SQL
    log "PostgreSQL on 127.0.0.1:$PG_PORT (database $PG_DB, user $PG_USER, data in $PG_DIR)"
}

stop_postgres() {
    pg_running || return 0
    as_postgres "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 30 stop > /dev/null 2>&1 || true
    log "PostgreSQL stopped"
}

# Inserts, updates (half of the changes) and deletes on random rows, so the same keys come back again and again.
change_rows() {  # psql command...
    local n=0 sql cities=(Lyon Paris Leeds Oslo Bern Turin Porto Ghent)
    while :; do
        n=$((n + 1))
        case $((n % 4)) in
            1) sql="INSERT INTO customers (name, email, city) VALUES ('customer $n', 'c$n@example.com', '${cities[n % 8]}')" ;;
            0) sql="DELETE FROM customers WHERE id = (SELECT min(id) FROM customers) AND (SELECT count(*) FROM customers) > 4" ;;
            *) sql="UPDATE customers SET city = '${cities[n % 8]}', visits = visits + 1
                    WHERE id = (SELECT id FROM customers ORDER BY random() LIMIT 1)" ;;
        esac
        "$@" -q -c "$sql" || true
        sleep 3
    done
}

# Worker A loads plugins when it starts: one running without Debezium is restarted with it (connectors live in
# Kafka and come back).
ensure_debezium_on_worker() {
    fetch_debezium
    rest_get "$(worker_url a)/connector-plugins" | grep -qF PostgresConnector && return 0
    log "restarting connect-a with the Debezium plugin"
    stop_workers a
    start_workers a
}

start_postgres_demo() {
    local url config
    url=$(worker_url a)
    worker_pid a > /dev/null || die "worker connect-a does not run"
    ensure_debezium_on_worker
    start_postgres
    mkdir -p "$DEMO_DIR"
    start_loop change_rows env PGPASSWORD="$PG_PASSWORD" "$(pg_bin)/psql" -X -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" \
        -d "$PG_DB"
    config="{
        \"connector.class\": \"io.debezium.connector.postgresql.PostgresConnector\",
        \"database.hostname\": \"127.0.0.1\", \"database.port\": \"$PG_PORT\", \"database.user\": \"$PG_USER\",
        \"database.password\": \"$PG_PASSWORD\", \"database.dbname\": \"$PG_DB\", \"topic.prefix\": \"pgdemo\",
        \"plugin.name\": \"pgoutput\", \"slot.name\": \"kafscope_demo\", \"publication.name\": \"kafscope_demo\",
        \"publication.autocreate.mode\": \"filtered\", \"table.include.list\": \"public.customers\",
        \"key.converter\": \"org.apache.kafka.connect.json.JsonConverter\", \"key.converter.schemas.enable\": \"false\",
        \"value.converter\": \"org.apache.kafka.connect.json.JsonConverter\", \"value.converter.schemas.enable\": \"false\",
        \"topic.creation.default.partitions\": \"3\", \"topic.creation.default.replication.factor\": \"3\"}"
    if [[ $PG_FRESH -eq 0 ]]; then
        rest_put "$url/connectors/$PG_CONNECTOR/config" "$config" || die "the worker refused $PG_CONNECTOR"
    else
        # A database made anew starts its log over, while Connect keeps a source's offsets under the connector's
        # name, even after a delete: Debezium would skip the new rows until the log passed the old position. So the
        # connector is created stopped (KIP-980), its offsets reset (KIP-875), and then resumed.
        rest_delete "$url/connectors/$PG_CONNECTOR"
        rest POST "$url/connectors" "{\"name\": \"$PG_CONNECTOR\", \"config\": $config, \"initial_state\": \"STOPPED\"}" \
            > /dev/null || die "the worker refused $PG_CONNECTOR"
        rest DELETE "$url/connectors/$PG_CONNECTOR/offsets" > /dev/null || die "could not reset $PG_CONNECTOR's offsets"
        rest PUT "$url/connectors/$PG_CONNECTOR/resume" > /dev/null || die "could not resume $PG_CONNECTOR"
    fi
    log "postgres demo: table public.customers of database $PG_DB (127.0.0.1:$PG_PORT), a row changed every 3 s" \
        "-> $PG_CONNECTOR (Debezium $DEBEZIUM_VERSION) -> topic $PG_TOPIC, keyed by primary key"
    log "change rows yourself: scripts/local-cluster psql -c \"UPDATE customers SET city = 'Rome' WHERE id = 2\""
    log "watch it: kafscope -b $(bootstrap) --tail $PG_TOPIC   (the Connect page: --connect $url --page connect)"
}

open_psql() {  # psql arguments...
    pg_running || die "the demo database does not run (start it: start-connect --demo postgres)"
    pg_psql -d "$PG_DB" "$@"
}

stop_demo() {  # [file|postgres] (default: both)
    local url
    url=$(worker_url a)
    case ${1:-} in
        "" | file | postgres) ;;
        *) die "stop-demo takes nothing, file or postgres" ;;
    esac
    if [[ ${1:-file} == file ]]; then
        stop_loop append_lines
        rest_delete "$url/connectors/demo-file-source"
        rest_delete "$url/connectors/demo-file-sink"
        log "file demo stopped (topic $DEMO_TOPIC and $DEMO_DIR kept)"
    fi
    if [[ ${1:-postgres} == postgres ]]; then
        stop_loop change_rows
        rest_delete "$url/connectors/$PG_CONNECTOR"
        stop_postgres
        log "postgres demo stopped (topic $PG_TOPIC kept)"
    fi
}
