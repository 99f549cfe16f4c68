#!/usr/bin/env python3
"""Mixed read/write load through the load balancer, for tests/ScaleOut/run.sh (standard library only).

    load.py BASE_URL TOKEN SECONDS CLIENTS RESULT_JSON

CLIENTS threads, each with one keep-alive connection, for SECONDS: 70 % reads (GET /books/{id} of a book this run
created or a seeded one, GET /books?page=…), 25 % creates (POST /books with an ISBN no other request uses), 5 %
reviews (POST /books/{id}/reviews). Every response is recorded with its start and end (Unix times), method, status and the instance nginx chose
(X-Upstream); a request that
gets no response (connection reset, timeout) is recorded with status 0. Afterwards every acknowledged create (201)
is read back. RESULT_JSON gets the summary run.sh checks.
"""
import http.client
import json
import random
import sys
import threading
import time
import urllib.parse

base, token, seconds, clients, result_path = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
url = urllib.parse.urlsplit(base)
lock = threading.Lock()
records = []          # (start, end, method, status, upstream): start and end as Unix times
acknowledged = []     # (id, isbn) of every 201 on POST /books
serial_counter = [0]
started = time.time()


def isbn(serial):
    body = "979" + f"{serial:09d}"
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body))
    return body + str((10 - total % 10) % 10)


def next_serial():
    with lock:
        serial_counter[0] += 1
        return serial_counter[0]


def connect():
    return http.client.HTTPConnection(url.hostname, url.port, timeout=10)


def send(connection, method, path, body=None, headers=None):
    headers = dict(headers or {})
    if body is not None:
        headers["Content-Type"] = "application/json"
        body = json.dumps(body)
    if method != "GET":
        headers["Authorization"] = "Bearer " + token
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    return response.status, data, response.getheader("X-Upstream", "")


def client(number):
    rng = random.Random(number)
    connection = connect()
    while time.time() - started < seconds:
        roll = rng.random()
        with lock:
            known = acknowledged[-200:]
        if roll < 0.5:
            book_id = rng.choice(known)[0] if known and rng.random() < 0.8 else rng.randint(1, 6)
            method, path, body = "GET", f"/books/{book_id}", None
        elif roll < 0.7:
            method, path, body = "GET", f"/books?page={rng.randint(1, 5)}&pageSize=20", None
        elif roll < 0.95:
            serial = next_serial()
            method, path, body = "POST", "/books", {
                "title": f"Load {number}-{serial}", "authorId": rng.randint(1, 4), "isbn": isbn(serial),
                "year": 2000, "genre": "Fantasy", "tags": ["load"]}
        else:
            book_id = rng.choice(known)[0] if known else 1
            method, path, body = "POST", f"/books/{book_id}/reviews", {"rating": rng.randint(1, 5), "text": None}
        at = time.time()
        try:
            headers = {"X-Reviewer": f"client{number}"} if path.endswith("/reviews") else None
            status, data, upstream = send(connection, method, path, body, headers)
        except (OSError, http.client.HTTPException):
            status, data, upstream = 0, b"", ""
            connection.close()
            connection = connect()
        with lock:
            records.append((round(at, 3), round(time.time(), 3), method, status, upstream))
            if method == "POST" and path == "/books" and status == 201:
                book = json.loads(data)
                acknowledged.append((book["id"], book["isbn"]))
    connection.close()


threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()

# Every acknowledged create, read back through the load balancer.
missing = []
connection = connect()
for book_id, book_isbn in acknowledged:
    for attempt in range(3):
        try:
            status, data, _ = send(connection, "GET", f"/books/{book_id}")
            break
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = connect()
            status, data = 0, b""
    if status != 200 or json.loads(data)["isbn"] != book_isbn:
        missing.append({"id": book_id, "isbn": book_isbn, "status": status})

ids = [book_id for book_id, _ in acknowledged]
statuses = {}
for _, _, _, status, _ in records:
    statuses[str(status)] = statuses.get(str(status), 0) + 1
summary = {
    "requests": len(records),
    "seconds": seconds,
    "statuses": statuses,
    "failures": [r for r in records if r[3] == 0 or r[3] >= 500],
    "acknowledged": len(acknowledged),
    "duplicateIds": len(ids) - len(set(ids)),
    "missing": missing,
    "upstreams": sorted({r[4] for r in records if r[4]}),
}
with open(result_path, "w") as f:
    json.dump(summary, f)
print(f"load: {summary['requests']} requests in {seconds:.0f} s, statuses {statuses}, "
      f"{summary['acknowledged']} creates acknowledged")
