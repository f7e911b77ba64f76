#!/usr/bin/env bash
# transport-bench.sh - the transport part of ./run-benchmarks: GET round trips on loopback. Prints a Markdown
# fragment on stdout (progress on stderr); writes OUT/report.md and OUT/results.tsv (key, median, min, max).
#
#   bench/transport-bench.sh            # full run, ~3 minutes: 3 rounds, 0.5 s warm-up + 1.5 s per configuration
#   QUICK=1 bench/transport-bench.sh    # ~35 s: 1 round, 0.15 s + 0.3 s per configuration; proves it works
#
# What it measures (see dev.puresnmp.bench.transport.TransportBench): a closed loop keeping 1, 16, 256 and
# 1,024 requests in flight, for puresnmp (`ours`: UdpTransport + codec, library defaults; `ours-direct`: the
# same with executor(Runnable::run), callbacks on the I/O thread), SNMP4J 3.8.2 (default and 4 MiB receive
# buffer; the 4 MiB one only at 256 in flight, its target) and a raw NIO ceiling, against the fast C responder
# (udpbench snmp), and with SNMPD=1 also Net-SNMP snmpd (at 256 in flight); rounds interleave the
# clients; medians (min-max), ratios paired by round, the targets' verdicts, the responder's CPU per
# request; a 1-second `udpbench ping` probe at start and end shows the machine's wake-up regime. Then
# (first, in its own JVM) the memory test: 100,000 outstanding requests to `udpbench sink` on one UdpTransport.
#
# Needs: java 17, maven, gcc (compiles bench/udpbench.c); with SNMPD=1 snmpd (peers/snmpd-start.sh). Ports PORT_BASE+1..+4 on 127.0.0.1 (default PORT_BASE=13100: 13101 C responder, 13102 snmpd,
# 13103 echo, 13104 sink). Every process it starts is stopped by PID on exit.
# Env, as every part of ./run-benchmarks: QUICK=1, OUT (work directory, default bench/target/transport),
#      NO_BUILD=1 (skip the Maven build), PORT_BASE. Own: SNMPD=1, ROUNDS, WARMUP_MS, MEASURE_MS, WINDOWS
#      (e.g. 16,256), CLIENTS (default ours,ours-direct,snmp4j-default,snmp4j-4MiB,raw-nio; diagnostic
#      variants: ours-nodecode, ours-inline-nodecode, ours-ownpool = a ForkJoinPool of its own, ours-1thread =
#      a single-thread executor, raw-nio-unconnected), SKIP (client@window or target@window not run, default
#      snmp4j-4MiB at 1, 16, 1024 and snmpd at 1, 16, 1024; SKIP= runs everything), MEMORY=0 (skip the memory test), JAVA_OPTS (default -Xms256m -Xmx256m
#      -XX:+AlwaysPreTouch: first-touch page faults of a fresh heap otherwise cost more than the client),
#      KEEP=1 (keep the temporary directory with udpbench and snmpd).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)   # bench/
ROOT=$(dirname "$HERE")
PEERS=$ROOT/peers
PORT_BASE=${PORT_BASE:-13100}
C_PORT=$((PORT_BASE + 1)); SNMPD_PORT=$((PORT_BASE + 2)); ECHO_PORT=$((PORT_BASE + 3)); SINK_PORT=$((PORT_BASE + 4))
JAR=$HERE/target/benchmarks.jar
OUT=${OUT:-$HERE/target/transport}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m -XX:+AlwaysPreTouch}

if [ "${QUICK:-0}" = 1 ]; then
    MODE=quick; ROUNDS=${ROUNDS:-1}; WARMUP_MS=${WARMUP_MS:-150}; MEASURE_MS=${MEASURE_MS:-300}; JVM_WARMUP_MS=${JVM_WARMUP_MS:-400}
else
    MODE=full; ROUNDS=${ROUNDS:-3}; WARMUP_MS=${WARMUP_MS:-500}; MEASURE_MS=${MEASURE_MS:-1500}; JVM_WARMUP_MS=${JVM_WARMUP_MS:-3000}
fi
WINDOWS=${WINDOWS:-1,16,256,1024}
CLIENTS=${CLIENTS:-ours,ours-direct,snmp4j-default,snmp4j-4MiB,raw-nio}
# SNMPD=1 adds snmpd as a target, at 256 in flight only: it bounds every client at every window with its own CPU (the
# v3 part measures v2c against it at 1 and 256 too); SNMP4J's 4 MiB buffer only where its target is (256)
SKIP=${SKIP-snmp4j-4MiB@1,snmp4j-4MiB@16,snmp4j-4MiB@1024,snmpd@1,snmpd@16,snmpd@1024}

if [ "${NO_BUILD:-0}" != 1 ]; then
    echo "== building (mvn package -pl bench,cli -am)" >&2
    (cd "$ROOT" && mvn -q -B -DskipTests package -pl bench,cli -am) >&2
fi

mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/transport-bench.XXXXXX)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ -d "$WORK/snmpd" ]; then "$PEERS/peer-stop.sh" "$WORK/snmpd" >/dev/null 2>&1 || true; fi
    if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

gcc -O2 -o "$WORK/udpbench" "$HERE/udpbench.c"
UB=$WORK/udpbench
# UDPBENCH_IDLE: each server also ends by itself after that long without a datagram (a safety net)
UDPBENCH_IDLE=600 "$UB" snmp 127.0.0.1 "$C_PORT" 2>>"$WORK/udpbench.log" & C_PID=$!; PIDS+=("$C_PID")
UDPBENCH_IDLE=900 "$UB" echo 127.0.0.1 "$ECHO_PORT" 2>>"$WORK/udpbench.log" & E_PID=$!; PIDS+=("$E_PID")
UDPBENCH_IDLE=600 "$UB" sink 127.0.0.1 "$SINK_PORT" 2>>"$WORK/udpbench.log" & S_PID=$!; PIDS+=("$S_PID")
sleep 0.3
for pid in "$C_PID" "$E_PID" "$S_PID"; do
    kill -0 "$pid" 2>/dev/null || { echo "a udpbench server did not start (port in use?): $(cat "$WORK/udpbench.log")" >&2; exit 1; }
done

TARGETS=(--target "c=127.0.0.1:$C_PORT:$C_PID")
if [ "${SNMPD:-0}" != 0 ]; then
    BIGTABLE=0 "$PEERS/snmpd-start.sh" "$SNMPD_PORT" "$WORK/snmpd" >&2
    TARGETS+=(--target "snmpd=127.0.0.1:$SNMPD_PORT:$(cat "$WORK/snmpd/snmpd.pid")")
fi

MEM_ARGS=()
if [ "${MEMORY:-1}" != 0 ]; then
    echo "memory test: 100,000 outstanding requests to udpbench sink" >&2
    # shellcheck disable=SC2086
    timeout 120 java $JAVA_OPTS -cp "$JAR" dev.puresnmp.bench.transport.TransportBench memory \
        --sink "127.0.0.1:$SINK_PORT" --count 100000 > "$WORK/memory.md"
    MEM_ARGS=(--memory-report "$WORK/memory.md")
fi

echo "load test: mode $MODE, $ROUNDS rounds, windows $WINDOWS, clients $CLIENTS" >&2
# shellcheck disable=SC2086
timeout 1200 java $JAVA_OPTS -cp "$JAR" dev.puresnmp.bench.transport.TransportBench \
    "${TARGETS[@]}" --udpbench "$UB" --echo-port "$ECHO_PORT" --mode "$MODE" \
    --rounds "$ROUNDS" --warmup-ms "$WARMUP_MS" --measure-ms "$MEASURE_MS" --jvm-warmup-ms "$JVM_WARMUP_MS" \
    --windows "$WINDOWS" --clients "$CLIENTS" --skip "$SKIP" --results "$OUT/results.tsv" "${MEM_ARGS[@]}" | tee "$OUT/report.md"
