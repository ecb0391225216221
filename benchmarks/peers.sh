#!/usr/bin/env bash
# modelrepo against its peers (issue 7): builds the JMH jar, checks every contender reads and writes the same rows,
# runs PeersBenchmarks and CursorBenchmarks on H2 and PostgreSQL, drops the PostgreSQL benchmark database, and
# writes the Markdown report and the SVG charts. Usually started as `benchmarks/run.sh peers` (or peers-full).
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: benchmarks/run.sh peers|peers-full [JMH ARGS...]      (or benchmarks/peers.sh quick|full [JMH ARGS...])

Profiles:
  peers       (quick) queries: -f 1 -wi 3 -w 1s -i 3 -r 1s; cursors: -f 1 -wi 2 -i 3
              about 14 minutes on 2 cores
  peers-full  queries: -f 2 -wi 5 -w 2s -i 5 -r 2s; cursors: -f 2 -wi 3 -i 5
              about 75 minutes; for numbers worth quoting

Writes
  benchmarks/results/peers-queries.json    JMH JSON of PeersBenchmarks (-rf json)
  benchmarks/results/peers-cursor.json     JMH JSON of CursorBenchmarks (with -prof gc and the HeapProfiler)
  benchmarks/results/peers.md              ratios to JDBC per engine, targets, observation overhead, cursor heap
  benchmarks/results/peers-h2.svg, peers-postgresql.svg   the ratios as charts
Extra arguments go to both JMH runs, e.g. `-p engine=h2` (one engine only).

Environment:
  SKIP_BUILD=1      reuse benchmarks/target/benchmarks.jar
  ONLY=queries      run only PeersBenchmarks (ONLY=cursor: only CursorBenchmarks); the report reads whatever
                    JSON files exist
  KEEP_DB=1         keep the PostgreSQL database modelrepo_bench afterwards (dropped by default)
  MODELREPO_BENCH_POSTGRESQL_URL   admin JDBC URL of the PostgreSQL server
                    (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres); the benchmarks create and use the
                    database modelrepo_bench on it
USAGE
}

profile="${1:-}"
case "$profile" in
  quick|peers) profile=peers
    query_opts=(-f 1 -wi 3 -w 1s -i 3 -r 1s); cursor_opts=(-f 1 -wi 2 -i 3) ;;
  full|peers-full) profile=peers-full
    query_opts=(-f 2 -wi 5 -w 2s -i 5 -r 2s); cursor_opts=(-f 2 -wi 3 -i 5) ;;
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
  mvn -B -ntp -q -f core/pom.xml install -Dmaven.test.skip=true
  mvn -B -ntp -q -f benchmarks/pom.xml package
fi
[[ -f "$jar" ]] || { echo "missing $jar (run without SKIP_BUILD=1)" >&2; exit 1; }

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

if [[ "${ONLY:-queries,cursor}" == *queries* ]]; then
  echo ">> PeersBenchmarks: JMH ${query_opts[*]} $*" >&2
  java -jar "$jar" 'peers\.PeersBenchmarks\.' "${query_opts[@]}" -rf json -rff "$out/peers-queries.json" "$@"
fi
load_middle="$(load)"
if [[ "${ONLY:-queries,cursor}" == *cursor* ]]; then
  echo ">> CursorBenchmarks: JMH ${cursor_opts[*]} $*" >&2
  java -jar "$jar" 'peers\.CursorBenchmarks\.' "${cursor_opts[@]}" -prof gc -prof dev.modelrepo.benchmarks.peers.HeapProfiler \
    -rf json -rff "$out/peers-cursor.json" "$@"
fi
load_after="$(load)"
minutes=$(( (SECONDS - t0 + 59) / 60 ))

echo >&2
java -cp "$jar" dev.modelrepo.benchmarks.peers.PeersReport --out="$out" --stem=peers \
  "$out/peers-queries.json" "$out/peers-cursor.json" \
  "--note=profile \`$profile\`: queries \`${query_opts[*]}\`, cursors \`${cursor_opts[*]}\`${*:+, extra \`$*\`}; started $started, $minutes min; core at $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- core 2>/dev/null || echo ' plus uncommitted changes')" \
  "--note=machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(java -version 2>&1 | head -1)" \
  "--note=load average (1, 5, 15 min) before: $load_before; between queries and cursors: $load_middle; after: $load_after (on $(nproc) CPUs; an idle machine is well below 1)" \
  "--note=$versions" \
  "--note=pool: HikariCP, at most 4 connections, shared by every contender; single statements in autocommit; cursors in a Spring transaction, fetch size 500; PostgreSQL database with synchronous_commit = off"
echo >&2
echo ">> wrote $out/peers.md, $out/peers-*.svg, $out/peers-queries.json, $out/peers-cursor.json" >&2
