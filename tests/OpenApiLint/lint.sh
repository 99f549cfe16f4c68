#!/usr/bin/env bash
# Lints both OpenAPI documents of the Bookshelf sample with Redocly CLI (pinned in package-lock.json here) and the
# rules in the repository's redocly.yaml; fails when either has an error (warnings are printed, not fatal):
#   1. the one Resourceful's generator writes at compile time: samples/Bookshelf/obj/Release/net10.0/resources.openapi.json
#   2. the one ASP.NET Core builds at run time: GET /openapi/v1.json from the JIT-built sample, started on a free
#      127.0.0.1 port with a throw-away database and stopped again.
#
#   bash tests/OpenApiLint/lint.sh            (from anywhere; .ci/run runs it)
#
# Needs Node.js >= 20.19 and npm (installed with apt-get when absent; Debian's own nodejs may be too old).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
# shellcheck source=../Aot/app.sh
source "$repo/tests/Aot/app.sh"

work="$(mktemp -d)"
cleanup() {
  app_stop
  rm -rf "$work"
}
trap cleanup EXIT

# ---- the linter -------------------------------------------------------------------------------------------------
missing=()
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if ((${#missing[@]} > 0)); then
  echo "Installing ${missing[*]} (OpenAPI lint)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
node_version="$(node --version)"
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "FAIL: Redocly CLI 2 needs Node.js >= 20.19; this machine has $node_version." >&2
  exit 1
fi

# Redocly CLI would otherwise send usage telemetry and look for a newer version: only the package registry is
# reachable, and the run must not depend on anything else.
export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true
export REDOCLY_SUPPRESS_NOTIFICATIONS=true

echo "Node.js $node_version; npm ci in tests/OpenApiLint"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
redocly="$here/node_modules/.bin/redocly"
echo "Redocly CLI $("$redocly" --version 2>/dev/null | tail -n1)"

# ---- the two documents ------------------------------------------------------------------------------------------
dotnet build samples/Bookshelf -c Release -nologo -v:q
compile_time="samples/Bookshelf/obj/Release/net10.0/resources.openapi.json"
if [[ ! -s "$compile_time" ]]; then
  echo "FAIL: the build wrote no $compile_time (Resourceful.targets' ResourcefulWriteOpenApiDocument)" >&2
  exit 1
fi

run_time="$work/v1.json"
if ! app_start_ready "$work" 60 dotnet "$repo/samples/Bookshelf/bin/Release/net10.0/Bookshelf.dll"; then
  echo "FAIL: the sample did not start" >&2
  exit 1
fi
fetch_status="$(curl -sS --max-time 30 -o "$run_time" -w '%{http_code}' "$app_url/openapi/v1.json" || echo 000)"
app_stop
if [[ "$fetch_status" != 200 ]]; then
  echo "FAIL: GET /openapi/v1.json answered $fetch_status" >&2
  exit 1
fi

# ---- lint -------------------------------------------------------------------------------------------------------
failures=0
lint() {
  local name="$1" file="$2"
  echo
  echo "--- redocly lint: $name"
  if "$redocly" lint --config "$repo/redocly.yaml" --format stylish "$file"; then
    echo "PASS: $name has no lint errors"
  else
    echo "FAIL: $name has lint errors (rules: redocly.yaml)"
    failures=$((failures + 1))
  fi
}
lint "compile-time document ($compile_time)" "$compile_time"
lint "run-time document (GET /openapi/v1.json)" "$run_time"

if ((failures > 0)); then
  exit 1
fi
echo "PASS: both OpenAPI documents lint clean of errors"
