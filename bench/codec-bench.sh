#!/usr/bin/env bash
# Codec benchmark: puresnmp against SNMP4J 3.8.2 on the four messages of bench/src/main/resources/fixtures, decode and
# encode, with -prof gc; prints a Markdown table of ops/s, bytes/op (gc.alloc.rate.norm) and the ratios
# puresnmp/SNMP4J, then the issue's target check. Run from anywhere:
#
#   bench/codec-bench.sh             full run: 2 rounds, 8 x 1 s warmup, 5 x 1 s measurement (~9 min)
#   bench/codec-bench.sh --quick     smoke run: 1 round, 5 x 1 s warmup, 2 x 1 s measurement (~2.5 min);
#                                    says "it works", its figures are not for reporting
#   bench/codec-bench.sh --no-build  skip the Maven build (combinable; any other argument goes to JMH)
#
# Why rounds of single-benchmark JMH runs rather than one `java -jar benchmarks.jar CodecBenchmark`:
# this machine's speed drifts by up to 2x within minutes (neighbours), and one JMH run measures all of
# our benchmarks before SNMP4J's, minutes apart. Here each of our benchmarks runs right next to its
# SNMP4J twin (one fork each, who goes first alternating by round), each round gives a ratio, and the
# report takes the median. Every benchmark gets one fork per round: 2 forks in a full run. The warmup
# is long because C2 needs 4-7 s to settle here when the machine is busy. CpuTimeProfiler adds ops per
# second of CPU time, which a busy neighbour does not distort; the report shows that ratio too, and the
# highest load average seen (above 2 on these 2 vCPUs, someone else was running).
#
# Output: bench/target/codec.md (the table), bench/target/codec/*.json and *.log (the JMH runs).
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=2 warmups=8 iterations=5 build=1
jmh_args=()
for a in "$@"; do
  case "$a" in
    --quick) rounds=1 warmups=5 iterations=2 ;;
    --no-build) build=0 ;;
    *) jmh_args+=("$a") ;;
  esac
done

if [[ $build == 1 ]]; then
  mvn -q -B -DskipTests package -pl bench -am
fi
jar=bench/target/benchmarks.jar
out=bench/target/codec
rm -rf "$out" && mkdir -p "$out"
max_load=0

# Fail in seconds, not after the run, if either codec no longer reproduces the fixtures.
java -cp "$jar" dev.puresnmp.bench.CodecBenchmark

for ((r = 1; r <= rounds; r++)); do
  for m in v2c-get-request-10 v2c-get-response-10 v2c-getbulk-request-5x10 v2c-getbulk-response-50; do
    for op in decode encode; do
      libs=(Puresnmp Snmp4j)
      if ((r % 2 == 0)); then libs=(Snmp4j Puresnmp); fi
      for lib in "${libs[@]}"; do
        run="r$r-$m-$op$lib"
        echo "round $r/$rounds: $op $m, $lib" >&2
        # -foe: a failed @Setup check (encoders must reproduce the fixture) fails the script
        java -jar "$jar" "CodecBenchmark\.$op$lib\$" -p message="$m" \
          -f 1 -wi "$warmups" -w 1s -i "$iterations" -r 1s -foe true \
          -prof gc -prof dev.puresnmp.bench.CpuTimeProfiler \
          -rf json -rff "$out/$run.json" "${jmh_args[@]}" >"$out/$run.log" 2>&1 ||
          { tail -40 "$out/$run.log"; exit 1; }
        load=$(cut -d' ' -f1 /proc/loadavg)
        max_load=$(awk -v a="$load" -v b="$max_load" 'BEGIN { print (a > b ? a : b) }')
      done
    done
  done
done

echo
java -Dcodec.maxLoad="$max_load" -cp "$jar" dev.puresnmp.bench.CodecReport "$out" | tee bench/target/codec.md
