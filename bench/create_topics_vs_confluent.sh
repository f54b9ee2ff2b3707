#!/usr/bin/env bash
# Creates 1,000 topics with `kafscope-cli topic create NAME...` (one batched CreateTopics request, after its
# validate-only check of the same batch) next to confluent-kafka's AdminClient (Debian's python3-confluent-kafka,
# librdkafka underneath) creating the same batch in one create_topics() call, alternating runs in the same session
# on the same cluster; deletes each batch before the next run. Prints the medians and the ratio (kafscope /
# confluent-kafka; below 1 means kafscope-cli is faster). Both figures include process start. Not a test.
#
# Usage: bench/create_topics_vs_confluent.sh
# Environment:
#   KAFSCOPE_BOOTSTRAP   bootstrap servers (default: tests/cluster/kafka-cluster.sh bootstrap)
#   BENCH_CREATE_TOPICS  topics per batch (default 1000)
#   BENCH_CREATE_RUNS    timed runs of each tool (default 3)
#   BENCH_BUILD_DIR      where kafscope-cli and bench_create_topics are built (default build/bench)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BENCH_BUILD_DIR:-$root/build/bench}
cli=$build/app/kafscope-cli
remove=$build/bench/bench_create_topics
count=${BENCH_CREATE_TOPICS:-1000}
runs=${BENCH_CREATE_RUNS:-3}
# BENCH_SETTLE_SECONDS: pause after each batch is deleted (default 5)
bootstrap=${KAFSCOPE_BOOTSTRAP:-$("$root/tests/cluster/kafka-cluster.sh" bootstrap)}

log() { echo "create_topics_vs_confluent: $*" >&2; }
die() { log "error: $*"; exit 1; }
[[ -x $cli && -x $remove ]] || die "build kafscope-cli and bench_create_topics in $build first"
# Debian's python3 (where python3-confluent-kafka lives), not one earlier on PATH (pyenv, a venv).
py=/usr/bin/python3
[[ -x $py ]] || py=python3
"$py" -c 'import confluent_kafka' 2> /dev/null || die "python3-confluent-kafka is missing (scripts/install-deps --bench)"

names() { local i; for ((i = 0; i < count; i++)); do printf '%s-%05d\n' "$1" "$i"; done; }
now_ms() { date +%s%3N; }

kafscope_run() {  # prefix
    local t0 t1
    mapfile -t topics < <(names "$1")
    t0=$(now_ms)
    "$cli" topic create "${topics[@]}" --partitions 1 --replication-factor 1 --bootstrap "$bootstrap" > /dev/null
    t1=$(now_ms)
    echo $((t1 - t0))
}

# operation_timeout 0 (its default): the controller answers once it accepted the batch. 30: once the topics exist
# on the brokers, as kafscope-cli asks for (its CreateTopics timeout is 30 s), so the two compare like for like.
confluent_run() {  # prefix operation_timeout
    local t0 t1
    t0=$(now_ms)
    "$py" - "$bootstrap" "$1" "$count" "$2" << 'PY'
import sys
from confluent_kafka.admin import AdminClient, NewTopic
bootstrap, prefix, count, wait = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
admin = AdminClient({"bootstrap.servers": bootstrap})
futures = admin.create_topics([NewTopic("%s-%05d" % (prefix, i), 1, 1) for i in range(count)], request_timeout=120,
                              operation_timeout=wait)
failed = [t for t, f in futures.items() if f.exception() is not None]
if failed:
    sys.exit("%d topics failed, e.g. %s: %s" % (len(failed), failed[0], futures[failed[0]].exception()))
PY
    t1=$(now_ms)
    echo $((t1 - t0))
}

# Deleting 1,000 topics goes on in the brokers after the answer (log directories are removed in the background):
# the next batch waits a moment so that no tool pays for the previous one's cleanup.
cleanup() {  # prefix
    "$remove" --bootstrap "$bootstrap" --count "$count" --prefix "$1" --delete > /dev/null
    sleep "${BENCH_SETTLE_SECONDS:-5}"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

ours=()
theirs=()
theirsWaiting=()
for ((r = 0; r < runs; r++)); do
    log "run $((r + 1))/$runs"
    # The order rotates, so none of the three always runs first.
    for tool in $(printf 'kafscope\nconfluent\nwaiting\n' | tail -n +$((r % 3 + 1)); printf 'kafscope\nconfluent\nwaiting\n' | head -n $((r % 3))); do
        case $tool in
            kafscope) ours+=("$(kafscope_run kafscope-create-bench-$r)"); cleanup kafscope-create-bench-$r ;;
            confluent) theirs+=("$(confluent_run confluent-create-bench-$r 0)"); cleanup confluent-create-bench-$r ;;
            waiting) theirsWaiting+=("$(confluent_run confluent-wait-bench-$r 30)"); cleanup confluent-wait-bench-$r ;;
        esac
    done
done
k=$(printf '%s\n' "${ours[@]}" | median)
c=$(printf '%s\n' "${theirs[@]}" | median)
w=$(printf '%s\n' "${theirsWaiting[@]}" | median)
ratio=$("$py" -c "print('%.2f' % ($k / $w))")
echo "create $count topics in one batch, median of $runs: kafscope-cli ${k} ms (validate-only check, then create until the" \
    "topics exist); confluent-kafka AdminClient ${w} ms waiting as long (operation_timeout 30), ${c} ms returning once accepted (its default)"
echo "RESULT create_topics topics=$count kafscope_cli_ms=$k confluent_kafka_ms=$w confluent_kafka_accepted_ms=$c ratio=$ratio runs=$runs"
