#!/usr/bin/env bash
# Measures how much code the generator writes and what it costs a build (docs/benchmarks.md, "Generated code"):
#   1. the Bookshelf sample: bytes of Resourceful's generated files (resource files, MapResources, OpenAPI)
#   2. a fixed synthetic app: one [Resource] class of 500 handlers (100 each of list, find, add, replace, remove on
#      200 paths), written to a temporary project: bytes of the same files
#   3. the build time of that project: a recompile after touching the class, with the generator and without it
#      (the generator left out of the analyzers), alternating, median of --runs each
#
# Usage: tests/Benchmarks/generated-size.sh [--root DIR] [--runs N] [--out DIR]
#   --root  the repository to measure (default: this one); point it at a copy of another commit for a before/after
#   --runs  timed builds per variant (default 5; the first, untimed, build of each variant warms the compiler server)
#   --out   where the report (size.md) and the generated files go (default: a new temporary directory)
# Builds are Release, with the compiler server as a user's build has it. Takes 3-6 minutes on 2 cores.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS=5
OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --root) ROOT="$(cd "$2" && pwd)"; shift ;;
    --runs) RUNS="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
OUT="${OUT:-$(mktemp -d)}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
COMMIT="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "not a git checkout")"

# Bytes of Resourceful's generated files under $1: resource files, then everything (MapResources and OpenAPI too).
sizes() { # dir
  local dir="$1/Resourceful.Generators/Resourceful.Generators.ResourceGenerator"
  local resources all
  resources="$(find "$dir" -name '*.g.cs' ! -name 'Resourceful.*' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')"
  all="$(find "$dir" -name '*.g.cs' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')"
  echo "$resources $all"
}

echo "== sample: samples/Bookshelf ($COMMIT)"
rm -rf "$OUT/sample"
timeout 900 dotnet build "$ROOT/samples/Bookshelf" -c Release -nologo -v quiet -clp:NoSummary \
  -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$OUT/sample" >/dev/null
read -r SAMPLE_RESOURCES SAMPLE_ALL <<<"$(sizes "$OUT/sample")"

# --- the fixed app: one class of 500 handlers ----------------------------------------------------------------------
APP="$OUT/app"
rm -rf "$APP"
mkdir -p "$APP"
cat >"$APP/SizeApp.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <IsPackable>false</IsPackable>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
    <Generator Condition="'\$(Generator)' == ''">true</Generator>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$ROOT/src/Resourceful/Resourceful.csproj" />
    <ProjectReference Include="$ROOT/src/Resourceful.Generators/Resourceful.Generators.csproj" OutputItemType="Analyzer"
                      ReferenceOutputAssembly="false" Condition="'\$(Generator)' == 'true'" />
  </ItemGroup>
</Project>
EOF
# Outside the repository's Directory.Build.props and Directory.Packages.props, like a user's project.
echo '<Project />' >"$APP/Directory.Build.props"
echo '<Project />' >"$APP/Directory.Build.targets"
echo '<Project />' >"$APP/Directory.Packages.props"
cat >"$APP/Program.cs" <<'EOF'
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddSingleton<SizeApp.Store>();
var app = builder.Build();
#if RESOURCEFUL_GENERATOR
app.MapResources();
#endif
app.Run();
EOF
{
  cat <<'EOF'
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Resourceful;

namespace SizeApp;

public sealed record Item(int Id, string Name, decimal Price);

public sealed record NewItem(string Name, decimal Price);

public sealed class Store
{
    private readonly List<Item> _items = new();

    public IReadOnlyList<Item> List(int limit, string? q) => _items.Count <= limit ? _items : _items.GetRange(0, limit);

    public Item? Find(int id) => _items.Find(item => item.Id == id);

    public Item? Add(NewItem input)
    {
        var item = new Item(_items.Count + 1, input.Name, input.Price);
        _items.Add(item);
        return item;
    }

    public bool Replace(int id, NewItem input) => _items.RemoveAll(item => item.Id == id) > 0;

    public bool Remove(int id) => _items.RemoveAll(item => item.Id == id) > 0;
}

[Resource("/items")]
public sealed partial class Items(Store store)
{
EOF
  for i in $(seq 0 99); do
    cat <<EOF
    [Get("h$i")]
    public IReadOnlyList<Item> List$i(int? limit, string? q) => store.List(limit ?? 10, q);

    [Get("h$i/{id:int}")]
    public Results<Ok<Item>, NotFound> Find$i(int id) =>
        store.Find(id) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound();

    [Post("h$i")]
    public Results<Created<Item>, Conflict> Add$i(NewItem body) =>
        store.Add(body) is { } item ? TypedResults.Created("/items/h$i/" + item.Id, item) : TypedResults.Conflict();

    [Put("h$i/{id:int}")]
    public Results<NoContent, NotFound> Replace$i(int id, NewItem body) =>
        store.Replace(id, body) ? TypedResults.NoContent() : TypedResults.NotFound();

    [Delete("h$i/{id:int}")]
    public Results<NoContent, NotFound> Remove$i(int id) =>
        store.Remove(id) ? TypedResults.NoContent() : TypedResults.NotFound();

EOF
  done
  echo "}"
} >"$APP/Items.cs"

build_app() { # generator(true|false) [extra args...]
  local generator="$1"; shift
  local constants=""
  [ "$generator" = true ] && constants="-p:DefineConstants=RESOURCEFUL_GENERATOR"
  # shellcheck disable=SC2086
  timeout 900 dotnet build "$APP/SizeApp.csproj" -c Release -nologo -v quiet -clp:NoSummary -p:Generator="$generator" $constants \
    -p:CompilerGeneratedFilesOutputPath="$OUT/generated-$generator" "$@" >"$OUT/build.log" 2>&1 \
    || { tail -30 "$OUT/build.log"; echo "the 500-handler app did not build" >&2; exit 1; }
}

echo "== fixed app: one class of 500 handlers"
build_app true
read -r APP_RESOURCES APP_ALL <<<"$(sizes "$OUT/generated-true")"
build_app false

# Recompile only the app (its references are built): touch the class, build without restore or dependencies.
timed_build() { # generator
  local start end
  touch "$APP/Items.cs"
  start="$(date +%s%N)"
  build_app "$1" --no-restore --no-dependencies
  end="$(date +%s%N)"
  echo $(((end - start) / 1000000))
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

echo "== build time: $RUNS recompiles per variant, alternating"
with=() without=()
timed_build true >/dev/null
timed_build false >/dev/null
for _ in $(seq 1 "$RUNS"); do
  with+=("$(timed_build true)")
  without+=("$(timed_build false)")
done
WITH="$(printf '%s\n' "${with[@]}" | median)"
WITHOUT="$(printf '%s\n' "${without[@]}" | median)"

{
  echo "### Generated code ($COMMIT, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "| what | resource files (bytes) | all of Resourceful's output (bytes) |"
  echo "|---|---|---|"
  echo "| Bookshelf sample | $SAMPLE_RESOURCES | $SAMPLE_ALL |"
  echo "| one class of 500 handlers | $APP_RESOURCES | $APP_ALL |"
  echo
  echo "| build of the 500-handler class (recompile, median of $RUNS) | ms |"
  echo "|---|---|"
  echo "| with the generator | $WITH (runs: ${with[*]}) |"
  echo "| without it | $WITHOUT (runs: ${without[*]}) |"
  echo "| the generator's share | $((WITH - WITHOUT)) |"
} | tee "$OUT/size.md"
