#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target (tests/fuzz/fuzz_targets.cpp) into OUTDIR/<target>/.

Seeds are real bytes where there are any: the responses Kafka's own classes wrote (tests/golden/kafka-4.1.2.txt,
each prefixed with its version byte, as the targets read them), framed as a broker frames them for the frame
reader, the Connect answers recorded from a real worker (tests/unit/connectfixtures.h), and RFC 5802's SCRAM
exchange; the importers get what the test cluster's client-config prints and Kafka's reassignment JSON; the lag
history's frames are written here as kafka/lag/historyframes.cpp writes them.

Usage: seeds.py OUTDIR
"""
import os
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)


def write(outdir, target, name, data):
    d = os.path.join(outdir, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def golden(outdir):
    """Responses: version byte + body. Consumer protocol data: the bytes as they are. Returns (key, body) pairs."""
    responses = []
    with open(os.path.join(TESTS, "golden", "kafka-4.1.2.txt")) as f:
        for n, line in enumerate(f):
            parts = line.split()
            if len(parts) != 4:
                continue
            api, kind, version, hexbytes = parts
            body = b"" if hexbytes == "-" else bytes.fromhex(hexbytes)
            if kind.startswith("response"):
                write(outdir, api, "golden-%s-v%s-%d" % (kind, version, n), bytes([int(version) & 0xFF]) + body)
                responses.append(body)
            elif kind == "data":
                write(outdir, api, "golden-v%s-%d" % (version, n), body)
    return responses


def frames(outdir, responses):
    """A broker's byte stream: frames of header v0 (correlation id) or v1 (plus empty tagged fields) and a body."""
    for n, body in enumerate(responses):
        v0 = struct.pack(">i", n) + body
        v1 = struct.pack(">i", n) + b"\x00" + body
        stream = b"".join(struct.pack(">i", len(f)) + f for f in (v0, v1))
        write(outdir, "frames", "golden-%d" % n, bytes([n % 64]) + stream)


def connect(outdir):
    with open(os.path.join(TESTS, "unit", "connectfixtures.h")) as f:
        text = f.read()
    # Raw string literals: R"(...)" and R"json(...)json".
    for n, m in enumerate(re.finditer(r'R"(\w*)\((.*?)\)\1"', text, re.S)):
        write(outdir, "connect", "recorded-%d" % n, m.group(2).encode())


def scram(outdir):
    # RFC 5802 section 5 (the client nonce the target uses), and a server-final that is an error.
    first = b"r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096"
    write(outdir, "scram", "rfc5802", first + b"\x00v=rmF9pqV8S7suAoZWja4dJRkFsKQ=")
    write(outdir, "scram", "error", first + b"\x00e=invalid-proof")
    write(outdir, "oauthbearer", "status", b'{"status":"invalid_token","scope":"kafka"}\x00')


def importers(outdir):
    write(outdir, "clientconfig", "java-sasl-ssl", b"""bootstrap.servers=127.0.0.1:19108,127.0.0.1:29108
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="alice" \\
    password="alice-secret";
ssl.truststore.type=PEM
ssl.truststore.location=ca.pem
""")
    write(outdir, "clientconfig", "java-oauth", b"""security.protocol=SASL_PLAINTEXT
sasl.mechanism=OAUTHBEARER
sasl.oauthbearer.token.endpoint.url=http://127.0.0.1:1/token
sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId="a" clientSecret="b" scope="c";
""")
    write(outdir, "clientconfig", "librdkafka", b"""# kcat
bootstrap.servers=127.0.0.1:19092
security.protocol=sasl_plaintext
sasl.mechanisms=PLAIN
sasl.username=alice
sasl.password=alice-secret
ssl.ca.location=/etc/ssl/certs/ca-certificates.crt
fetch.wait.max.ms=100
""")
    write(outdir, "reassignment", "kafka-tool", b'{"version":1,"partitions":[{"topic":"orders","partition":0,'
          b'"replicas":[1,2,3],"log_dirs":["any","any","any"]},{"topic":"orders","partition":1,"replicas":[2,3,1]}]}')


def varint(v):
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def zigzag(v):
    return varint(((v << 1) ^ (v >> 63)) & 0xFFFFFFFFFFFFFFFF)


def lag_frame(entries, previous=None, aggregate=False):
    """A lag history frame as kafka/lag/historyframes.cpp writes it: version 1, the entry count, then per entry the
    series id (delta to the last), committed and latest (deltas to the previous frame's, else to -1), and for an
    aggregate frame lagMin (to the lag) and lagMax (to lagMin)."""
    previous = dict((s, (c, l)) for s, c, l, *_ in (previous or []))
    out = bytearray([1]) + varint(len(entries))
    last = 0
    for series, committed, latest, *agg in entries:
        before = previous.get(series, (-1, -1))
        out += zigzag(series - last) + zigzag(committed - before[0]) + zigzag(latest - before[1])
        last = series
        if aggregate:
            lag = max(latest - committed, 0) if committed >= 0 and latest >= 0 else -1
            out += zigzag(agg[0] - lag) + zigzag(agg[1] - agg[0])
    return bytes(out)


def lag_history(outdir):
    # Input: kind byte (even raw, odd aggregate), a key frame, NUL, a frame that follows it.
    key = [(1, 100, 180), (2, 0, 0), (3, -1, 55), (7, 1000000, 1000020)]
    after = [(1, 130, 190), (2, 0, 3), (3, 10, 60), (9, 5, 5)]
    write(outdir, "lagframes", "raw", b"\x00" + lag_frame(key) + b"\x00" + lag_frame(after, key))
    akey = [(1, 100, 180, 60, 90), (4, -1, -1, -1, -1)]
    aafter = [(1, 150, 200, 40, 55), (4, 3, 9, 0, 6)]
    write(outdir, "lagframes", "aggregate", b"\x01" + lag_frame(akey, aggregate=True) + b"\x00"
          + lag_frame(aafter, akey, aggregate=True))
    write(outdir, "lagframes", "empty", b"\x00" + lag_frame([]))


def data_plane(outdir):
    # What a user types into the connection's "librdkafka properties" box.
    write(outdir, "dataplaneprops", "typical", b"""fetch.max.bytes=1048576
client.rack = eu-1a
# a comment
queued.max.messages.kbytes=65536
""")
    write(outdir, "dataplaneprops", "refused", b"""group.id=mine
sasl.password=secret
no.such.property=1
fetch.wait.max.ms=abc
""")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    outdir = sys.argv[1]
    frames(outdir, golden(outdir))
    connect(outdir)
    scram(outdir)
    importers(outdir)
    lag_history(outdir)
    data_plane(outdir)


if __name__ == "__main__":
    main()
