#!/usr/bin/env bash
# golden.fresh (issue #6): regenerates Kafka's own bytes with the kafka-clients jar of the test cluster's Kafka
# version and compares them with the committed tests/golden/kafka-<version>.txt that the codec tests read. A
# difference means the committed bytes are not what Kafka writes (or the Java program changed without the file).
# Usage: check-golden.sh [--write]   (--write replaces the committed file)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
version=${KAFSCOPE_GOLDEN_KAFKA_VERSION:-4.1.2}
libs=$(KAFSCOPE_KAFKA_VERSION=$version "$here/../cluster/kafka-cluster.sh" libs)
jar=$(compgen -G "$libs/kafka-clients-$version.jar") || { echo "kafka-clients-$version.jar not in $libs" >&2; exit 1; }
java=${KAFSCOPE_JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/java}}
java=${java:-java}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$java" -cp "$jar" "$here/GoldenBytes.java" > "$out"
committed=$here/kafka-$version.txt
if [[ ${1:-} == --write ]]; then
    cp "$out" "$committed"
    echo "wrote $committed ($(wc -l < "$committed") messages)"
    exit 0
fi
if ! diff -u "$committed" "$out"; then
    echo "golden bytes differ from what kafka-clients $version writes: run tests/golden/check-golden.sh --write" >&2
    exit 1
fi
echo "golden bytes match kafka-clients $version ($(grep -vc unsupported "$committed") messages, $(grep -c unsupported "$committed") versions it no longer writes)"
