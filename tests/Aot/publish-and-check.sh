#!/usr/bin/env bash
# Publishes the Bookshelf sample with Native AOT, fails on any warning of the publish (IL2xxx trim and IL3xxx AOT
# warnings above all: DESIGN.md §5 budgets zero), then starts the native binary on a free 127.0.0.1 port with a
# fresh database and runs check-semantics.sh against it with real requests. The binary is always stopped.
#
#   bash tests/Aot/publish-and-check.sh            (from anywhere; .ci/run runs it)
#
# Output: artifacts/aot/ (the binary) and artifacts/aot-publish.log. Native AOT needs clang and zlib1g-dev; when
# they are missing they are installed with apt-get (CI runs as root).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
# shellcheck source=app.sh
source "$repo/tests/Aot/app.sh"

out="$repo/artifacts/aot"
log="$repo/artifacts/aot-publish.log"
work="$(mktemp -d)"
cleanup() {
  app_stop
  rm -rf "$work"
}
trap cleanup EXIT

# ---- toolchain --------------------------------------------------------------------------------------------------
missing=()
command -v clang >/dev/null 2>&1 || missing+=(clang)
# The linker needs libz; dpkg knows whether the headers package is there.
if command -v dpkg-query >/dev/null 2>&1 && ! dpkg-query -W -f='${Status}' zlib1g-dev 2>/dev/null | grep -q 'ok installed'; then
  missing+=(zlib1g-dev)
fi
command -v curl >/dev/null 2>&1 || missing+=(curl)
if ! command -v jq >/dev/null 2>&1 && ! command -v python3 >/dev/null 2>&1; then
  missing+=(jq)
fi
if ((${#missing[@]} > 0)); then
  echo "Installing ${missing[*]} (Native AOT toolchain / HTTP checks)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# ---- publish ----------------------------------------------------------------------------------------------------
# The RID-specific intermediate folder goes first: an up-to-date compile would skip the analyzers and so print
# none of their warnings, and this step must see every one of them.
rm -rf "$out" samples/Bookshelf/obj/Release/net10.0/linux-x64 samples/Bookshelf/bin/Release/net10.0/linux-x64
mkdir -p "$(dirname "$log")"
publish_started=$SECONDS
set +e
dotnet publish samples/Bookshelf -c Release -r linux-x64 -o "$out" 2>&1 | tee "$log"
publish_status=${PIPESTATUS[0]}
set -e
echo "Publish took $((SECONDS - publish_started)) s (log: ${log#"$repo"/})"
# ILC reports "Trim analysis warning IL2026: ...", the compiler "file(1,2): warning CS0168: ..."; with
# TreatWarningsAsErrors (Directory.Build.props) both become "... error ..." and fail the publish itself.
# MSBuild prints each one twice (inline and in the summary); one line per distinct diagnostic is enough.
il_diagnostics="$(grep -E '(warning|error) IL[23][0-9]{3}' "$log" | LC_ALL=C sort -u || true)"
if ((publish_status != 0)); then
  echo "FAIL: dotnet publish exited with $publish_status" >&2
  if [[ -n "$il_diagnostics" ]]; then
    echo "Trim (IL2xxx) and AOT (IL3xxx) diagnostics:" >&2
    printf '%s\n' "$il_diagnostics" >&2
  fi
  exit 1
fi

warnings="$(grep -E 'warning [A-Z]+[0-9]+' "$log" | LC_ALL=C sort -u || true)"
trim_aot="$(printf '%s\n' "$warnings" | grep -cE 'warning IL[23][0-9]{3}' || true)"
if [[ -n "$warnings" ]]; then
  echo "FAIL: the Native AOT publish printed warnings ($trim_aot of them IL2xxx/IL3xxx trim or AOT warnings):" >&2
  printf '%s\n' "$warnings" >&2
  exit 1
fi
if [[ ! -x "$out/Bookshelf" ]]; then
  echo "FAIL: no native binary at ${out#"$repo"/}/Bookshelf" >&2
  exit 1
fi
echo "PASS: Native AOT publish, 0 warnings (0 IL2xxx/IL3xxx)"
echo "Binary: $(du -b "$out/Bookshelf" | cut -f1) bytes ($(du -h "$out/Bookshelf" | cut -f1)), plus $(du -b "$out/libe_sqlite3.so" 2>/dev/null | cut -f1 || echo '?') bytes of libe_sqlite3.so"

# ---- run the native binary and check it -------------------------------------------------------------------------
start_ns=$(date +%s%N)
if ! app_start_ready "$work" 30 "$out/Bookshelf"; then
  echo "FAIL: the native binary did not start" >&2
  exit 1
fi
echo "Native binary answering at $app_url after $((($(date +%s%N) - start_ns) / 1000000)) ms (pid $app_pid)"

status=0
ADMIN_TOKEN="$(app_token admin)" READER_TOKEN="$(app_token)" bash "$repo/tests/Aot/check-semantics.sh" "$app_url" || status=$?

app_stop
if ((status != 0)); then
  echo "FAIL: HTTP semantics checks against the native binary failed; its output:" >&2
  cat "$app_log" >&2
  exit 1
fi
echo "PASS: the Native AOT binary answers every HTTP semantics check"
