#!/usr/bin/env bash
# Runs tests/Bookshelf.Tests against PostgreSQL instead of SQLite: installs PostgreSQL from Debian's packages
# when it is missing, starts a throw-away server on 127.0.0.1 (as the user postgres when run as root), points the
# fixture at it through BOOKSHELF_TEST_POSTGRES (every test class gets a database of its own) and stops the
# server by its PID afterwards. Extra arguments go to `dotnet test`, e.g. --filter "FullyQualifiedName~Integrity".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=../ScaleOut/services.sh
source "$root/tests/ScaleOut/services.sh"

port="${BOOKSHELF_POSTGRES_PORT:-55432}"
# Not under TMPDIR: CI's TMPDIR is in a folder only root may enter, and the server runs as postgres.
dir="$(mktemp -d /tmp/bookshelf-postgres.XXXXXX)"
cleanup() {
  stop_postgres "$dir"
  rm -rf "$dir"
}
trap cleanup EXIT

ensure_packages postgresql
start_postgres "$dir" "$port"

export BOOKSHELF_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true;Maximum Pool Size=200"
cd "$root"
dotnet test tests/Bookshelf.Tests -c Release "$@"
