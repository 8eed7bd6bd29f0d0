#!/usr/bin/env python3
"""Drives bank_server (bank.h behind flowc::HttpGateway) as a client would:
every route and status code of docs/http.md, every JSON shape, the limits,
idempotency, and that no bad request changes state or stops the server.

usage: gateway_test.py BANK_SERVER
"""
import http.client
import json
import socket
import subprocess
import sys
import threading
import time

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, flush=True)


def start(server):
    proc = subprocess.Popen(
        [server, "--threads", "2", "--max-body", "65536", "--max-in-flight", "4",
         "--timeout-ms", "1500", "--client-timeout-ms", "1500"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if not line.startswith("listening on "):
        sys.exit("bank_server did not start: " + line)
    return proc, int(line.split()[2])


def request(port, method, path, body=None, headers=None, raw=False):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    data = body if raw or body is None else json.dumps(body)
    conn.request(method, path, body=data, headers=headers or {})
    resp = conn.getresponse()
    text = resp.read().decode()
    conn.close()
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = None
    return resp.status, parsed, text, resp


def post(port, path, body, **kw):
    return request(port, "POST", path, body, **kw)


def expect(port, method, path, body, status, kind=None, contains=(), raw=False, headers=None):
    got, parsed, text, resp = request(port, method, path, body, raw=raw, headers=headers)
    where = f"{method} {path} {body!r}"[:200]
    check(got == status, f"{where}: status {got}, expected {status}: {text}")
    if kind is not None:
        check(isinstance(parsed, dict) and parsed.get("kind") == kind and
              isinstance(parsed.get("error"), str),
              f"{where}: kind {kind} expected in {text}")
    for piece in contains:
        check(piece in text, f"{where}: {piece!r} expected in {text}")
    return parsed, resp


def raw_exchange(port, data, read_timeout=5.0, pause=None):
    """Sends bytes on a fresh connection and returns what comes back until
    the server closes it (or read_timeout passes)."""
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(read_timeout)
    for i, chunk in enumerate(data if isinstance(data, list) else [data]):
        if i and pause:
            time.sleep(pause)
        s.sendall(chunk)
    out = b""
    try:
        while True:
            got = s.recv(65536)
            if not got:
                break
            out += got
    except socket.timeout:
        pass
    s.close()
    return out


def states(port):
    out = {}
    for path in ["/v1/bank.Account/alice", "/v1/bank.Account/bob", "/v1/bank.Counter/42"]:
        out[path] = request(port, "GET", path)[2]
    return out


def main():
    proc, port = start(sys.argv[1])
    A = "/v1/bank.Account"

    # Static routes.
    status, _, text, resp = request(port, "GET", "/")
    check(status == 200 and "text/html" in resp.getheader("Content-Type"), "GET / is HTML")
    check('data-entity="bank.Account"' in text and 'data-method="deposit"' in text, "page lists methods")
    for path, kind in [("/flowc-gateway.js", "javascript"), ("/flowc-gateway.css", "css")]:
        status, _, _, resp = request(port, "GET", path)
        check(status == 200 and kind in resp.getheader("Content-Type"), f"GET {path}")
    status, doc, _, _ = request(port, "GET", "/openapi.json")
    check(status == 200 and doc["openapi"] == "3.1.0" and f"{A}/{{key}}/deposit" in doc["paths"],
          "GET /openapi.json")

    # Create: 201 with the key (array or object arguments), 409, 422, 400.
    parsed, _ = expect(port, "POST", A, ["alice", 100], 201)
    check(parsed == {"key": "alice"}, f"created alice: {parsed}")
    parsed, _ = expect(port, "POST", A, {"balance": 5, "owner": "bob"}, 201)
    check(parsed == {"key": "bob"}, f"created bob: {parsed}")
    parsed, _ = expect(port, "POST", "/v1/bank.Counter", [42], 201)
    check(parsed == {"key": 42}, f"an integer key is a JSON number: {parsed}")
    expect(port, "POST", A, ["alice", 1], 409, "entity_exists")
    # Several constructors: the first the arguments fit; an error names the
    # parameter of the one whose count they match.
    expect(port, "POST", "/v1/bank.Counter", [7, 10], 201)
    check(request(port, "GET", "/v1/bank.Counter/7")[1] == {"id_": 7, "count_": 10},
          "the two-argument constructor")
    expect(port, "POST", "/v1/bank.Counter", [8, "x"], 400, "bad_arguments", ["argument 'start'"])
    expect(port, "POST", A, ["carol", -1], 422, "constructor_threw", ["negative balance"])
    expect(port, "GET", A + "/carol", None, 404, "entity_not_found")
    expect(port, "POST", A, [], 400, "bad_arguments", ["expected 1 to 2"])
    expect(port, "POST", A, ["carol", 1, 2], 400, "bad_arguments", ["expected 1 to 2"])
    expect(port, "POST", A, {"owner": "carol", "money": 1}, 400, "bad_arguments", ["'money'"])
    expect(port, "POST", A, {"balance": 1}, 400, "bad_arguments", ["missing argument 'owner'"])
    # A trailing argument with a default (`balance = 0`) may be left out, in
    # the array and in the object form: C++ gives its default.
    parsed, _ = expect(port, "POST", A, ["carol"], 201)
    check(parsed == {"key": "carol"}, f"created carol with the default balance: {parsed}")
    check(request(port, "GET", A + "/carol")[1].get("balance_") == 0, "carol's default balance")
    expect(port, "POST", A, {"owner": "dan"}, 201)
    check(request(port, "GET", A + "/dan")[1].get("balance_") == 0, "dan's default balance")

    # State by member name, keys in the path.
    parsed, _ = expect(port, "GET", A + "/alice", None, 200)
    check(parsed == {"owner_": "alice", "balance_": 100, "color_": "red", "shapes_": []},
          f"state of alice: {parsed}")
    parsed, _ = expect(port, "GET", "/v1/bank.Counter/42", None, 200)
    check(parsed == {"id_": 42, "count_": 0}, f"state of counter 42: {parsed}")
    expect(port, "GET", "/v1/bank.Counter/forty", None, 400, "bad_key", ["forty", "integer"])
    expect(port, "GET", "/v1/bank.Counter/99", None, 404, "entity_not_found")
    parsed, _ = expect(port, "POST", "/v1/bank.Counter/42/next", None, 200)
    check(parsed == {"result": 1}, f"counter next: {parsed}")

    # Integers exact to 64 bits, out of range rejected, never rounded.
    big = 2**53 + 1
    parsed, _ = expect(port, "POST", A + "/alice/deposit", [big], 200)
    check(parsed == {"result": big + 100}, f"2^53+1 exact: {parsed}")
    parsed, _ = expect(port, "POST", A + "/alice/echo_u64", [2**64 - 1], 200)
    check(parsed == {"result": 2**64 - 1}, f"2^64-1 exact: {parsed}")
    before = states(port)
    expect(port, "POST", A + "/alice/echo_u64", [2**64], 400, "bad_arguments",
           ["argument 'v'", "18446744073709551615"])
    expect(port, "POST", A + "/alice/echo_u64", [-1], 400, "bad_arguments", ["'v'"])
    expect(port, "POST", A + "/alice/deposit", [1.5], 400, "bad_arguments", ["'amount'", "1.5"])
    expect(port, "POST", A + "/alice/deposit", ["1"], 400, "bad_arguments", ["'amount'", "integer"])
    expect(port, "POST", A + "/alice/deposit", [2**63], 400, "bad_arguments", ["'amount'"])

    # Enums by name; a wrong type deep in a nested argument names its path.
    expect(port, "POST", A + "/alice/paint", ["purple"], 400, "bad_arguments",
           ["'color'", "purple", '\\"red\\", \\"green\\", \\"blue\\"'])
    shape = {"name": "tri", "points": [{"x": 1, "y": 0.5}, {"x": "2", "y": 1}],
             "color": "green", "weight": None}
    expect(port, "POST", A + "/alice/add_shape", [shape], 400, "bad_arguments",
           ["shape.points[1].x", "byte", "expected an integer"])
    expect(port, "POST", A + "/alice/add_shape", [dict(shape, extra=1)], 400, "bad_arguments",
           ["'extra'"])
    good_points = [{"x": 1, "y": 0.5}]
    expect(port, "POST", A + "/alice/add_shape", [dict(shape, points=good_points, weight=300)],
           400, "bad_arguments",
           ["shape.weight", "[0, 255]"])

    # Malformed JSON, trailing text, bad UTF-8, wrong top-level shape.
    expect(port, "POST", A + "/alice/deposit", "[1,", 400, "malformed_json", ["byte 3"], raw=True)
    expect(port, "POST", A + "/alice/deposit", "[1] x", 400, "malformed_json", ["byte 4"], raw=True)
    expect(port, "POST", A + "/alice/deposit", b'["\xff"]', 400, "malformed_json", raw=True)
    expect(port, "POST", A + "/alice/deposit", "5", 400, "bad_arguments", ["array"], raw=True)
    expect(port, "POST", A + "/alice/deposit", "[" * 10000, 400, "malformed_json",
           ["nesting deeper"], raw=True)
    # The method throws: 422 with its what(), and nothing changed.
    expect(port, "POST", A + "/alice/deposit", [-5], 422, "method_threw", ["must be positive"])
    # A remote call to a key nobody created: 404, and alice is rolled back.
    expect(port, "POST", A + "/alice/transfer", ["zed", 10], 404, "entity_not_found")
    # Unknown routes, methods, verbs.
    expect(port, "GET", "/v1/bank.Nope/x", None, 404, "unknown_entity_type")
    expect(port, "POST", A + "/alice/nope", [], 404, "unknown_method")
    expect(port, "GET", "/elsewhere", None, 404, "no_route")
    _, resp = expect(port, "GET", A + "/alice/deposit", None, 405, "method_not_allowed")
    check(resp.getheader("Allow") == "POST", "405 says Allow: POST")
    expect(port, "GET", A + "/al%zzice", None, 400, "bad_path")
    check(states(port) == before, "bad requests changed no state")

    # Every other JSON shape of the mapping.
    def result(method, args):
        return post(port, f"{A}/alice/{method}", args)[1]
    check(result("paint", {"color": "blue"}) == {}, "void method answers {}")
    check(result("add_shape", [shape | {"points": [{"x": -(2**63), "y": 0.1}]}]) == {"result": 1},
          "add_shape")
    alice = request(port, "GET", A + "/alice")[1]
    check(alice["color_"] == "blue" and alice["shapes_"] == [
        {"name": "tri", "points": [{"x": -(2**63), "y": 0.1}], "color": "green", "weight": None}],
          f"nested state: {alice}")
    check(result("tally", [["a", "b", "a"]]) == {"result": {"a": 2, "b": 1}}, "string-keyed map")
    check(result("numbered", [[3, 1]]) == {"result": [[1, "1"], [3, "3"]]}, "int-keyed map")
    expect(port, "POST", A + "/alice/numbered", [[1, 1]], 400, "bad_arguments", ["keys[1]", "once"])
    check(result("either", [True]) == {"result": {"index": 1, "value": "text"}}, "variant")
    check(result("either", [False]) == {"result": {"index": 0, "value": 7}}, "variant 0")
    check(result("triple", []) == {"result": [1, "two", True]}, "tuple")
    check(result("three", None) == {"result": [1, 2, 3]}, "array, empty body")
    check(result("reversed", [[1, 2, 3]]) == {"result": [3, 2, 1]}, "forward_list")
    check(result("count_all", [[1, 1, 2], [["a", 1], ["a", 2]]]) == {"result": 5},
          "unordered_multiset and unordered_multimap (pairs, keys repeat)")
    check(result("ratio", [1, 3]) == {"result": 1 / 3}, "double shortest round trip")
    check(post(port, A + "/alice/ratio", [1, 3])[2] == '{"result":0.3333333333333333}',
          "double text")
    check(result("ratio", [1, 0]) == {"result": "Infinity"}, "infinity")
    parsed, _ = expect(port, "POST", A + "/alice/transfer", {"to": "bob", "amount": 10}, 200)
    check(request(port, "GET", A + "/bob")[1]["balance_"] == 15, "a Ref argument by key")

    # Idempotency-Key: the repeat runs nothing and gets the first answer.
    k = {"Idempotency-Key": "deposit-1"}
    first = post(port, A + "/bob/deposit", [5], headers=k)
    again = post(port, A + "/bob/deposit", [5], headers=k)
    check(first[0] == again[0] == 200 and first[2] == again[2], f"repeat answered the same: {again[2]}")
    check(request(port, "GET", A + "/bob")[1]["balance_"] == 20, "the repeat ran nothing")
    expect(port, "POST", A + "/bob/deposit", [6], 422, "idempotency_key_reused", headers=k)
    k2 = {"Idempotency-Key": "create-dave"}
    c1 = post(port, A, ["dave", 1], headers=k2)
    c2 = post(port, A, ["dave", 1], headers=k2)
    check(c1[0] == c2[0] == 201 and c1[2] == c2[2], "a repeated create gets its 201")

    # 504 past the timeout; the call still completes, and its key then
    # answers with the real result.
    k3 = {"Idempotency-Key": "slow-1"}
    expect(port, "POST", A + "/dave/nap", [2500], 504, "timeout", headers=k3)
    expect(port, "POST", A + "/dave/nap", [2500], 409, "idempotency_key_in_use", headers=k3)
    time.sleep(1.5)
    status, parsed, _, _ = post(port, A + "/dave/nap", [2500], headers=k3)
    check(status == 200 and parsed == {}, f"after the timeout the key has the answer: {status}")

    # 503 past max_in_flight (4), with Retry-After.
    answers = []
    def nap():
        s, _, _, r = post(port, A + "/dave/nap", [300])
        answers.append((s, r.getheader("Retry-After")))
    threads = [threading.Thread(target=nap) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(any(s == 503 and ra == "1" for s, ra in answers), f"503 with Retry-After: {answers}")
    check(any(s == 200 for s, _ in answers), f"some admitted: {answers}")

    before = states(port)
    # 413: a 100 MB Content-Length is refused before the body is read.
    t0 = time.time()
    out = raw_exchange(port, b"POST /v1/bank.Account/alice/deposit HTTP/1.1\r\nHost: x\r\n"
                             b"Content-Type: application/json\r\nContent-Length: 100000000\r\n\r\n[1")
    check(out.startswith(b"HTTP/1.1 413") and b"body_too_large" in out and time.time() - t0 < 3,
          f"413 for 100 MB: {out[:80]!r}")
    # 431: headers past 16 KiB.
    out = raw_exchange(port, b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n")
    check(out.startswith(b"HTTP/1.1 431"), f"431 for big headers: {out[:60]!r}")
    # Malformed HTTP: 400 and closed.
    out = raw_exchange(port, b"NOT HTTP AT ALL\r\n\r\n")
    check(out.startswith(b"HTTP/1.1 400"), f"400 for malformed HTTP: {out[:60]!r}")
    # A request cut in the middle: the client goes away, nothing runs.
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"POST /v1/bank.Account/alice/deposit HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n[10")
    s.close()
    # A slow client is disconnected after client_timeout (1.5 s).
    t0 = time.time()
    out = raw_exchange(port, [b"POST /v1/bank.Account/alice/deposit HTTP/1.1\r\n", b"Host: x\r\n"],
                       read_timeout=6, pause=0.2)
    took = time.time() - t0
    check(out == b"" and 1.2 < took < 5, f"a slow client is cut off: {out[:60]!r} after {took:.1f} s")
    check(states(port) == before, "limits changed no state")

    # Keep-alive and pipelining: three requests in one write, three answers in order.
    out = raw_exchange(port, (b"GET /v1/bank.Counter/42 HTTP/1.1\r\nHost: x\r\n\r\n"
                              b"POST /v1/bank.Counter/42/next HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n[]"
                              b"GET /v1/bank.Counter/42 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
    check(out.count(b"HTTP/1.1 200") == 3 and out.index(b'"count_":1') < out.index(b'"result":2')
          < out.index(b'"count_":2'), f"pipelined answers in order: {out!r}")
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    for i in range(3):
        conn.request("POST", "/v1/bank.Counter/42/next", body="[]")
        r = conn.getresponse()
        check(json.loads(r.read()) == {"result": 3 + i}, "keep-alive connection reused")
    conn.close()

    # Expect: 100-continue (curl sends it for bodies past 1 KiB): 100, then the answer.
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(5)
    s.sendall(b"POST /v1/bank.Counter/42/next HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
              b"Expect: 100-continue\r\nConnection: close\r\n\r\n")
    first = s.recv(4096)
    s.sendall(b"[]")
    rest = b""
    while True:
        got = s.recv(4096)
        if not got:
            break
        rest += got
    s.close()
    check(first.startswith(b"HTTP/1.1 100") and b'"result":6' in first + rest,
          f"100-continue: {first!r} {rest!r}")

    # Many connections on the gateway's 2 threads: 200 open at once, each
    # answered (200, or 503 past max_in_flight, 4 here).
    socks = [socket.create_connection(("127.0.0.1", port)) for _ in range(200)]
    for s in socks:
        s.sendall(b"GET /v1/bank.Counter/42 HTTP/1.1\r\nHost: x\r\n\r\n")
    statuses = []
    for s in socks:
        s.settimeout(10)
        statuses.append(s.recv(4096)[:12])
        s.close()
    ok = statuses.count(b"HTTP/1.1 200")
    check(ok + statuses.count(b"HTTP/1.1 503") == 200 and ok >= 4,
          f"200 connections at once: {ok} answered 200, {set(statuses)}")

    # A second gateway on the same port fails clearly, and the first goes on.
    second = subprocess.run([sys.argv[1], "--port", str(port)], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=20)
    check(second.returncode == 1 and f"cannot listen on 127.0.0.1:{port}" in second.stderr,
          f"a taken port: {second.returncode} {second.stderr!r}")

    # Still serving; closing stdin ends it cleanly.
    check(request(port, "GET", "/v1/bank.Counter/42")[0] == 200, "still serving")
    proc.stdin.close()
    check(proc.wait(timeout=20) == 0, "clean shutdown")
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all gateway checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
