#!/usr/bin/env bash
# Starts and stops the services the Bookshelf sample can share between instances — PostgreSQL, Redis, nginx —
# from Debian's packages, on loopback only, each in a folder of its own, each stopped by the PID it was started
# with. Sourced by tests/Bookshelf.Tests/run-on-postgres.sh and tests/ScaleOut/run.sh; nothing here touches a
# system-wide instance (no systemctl, no /etc/postgresql cluster, no default ports).
#
#   ensure_packages postgresql redis-server nginx   installs what is missing (apt-get; root only)
#   start_postgres DIR PORT                         initdb into DIR, start on 127.0.0.1:PORT, trust auth, user postgres
#   stop_postgres DIR                               fast shutdown by the PID in DIR's postmaster.pid
#   start_redis DIR PORT / stop_redis               no persistence
#   start_nginx DIR CONFIG / stop_nginx             CONFIG is a full nginx.conf (see run.sh)

# Debian package → a command it provides.
declare -A PACKAGE_COMMAND=([postgresql]=pg_ctlcluster [redis-server]=redis-server [nginx]=nginx)

ensure_packages() {
  local missing=() package
  for package in "$@"; do
    command -v "${PACKAGE_COMMAND[$package]:-$package}" >/dev/null 2>&1 || missing+=("$package")
  done
  ((${#missing[@]} == 0)) && return 0
  if ((EUID != 0)); then
    echo "services.sh: ${missing[*]} missing; install them (apt-get install ${missing[*]}) or run as root." >&2
    return 1
  fi
  echo "==> apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # Installing the packages must not leave their system services running on the default ports.
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d.bookshelf && chmod +x /usr/sbin/policy-rc.d.bookshelf
  local had_policy=0
  [[ -e /usr/sbin/policy-rc.d ]] && had_policy=1
  ((had_policy)) || cp /usr/sbin/policy-rc.d.bookshelf /usr/sbin/policy-rc.d
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  ((had_policy)) || rm -f /usr/sbin/policy-rc.d
  rm -f /usr/sbin/policy-rc.d.bookshelf
}

postgres_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  [[ -n "$dir" ]] || { echo "services.sh: no PostgreSQL under /usr/lib/postgresql" >&2; return 1; }
  printf '%s\n' "$dir"
}

# Runs a command as the user that owns the PostgreSQL data: postgres when we are root (it refuses root).
as_postgres() {
  if ((EUID == 0)); then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

start_postgres() {
  local dir="$1" port="$2" bin
  bin="$(postgres_bin)" || return 1
  mkdir -p "$dir"
  ((EUID == 0)) && chown postgres: "$dir"
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    return 1
  }
  # Only loopback TCP, the socket in DIR; fsync off: test data, speed over durability.
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || {
    cat "$dir/postgres.log" >&2
    return 1
  }
  POSTGRES_PID="$(head -n1 "$dir/data/postmaster.pid")"
  echo "==> PostgreSQL on 127.0.0.1:$port (pid $POSTGRES_PID)"
}

stop_postgres() {
  local dir="$1" pid
  [[ -f "$dir/data/postmaster.pid" ]] || return 0
  pid="$(head -n1 "$dir/data/postmaster.pid")"
  # SIGINT is PostgreSQL's fast shutdown: it ends the sessions and stops.
  kill -INT "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.5
  done
  kill -KILL "$pid" 2>/dev/null || true
}

start_redis() {
  local dir="$1" port="$2"
  mkdir -p "$dir"
  redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save '' --appendonly no \
    --daemonize no --logfile "$dir/redis.log" &
  REDIS_PID=$!
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG && {
      echo "==> Redis on 127.0.0.1:$port (pid $REDIS_PID)"
      return 0
    }
    sleep 0.2
  done
  echo "services.sh: Redis did not start" >&2
  return 1
}

stop_redis() {
  [[ -n "${REDIS_PID:-}" ]] || return 0
  kill -TERM "$REDIS_PID" 2>/dev/null || true
  wait "$REDIS_PID" 2>/dev/null || true
  REDIS_PID=""
}

start_nginx() {
  local dir="$1" config="$2"
  mkdir -p "$dir/logs"
  nginx -p "$dir" -c "$config" -g "daemon off; pid $dir/nginx.pid;" &
  NGINX_PID=$!
  sleep 0.5
  kill -0 "$NGINX_PID" 2>/dev/null || { echo "services.sh: nginx did not start" >&2; return 1; }
  echo "==> nginx (pid $NGINX_PID)"
}

stop_nginx() {
  [[ -n "${NGINX_PID:-}" ]] || return 0
  # SIGQUIT: graceful shutdown of the master and its workers.
  kill -QUIT "$NGINX_PID" 2>/dev/null || true
  wait "$NGINX_PID" 2>/dev/null || true
  NGINX_PID=""
}
