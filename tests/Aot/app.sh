# Sourced, not run: starts and stops the Bookshelf sample on a free loopback port, for publish-and-check.sh,
# measure.sh and tests/OpenApiLint/lint.sh. Only 127.0.0.1 is ever used.
#
#   app_start <work dir> <command...>   starts it (cwd = the command's directory); sets app_pid, app_url, app_log
#   app_wait_ready <seconds>            polls GET /health until 200; fails early if the process exits
#   app_stop                            TERM, then KILL after 10 s; safe to call twice (use it in an EXIT trap)
#   app_token [ROLE...]                 prints a JWT bearer token the started app accepts (writes need one,
#                                       deletes one with the role admin)

app_pid=""
app_url=""
app_log=""

# The app started here accepts tokens from this issuer, signed with this key (the same 32 bytes, hex for openssl and
# base64 for the app's Authentication:Schemes:Bearer:SigningKeys): a key for checks, worthless anywhere else.
APP_JWT_ISSUER="bookshelf-checks"
APP_JWT_KEY_HEX="0c6f1b2a3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8"
APP_JWT_KEY_BASE64="DG8bKj1OX2BxgpOktcbX6PkKGyw9Tl9gcYKTpLXG1+g="
app_auth_arguments=(
  "--Authentication:Schemes:Bearer:ValidIssuer=$APP_JWT_ISSUER"
  "--Authentication:Schemes:Bearer:ValidAudiences:0=$APP_JWT_ISSUER"
  "--Authentication:Schemes:Bearer:SigningKeys:0:Issuer=$APP_JWT_ISSUER"
  "--Authentication:Schemes:Bearer:SigningKeys:0:Value=$APP_JWT_KEY_BASE64"
)

# app_token [ROLE...]: an HS256 JWT for the user "checks", valid for an hour, made with openssl.
app_token() {
  local b64url='openssl base64 -A | tr "+/" "-_" | tr -d "="'
  local now roles="" header payload signature
  now="$(date +%s)"
  if (($# == 1)); then
    roles=",\"role\":\"$1\""
  elif (($# > 1)); then
    roles=",\"role\":[$(printf '"%s",' "$@" | sed 's/,$//')]"
  fi
  header="$(printf '{"alg":"HS256","typ":"JWT"}' | eval "$b64url")"
  payload="$(printf '{"sub":"checks","iss":"%s","aud":"%s","iat":%d,"nbf":%d,"exp":%d%s}' \
    "$APP_JWT_ISSUER" "$APP_JWT_ISSUER" "$((now - 60))" "$((now - 60))" "$((now + 3600))" "$roles" | eval "$b64url")"
  signature="$(printf '%s.%s' "$header" "$payload" |
    openssl dgst -sha256 -mac HMAC -macopt "hexkey:$APP_JWT_KEY_HEX" -binary | eval "$b64url")"
  printf '%s.%s.%s\n' "$header" "$payload" "$signature"
}

# A port nothing listens on now. The kernel picks it when python3 is there; otherwise a random high port that
# refuses a connection. Another process could take it before the app binds it: app_start retries.
app_free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  echo "app.sh: found no free port" >&2
  return 1
}

# app_start WORK COMMAND...: runs COMMAND --urls http://127.0.0.1:<port> --Bookshelf:Database=WORK/bookshelf.db
# in the background, its output in WORK/app.log. A fresh database each time unless BOOKSHELF_DB is set.
app_start() {
  local work="$1"
  shift
  local port
  port="$(app_free_port)" || return 1
  app_url="http://127.0.0.1:$port"
  app_log="$work/app.log"
  local database="${BOOKSHELF_DB:-$work/bookshelf.db}"
  # Content root = the current directory, where the app finds appsettings.json: the binary's own folder.
  local directory
  directory="$(dirname "$(command -v "$1" 2>/dev/null || echo "$1")")"
  if [[ "$1" == dotnet ]]; then
    directory="$(dirname "$2")"
  fi
  (cd "$directory" && exec "$@" --urls "$app_url" "--Bookshelf:Database=$database" "${app_auth_arguments[@]}") >"$app_log" 2>&1 &
  app_pid=$!
}

# app_wait_ready SECONDS: 0 once GET /health answers 200; 1 if the process died or time ran out.
app_wait_ready() {
  local deadline=$((SECONDS + ${1:-30}))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$app_pid" 2>/dev/null; then
      echo "app.sh: the app exited before it answered; its output:" >&2
      cat "$app_log" >&2
      return 1
    fi
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$app_url/health" 2>/dev/null)" == 200 ]]; then
      return 0
    fi
    sleep 0.1
  done
  echo "app.sh: the app did not answer GET $app_url/health within ${1:-30} s; its output:" >&2
  cat "$app_log" >&2
  return 1
}

# app_start_ready WORK SECONDS COMMAND...: app_start + app_wait_ready, on another port if the first was taken.
app_start_ready() {
  local work="$1" seconds="$2"
  shift 2
  local attempt
  for attempt in 1 2 3; do
    app_start "$work" "$@" || return 1
    if app_wait_ready "$seconds"; then
      return 0
    fi
    app_stop
    if ! grep -qi 'address already in use' "$app_log" 2>/dev/null; then
      return 1
    fi
    echo "app.sh: port taken, trying another (attempt $attempt)" >&2
  done
  return 1
}

app_stop() {
  if [[ -z "$app_pid" ]]; then
    return 0
  fi
  if kill -0 "$app_pid" 2>/dev/null; then
    kill -TERM "$app_pid" 2>/dev/null || true
    local i
    for i in $(seq 1 100); do
      kill -0 "$app_pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$app_pid" 2>/dev/null; then
      echo "app.sh: the app ignored SIGTERM for 10 s; killing it" >&2
      kill -KILL "$app_pid" 2>/dev/null || true
    fi
  fi
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}
