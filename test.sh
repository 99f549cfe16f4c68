#!/usr/bin/env bash
# Runs every test project in Generators.sln (Release) and ends with ONE line totalling them all:
#   "N passed, N failed" (plus ", N skipped" when any were skipped).
# Extra arguments go straight to `dotnet test`, e.g.
#   ./test.sh --filter "FullyQualifiedName~Package"
# Exits non-zero when `dotnet test` fails or when no test ran at all (an empty run is not a pass).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

# One TRX file per test project (VSTest names them uniquely); they are the source of the totals,
# because dotnet test's own summary is printed per project. The hang guard turns a stuck test
# into a failure that names it, instead of a CI run that only times out.
status=0
dotnet test Generators.sln -c Release \
  --logger trx \
  --results-directory "$results" \
  --blame-hang-timeout 20m --blame-hang-dump-type none \
  "$@" || status=$?

# Counts each test's own result: a TRX file's <Counters> leaves skipped tests out of every
# bucket. Reading with RS=">" makes one start tag a record, whatever the file's line layout.
# "NotExecuted" is how a skipped test is recorded; any outcome but Passed is a failure.
totals="$( (find "$results" -name '*.trx' -type f -exec cat {} + 2>/dev/null || true) | awk '
  BEGIN { RS = ">"; passed = 0; failed = 0; skipped = 0 }
  /<UnitTestResult[ \t\r\n]/ {
    if (!match($0, /[ \t\r\n]outcome="[A-Za-z]+"/)) next
    outcome = substr($0, RSTART, RLENGTH)
    sub(/^[ \t\r\n]outcome="/, "", outcome)
    sub(/"$/, "", outcome)
    if (outcome == "Passed") passed++
    else if (outcome == "NotExecuted") skipped++
    else failed++
  }
  END { print passed, failed, skipped }
')"
read -r passed failed skipped <<<"$totals"
passed=${passed:-0} failed=${failed:-0} skipped=${skipped:-0}

summary="$passed passed, $failed failed"
if ((skipped > 0)); then
  summary="$summary, $skipped skipped"
fi

if ((status == 0 && passed + failed + skipped == 0)); then
  echo "test.sh: no test ran; an empty run is a failure." >&2
  status=1
fi
if ((status == 0 && failed > 0)); then
  status=1
fi

echo "$summary"
exit "$status"
