#!/usr/bin/env bash
# Runs the four benchmarks of docs/benchmarks.md end to end and prints one summary of ratios:
#   1. requests per second under wrk (one server, four variants, pinned cores, alternating rounds)
#   2. allocations and ns per request (BenchmarkDotNet, in-process routing pipeline)
#   3. start-up: process start to first 200, per variant
#   4. generator cost: Resourceful vs the Request Delegate Generator on 10/100/1000 resources x 5 handlers
#   5. sparse fieldsets: ?fields= of 2 of 8 members vs the full representation (BenchmarkDotNet; only with --only fields)
#
# Usage: tests/Benchmarks/run-all.sh [--quick] [--only rps,alloc,startup,generator,fields] [--out DIR]
#   --quick  short runs (about 5 minutes in all), to check that everything works; not for publishing
#   --only   a comma-separated subset
#   --out    where results go (default: tests/Benchmarks/results/<UTC timestamp>)
# Every step is bounded by a timeout (the full run takes about 20-25 minutes on 2 cores). All traffic goes to
# 127.0.0.1. Installs wrk from Debian's packages when it is missing (as root, after apt-get update).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
QUICK=0
ONLY="rps,alloc,startup,generator"
OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --only) ONLY="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
OUT="${OUT:-$HERE/results/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
wants() { case ",$ONLY," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

if [ "$QUICK" = 1 ]; then
  RPS_ROUNDS=1; RPS_PIPELINE_ROUNDS=1; RPS_SECONDS=2; RPS_WARMUP=1; STARTUP_RUNS=3; QUICK_FLAG="--quick"
else
  # More, shorter rounds: a median over six alternations resists bursts of load from elsewhere better than three.
  RPS_ROUNDS=6; RPS_PIPELINE_ROUNDS=4; RPS_SECONDS=4; RPS_WARMUP=3; STARTUP_RUNS=15; QUICK_FLAG=""
fi
RPS_CONNECTIONS=32
RPS_PIPELINE=16

# Server and load generator on different cores: the upper half for the server, the lower half for wrk.
NPROC="$(nproc)"
if [ "$NPROC" -ge 2 ]; then
  SERVER_CPUS="$((NPROC / 2))-$((NPROC - 1))"
  CLIENT_CPUS="0-$((NPROC / 2 - 1))"
  CLIENT_THREADS="$((NPROC / 2))"
else
  SERVER_CPUS="0"; CLIENT_CPUS="0"; CLIENT_THREADS=1
  echo "warning: one CPU only: server and load generator share it, so the req/s figures mean little" >&2
fi

log() { printf '\n== %s\n' "$*"; }

machine() {
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), nproc $NPROC"
  echo "- memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
  echo "- .NET: SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }')"
  echo "- load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- mode: $([ "$QUICK" = 1 ] && echo quick || echo full); server CPUs $SERVER_CPUS, load generator CPUs $CLIENT_CPUS"
}
machine | tee "$OUT/machine.md"

log "build (Release)"
timeout 600 dotnet build "$HERE/Resourceful.Benchmarks/Resourceful.Benchmarks.csproj" -c Release -nologo -v quiet -clp:NoSummary
SERVER_DIR="$HERE/Resourceful.Benchmarks.Server/bin/Release/net10.0"
SERVER="$SERVER_DIR/Resourceful.Benchmarks.Server"
BENCH=(dotnet "$HERE/Resourceful.Benchmarks/bin/Release/net10.0/Resourceful.Benchmarks.dll")

# ---------------------------------------------------------------------------------------------------------------
# 1. Requests per second
# ---------------------------------------------------------------------------------------------------------------
SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT

free_port() {
  local port
  for port in $(seq 5180 5230); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port in 5180-5230" >&2; return 1
}

# status code, and one header, of one request
probe() { # method url [header-name] [curl args...]
  local method="$1" url="$2" header="${3:-}"; shift 3 || shift $#
  local headers; headers="$(curl -s -o /dev/null -D - -X "$method" "$@" "$url" | tr -d '\r')"
  local status; status="$(printf '%s\n' "$headers" | awk 'NR == 1 { print $2 }')"
  if [ -n "$header" ]; then
    printf '%s %s\n' "$status" "$(printf '%s\n' "$headers" | awk -v h="$(echo "$header" | tr 'A-Z' 'a-z')" -F': ' 'tolower($1) == h { print $2 }')"
  else
    printf '%s\n' "$status"
  fi
}

case_url() { # case variant base
  case "$1" in
    get) echo "$3/$2/items/1" ;;
    get404) echo "$3/$2/items/0" ;;
    post) echo "$3/$2/items" ;;
    options) echo "$3/$2/items/1" ;;
  esac
}
case_script() {
  case "$1" in
    post) echo "-s $HERE/wrk/post.lua" ;;
    options) echo "-s $HERE/wrk/options.lua" ;;
    *) echo "" ;;
  esac
}
case_method() {
  case "$1" in
    post) echo POST ;;
    options) echo OPTIONS ;;
    *) echo GET ;;
  esac
}

# One wrk run on the load generator's cores; prints wrk's report. depth 1: one request at a time per connection.
run_wrk() { # seconds case url depth
  local seconds="$1" c="$2" url="$3" depth="$4"
  if [ "$depth" -gt 1 ]; then
    WRK_METHOD="$(case_method "$c")" WRK_DEPTH="$depth" timeout $((seconds + 30)) taskset -c "$CLIENT_CPUS" \
      wrk -t"$CLIENT_THREADS" -c"$RPS_CONNECTIONS" -d"${seconds}s" -s "$HERE/wrk/pipeline.lua" "$url"
  else
    # shellcheck disable=SC2046
    timeout $((seconds + 30)) taskset -c "$CLIENT_CPUS" \
      wrk -t"$CLIENT_THREADS" -c"$RPS_CONNECTIONS" -d"${seconds}s" $(case_script "$c") "$url"
  fi
}

run_rps() {
  if ! command -v wrk >/dev/null 2>&1; then
    log "installing wrk (Debian package)"
    timeout 300 apt-get update -qq
    DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq wrk >/dev/null
  fi
  local port base
  port="$(free_port)"
  base="http://127.0.0.1:$port"
  log "requests per second: server on CPU $SERVER_CPUS ($base), wrk on CPU $CLIENT_CPUS, $RPS_ROUNDS round(s) x ${RPS_SECONDS}s"
  ASPNETCORE_ENVIRONMENT=Production timeout 1500 taskset -c "$SERVER_CPUS" "$SERVER" --urls "$base" --variants all \
    >"$OUT/server.log" 2>&1 &
  SERVER_PID=$!
  local i
  for i in $(seq 1 300); do
    [ "$(probe GET "$base/gen/items/1")" = 200 ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$OUT/server.log"; echo "server exited" >&2; return 1; }
    sleep 0.1
  done

  # Every variant must answer every case alike, or the comparison would be meaningless.
  local v failed=0 got
  for v in gen min mvc raw; do
    got="$(probe GET "$base/$v/items/1")"; [ "$got" = 200 ] || { echo "$v GET item: $got, expected 200"; failed=1; }
    got="$(probe GET "$base/$v/items/0")"; [ "$got" = 404 ] || { echo "$v GET missing: $got, expected 404"; failed=1; }
    got="$(probe POST "$base/$v/items" Location -H 'Content-Type: application/json' --data '{"name":"Widget","price":12.5}')"
    case "$got" in "201 /$v/items/"*) ;; *) echo "$v POST: '$got', expected 201 with Location /$v/items/..."; failed=1 ;; esac
    got="$(probe OPTIONS "$base/$v/items/1" Allow)"; [ "$got" = "204 GET, HEAD, OPTIONS" ] || { echo "$v OPTIONS: '$got'"; failed=1; }
  done
  [ "$failed" = 0 ] || { echo "the variants do not answer alike; not benchmarking" >&2; return 1; }

  local cases=(get get404 post options) variants=(gen min mvc raw) c url
  log "warm-up (${RPS_WARMUP}s per case and variant)"
  for c in "${cases[@]}"; do
    for v in "${variants[@]}"; do
      run_wrk "$RPS_WARMUP" "$c" "$(case_url "$c" "$v" "$base")" 1 >/dev/null
    done
  done

  # Two passes: one request at a time per connection (what most clients do), then pipelined, which takes the
  # per-request socket cost out and leaves mostly the server's own work (docs/benchmarks.md, finding F7).
  local tsv="$OUT/rps.tsv" pass depth rounds round n out rps non2xx
  printf 'pass\tround\tcase\tvariant\trps\tnon2xx\n' >"$tsv"
  for pass in plain pipelined; do
    if [ "$pass" = plain ]; then depth=1; rounds="$RPS_ROUNDS"; else depth="$RPS_PIPELINE"; rounds="$RPS_PIPELINE_ROUNDS"; fi
    log "$pass: $rounds round(s) x ${RPS_SECONDS}s per case and variant, $depth request(s) in flight per connection"
    for round in $(seq 1 "$rounds"); do
      for c in "${cases[@]}"; do
        for n in 0 1 2 3; do
          # A different variant goes first in each round, so drift on the machine reaches them all alike.
          v="${variants[$(((n + round - 1) % 4))]}"
          url="$(case_url "$c" "$v" "$base")"
          out="$(run_wrk "$RPS_SECONDS" "$c" "$url" "$depth")"
          rps="$(printf '%s\n' "$out" | awk '/Requests\/sec/ { print $2 }')"
          non2xx="$(printf '%s\n' "$out" | awk '/Non-2xx/ { print $NF }')"
          printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$pass" "$round" "$c" "$v" "$rps" "${non2xx:-0}" >>"$tsv"
          printf '  %-9s round %s  %-8s %-4s %10s req/s\n' "$pass" "$round" "$c" "$v" "$rps"
        done
      done
    done
  done
  stop_server

  # Medians per pass, case and variant, then the ratios and the targets.
  awk -F'\t' -v depth="$RPS_PIPELINE" '
    NR == 1 { next }
    { key = $1 SUBSEP $3 SUBSEP $4; n[key]++; v[key, n[key]] = $5; if ($6 + 0 > 0 && $3 != "get404") bad[$1 " " $3 "/" $4] = 1
      r[$1 SUBSEP $2 SUBSEP $3 SUBSEP $4] = $5; rounds[$1] = ($2 > rounds[$1] ? $2 : rounds[$1]) }
    function spread(pass, c,   k, lo, hi, x) {
      # gen ÷ min within each round (both measured minutes apart at most): how far one round can stray.
      lo = 99; hi = 0
      for (k = 1; k <= rounds[pass]; k++) {
        x = r[pass SUBSEP k SUBSEP c SUBSEP "gen"] / r[pass SUBSEP k SUBSEP c SUBSEP "min"]
        if (x < lo) lo = x; if (x > hi) hi = x
      }
      return sprintf("%.2f-%.2f", lo, hi)
    }
    function median(key,   i, j, t, a, m) {
      m = n[key]; for (i = 1; i <= m; i++) a[i] = v[key, i]
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
    }
    function table(pass, title,   i, c, g, mi, mv, hw, a, b, d, f, all) {
      print "### " title
      print ""
      print "| case | generated | minimal APIs (RDG) | MVC | hand-written | gen ÷ min (≥ 1.00) | gen ÷ min, per round | gen ÷ MVC (≥ 1.35) | gen ÷ hand-written (≥ 0.95) | hand-written ÷ MVC |"
      print "|---|---|---|---|---|---|---|---|---|---|"
      all = 1
      for (i = 1; i <= 4; i++) {
        c = cases[i]
        g = median(pass SUBSEP c SUBSEP "gen"); mi = median(pass SUBSEP c SUBSEP "min"); mv = median(pass SUBSEP c SUBSEP "mvc"); hw = median(pass SUBSEP c SUBSEP "raw")
        a = g / mi; b = g / mv; d = g / hw; f = hw / mv
        all = all && a >= 1.00 && b >= 1.35 && d >= 0.95
        printf "| %s | %.0f | %.0f | %.0f | %.0f | %.2f× %s | %s | %.2f× %s | %.2f× %s | %.2f× |\n", name[c], g, mi, mv, hw,
          a, (a >= 1.00 ? "met" : "MISSED"), spread(pass, c), b, (b >= 1.35 ? "met" : "MISSED"), d, (d >= 0.95 ? "met" : "MISSED"), f
      }
      print ""
      print (all ? "Targets: all met." : "Targets: some MISSED (see the ratios).")
      print ""
    }
    END {
      split("get get404 post options", cases, " ")
      name["get"] = "GET item (200 JSON)"; name["get404"] = "GET missing (404)"; name["post"] = "POST JSON (201 + Location)"; name["options"] = "OPTIONS (204 + Allow)"
      table("plain", "Requests per second (wrk, one request at a time per connection, median of the rounds)")
      table("pipelined", "Requests per second (wrk, " depth " pipelined requests per connection, median of the rounds)")
      for (k in bad) print "warning: " k " had non-2xx responses"
    }' "$tsv" | tee "$OUT/rps.md"
}

# ---------------------------------------------------------------------------------------------------------------
# 2-4. BenchmarkDotNet suites and the start-up timer
# ---------------------------------------------------------------------------------------------------------------
STATUS=0
if wants rps; then run_rps || STATUS=1; fi
if wants alloc; then
  log "allocations and CPU per request (BenchmarkDotNet)"
  # shellcheck disable=SC2086
  timeout 1200 "${BENCH[@]}" requests $QUICK_FLAG --out "$OUT" >"$OUT/requests.log" 2>&1 || { tail -30 "$OUT/requests.log"; STATUS=1; }
fi
if wants startup; then
  log "start-up ($STARTUP_RUNS runs per variant, server on CPU $SERVER_CPUS)"
  # shellcheck disable=SC2086
  timeout 900 "${BENCH[@]}" startup --server "$SERVER" --runs "$STARTUP_RUNS" --cpu "$SERVER_CPUS" --out "$OUT" >"$OUT/startup.log" 2>&1 || { tail -30 "$OUT/startup.log"; STATUS=1; }
fi
if wants fields; then
  log "sparse fieldsets (BenchmarkDotNet)"
  # shellcheck disable=SC2086
  timeout 900 "${BENCH[@]}" fields $QUICK_FLAG --out "$OUT" >"$OUT/fields.log" 2>&1 || { tail -30 "$OUT/fields.log"; STATUS=1; }
fi
if wants generator; then
  log "generator cost (BenchmarkDotNet)"
  # shellcheck disable=SC2086
  timeout 1500 "${BENCH[@]}" generator $QUICK_FLAG --out "$OUT" >"$OUT/generator.log" 2>&1 || { tail -30 "$OUT/generator.log"; STATUS=1; }
fi

# ---------------------------------------------------------------------------------------------------------------
# Summary
# ---------------------------------------------------------------------------------------------------------------
{
  echo "## Benchmark run $(basename "$OUT")"
  echo
  cat "$OUT/machine.md"
  for part in rps requests startup generator fields; do
    if [ -f "$OUT/$part.md" ]; then echo; cat "$OUT/$part.md"; fi
  done
} >"$OUT/summary.md"
log "summary ($OUT/summary.md)"
cat "$OUT/summary.md"
exit "$STATUS"
