#!/usr/bin/env bash
# transport-bench.sh - the transport load harness: prints a Markdown table on stdout (progress on stderr).
#
#   bench/transport-bench.sh            # full run, ~8 minutes: 3 rounds, 1 s warm-up + 3 s per configuration
#   QUICK=1 bench/transport-bench.sh    # ~2.5 minutes: 3 rounds, 0.25 s + 0.6 s per configuration
#   bench/transport-bench.sh > transport-bench.md
#
# What it measures (see dev.puresnmp.bench.transport.TransportBench): GET round trips on loopback, a closed
# loop keeping 1, 16, 256 and 1,024 requests in flight, for puresnmp (UdpTransport + codec), SNMP4J 3.8.2
# (default and 4 MiB receive buffer) and a raw NIO ceiling, against the fast C responder (udpbench snmp)
# and Net-SNMP snmpd; rounds interleave the clients; medians (min-max), ratios, the issue's verdicts; a
# 1-second `udpbench ping` probe at start and end shows the machine's wake-up regime. Then (first, in
# its own JVM) the memory test: 100,000 outstanding requests to `udpbench sink` on one UdpTransport.
#
# Needs: java 17, maven (builds bench/target/benchmarks.jar if missing or BUILD=1), gcc (compiles
# bench/udpbench.c into a temporary directory), snmpd (peers/snmpd-start.sh; SNMPD=0
# skips that target). Ports BASEPORT+1..+4 on 127.0.0.1 (default BASEPORT=13100: 13101 C responder,
# 13102 snmpd, 13103 echo, 13104 sink). Every process it starts is stopped by PID on exit.
# Env: QUICK=1, BUILD=1, SNMPD=0, BASEPORT, ROUNDS, WARMUP_MS, MEASURE_MS, WINDOWS (e.g. 16,256),
#      CLIENTS (default ours,snmp4j-default,snmp4j-4MiB,raw-nio; diagnostic variants: ours-inline = executor(Runnable::run),
#      ours-nodecode, ours-inline-nodecode, ours-ownpool = a ForkJoinPool of its own, ours-1thread = a
#      single-thread executor, raw-nio-unconnected), MEMORY=0 (skip the memory test),
#      JAR (default bench/target/benchmarks.jar), JAVA_OPTS (default -Xms256m -Xmx256m -XX:+AlwaysPreTouch: first-touch page faults of a fresh heap otherwise cost more than the client), KEEP=1 (keep the work directory).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)   # bench/
ROOT=$(dirname "$HERE")
PEERS=$ROOT/peers
BASEPORT=${BASEPORT:-13100}
C_PORT=$((BASEPORT + 1)); SNMPD_PORT=$((BASEPORT + 2)); ECHO_PORT=$((BASEPORT + 3)); SINK_PORT=$((BASEPORT + 4))
JAR=${JAR:-$HERE/target/benchmarks.jar}
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m -XX:+AlwaysPreTouch}

if [ "${QUICK:-0}" = 1 ]; then
    MODE=quick; ROUNDS=${ROUNDS:-3}; WARMUP_MS=${WARMUP_MS:-250}; MEASURE_MS=${MEASURE_MS:-600}; JVM_WARMUP_MS=${JVM_WARMUP_MS:-1500}
else
    MODE=full; ROUNDS=${ROUNDS:-3}; WARMUP_MS=${WARMUP_MS:-1000}; MEASURE_MS=${MEASURE_MS:-3000}; JVM_WARMUP_MS=${JVM_WARMUP_MS:-3000}
fi
WINDOWS=${WINDOWS:-1,16,256,1024}
CLIENTS=${CLIENTS:-ours,snmp4j-default,snmp4j-4MiB,raw-nio}

if [ "${BUILD:-0}" = 1 ] || [ ! -s "$JAR" ]; then
    echo "building $JAR" >&2
    (cd "$ROOT" && mvn -q -B -DskipTests package -pl bench -am) >&2
fi

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
if [ "${SNMPD:-1}" != 0 ]; then
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
    --windows "$WINDOWS" --clients "$CLIENTS" "${MEM_ARGS[@]}"
