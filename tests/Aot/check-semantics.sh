#!/usr/bin/env bash
# Sends real HTTP requests to a running Bookshelf sample and checks what DESIGN.md §2 promises for every
# generated endpoint, one PASS/FAIL line per check and "N passed, N failed" at the end:
#
#   bash tests/Aot/check-semantics.sh http://127.0.0.1:5080
#
# publish-and-check.sh runs it against the Native AOT binary; it works the same against `dotnet run`. It needs a
# freshly seeded database (books 1-6, authors 1-4, shelves 1-2); the books it adds, it deletes again, and a second
# run against the same database passes too. Only the given base URL is contacted: keep it on loopback.
# Needs curl, and jq or python3 to read JSON.
set -uo pipefail

if (($# != 1)); then
  echo "usage: $0 <base URL, e.g. http://127.0.0.1:5080>" >&2
  exit 2
fi
base="${1%/}"
case "$base" in
  http://127.0.0.1:* | http://localhost:* | http://\[::1\]:*) ;;
  *)
    echo "check-semantics.sh: $base is not a loopback http:// URL with a port; refusing to send requests to it." >&2
    exit 2
    ;;
esac
host_port="${base#http://}"
host_port="${host_port%%/*}"
host="${host_port%:*}"
host="${host#[}"
host="${host%]}"
port="${host_port##*:}"

command -v curl >/dev/null 2>&1 || { echo "check-semantics.sh: curl is required." >&2; exit 2; }
if command -v jq >/dev/null 2>&1; then
  json_tool=jq
elif command -v python3 >/dev/null 2>&1; then
  json_tool=python3
else
  echo "check-semantics.sh: jq or python3 is required to read JSON." >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); printf 'PASS  %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'FAIL  %s\n' "$*"; }
skip() { printf 'SKIP  %s\n' "$*"; }

# ---- requests ---------------------------------------------------------------------------------------------------

# request METHOD PATH [curl options...]: sends one request; sets $status, and leaves the response's headers and
# body in $work/headers and $work/body. A request that gets no response at all sets status 000.
request() {
  local method="$1" path="$2"
  shift 2
  : >"$work/headers"
  : >"$work/body"
  local args=(-sS --max-time 30 -o "$work/body" -D "$work/headers" -w '%{http_code}')
  if [[ "$method" == HEAD ]]; then
    # curl -X HEAD would wait for a body the headers announce; -I sends HEAD and reads none.
    args+=(-I)
  else
    args+=(-X "$method")
  fi
  # Writes need a bearer token and deletes the role admin: every write here carries an admin token unless the
  # caller says ANONYMOUS=1 (or sends its own Authorization header).
  if [[ "$method" =~ ^(POST|PUT|PATCH|DELETE)$ && -z "${ANONYMOUS:-}" && -n "${ADMIN_TOKEN:-}" ]]; then
    args+=(-H "Authorization: Bearer $ADMIN_TOKEN")
  fi
  status="$(curl "${args[@]}" "$@" "$base$path" 2>"$work/curl-error")" || true
  status="${status:-000}"
  described="$method $path"
}

# header NAME: the value of a header of the last response ('' when absent).
header() {
  awk -v name="$1" 'BEGIN { want = tolower(name) ":" }
    { sub(/\r$/, "") }
    tolower(substr($0, 1, length(want))) == want { value = substr($0, length(want) + 1); sub(/^[ \t]+/, "", value); print value; exit }' \
    "$work/headers"
}

# media_type: the last response's Content-Type without parameters.
media_type() {
  local type
  type="$(header Content-Type)"
  type="${type%%;*}"
  printf '%s' "${type// /}"
}

# method_set LIST: a comma-separated method list, sorted and without spaces, to compare Allow headers.
method_set() {
  printf '%s' "$1" | tr -d ' ' | tr ',' '\n' | sed '/^$/d' | LC_ALL=C sort | paste -sd, -
}

# ---- JSON -------------------------------------------------------------------------------------------------------

# json_valid FILE: whether FILE is one JSON document.
json_valid() {
  if [[ "$json_tool" == jq ]]; then
    jq -e . "$1" >/dev/null 2>&1
  else
    python3 -m json.tool "$1" >/dev/null 2>&1
  fi
}

# json_get FILE PATH: the value at PATH (dot-separated keys and array indexes, e.g. items.0.id) as text:
# strings bare, other values as JSON; nothing and status 1 when absent.
json_get() {
  if [[ "$json_tool" == jq ]]; then
    jq -er --arg path "$2" '
      ($path | split(".") | map(if test("^[0-9]+$") then tonumber else . end)) as $p
      | getpath($p)
      | if type == "string" then . elif . == null then error("absent") else tojson end' "$1" 2>/dev/null
  else
    python3 - "$1" "$2" <<'PY' 2>/dev/null
import json, sys
value = json.load(open(sys.argv[1], encoding="utf-8"))
for part in sys.argv[2].split("."):
    if isinstance(value, list) and part.isdigit() and int(part) < len(value):
        value = value[int(part)]
    elif isinstance(value, dict) and part in value:
        value = value[part]
    else:
        sys.exit(1)
if value is None:
    sys.exit(1)
print(value if isinstance(value, str) else json.dumps(value, separators=(",", ":")))
PY
  fi
}

# ---- assertions on the last response ----------------------------------------------------------------------------

# expect NAME STATUS [CONTENT-TYPE]: the status, and the media type when given; says why on failure.
# Returns non-zero on failure so a caller can skip checks that build on this one.
expect() {
  local name="$1" want_status="$2" want_type="${3:-}"
  if [[ "$status" != "$want_status" ]]; then
    fail "$name: $described answered $status, expected $want_status $(head -c 300 "$work/body" | tr -d '\r\n')$(cat "$work/curl-error")"
    return 1
  fi
  if [[ -n "$want_type" && "$(media_type)" != "$want_type" ]]; then
    fail "$name: $described answered Content-Type '$(header Content-Type)', expected $want_type"
    return 1
  fi
  if [[ "$want_type" == application/json || "$want_type" == application/problem+json ]] && ! json_valid "$work/body"; then
    fail "$name: $described answered a body that is not valid JSON: $(head -c 300 "$work/body")"
    return 1
  fi
  pass "$name: $described -> $status${want_type:+ $want_type}"
}

# expect_problem NAME STATUS [FIELD]: an RFC 9457 problem with that status whose errors object names FIELD.
expect_problem() {
  local name="$1" want_status="$2" field="${3:-}"
  expect "$name" "$want_status" application/problem+json || return 1
  local problem_status
  problem_status="$(json_get "$work/body" status)"
  if [[ "$problem_status" != "$want_status" ]]; then
    fail "$name: the problem's status member is '$problem_status', expected $want_status"
    return 1
  fi
  if [[ -n "$field" ]]; then
    if json_get "$work/body" "errors.$field" >/dev/null; then
      pass "$name: the problem's errors name '$field'"
    else
      fail "$name: the problem's errors do not name '$field': $(head -c 300 "$work/body")"
      return 1
    fi
  fi
}

# expect_header NAME HEADER VALUE: a header's exact value (Allow is compared as a set of methods).
expect_header() {
  local name="$1" header_name="$2" want="$3" got
  got="$(header "$header_name")"
  if [[ "${header_name,,}" == allow ]]; then
    got="$(method_set "$got")"
    want="$(method_set "$want")"
  fi
  if [[ "$got" == "$want" ]]; then
    pass "$name: $header_name: $want"
  else
    fail "$name: $described answered $header_name '$got', expected '$want'"
  fi
}

# expect_json NAME PATH VALUE: a member of the last JSON body.
expect_json() {
  local name="$1" path="$2" want="$3" got
  got="$(json_get "$work/body" "$path")" || got="<absent>"
  if [[ "$got" == "$want" ]]; then
    pass "$name: $path is $want"
  else
    fail "$name: $described answered $path = $got, expected $want"
  fi
}

# expect_empty_body NAME: the last response has no body bytes.
expect_empty_body() {
  local size
  size="$(wc -c <"$work/body" | tr -d ' ')"
  if [[ "$size" == 0 ]]; then
    pass "$1: no body"
  else
    fail "$1: $described answered a body of $size bytes, expected none"
  fi
}

# raw_head PATH: HEAD over a bare socket, so that any body bytes the server wrongly sends are seen (curl -I would
# not read them). Sets $status, $head_type and $head_body_bytes.
raw_head() {
  local path="$1" response
  described="HEAD $path"
  response="$(timeout 15 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    printf "HEAD %s HTTP/1.1\r\nHost: %s:%s\r\nConnection: close\r\n\r\n" "$3" "$1" "$2" >&3
    cat <&3' _ "$host" "$port" "$path"; echo x)"
  response="${response%x}"
  local head="${response%%$'\r\n\r\n'*}"
  local rest="${response#*$'\r\n\r\n'}"
  [[ "$head" == "$response" ]] && rest=""
  status="$(printf '%s' "$head" | head -n1 | awk '{ print $2 }')"
  status="${status:-000}"
  head_type="$(printf '%s\n' "$head" | tr -d '\r' | awk 'tolower($0) ~ /^content-type:/ { sub(/^[^:]*:[ \t]*/, ""); sub(/;.*/, ""); print; exit }')"
  head_body_bytes="${#rest}"
}

# check_head NAME PATH: HEAD answers what GET answers, status and Content-Type, and sends no body.
check_head() {
  local name="$1" path="$2" get_status get_type
  request GET "$path"
  get_status="$status"
  get_type="$(media_type)"
  raw_head "$path"
  if [[ "$status" == "$get_status" && "$head_type" == "$get_type" && "$head_body_bytes" == 0 ]]; then
    pass "$name: HEAD $path -> $status $head_type, as GET, and no body"
  else
    fail "$name: HEAD $path -> $status '$head_type' with $head_body_bytes body bytes; GET -> $get_status '$get_type'"
  fi
}

# valid_isbn13: a random ISBN-13 with a correct check digit, so that repeated runs do not collide (409).
valid_isbn13() {
  local digits="978" i sum=0 d
  for i in 1 2 3 4 5 6 7 8 9; do
    digits+=$((RANDOM % 10))
  done
  for ((i = 0; i < 12; i++)); do
    d="${digits:i:1}"
    if ((i % 2 == 0)); then sum=$((sum + d)); else sum=$((sum + 3 * d)); fi
  done
  printf '%s%d' "$digits" $(((10 - sum % 10) % 10))
}

echo "Checking HTTP semantics (DESIGN.md §2) against $base"

# ---- a declared method on a declared path: the handler's result -------------------------------------------------
request GET "/books"
if expect "list" 200 application/json; then
  expect_json "list" page 1
  if json_get "$work/body" items.0.id >/dev/null; then pass "list: items.0.id present"; else fail "list: no items.0.id in $(head -c 300 "$work/body")"; fi
fi
request GET "/books/3"
expect "item" 200 application/json && expect_json "item" id 3
request GET "/authors"
expect "list, a plain T result" 200 application/json
request GET "/books/3/reviews"
expect "list under a route value" 200 application/json
request GET "/shelves/1"
expect "item, unconstrained route" 200 application/json && expect_json "item, unconstrained route" id 1
request GET "/health"
expect "string result" 200 text/plain
if [[ "$(cat "$work/body")" == Healthy ]]; then pass "string result: body is 'Healthy'"; else fail "string result: body is '$(head -c 100 "$work/body")'"; fi
request GET "/books/999"
expect_problem "missing item" 404
request GET "/books/first"
expect_problem "route constraint not met" 404

# ---- HEAD on a path with GET: the GET headers, no body ----------------------------------------------------------
check_head "HEAD item" "/books/3"
check_head "HEAD list" "/books"
check_head "HEAD missing item" "/books/999"
check_head "HEAD text result" "/health"

# ---- OPTIONS: 204 with Allow; with Accept: application/json, a 200 description ----------------------------------
request OPTIONS "/books/3"
expect "OPTIONS item" 204 && expect_header "OPTIONS item" Allow "GET, HEAD, PUT, PATCH, DELETE, OPTIONS" && expect_empty_body "OPTIONS item"
request OPTIONS "/books"
expect "OPTIONS list" 204 && expect_header "OPTIONS list" Allow "GET, HEAD, POST, OPTIONS"
request OPTIONS "/shelves/1/books/2"
expect "OPTIONS without GET" 204 && expect_header "OPTIONS without GET" Allow "PUT, DELETE, OPTIONS"
request OPTIONS "/books" -H "Accept: application/json"
if expect "OPTIONS as JSON" 200 application/json; then
  expect_header "OPTIONS as JSON" Allow "GET, HEAD, POST, OPTIONS"
  expect_json "OPTIONS as JSON" path "/books"
  expect_json "OPTIONS as JSON" methods.1.method POST
  expect_json "OPTIONS as JSON" methods.1.responses '[201,400,409]'
fi
request OPTIONS "/no-such-resource"
expect "OPTIONS on an undeclared path" 404

# ---- an undeclared method on a declared path: 405 with Allow ---------------------------------------------------
request DELETE "/books"
expect "405" 405 && expect_header "405" Allow "GET, HEAD, POST, OPTIONS"
request POST "/health" -H "Content-Type: application/json" --data '{}'
expect "405 on a GET-only path" 405 && expect_header "405 on a GET-only path" Allow "GET, HEAD, OPTIONS"

# ---- a body of a type the endpoint does not accept: 415 with Accept-Post / Accept-Patch --------------------------
request POST "/books" -H "Content-Type: text/plain" --data 'The Hobbit'
expect_problem "415 POST" 415 && expect_header "415 POST" Accept-Post application/json
request PATCH "/books/3" -H "Content-Type: text/plain" -H 'If-Match: *' --data 'The Hobbit'
expect_problem "415 PATCH" 415 && expect_header "415 PATCH" Accept-Patch application/json
request POST "/books" --data-binary '{"title":"x"}' -H "Content-Type:"
expect_problem "415 without Content-Type" 415

# ---- an Accept header that excludes what the endpoint produces: 406 --------------------------------------------
request GET "/books/3" -H "Accept: text/html"
expect_problem "406" 406
request GET "/books/3" -H "Accept: text/html, application/json;q=0.5"
expect "Accept that allows JSON" 200 application/json
request GET "/health" -H "Accept: application/json"
expect_problem "406 on a text/plain endpoint" 406

# ---- malformed JSON, a value that does not parse, a missing required value: 400 problem naming the field --------
request GET "/books?genre=cookbook"
expect_problem "400 query value" 400 genre
request GET "/books?page=two"
expect_problem "400 [AsParameters] query value" 400 page
request GET "/shelves/first"
expect_problem "400 route value" 400 id
request GET "/recommendations"
expect_problem "400 missing required query value" 400 genre
request POST "/books" -H "Content-Type: application/json" --data '{"title": "Half a'
expect_problem "400 malformed JSON" 400
request POST "/books" -H "Content-Type: application/json" --data ''
expect_problem "400 empty required body" 400 body
request POST "/books/3/reviews" -H "Content-Type: application/json" --data '{"rating": 4}'
expect_problem "400 missing required header" 400 X-Reviewer

# ---- a body over the endpoint's limit: 413 (the sample keeps Kestrel's 30 MB default) ---------------------------
head -c 31000000 /dev/zero >"$work/big"
request POST "/books" -H "Content-Type: application/json" --data-binary "@$work/big"
expect_problem "413" 413
rm -f "$work/big"

# ---- auth: writes need a JWT bearer token (401 without, with a Bearer challenge), deletes the role admin (403) -----
ANONYMOUS=1 request POST "/shelves" -H "Content-Type: application/json" --data '{"name": "No token"}'
expect_problem "write without a token" 401 && expect_header "write without a token" WWW-Authenticate Bearer
if [[ -n "${READER_TOKEN:-}" ]]; then
  ANONYMOUS=1 request DELETE "/shelves/2" -H "Authorization: Bearer $READER_TOKEN"
  expect_problem "delete without the role admin" 403
fi

# ---- writes: 201 + Location that resolves, PATCH, DELETE -> 204 then 404 ----------------------------------------
isbn="$(valid_isbn13)"
request POST "/books" -H "Content-Type: application/json" \
  --data "{\"title\": \"The Dispossessed\", \"authorId\": 1, \"isbn\": \"$isbn\", \"year\": 1974, \"genre\": \"ScienceFiction\", \"tags\": [\"utopia\"]}"
if expect "POST" 201 application/json; then
  location="$(header Location)"
  id="$(json_get "$work/body" id)"
  if [[ "$location" == "/books/$id" ]]; then pass "POST: Location: $location"; else fail "POST: Location '$location' for book id '$id'"; fi
  request GET "$location"
  expect "Location resolves" 200 application/json && expect_json "Location resolves" isbn "$isbn"
  # Writes to a book are conditional (RequireIfMatch): 428 without If-Match, the new version's ETag with it.
  request PATCH "$location" -H "Content-Type: application/json" --data '{"tags": ["hugo", "utopia"]}'
  expect_problem "PATCH without If-Match" 428
  request PATCH "$location" -H "Content-Type: application/json" -H 'If-Match: "1"' --data '{"tags": ["hugo", "utopia"]}'
  expect "PATCH" 200 application/json && expect_json "PATCH" tags '["hugo","utopia"]' && expect_json "PATCH" year 1974 \
    && expect_header "PATCH" ETag '"2"'
  request PATCH "$location" -H "Content-Type: application/json" -H 'If-Match: "1"' --data '{"year": 1975}'
  expect_problem "PATCH with a stale If-Match" 412
  request GET "$location" -H 'If-None-Match: "2"'
  expect "GET with If-None-Match" 304 && expect_empty_body "GET with If-None-Match"
  request POST "$location/reviews" -H "Content-Type: application/json" -H "X-Reviewer: ana" --data '{"rating": 5, "text": "Ambiguous."}'
  if expect "POST with a header value" 201 application/json; then
    review="$(header Location)"
    request GET "$review"
    expect "review Location resolves" 200 application/json && expect_json "review Location resolves" reviewer ana
    request DELETE "$review"
    expect "DELETE, a void handler" 204 && expect_empty_body "DELETE, a void handler"
  fi
  request POST "/books" -H "Content-Type: application/json" \
    --data "{\"title\": \"Again\", \"authorId\": 1, \"isbn\": \"$isbn\", \"year\": 1974, \"genre\": \"ScienceFiction\"}"
  expect_problem "409 duplicate ISBN" 409
  request DELETE "$location" -H 'If-Match: "2"'
  expect "DELETE" 204 && expect_empty_body "DELETE"
  request GET "$location"
  expect_problem "deleted item" 404
fi

# ---- QUERY (RFC 10008) and the session (a cookie jar across requests) ---------------------------------------------
request QUERY /books/search -H 'Content-Type: application/json' --data '{"genre":"Fantasy","yearTo":1970}'
expect "QUERY with a JSON filter" 200 application/json && expect_json "QUERY with a JSON filter" 0.id 3 && expect_json "QUERY with a JSON filter" 1.id 1
request QUERY /books/search -H 'Content-Type: text/plain' --data 'Fantasy'
expect_problem "QUERY, not JSON" 415 && expect_header "QUERY, not JSON" Accept-Query application/json
request OPTIONS /books/search
expect "OPTIONS of a QUERY path" 204 && expect_header "OPTIONS of a QUERY path" Accept-Query application/json \
  && expect_header "OPTIONS of a QUERY path" Allow "QUERY, OPTIONS"
jar="$work/cookie-jar"
request POST /reading-list -c "$jar" -b "$jar" -H 'Content-Type: application/json' --data '{"bookId":3}'
expect "reading list: add, new session" 200 application/json && expect_json "reading list: add, new session" bookIds.0 3
request GET /reading-list -c "$jar" -b "$jar"
expect "reading list: same session" 200 application/json && expect_json "reading list: same session" bookIds.0 3
request GET /reading-list
expect "reading list: another visitor" 200 application/json && expect_json "reading list: another visitor" bookIds.0 "<absent>"

# ---- the two OpenAPI documents ----------------------------------------------------------------------------------
for document in /openapi/v1.json /openapi/resources.json; do
  request GET "$document"
  if expect "OpenAPI $document" 200 application/json; then
    version="$(json_get "$work/body" openapi)"
    if [[ "$version" == 3.* ]]; then pass "OpenAPI $document: openapi $version"; else fail "OpenAPI $document: openapi member is '$version'"; fi
    if json_get "$work/body" "paths./books/{id}" >/dev/null; then
      pass "OpenAPI $document: describes /books/{id}"
    else
      fail "OpenAPI $document: no /books/{id} path"
    fi
  fi
done

# ---- rows the sample has nothing for ----------------------------------------------------------------------------
skip "[MovedFrom] 301/308: the sample declares no [MovedFrom]"
skip "500 problem details: no sample endpoint throws on purpose"
skip "CORS preflight: the sample configures no CORS"

echo "$passed passed, $failed failed"
((failed == 0))
