#!/usr/bin/env bash
# Times `kafscope-cli topics --json` against `kcat -L -J` on a running cluster, both to /dev/null, alternating runs in
# the same session, and prints the medians and their ratio (kafscope / kcat; below 1 means kafscope-cli is faster).
# Both list every topic with its partitions from one Metadata request; each run is a fresh process, so process start
# and connection setup are part of both figures. Not a test: no pass/fail on time.
#
# Usage: bench/cli_vs_kcat.sh
# Environment:
#   KAFSCOPE_BOOTSTRAP   bootstrap servers (default: tests/cluster/kafka-cluster.sh bootstrap)
#   BENCH_TOPICS         topics to create first, kafscope-bench-00000.. (default 1000; 0 creates none)
#   BENCH_PARTITIONS     partitions per created topic (default 10)
#   BENCH_REPLICATION    replication factor of created topics (default 1: 10,000 partitions x RF 3 would be more
#                        than three 512 MiB test brokers on 2 cores comfortably carry)
#   BENCH_RUNS           timed runs of each tool (default 15; the brokers share the 2 cores, so single runs
#                        scatter), after one untimed warm-up each
#   BENCH_DELETE_TOPICS  1: delete the created topics at the end (scripts/bench sets it when the cluster was
#                        already running, so a shared cluster is left as found)
#   BENCH_BUILD_DIR      where kafscope-cli and bench_create_topics are built (default build/bench)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${BENCH_BUILD_DIR:-$root/build/bench}
cli=$build/app/kafscope-cli
create=$build/bench/bench_create_topics
topics=${BENCH_TOPICS:-1000}
partitions=${BENCH_PARTITIONS:-10}
replication=${BENCH_REPLICATION:-1}
runs=${BENCH_RUNS:-15}
prefix=kafscope-bench

log() { echo "cli_vs_kcat: $*" >&2; }
die() { log "error: $*"; exit 1; }

command -v kcat > /dev/null || die "kcat not found (scripts/install-deps --test installs it)"
[[ -x $cli ]] || die "$cli not built (ninja -C $build kafscope-cli)"
bootstrap=${KAFSCOPE_BOOTSTRAP:-$("$root/tests/cluster/kafka-cluster.sh" bootstrap)}

# "<topics> <partitions>" that one broker (or the bootstrap list) reports through kcat, counting only the topics of
# the prefix when one is given.
count() {  # brokers [prefix]
    kcat -L -J -b "$1" 2> /dev/null | python3 -c '
import json, sys
prefix = sys.argv[1] if len(sys.argv) > 1 else ""
ts = [t for t in json.load(sys.stdin)["topics"] if t["topic"].startswith(prefix) and not t.get("error")]
print(len(ts), sum(len(t["partitions"]) for t in ts))' "${@:2}"
}

if ((topics > 0)); then
    [[ -x $create ]] || die "$create not built (ninja -C $build bench_create_topics)"
    "$create" --bootstrap "$bootstrap" --count "$topics" --partitions "$partitions" --replication "$replication" \
        --prefix "$prefix"
    if [[ ${BENCH_DELETE_TOPICS:-0} == 1 ]]; then
        trap '"$create" --bootstrap "$bootstrap" --count "$topics" --prefix "$prefix" --delete || true' EXIT
    fi
    # CreateTopics returns once the controller committed the topics; each broker applies them (and creates its
    # logs) later, some seconds behind on 2 cores. Wait until every broker lists them all, so that both tools see
    # the same topics whichever broker they ask, and the brokers are done creating logs before the timing starts.
    mapfile -t brokers < <(kcat -L -J -b "$bootstrap" | python3 -c '
import json, sys
for b in json.load(sys.stdin)["brokers"]: print(b["name"])')
    ((${#brokers[@]} > 0)) || die "no brokers in the metadata of $bootstrap"
    for broker in "${brokers[@]}"; do
        for ((i = 0; i < 180; i++)); do
            read -r seen _ <<< "$(count "$broker" "$prefix-")"
            ((seen >= topics)) && break
            sleep 1
        done
        ((seen >= topics)) || die "$broker lists only $seen of $topics topics after 180 s"
    done
    sleep 5
fi
read -r total_topics total_partitions <<< "$(count "$bootstrap")"

# Both must have listed the same topics, or the comparison is of different work.
cli_count=$("$cli" topics --json --bootstrap "$bootstrap" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[[ $cli_count == "$total_topics" ]] || die "kafscope-cli listed $cli_count topics, kcat $total_topics"
kcat -L -J -b "$bootstrap" > /dev/null   # warm-up of kcat (the line above warmed kafscope-cli)

time_ms() {  # command...
    local t0=$EPOCHREALTIME
    "$@" > /dev/null || die "failed: $*"
    echo "$EPOCHREALTIME $t0" | awk '{ printf "%.1f\n", ($1 - $2) * 1000 }'
}

cli_ms=() kcat_ms=()
for ((i = 0; i < runs; i++)); do
    cli_ms+=("$(time_ms "$cli" topics --json --bootstrap "$bootstrap")")
    kcat_ms+=("$(time_ms kcat -L -J -b "$bootstrap")")
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
cli_med=$(median "${cli_ms[@]}")
kcat_med=$(median "${kcat_ms[@]}")
cli_min=$(printf '%s\n' "${cli_ms[@]}" | sort -g | head -n 1)
kcat_min=$(printf '%s\n' "${kcat_ms[@]}" | sort -g | head -n 1)
ratio=$(awk -v a="$cli_med" -v b="$kcat_med" 'BEGIN { printf "%.2f", a / b }')

echo "cli_vs_kcat: $total_topics topics, $total_partitions partitions on $bootstrap; $runs runs each, alternating"
echo "  kafscope-cli topics --json   median ${cli_med} ms (min ${cli_min})   runs: ${cli_ms[*]}"
echo "  kcat -L -J (baseline)        median ${kcat_med} ms (min ${kcat_min})   runs: ${kcat_ms[*]}"
echo "  ratio kafscope/kcat ${ratio} (target <= 1: no slower than kcat)"
echo "RESULT cli_vs_kcat topics=$total_topics partitions=$total_partitions kafscope_ms=$cli_med kcat_ms=$kcat_med ratio=$ratio kafscope_min_ms=$cli_min kcat_min_ms=$kcat_min target_ratio=1 runs=$runs"
