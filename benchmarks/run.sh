#!/usr/bin/env bash
# Builds the JMH uber-jar and runs the modelrepo foundation benchmarks (H2 in-memory), then writes a Markdown
# table of ratios to the hand-written JDBC baseline. Run from anywhere; paths are relative to the repository.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: benchmarks/run.sh PROFILE [JMH ARGS...]

Profiles:
  quick    -f 1 -wi 5 -w 2s -i 5 -r 2s     about 4.5 minutes on 2 cores (3 warmup iterations left the
                                           list queries still compiling on this machine)
  full     -f 3 -wi 5 -w 3s -i 10 -r 3s    about 25 minutes; for numbers worth quoting
  bulk     the bulk benchmarks (dev.modelrepo.benchmarks.bulk) on the local PostgreSQL, MariaDB, SQLite and H2:
           single-shot, 10 warmup + 4 measured iterations per contender, about 25 minutes on 2 cores; writes
           benchmarks/results/bulk.json and bulk.md (speed-ups of modelrepo over each baseline, with targets).
           10 warmups: a single shot runs each path only once, so the JIT needs many shots; from a cold fork
           (-wi 0 -i 14, December 2026) H2 saveEach took 8 shots to settle (4.1 s, then 1.6-2.4 s, then about
           1.0 s) and PostgreSQL saveEach and insertAll 4-5 (16.8 s and 1.8 s at first), and with 1 warmup the
           measured iterations of most contenders were still falling. Each warmup iteration costs one shot per
           contender plus its table reset, about 1.8 minutes for all of them (1 warmup took about 9 minutes);
           pass -wi N to trade accuracy for time
  peers    modelrepo against JdbcTemplate, jOOQ, Spring Data JDBC and Jdbi on H2 and PostgreSQL, about
           27 minutes with the growth part (peers-full: about 70 plus the growth part); see benchmarks/peers.sh --help
  sqlite-read  SQLite: reading rows with text timestamps and decimals through modelrepo against hand-written
           JDBC running the same SQL (dev.modelrepo.benchmarks.sqlite), -f 2 -wi 4 -w 1s -i 8 -r 1s, about
           2 minutes; writes benchmarks/results/sqlite-read.json and prints the ratios
  profile  quick settings plus a profiler (PROFILER, default: JMH's stack sampler); the output goes to
           benchmarks/results/tmp/ and the results files are not touched. Pass a benchmark regex to narrow
           it, e.g.: benchmarks/run.sh profile 'modelrepoFindById$'. PROFILER=jfr records JFR files instead.

quick and full write
  benchmarks/results/foundation-h2.json   JMH's JSON results (-rf json)
  benchmarks/results/foundation-h2.md     ratios to the JDBC baseline (also printed)
Extra arguments go to JMH after the profile's options, so they override them or filter benchmarks
(a regex such as 'QueryBenchmarks' or 'render'); a filtered run reports the missing rows as "not run".

Environment:
  SKIP_BUILD=1   reuse benchmarks/target/benchmarks.jar instead of building core and the jar first
  RESULTS=name   results file stem (default foundation-h2)
  PROFILER=spec  the -prof argument of the profile mode

Benchmarks never run during `mvn verify`: it only builds benchmarks/target/benchmarks.jar.
The machine should be otherwise idle; the report notes its load average before and after the run.
EOF
}

# modelrepo against its peers (issue 7) has a script of its own: run.sh peers | peers-full
case "${1:-}" in peers|peers-full) exec "$(dirname "${BASH_SOURCE[0]}")/peers.sh" "$@" ;; esac

profile="${1:-}"
case "$profile" in
  quick) jmh_opts=(-f 1 -wi 5 -w 2s -i 5 -r 2s) ;;
  full) jmh_opts=(-f 3 -wi 5 -w 3s -i 10 -r 3s) ;;
  profile) jmh_opts=(-f 1 -wi 5 -w 2s -i 5 -r 2s) ;;
  bulk) jmh_opts=(-f 1 -wi 10 -i 4 -bm ss -tu ms) ;;
  sqlite-read) jmh_opts=(-f 2 -wi 4 -w 1s -i 8 -r 1s) ;;
  -h|--help|help) usage; exit 0 ;;
  *) usage >&2; exit 2 ;;
esac
shift

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar=benchmarks/target/benchmarks.jar
results_dir=benchmarks/results
stem="${RESULTS:-foundation-h2}"
report=dev.modelrepo.benchmarks.ResultsReport
filter=()
if [[ "$profile" == bulk ]]; then
  stem="${RESULTS:-bulk}"
  report=dev.modelrepo.benchmarks.bulk.BulkReport
  [[ $# -eq 0 ]] && filter=('dev\.modelrepo\.benchmarks\.bulk\.')
elif [[ "$profile" == sqlite-read ]]; then
  stem="${RESULTS:-sqlite-read}"
  report=dev.modelrepo.benchmarks.sqlite.SqliteReadReport
  [[ $# -eq 0 ]] && filter=('dev\.modelrepo\.benchmarks\.sqlite\.')
else
  # the bulk benchmarks need the database servers and their own profile; the SQLite read has its own too
  filter=(-e 'dev\.modelrepo\.benchmarks\.(bulk|sqlite)\.')
fi

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo ">> building core and $jar" >&2
  # the reactor builds core and the auto-configuration (QueryMeterObservationHandler) into the jar, installing
  # nothing; skipTests, not maven.test.skip: the auto-configuration compiles against core's test jar
  mvn -B -ntp -q -pl benchmarks -am package -DskipTests
fi
[[ -f "$jar" ]] || { echo "missing $jar (run without SKIP_BUILD=1)" >&2; exit 1; }

load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?"; }

if [[ "$profile" == profile ]]; then
  mkdir -p "$results_dir/tmp"
  prof="${PROFILER:-stack:lines=4;top=25;detailLine=false}"
  out="$results_dir/tmp/profile-$(date -u +%Y%m%dT%H%M%SZ).txt"
  echo ">> profiling with -prof $prof; output in $out" >&2
  java -jar "$jar" "${jmh_opts[@]}" -prof "$prof" "$@" | tee "$out"
  exit 0
fi

mkdir -p "$results_dir"
json="$results_dir/$stem.json"
md="$results_dir/$stem.md"
load_before="$(load)"
started="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo ">> JMH ${jmh_opts[*]} $*; load average before: $load_before" >&2
java -jar "$jar" "${jmh_opts[@]}" -rf json -rff "$json" "${filter[@]}" "$@"
load_after="$(load)"

echo >&2
java -cp "$jar" "$report" "$json" "$md" \
  "--note=profile \`$profile\` (\`${jmh_opts[*]}${*:+ $*}\`), started $started, core at $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- core 2>/dev/null || echo ' plus uncommitted changes')" \
  "--note=load average (1, 5, 15 min) before: $load_before; after: $load_after (on $(nproc) CPUs; an idle machine is well below 1)" \
  "--note=machine: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | xargs), $(nproc) CPUs, $(free -g 2>/dev/null | awk '/Mem:/ {print $2}') GB; servers: PostgreSQL $(psql -h 127.0.0.1 -U postgres -Atc 'show server_version' test 2>/dev/null || echo '?'), MariaDB $(mysql -h127.0.0.1 -uroot -N -e 'select version()' 2>/dev/null || echo '?')"
echo >&2
echo ">> wrote $json and $md" >&2
