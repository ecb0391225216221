#!/usr/bin/env bash
# modelrepo against its peers (issue 7): builds the JMH jar, checks every contender reads and writes the same rows,
# runs PeersBenchmarks and CursorBenchmarks on H2 and PostgreSQL, drops the PostgreSQL benchmark database, and
# writes the Markdown report and the SVG charts. Usually started as `benchmarks/run.sh peers` (or peers-full).
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: benchmarks/run.sh peers|peers-full [JMH ARGS...]      (or benchmarks/peers.sh quick|full [JMH ARGS...])

Profiles:
  peers       (quick) queries: -f 1 -wi 4 -w 1s -i 5 -r 500ms, the modelrepo variants (rebuilt, cache off,
              metrics on) on H2 only; bulk: -f 1 -wi 2 -i 5; cursors: -f 1 -wi 1 -i 3; observation: -f 1 -wi 5
              -w 500ms -i 5 -r 500ms; growth: -f 1 -wi 2 -w 500ms -i 3 -r 500ms (metadata -wi 1 -i 3);
              about 27 minutes on 2 cores (2026-12-01)
  peers-full  queries: -f 2 -wi 8 -w 1s -i 8 -r 1s, everything on both engines; bulk: -f 2 -wi 3 -i 8;
              cursors: -f 2 -wi 2 -i 5; observation: -f 2 -wi 5 -w 1s -i 5 -r 1s; growth: -f 1 -wi 3 -w 1s -i 5
              -r 1s (metadata -wi 3 -i 5); for numbers worth quoting

Writes
  benchmarks/results/peers-queries-h2.json, peers-queries-postgresql.json   JMH JSON of PeersBenchmarks
  benchmarks/results/peers-bulk.json       JMH JSON of BulkBenchmarks (insert 100k, update 10k, delete 10k; both engines)
  benchmarks/results/peers-observation.json   JMH JSON of ObservationBenchmarks (metrics off/on, ns)
  benchmarks/results/peers-cursor.json     JMH JSON of CursorBenchmarks (with -prof gc and the HeapProfiler)
  benchmarks/results/peers-growth.json     JMH JSON of the costs that grow with the work: the query cache under 100 to
                                           100,000 shapes (with its meters and retained heap), include of 1,000 and
                                           100,000 parents, IN lists of 10 to 1,000,000 keys, metadata of 10 to 1,000
                                           tables (MetadataBenchmarks); about 6 minutes
  benchmarks/results/peers.md              ratios to JDBC per engine, targets, observation overhead, cursor heap, and
                                           the regressions versus the previous run
  benchmarks/results/previous/             the previous run's JSON files (and its peers.md): each results file is copied
                                           there just before a JMH run overwrites it, and the report lists every row
                                           whose ratio to JDBC got worse by more than both runs' combined error
  benchmarks/results/peers-h2.svg, peers-postgresql.svg   the ratios as charts
Extra arguments go to every JMH run (e.g. -wi 8). JMH runs one at a time on a machine (/tmp/jmh.lock): when another
run holds the lock, this script waits for it. The cursors on a small heap (the issue's -Xmx64m):
  ONLY=cursor benchmarks/peers.sh quick -jvmArgsAppend -Xmx64m
-jvmArgsAppend replaces CursorBenchmarks' own (-Xms2g -Xmx2g -Xmn64m); with -jvmArgs -Xmx64m those still follow, and
the later -Xmx2g wins.

Environment:
  SKIP_BUILD=1      reuse benchmarks/target/benchmarks.jar
  ONLY=LIST         the parts to run, of h2, postgresql, bulk, cursor, observation, growth (default all of them, comma
                    separated); the report reads whatever JSON files exist
  KEEP_DB=1         keep the PostgreSQL database modelrepo_bench afterwards (dropped by default)
  MODELREPO_BENCH_POSTGRESQL_URL   admin JDBC URL of the PostgreSQL server
                    (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres); the benchmarks create and use the
                    database modelrepo_bench on it
USAGE
}

profile="${1:-}"
case "$profile" in
  quick|peers) profile=peers
    # PostgreSQL's noise (± several µs) hides the µs that these variants add or save: quick runs them on H2 only
    query_opts=(-f 1 -wi 4 -w 1s -i 5 -r 500ms); pg_exclude=(-e 'modelrepo(Rebuilt|NoCache|Metrics)$')
    cursor_opts=(-f 1 -wi 1 -i 3); observation_opts=(-f 1 -wi 5 -w 500ms -i 5 -r 500ms); bulk_opts=(-f 1 -wi 2 -i 5)
    growth_opts=(-f 1 -wi 2 -w 500ms -i 3 -r 500ms); metadata_opts=(-f 1 -wi 1 -i 3) ;;
  full|peers-full) profile=peers-full
    query_opts=(-f 2 -wi 8 -w 1s -i 8 -r 1s); pg_exclude=()
    cursor_opts=(-f 2 -wi 2 -i 5); observation_opts=(-f 2 -wi 5 -w 1s -i 5 -r 1s); bulk_opts=(-f 2 -wi 3 -i 8)
    growth_opts=(-f 1 -wi 3 -w 1s -i 5 -r 1s); metadata_opts=(-f 1 -wi 3 -i 5) ;;
  -h|--help|help) usage; exit 0 ;;
  *) usage >&2; exit 2 ;;
esac
shift

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar=benchmarks/target/benchmarks.jar
out=benchmarks/results
mkdir -p "$out"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo ">> building core and $jar" >&2
  # the reactor builds core and the auto-configuration (QueryMeterObservationHandler) into the jar, installing
  # nothing; skipTests, not maven.test.skip: the auto-configuration compiles against core's test jar
  mvn -B -ntp -q -pl benchmarks -am package -DskipTests
fi
[[ -f "$jar" ]] || { echo "missing $jar (run without SKIP_BUILD=1)" >&2; exit 1; }
# what the jar was built from, read now: the tree may change while the benchmarks run
core_state="$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- core 2>/dev/null || echo ' plus uncommitted changes')"

load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?"; }
drop_db() {
  if [[ "${KEEP_DB:-0}" != 1 ]]; then
    java -cp "$jar" dev.modelrepo.benchmarks.peers.Engine drop || true
  fi
}
trap drop_db EXIT

started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
t0=$SECONDS
load_before="$(load)"
echo ">> sanity check of every contender; load average: $load_before" >&2
versions="$(java -Dorg.jooq.no-logo=true -cp "$jar" dev.modelrepo.benchmarks.peers.PeersSanity)"

only="${ONLY:-h2,postgresql,bulk,cursor,observation,growth}"
previous="$out/previous"
# the results file a JMH run is about to overwrite becomes the previous run's, which the report compares with
keep_previous() {
  if [[ -f "$1" ]]; then
    mkdir -p "$previous"
    cp "$1" "$previous/"
  fi
}
# JMH, waiting while another JMH run on this machine holds /tmp/jmh.lock
jmh() {
  local log rc
  log="$(mktemp)"
  for _ in $(seq 1 120); do
    set +e
    java -jar "$jar" "$@" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    set -e
    if grep -q "Unable to acquire the JMH lock" "$log"; then
      echo ">> another JMH run holds /tmp/jmh.lock; waiting 30 s" >&2
      sleep 30
      continue
    fi
    rm -f "$log"
    return "$rc"
  done
  rm -f "$log"
  return 1
}
if [[ "$only" == *h2* ]]; then
  echo ">> PeersBenchmarks on H2: JMH ${query_opts[*]} $*" >&2
  keep_previous "$out/peers-queries-h2.json"
  jmh 'peers\.PeersBenchmarks\.' -p engine=h2 "${query_opts[@]}" -rf json -rff "$out/peers-queries-h2.json" "$@"
fi
if [[ "$only" == *postgresql* ]]; then
  echo ">> PeersBenchmarks on PostgreSQL: JMH ${query_opts[*]} ${pg_exclude[*]} $*" >&2
  keep_previous "$out/peers-queries-postgresql.json"
  jmh 'peers\.PeersBenchmarks\.' -p engine=postgresql "${query_opts[@]}" "${pg_exclude[@]}" -rf json -rff "$out/peers-queries-postgresql.json" "$@"
fi
if [[ "$only" == *bulk* ]]; then
  echo ">> BulkBenchmarks on H2 and PostgreSQL: JMH ${bulk_opts[*]} $*" >&2
  keep_previous "$out/peers-bulk.json"
  jmh 'peers\.BulkBenchmarks\.' "${bulk_opts[@]}" -rf json -rff "$out/peers-bulk.json" "$@"
fi
load_middle="$(load)"
if [[ "$only" == *observation* ]]; then
  echo ">> ObservationBenchmarks: JMH ${observation_opts[*]} $*" >&2
  keep_previous "$out/peers-observation.json"
  jmh 'peers\.ObservationBenchmarks\.' "${observation_opts[@]}" -rf json -rff "$out/peers-observation.json" "$@"
fi
if [[ "$only" == *cursor* ]]; then
  echo ">> CursorBenchmarks: JMH ${cursor_opts[*]} $*" >&2
  keep_previous "$out/peers-cursor.json"
  jmh 'peers\.CursorBenchmarks\.' "${cursor_opts[@]}" -prof gc -prof dev.modelrepo.benchmarks.peers.HeapProfiler \
    -rf json -rff "$out/peers-cursor.json" "$@"
fi
if [[ "$only" == *growth* ]]; then
  echo ">> growth benchmarks: JMH ${growth_opts[*]} (metadata ${metadata_opts[*]}) $*" >&2
  parts="$(mktemp -d)"
  jmh 'peers\.CacheGrowthBenchmarks\.' "${growth_opts[@]}" -prof dev.modelrepo.benchmarks.peers.CacheMetersProfiler \
    -rf json -rff "$parts/cache.json" "$@"
  jmh 'peers\.IncludeGrowthBenchmarks\.' "${growth_opts[@]}" -rf json -rff "$parts/include.json" "$@"
  # H2 binds at most 65,536 elements an array; past that modelrepo sends OR-ed arrays, which H2 runs as a table scan
  # comparing every row with every key (rows x keys: hours at 1,000,000), so H2 runs to 10,000 keys
  jmh 'peers\.InListGrowthBenchmarks\.' -p engine=h2 -p values=10,1000,10000 "${growth_opts[@]}" -rf json -rff "$parts/in-h2.json" "$@"
  jmh 'peers\.InListGrowthBenchmarks\.' -p engine=postgresql "${growth_opts[@]}" -rf json -rff "$parts/in-postgresql.json" "$@"
  jmh 'startup\.MetadataBenchmarks\.' "${metadata_opts[@]}" -rf json -rff "$parts/metadata.json" "$@"
  jq -s add "$parts"/*.json > "$out/peers-growth.json"
  rm -rf "$parts"
fi
load_after="$(load)"
minutes=$(( (SECONDS - t0 + 59) / 60 ))

echo >&2
keep_previous "$out/peers.md"
java -cp "$jar" dev.modelrepo.benchmarks.peers.PeersReport --out="$out" --stem=peers \
  "$out/peers-queries-h2.json" "$out/peers-queries-postgresql.json" "$out/peers-bulk.json" "$out/peers-cursor.json" "$out/peers-observation.json" \
  "$out/peers-growth.json" \
  "--previous=$previous/peers-queries-h2.json" "--previous=$previous/peers-queries-postgresql.json" "--previous=$previous/peers-bulk.json" \
  "--previous=$previous/peers-cursor.json" "--previous=$previous/peers-observation.json" \
  "--note=profile \`$profile\`: queries \`${query_opts[*]}\`${pg_exclude[*]:+ (PostgreSQL: \`${pg_exclude[*]}\`)}, bulk \`${bulk_opts[*]}\`, cursors \`${cursor_opts[*]}\`, observation \`${observation_opts[*]}\`, growth \`${growth_opts[*]}\` (metadata \`${metadata_opts[*]}\`)${*:+, extra \`$*\`}; started $started, $minutes min; core at $core_state" \
  "--note=machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(java -version 2>&1 | head -1)" \
  "--note=load average (1, 5, 15 min) before: $load_before; after the queries: $load_middle; at the end: $load_after (on $(nproc) CPUs; an idle machine is well below 1)" \
  "--note=$versions (Spring Framework and Micrometer of the Boot $(sed -n 's:.*<spring-boot.version>\(.*\)</spring-boot.version>.*:\1:p' pom.xml) BOM)" \
  "--note=pool: HikariCP, at most 4 connections, shared by every contender; single statements in autocommit; cursors in a Spring transaction, fetch size 500; PostgreSQL database with synchronous_commit = off"
echo >&2
echo ">> wrote $out/peers.md, $out/peers-*.svg and the JSON files peers-*.json" >&2
