#!/usr/bin/env bash
# Runs the commands that README.md and samples/Bookshelf/README.md print, as printed, in a fresh copy of
# the repository, and fails when one fails or prints something other than what the README shows.
#
#   tests/Readme/run-commands.sh              both READMEs
#   tests/Readme/run-commands.sh README.md    only the ones named (paths from the repository root)
#
# The copy holds the working tree's tracked and untracked files (no bin/, obj/, .git or ignored files),
# as a fresh clone with the current changes would; its parent is a temporary folder, so the Quickstart's
# `cd ..` and the projects it makes stay in there. Everything is deleted on exit.
#
# What runs, file by file, in order, each file starting at the copy's root, in one working directory
# that `cd` lines carry from block to block (as a reader's shell would):
#   - ```sh and ```bash blocks: every line, as one script per block.
#   - ```console blocks: each line starting with "$ " is a command; the lines after it, up to the next
#     "$ " or the end of the block, are what it must print. Before comparing, both sides drop the headers
#     the Bookshelf README says it leaves out (Date, Server, Transfer-Encoding) and mask what changes on
#     every run: traceId values, ISO 8601 timestamps, and the current year in the sample's validation message.
#   - ```csharp blocks after a <!-- readme:NAME --> comment in FILES below: written to that file in the
#     current directory (the README says to create or replace it there). Other marked blocks are an error,
#     so a new one is never silently left out.
#
# Not run, and why (SKIPPED below; a skip that matches no README line is an error, so the list cannot rot):
#   - ./test.sh: the whole test suite, which CI runs as its own step; it also runs the Quickstart test.
#   - dotnet test tests/Bookshelf.Tests: part of ./test.sh.
# Started in the background instead (SERVER): `dotnet run --project samples/Bookshelf`, which serves until
# stopped. The script waits until http://localhost:5080 answers, leaves it running for the curl examples,
# and stops its process group at the end. Port 5080 must be free: anything already there would be tested
# instead of the fresh sample.
#
# The Quickstart restores Resourceful 0.1.0, which NuGet caches by id and version; as the README says, the
# cached copy is deleted before (so this run's pack is used) and after (so no temporary build is left in
# the machine's package cache).
#
# Exits non-zero on the first failing command block, or at the end when any console output differed
# (all differences are printed). No step waits forever: every command runs under a timeout.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readmes=(README.md samples/Bookshelf/README.md)
if (($# > 0)); then
  readmes=("$@")
fi

SERVER='dotnet run --project samples/Bookshelf'
SERVER_URL='http://localhost:5080'
declare -A SKIPPED=(
  ['./test.sh']='the whole test suite; CI runs it as its own step'
  ['dotnet test tests/Bookshelf.Tests']='part of ./test.sh'
)
declare -A FILES=(
  [quickstart-program]='Program.cs'
  [testing-test]='BooksTests.cs'
)
BLOCK_TIMEOUT=1200    # seconds for one ```sh block: a pack or first build on a busy 2-core box
REQUEST_TIMEOUT=60    # seconds for one console command (a curl)
STARTUP_TIMEOUT=900   # seconds for the sample's first `dotnet run`: restore, build, start

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No build process may outlive the script: no MSBuild node reuse, no build server, no compiler server.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false

missing=()
for tool in dotnet git tar curl diff sed timeout setsid mktemp; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]} > 0)); then
  printf 'run-commands.sh: needs %s on PATH (the READMEs use curl; the rest runs and compares them).\n' "${missing[*]}" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/resourceful-readme.XXXXXX")"
copy="$work/repository"
server_pid=""
mismatches=0
declare -A used_skips=()

say() { printf '==> %s\n' "$*"; }
fail() {
  printf 'run-commands.sh: %s\n' "$*" >&2
  exit 1
}

resourceful_cache() {
  local folder
  folder="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')"
  [[ -n "$folder" ]] && printf '%s\n' "${folder%/}/resourceful/0.1.0"
}

stop_server() {
  [[ -n "$server_pid" ]] || return 0
  # setsid made the server its own process group: this stops `dotnet run` and the app it started.
  kill -TERM -- "-$server_pid" 2>/dev/null || true
  for _ in $(seq 1 20); do
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -KILL -- "-$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

cleanup() {
  stop_server
  local cached
  cached="$(resourceful_cache 2>/dev/null || true)"
  [[ -n "$cached" ]] && rm -rf "$cached"
  rm -rf "$work"
}
trap cleanup EXIT

start_server() {
  local directory="$1"
  if [[ -n "$server_pid" ]]; then
    say "$SERVER (already running, pid $server_pid)"
    return
  fi
  if curl -s -o /dev/null --max-time 2 "$SERVER_URL/"; then
    fail "something already answers on $SERVER_URL; stop it first, or the README would be checked against it."
  fi

  say "$SERVER (in the background)"
  (cd "$directory" && exec setsid $SERVER >"$work/server.log" 2>&1 </dev/null) &
  server_pid=$!

  local waited=0
  until curl -s -o /dev/null --max-time 5 "$SERVER_URL/health"; do
    if ! kill -0 "$server_pid" 2>/dev/null; then
      cat "$work/server.log" >&2
      server_pid=""
      fail "'$SERVER' exited before answering on $SERVER_URL (output above)."
    fi
    if ((waited >= STARTUP_TIMEOUT)); then
      tail -n 50 "$work/server.log" >&2
      fail "'$SERVER' did not answer on $SERVER_URL within ${STARTUP_TIMEOUT}s (last output above)."
    fi
    sleep 2
    waited=$((waited + 2))
  done
}

# The first word-trimmed form of a shell line, without a trailing comment, to match SERVER and SKIPPED.
command_of() {
  local line="${1%%#*}"
  line="${line#"${line%%[![:space:]]*}"}"
  printf '%s' "${line%"${line##*[![:space:]]}"}"
}

# Runs one ```sh block in $cwd and moves $cwd to where the block ended, as the reader's shell would.
run_block() {
  local source="$1" script="$2"
  [[ -n "$script" ]] || return 0
  say "$source:"
  printf '%s' "$script" | sed 's/^/    /'
  local log="$work/block.log" status=0
  (cd "$cwd" && timeout --kill-after=30 "$BLOCK_TIMEOUT" bash -euo pipefail -c "$script"$'\npwd >"$0"' "$work/cwd") \
    >"$log" 2>&1 </dev/null || status=$?
  if ((status != 0)); then
    tail -n 80 "$log" >&2
    fail "$source exited with $status (last output above)."
  fi
  cwd="$(cat "$work/cwd")"
}

normalize() {
  sed -E \
    -e 's/\r$//' \
    -e '/^(Date|Server|Transfer-Encoding):/d' \
    -e 's/"traceId":"[^"]*"/"traceId":"(trace id)"/g' \
    -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+(Z|[+-][0-9]{2}:[0-9]{2})/(timestamp)/g' \
    -e "s/between 1000 and [0-9]{4}/between 1000 and (this year)/g" |
    sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
}

# Runs one "$ command" of a console block and compares its output with the README's.
run_console() {
  local source="$1" command="$2" expected="$3"
  say "$source: \$ $command"
  local actual status=0
  # Only stdout is compared: in a terminal, curl prints no progress meter, and here it goes to stderr.
  actual="$(cd "$cwd" && timeout --kill-after=10 "$REQUEST_TIMEOUT" bash -c "$command" 2>"$work/stderr" </dev/null)" ||
    status=$?
  if ((status != 0)); then
    printf '%s\n' "$actual" >&2
    cat "$work/stderr" >&2
    printf '    FAILED: exited with %s\n' "$status" >&2
    mismatches=$((mismatches + 1))
    return
  fi
  if ! diff -u --label "README ($source)" --label "actual output" \
    <(printf '%s\n' "$expected" | normalize) <(printf '%s\n' "$actual" | normalize) >"$work/diff"; then
    sed 's/^/    /' "$work/diff" >&2
    mismatches=$((mismatches + 1))
  fi
}

run_readme() {
  local readme="$1"
  local fence="" marker="" last="" block="" start=0 number=0
  local command="" expected="" command_line=0
  cwd="$copy"
  while IFS= read -r line || [[ -n "$line" ]]; do
    number=$((number + 1))
    if [[ -z "$fence" ]]; then
      if [[ "$line" =~ ^\`\`\`([a-z]*)$ ]]; then
        fence="${BASH_REMATCH[1]:-none}"
        marker=""
        [[ "$last" =~ ^\<\!--\ readme:([a-z-]+)\ --\>$ ]] && marker="${BASH_REMATCH[1]}"
        block="" start=$number command="" expected=""
      elif [[ -n "${line//[[:space:]]/}" ]]; then
        last="$line"
      fi
      continue
    fi

    if [[ "$line" != '```' ]]; then
      case "$fence" in
        sh | bash)
          local trimmed
          trimmed="$(command_of "$line")"
          if [[ "$trimmed" == "$SERVER" ]]; then
            run_block "$readme:$start" "$block"
            block=""
            start_server "$cwd"
          elif [[ -n "$trimmed" && -n "${SKIPPED[$trimmed]+set}" ]]; then
            say "$readme:$number: skipped '$trimmed': ${SKIPPED[$trimmed]}"
            used_skips[$trimmed]=1
          else
            block+="$line"$'\n'
          fi
          ;;
        console)
          if [[ "$line" == '$ '* ]]; then
            [[ -n "$command" ]] && run_console "$readme:$command_line" "$command" "$expected"
            command="${line#'$ '}" expected="" command_line=$number
          elif [[ -n "$command" ]]; then
            expected+="$line"$'\n'
          fi
          ;;
        *) block+="$line"$'\n' ;;
      esac
      continue
    fi

    # The closing fence.
    case "$fence" in
      sh | bash) run_block "$readme:$start" "$block" ;;
      console) [[ -n "$command" ]] && run_console "$readme:$command_line" "$command" "$expected" ;;
      *)
        if [[ -n "$marker" ]]; then
          [[ -n "${FILES[$marker]+set}" ]] ||
            fail "$readme:$start: the block marked readme:$marker names no file in FILES; add it there."
          say "$readme:$start: writes ${FILES[$marker]} (readme:$marker)"
          printf '%s' "$block" >"$cwd/${FILES[$marker]}"
        fi
        ;;
    esac
    fence="" last=""
  done <"$copy/$readme"
  [[ -z "$fence" ]] || fail "$readme: a code block is never closed."
}

say "Copying the working tree to $copy"
mkdir -p "$copy"
# The projects the READMEs make (BookApi, BookApi.Tests) live next to the copy, as next to a clone. Empty MSBuild
# files here stop MSBuild's walk up the folders, so nothing above (a repository that holds TMPDIR, say, with its
# central package management) applies to them, just as nothing does on a user's machine.
for file in Directory.Build.props Directory.Build.targets Directory.Packages.props; do
  printf '<Project />\n' >"$work/$file"
done
# CI may point TMPDIR and NUGET_PACKAGES into the clone itself (so git calls their contents untracked files):
# packages, this script's own work folder and the runtime's diagnostic sockets are no part of the sources.
excluded=()
for dir in "${TMPDIR:-/tmp}" "${NUGET_PACKAGES:-}"; do
  [[ -n "$dir" && -d "$dir" ]] && excluded+=("$(cd "$dir" && pwd -P)/")
done
real_root="$(cd "$root" && pwd -P)"
git -C "$root" ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' file; do
    for prefix in "${excluded[@]}"; do
      [[ "$real_root/$file" == "$prefix"* ]] && continue 2
    done
    # A file deleted in the working tree but still tracked is not in a fresh clone of it either; a socket or
    # pipe is no source file.
    if [[ -f "$root/$file" || -L "$root/$file" ]]; then printf '%s\0' "$file"; fi
  done |
  sort -zu |
  tar -C "$root" --null -T - -cf - | tar -C "$copy" -xf -

cached="$(resourceful_cache)"
[[ -n "$cached" ]] && rm -rf "$cached"

for readme in "${readmes[@]}"; do
  run_readme "$readme"
done

# Only a full run can tell that a skip matches nothing.
for skip in "${!SKIPPED[@]}"; do
  (($# == 0)) || break
  [[ -n "${used_skips[$skip]+set}" ]] ||
    fail "SKIPPED lists '$skip', which no README prints any more; remove it."
done

if ((mismatches > 0)); then
  fail "$mismatches README command(s) printed something else (differences above). Fix the README, or the code if the README is right."
fi
say "Every README command ran as printed."
