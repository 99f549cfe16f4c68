#!/usr/bin/env bash
# Measures the Bookshelf sample as a Native AOT binary and as a JIT (framework-dependent) publish, on this machine:
#   - size on disk: the files to deploy (no debug symbols), and with the shared .NET runtime the JIT build needs
#   - start-up: process start to the first 200 from GET /health, median of --runs runs (fresh process each time)
#   - memory: VmRSS from /proc/<pid>/status once ready, and after 10,000 requests (8 at a time, keep-alive,
#     a mix of the sample's GET endpoints), median of 3 runs; VmHWM (peak RSS) as well
# and prints a markdown table (AOT, JIT, AOT/JIT) plus the machine's facts. Requests go only to 127.0.0.1.
#
#   bash tests/Aot/measure.sh [--reuse] [--runs N] [--requests N] [--output FILE]
#
#   --reuse       use artifacts/aot and artifacts/jit when they exist instead of publishing again
#   --output      also write the report to FILE (docs/benchmarks.md holds the last one, next to the JIT figures)
#
# Needs python3 (timing), curl and, to publish, clang (see publish-and-check.sh). Not part of CI: it takes a few
# minutes and its numbers depend on the machine.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
# shellcheck source=app.sh
source "$repo/tests/Aot/app.sh"

reuse=false
runs=7
requests=10000
output=""
while (($# > 0)); do
  case "$1" in
    --reuse) reuse=true ;;
    --runs) runs="$2"; shift ;;
    --requests) requests="$2"; shift ;;
    --output) output="$2"; shift ;;
    *) echo "usage: $0 [--reuse] [--runs N] [--requests N] [--output FILE]" >&2; exit 2 ;;
  esac
  shift
done
((runs >= 5)) || { echo "measure.sh: --runs must be at least 5 for a meaningful median" >&2; exit 2; }
command -v python3 >/dev/null 2>&1 || { echo "measure.sh: python3 is required" >&2; exit 2; }
command -v curl >/dev/null 2>&1 || { echo "measure.sh: curl is required" >&2; exit 2; }

# Other work on the machine skews every figure; the report says how busy it was when this started.
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

aot_dir="$repo/artifacts/aot"
jit_dir="$repo/artifacts/jit"
work="$(mktemp -d)"
cleanup() {
  app_stop
  rm -rf "$work"
}
trap cleanup EXIT

# The JIT apphost looks for the runtime here; set it so it does not depend on how dotnet got onto PATH.
DOTNET_ROOT="$(dirname "$(readlink -f "$(command -v dotnet)")")"
export DOTNET_ROOT

# ---- publish ----------------------------------------------------------------------------------------------------
if [[ "$reuse" != true || ! -x "$aot_dir/Bookshelf" ]]; then
  if ! command -v clang >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends clang zlib1g-dev
  fi
  echo "Publishing Native AOT to artifacts/aot" >&2
  rm -rf "$aot_dir"
  dotnet publish samples/Bookshelf -c Release -r linux-x64 -o "$aot_dir" -nologo -v:q >&2
fi
if [[ "$reuse" != true || ! -x "$jit_dir/Bookshelf" ]]; then
  # The same project, JIT: framework-dependent for linux-x64 (so only that RID's native SQLite is copied),
  # PublishAot off so none of the AOT-only settings apply.
  echo "Publishing JIT (framework-dependent) to artifacts/jit" >&2
  rm -rf "$jit_dir"
  dotnet publish samples/Bookshelf -c Release -r linux-x64 --self-contained false -p:PublishAot=false -o "$jit_dir" -nologo -v:q >&2
fi

# ---- helpers ----------------------------------------------------------------------------------------------------
# deployable_bytes DIR: every file but debug symbols and XML docs.
deployable_bytes() {
  find "$1" -type f ! -name '*.dbg' ! -name '*.pdb' ! -name '*.xml' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'
}

# The shared frameworks a framework-dependent ASP.NET Core app loads, in the versions it would roll forward to.
runtime_bytes() {
  local total=0 name version
  for name in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
    version="$(dotnet --list-runtimes | awk -v n="$name" '$1 == n { v = $2 } END { print v }')"
    total=$((total + $(du -sb "$DOTNET_ROOT/shared/$name/$version" | cut -f1)))
  done
  echo "$total"
}

median() { LC_ALL=C sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
minimum() { LC_ALL=C sort -g | head -n1; }
maximum() { LC_ALL=C sort -g | tail -n1; }

# rss_kb PID FIELD: VmRSS or VmHWM in kB.
rss_kb() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }

# A seeded database, copied for every run, so that each start opens the same existing file rather than
# creating and seeding one (that is a first start's cost, not a start-up's).
seed_database() {
  BOOKSHELF_DB="$work/seed.db" app_start_ready "$work" 30 "$aot_dir/Bookshelf"
  app_stop
}

# startup_ms COMMAND...: one cold start, process spawn to the first 200 from GET /health, in milliseconds.
startup_ms() {
  cp "$work/seed.db" "$work/run.db"
  python3 - "$work/run.db" "$@" <<'PY'
import http.client, os, socket, subprocess, sys, time

database, command = sys.argv[1], sys.argv[2:]
with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
args = command + ["--urls", f"http://127.0.0.1:{port}", f"--Bookshelf:Database={database}"]
started = time.perf_counter()
process = subprocess.Popen(args, cwd=os.path.dirname(command[-1]) if command[0] == "dotnet" else os.path.dirname(command[0]),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    deadline = started + 30
    while True:
        if time.perf_counter() > deadline or process.poll() is not None:
            sys.exit("no answer within 30 s" if process.poll() is None else "the app exited")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/health")
            if connection.getresponse().status == 200:
                break
        except (OSError, http.client.HTTPException):
            # Not listening yet (refused), or listening but not serving yet (reset, closed).
            time.sleep(0.001)
        finally:
            connection.close()
    print(f"{(time.perf_counter() - started) * 1000:.1f}")
finally:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
PY
}

# load URL: $requests GET requests, 8 in flight, keep-alive, over six of the sample's endpoints; prints how many
# answered 200 (all of them, or the measurement is void).
load() {
  local base="$1" i
  local paths=(/books/3 "/books?pageSize=5" /authors /shelves/1 /books/3/reviews /health)
  for ((i = 0; i < requests; i++)); do
    printf 'url = "%s%s"\noutput = "/dev/null"\n' "$base" "${paths[i % ${#paths[@]}]}"
  done >"$work/urls.cfg"
  curl -s -Z --parallel-max 8 -K "$work/urls.cfg" -w '%{http_code}\n' 2>/dev/null | grep -c '^200$' || true
}

# measure NAME COMMAND...: fills the results for one build.
declare -A result
measure() {
  local name="$1"
  shift
  local i times=() idle=() after=() peak=() rps=() ok start_ns elapsed_ns
  echo "Measuring $name: $runs start-ups" >&2
  for ((i = 0; i < runs; i++)); do
    times+=("$(startup_ms "$@")")
  done
  echo "Measuring $name: 3 x $requests requests" >&2
  for i in 1 2 3; do
    cp "$work/seed.db" "$work/load.db"
    BOOKSHELF_DB="$work/load.db" app_start_ready "$work" 60 "$@"
    idle+=("$(rss_kb "$app_pid" VmRSS)")
    start_ns=$(date +%s%N)
    ok="$(load "$app_url")"
    elapsed_ns=$(($(date +%s%N) - start_ns))
    if ((ok != requests)); then
      echo "measure.sh: only $ok of $requests requests to $name answered 200" >&2
      exit 1
    fi
    after+=("$(rss_kb "$app_pid" VmRSS)")
    peak+=("$(rss_kb "$app_pid" VmHWM)")
    rps+=("$((requests * 1000000000 / elapsed_ns))")
    app_stop
  done
  result[$name.start]="$(printf '%s\n' "${times[@]}" | median)"
  result[$name.start_min]="$(printf '%s\n' "${times[@]}" | minimum)"
  result[$name.start_max]="$(printf '%s\n' "${times[@]}" | maximum)"
  result[$name.idle]="$(printf '%s\n' "${idle[@]}" | median)"
  result[$name.after]="$(printf '%s\n' "${after[@]}" | median)"
  result[$name.peak]="$(printf '%s\n' "${peak[@]}" | median)"
  result[$name.rps]="$(printf '%s\n' "${rps[@]}" | median)"
}

seed_database
measure aot "$aot_dir/Bookshelf"
measure jit dotnet "$jit_dir/Bookshelf.dll"

aot_binary=$(stat -c %s "$aot_dir/Bookshelf")
aot_files=$(deployable_bytes "$aot_dir")
jit_files=$(deployable_bytes "$jit_dir")
jit_with_runtime=$((jit_files + $(runtime_bytes)))

mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
ms() { awk -v v="$1" 'BEGIN { printf "%.0f ms", v }'; }
kib_to_mib() { awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; }
thousands() { printf '%s' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
memory="$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
runtime_version="$(dotnet --list-runtimes | awk '$1 == "Microsoft.NETCore.App" { v = $2 } END { print v }')"

report() {
  cat <<EOF
| Bookshelf sample | Native AOT | JIT | AOT / JIT |
|---|---:|---:|---:|
| Executable | $(mib "$aot_binary") (\`Bookshelf\`, self-contained) | — (\`Bookshelf.dll\` + apphost on the shared runtime) | |
| Files to deploy (no symbols) | $(mib "$aot_files") | $(mib "$jit_files") | $(ratio "$aot_files" "$jit_files") |
| … plus the shared runtime it needs | $(mib "$aot_files") | $(mib "$jit_with_runtime") | $(ratio "$aot_files" "$jit_with_runtime") |
| Start-up to first \`200\` (median of $runs; min–max) | $(ms "${result[aot.start]}") ($(ms "${result[aot.start_min]}")–$(ms "${result[aot.start_max]}")) | $(ms "${result[jit.start]}") ($(ms "${result[jit.start_min]}")–$(ms "${result[jit.start_max]}")) | $(ratio "${result[aot.start]}" "${result[jit.start]}") |
| RSS when ready (median of 3) | $(kib_to_mib "${result[aot.idle]}") | $(kib_to_mib "${result[jit.idle]}") | $(ratio "${result[aot.idle]}" "${result[jit.idle]}") |
| RSS after $(thousands "$requests") requests (median of 3) | $(kib_to_mib "${result[aot.after]}") | $(kib_to_mib "${result[jit.after]}") | $(ratio "${result[aot.after]}" "${result[jit.after]}") |
| Peak RSS, VmHWM (median of 3) | $(kib_to_mib "${result[aot.peak]}") | $(kib_to_mib "${result[jit.peak]}") | $(ratio "${result[aot.peak]}" "${result[jit.peak]}") |
| Requests/s while loading (not a benchmark) | ${result[aot.rps]} | ${result[jit.rps]} | $(ratio "${result[aot.rps]}" "${result[jit.rps]}") |

- Builds: \`dotnet publish samples/Bookshelf -c Release -r linux-x64\` (Native AOT, \`PublishAot=true\` in the project)
  and \`dotnet publish samples/Bookshelf -c Release -r linux-x64 --self-contained false -p:PublishAot=false\` (JIT,
  run as \`dotnet Bookshelf.dll\`). Both use Server GC (the Web SDK's default; DATAS on, as by default since .NET 9) and invariant globalization.
- Start-up: process spawn to the first \`200\` from \`GET /health\` (which opens the SQLite database), polled every
  millisecond from Python; every run is a fresh process on a copy of the same seeded database file.
- Load: $(thousands "$requests") \`GET\` requests from one \`curl --parallel --parallel-max 8\` (keep-alive) on the same machine,
  spread over \`/books/3\`, \`/books?pageSize=5\`, \`/authors\`, \`/shelves/1\`, \`/books/3/reviews\` and \`/health\`; all
  answered \`200\`. RSS is \`VmRSS\` from \`/proc/<pid>/status\` right after the last response; peak is \`VmHWM\`.
- "Shared runtime" is the size on disk of Microsoft.NETCore.App and Microsoft.AspNetCore.App $runtime_version.

Machine: $(nproc) cores, $cpu, $memory RAM; $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r);
.NET SDK $(dotnet --version), runtime $runtime_version; $(clang --version 2>/dev/null | head -n1 || echo 'clang ?');
load average $load_before when it started; measured $(date -u '+%Y-%m-%d %H:%M UTC') with \`bash tests/Aot/measure.sh\`.
EOF
}

if [[ -n "$output" ]]; then
  report | tee "$output"
else
  report
fi
