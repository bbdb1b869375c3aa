#!/usr/bin/env bash
# Measures time from launching the distribution to its first HTTP 200 on /api/health, and the
# resident memory right after, over N runs (default 5) each without and with the class-data sharing
# archive that bin/market-intel creates, side by side in one run. Reports each run and the medians.
#   scripts/measure-startup.sh [runs]
# Needs a built distribution (bin/market-intel builds it) and curl. Uses a free port and a temp data dir.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LIB="$ROOT/distribution/target/market-intel/lib"
RUNS="${1:-5}"
[ -d "$LIB" ] || { echo "build first: bin/market-intel or mvn -DskipTests package" >&2; exit 1; }
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
JSA=$(mktemp -u --suffix=.jsa)
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() {   # $1 = label, rest = extra JVM options
  local label=$1; shift
  times=(); rss=()
  for i in $(seq 1 "$RUNS"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  MI_CONFIG="$ROOT/config/market-intel.yaml" MI_HTTP_PORT="$PORT" MI_DATA_DIR="$data" \
    java "$@" -Djava.util.logging.config.file="$ROOT/config/logging.properties" -p "$LIB" \
    --add-modules ALL-MODULE-PATH -m io.marketintel.runtime/io.marketintel.runtime.Main >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/api/health"; do sleep 0.02; done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  sleep 2   # let the background warm-up of the simulated market finish
  kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  times+=("$ms"); rss+=("$kb")
  echo "$label run $i: first 200 after ${ms} ms, RSS $(( kb / 1024 )) MiB"
  done
  echo "$label median: first 200 after $(median "${times[@]}") ms, RSS $(( $(median "${rss[@]}") / 1024 )) MiB"
}

measure plain
# One run that writes the archive at exit (as the launcher's first run does), then the measured runs.
RUNS_SAVED=$RUNS; RUNS=1; measure "archive-dump" -XX:ArchiveClassesAtExit="$JSA" -Xlog:cds=off; RUNS=$RUNS_SAVED
measure cds -XX:SharedArchiveFile="$JSA" -Xlog:cds=off
rm -f "$JSA"
echo "(java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(nproc) cores)"
