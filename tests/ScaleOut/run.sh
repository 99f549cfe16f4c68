#!/usr/bin/env bash
# Scale-out check of the Bookshelf sample: two instances behind nginx, sharing PostgreSQL and Redis, under load
# and through the loss of one instance. Everything runs on 127.0.0.1, from Debian's packages (installed when
# missing, as root), in a temporary folder, and is stopped by the PID it was started with.
#
#   bash tests/ScaleOut/run.sh            (from anywhere; .ci/run runs it)
#   LOAD_SECONDS=20 bash tests/ScaleOut/run.sh   a shorter load (default 60 s)
#
# Prints one line per check (PASS/FAIL) and ends with "N passed, N failed"; exits non-zero when any failed.
#
# Besides the stores and the load, it checks what must hold across instances (issues 15 and 16): a session (the
# reading list), an antiforgery token (the cover upload form) and an ETag (304 and 412) made by one instance are
# honoured by the other.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=services.sh
source "$root/tests/ScaleOut/services.sh"
# shellcheck source=../Aot/app.sh
source "$root/tests/Aot/app.sh"   # app_token and app_auth_arguments: the JWT issuer and key the instances accept

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
LOAD_SECONDS="${LOAD_SECONDS:-60}"
CLIENTS="${CLIENTS:-64}"
PG_PORT=55433 REDIS_PORT=56379 NGINX_PORT=58080 A_PORT=58081 B_PORT=58082
A="http://127.0.0.1:$A_PORT" B="http://127.0.0.1:$B_PORT" LB="http://127.0.0.1:$NGINX_PORT"

# Not under TMPDIR: CI's TMPDIR is in a folder only root may enter, and PostgreSQL runs as postgres.
work="$(mktemp -d /tmp/bookshelf-scaleout.XXXXXX)"
chmod 755 "$work"
declare -A instance_pid=()
load_pid=""

stop_instance() {
  local name="$1" pid="${instance_pid[$1]:-}"
  [[ -n "$pid" ]] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  instance_pid[$name]=""
}

cleanup() {
  [[ -n "$load_pid" ]] && { kill -TERM "$load_pid" 2>/dev/null || true; wait "$load_pid" 2>/dev/null || true; }
  stop_instance a
  stop_instance b
  stop_nginx
  stop_redis
  stop_postgres "$work/postgres"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

passed=0 failed=0
pass() { passed=$((passed + 1)); printf 'PASS  %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'FAIL  %s\n' "$*"; }
check() { # check NAME CONDITION-COMMAND...
  local name="$1"
  shift
  if "$@"; then pass "$name"; else fail "$name"; fi
}

# ---- services ---------------------------------------------------------------------------------------------------
ensure_packages postgresql redis-server nginx curl python3 || exit 1
start_postgres "$work/postgres" "$PG_PORT" || exit 1
runuser_psql() { as_postgres psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
runuser_psql -c "CREATE DATABASE bookshelf" || exit 1
start_redis "$work/redis" "$REDIS_PORT" || exit 1

echo "==> dotnet publish samples/Bookshelf (JIT, once, for both instances)"
dotnet publish "$root/samples/Bookshelf" -c Release -p:PublishAot=false -o "$work/app" -nologo -v:q >"$work/publish.log" 2>&1 || {
  tail -n 40 "$work/publish.log"
  exit 1
}

DATABASE="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=bookshelf;Maximum Pool Size=100"
start_instance() { # start_instance NAME PORT
  local name="$1" port="$2"
  (cd "$work/app" && exec dotnet Bookshelf.dll --urls "http://127.0.0.1:$port" "--Bookshelf:Database=$DATABASE" \
    "--Bookshelf:Redis=127.0.0.1:$REDIS_PORT" "${app_auth_arguments[@]}") >>"$work/$name.log" 2>&1 &
  instance_pid[$name]=$!
}
wait_healthy() { # wait_healthy URL SECONDS
  local waited=0
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1/health")" == 200 ]]; do
    ((waited >= $2 * 5)) && return 1
    sleep 0.2
    waited=$((waited + 1))
  done
}

# Both at once: the schema lock makes one create the tables and seed, the other wait and find them.
start_instance a "$A_PORT"
start_instance b "$B_PORT"
check "instance a ready on PostgreSQL and Redis (/health 200)" wait_healthy "$A" 60
check "instance b ready on PostgreSQL and Redis (/health 200)" wait_healthy "$B" 60

mkdir -p "$work/nginx/tmp"
cat >"$work/nginx/nginx.conf" <<NGINX
$( ((EUID == 0)) && echo "user root;")
worker_processes 2;
error_log $work/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  upstream bookshelf {
    # Round robin. One failed connection takes an instance out for 2 s, then nginx tries it again.
    server 127.0.0.1:$A_PORT max_fails=1 fail_timeout=2s;
    server 127.0.0.1:$B_PORT max_fails=1 fail_timeout=2s;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://bookshelf;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_connect_timeout 1s;
      # A request that could not reach an instance goes to the other; nginx never resends a POST or PATCH that
      # reached one (non_idempotent is not listed): those fail in flight, as a client must expect.
      proxy_next_upstream error timeout http_502;
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
NGINX
start_nginx "$work/nginx" "$work/nginx/nginx.conf" || exit 1

ADMIN="Authorization: Bearer $(app_token admin)"
TOKEN="$(app_token admin)"
status_of() { curl -s -o "$work/body" -D "$work/headers" -w '%{http_code}' --max-time 10 "$@"; }
header_of() { sed -n "s/^$1: *//Ip" "$work/headers" | tr -d '\r' | head -n1; }
json_of() { python3 -c $'import json, sys\nv = json.load(open(sys.argv[1]))\nfor k in sys.argv[2].split("."):\n    v = v[int(k)] if isinstance(v, list) else v[k]\nprint(v if isinstance(v, str) else json.dumps(v, separators=(",", ":")))' "$work/body" "$1" 2>/dev/null; }

# ---- a write through one instance is read through the other ----------------------------------------------------
s="$(status_of -X POST "$A/books" -H "$ADMIN" -H 'Content-Type: application/json' \
  -d '{"title": "Written on a", "authorId": 1, "isbn": "978-0-06-051275-0", "year": 1974, "genre": "ScienceFiction"}')"
id="$(json_of id)"
s2="$(status_of "$B/books/$id")"
check "write through a (201), read through b (200, same book)" test "$s $s2 $(json_of title)" == "201 200 Written on a"

# ---- uniqueness holds across instances: the same ISBN to both at once, one wins ---------------------------------
body='{"title": "Raced", "authorId": 1, "isbn": "978-0-00-000009-5", "year": 2000, "genre": "Fantasy"}'
race_pids=()
for target in "$A" "$B" "$A" "$B"; do
  curl -s -o /dev/null -w '%{http_code}\n' -X POST "$target/books" -H "$ADMIN" -H 'Content-Type: application/json' -d "$body" >>"$work/race" &
  race_pids+=($!)
done
wait "${race_pids[@]}"
check "same ISBN to both instances at once: one 201, three 409 ($(sort "$work/race" | tr '\n' ' '))" \
  test "$(sort "$work/race" | tr '\n' ' ')" == "201 409 409 409 "

# ---- round robin: nginx spreads requests over both ----------------------------------------------------------------
for _ in 1 2 3 4; do status_of "$LB/books/1" >/dev/null; header_of X-Upstream; done | sort -u >"$work/upstreams"
check "nginx round robin reaches both instances ($(tr '\n' ' ' <"$work/upstreams"))" test "$(wc -l <"$work/upstreams")" -eq 2

# ---- a session made on one instance is read on the other --------------------------------------
rm -f "$work/cookies"
s="$(status_of -c "$work/cookies" -b "$work/cookies" -X POST "$A/reading-list" -H 'Content-Type: application/json' -d '{"bookId": 1}')"
s2="$(status_of -c "$work/cookies" -b "$work/cookies" "$B/reading-list")"
check "session: reading list written on a (200) is read on b (200, {\"bookIds\":[1]})" \
  test "$s $s2 $(json_of bookIds)" == "200 200 [1]"
check "the data-protection key ring is in Redis, shared by both instances" \
  test "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" exists bookshelf:data-protection-keys 2>/dev/null)" == 1

# ---- an antiforgery token made by one instance is accepted by the other -----------------------
rm -f "$work/af-cookies"
# An antiforgery token belongs to the identity that asked for it: the upload's bearer token asks for it.
status_of -c "$work/af-cookies" -b "$work/af-cookies" "$A/antiforgery/token" -H "$ADMIN" >/dev/null
af_token="$(json_of token)"
printf '\x89PNG\r\n\x1a\n' >"$work/cover.png"
s="$(status_of -c "$work/af-cookies" -b "$work/af-cookies" -X PUT "$B/books/$id/cover" -H "$ADMIN" \
  -F "__RequestVerificationToken=$af_token" -F "cover=@$work/cover.png;type=image/png")"
s2="$(status_of "$A/books/$id/cover")"
check "antiforgery: token from a, cover form posted to b (204), read on a (200 image/png)" \
  test "$s $s2 $(header_of Content-Type)" == "204 200 image/png"

# ---- an ETag issued by one instance gives 304 / 412 on the other -------------------------------
status_of "$A/books/$id" >/dev/null
etag="$(header_of ETag)"
s="$(status_of "$B/books/$id" -H "If-None-Match: $etag")"
check "ETag from a, If-None-Match on b: 304" test "$s:${etag:-none}" == "304:$etag" -a -n "$etag"
s1="$(status_of -X PATCH "$A/books/$id" -H "$ADMIN" -H "If-Match: $etag" -H 'Content-Type: application/json' -d '{"year": 1975}')"
s2="$(status_of -X PATCH "$B/books/$id" -H "$ADMIN" -H "If-Match: $etag" -H 'Content-Type: application/json' -d '{"year": 1976}')"
check "PATCH with the ETag on a (200), the same stale ETag on b: 412" test "$s1 $s2" == "200 412"

# ---- load through nginx; instance a killed (SIGKILL) halfway, restarted at three quarters -----------------------
echo "==> $CLIENTS clients for ${LOAD_SECONDS} s through nginx; SIGKILL of instance a at $((LOAD_SECONDS / 2)) s"
python3 "$root/tests/ScaleOut/load.py" "$LB" "$TOKEN" "$LOAD_SECONDS" "$CLIENTS" "$work/load.json" &
load_pid=$!
load_started=$SECONDS
sleep $((LOAD_SECONDS / 2))
kill_time="$(date +%s.%N)"
kill -KILL "${instance_pid[a]}"
wait "${instance_pid[a]}" 2>/dev/null
instance_pid[a]=""
echo "==> killed instance a at $((SECONDS - load_started)) s"
sleep $((LOAD_SECONDS / 4))
start_instance a "$A_PORT"
echo "==> restarted instance a at $((SECONDS - load_started)) s"
wait "$load_pid"
load_pid=""

if [[ ! -s "$work/load.json" ]]; then
  fail "load: the load generator wrote no result"
else
  summary() { python3 -c "import json; d = json.load(open('$work/load.json')); k = $kill_time; print($1)"; }
  echo "    $(summary "d['requests']") requests; statuses $(summary "d['statuses']"); $(summary "d['acknowledged']") creates acknowledged"
  # A failure is a 5xx or a request with no response; each is (start, end, method, status, upstream). Before the
  # kill there must be none. At the kill: the requests in flight on instance a (started before, ended after), and
  # those nginx sent to a in the moment it took to notice (started within 2 s after, over connections to a that
  # it still held). After that, none: nginx has failed over.
  before="$(summary "len([f for f in d['failures'] if f[1] < k])")"
  in_flight="$(summary "len([f for f in d['failures'] if f[0] <= k <= f[1]])")"
  noticing="$(summary "len([f for f in d['failures'] if k < f[0] <= k + 2])")"
  after="$(summary "len([f for f in d['failures'] if f[0] > k + 2])")"
  # A request that got no response at all (status 0: the connection closed under it) carries no X-Upstream, so
  # which instance it reached cannot be read from it; the timing checks place those (none before the kill, none
  # from 2 s after). A failure that names an upstream must name the killed one.
  not_a="$(summary "len([f for f in d['failures'] if f[4] and ':$A_PORT' not in f[4]])")"
  no_response="$(summary "len([f for f in d['failures'] if not f[4]])")"
  check "load: 0 × 5xx and 0 dropped requests before the kill ($before)" test "$before" -eq 0
  echo "    failed in flight at the kill: $in_flight; failed while nginx noticed (within 2 s): $noticing; methods: $(summary "sorted({f[2] for f in d['failures']})")"
  check "load: failures at the kill are at most one per client ($((in_flight + noticing)) ≤ $CLIENTS)" test "$((in_flight + noticing))" -le "$CLIENTS"
  check "load: every failure that names an instance names the killed one ($not_a elsewhere; $no_response got no response)" test "$not_a" -eq 0
  check "load: nginx failed over, 0 failures from 2 s after the kill on ($after)" test "$after" -eq 0
  check "load: every acknowledged write is present afterwards ($(summary "len(d['missing'])") missing)" test "$(summary "len(d['missing'])")" -eq 0
  check "load: no duplicate ids ($(summary "d['duplicateIds']") duplicates)" test "$(summary "d['duplicateIds']")" -eq 0
  check "load: more than 1000 requests were served ($(summary "d['requests']"))" test "$(summary "d['requests']")" -gt 1000
fi

# ---- the restarted instance rejoins ------------------------------------------------------------------------------
check "restarted instance a serves (/health 200)" wait_healthy "$A" 60
s="$(status_of "$A/books/$id")"
check "restarted instance a serves the book written before the kill (200)" test "$s" == 200
sleep 2.5 # past fail_timeout: nginx tries a again
for _ in 1 2 3 4 5 6; do status_of "$LB/books/1" >/dev/null; header_of X-Upstream; done | sort -u >"$work/upstreams"
check "nginx sends requests to the restarted instance again ($(tr '\n' ' ' <"$work/upstreams"))" grep -q ":$A_PORT" "$work/upstreams"

echo "$passed passed, $failed failed"
((failed == 0))
