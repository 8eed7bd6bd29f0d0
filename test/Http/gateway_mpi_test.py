#!/usr/bin/env python3
"""The gateway on flowc::MpiRuntime (docs/http.md): bank_mpi_server under
mpirun, driven as a client would: creates on the ranks that own the keys,
calls within a rank and across ranks, state, errors, and that a failed call
changes nothing on any rank.

usage: gateway_mpi_test.py BANK_MPI_SERVER MPIRUN [MPIRUN ARGS...] NP
"""
import http.client
import json
import subprocess
import sys

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, flush=True)


def request(port, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(method, path, body=None if body is None else json.dumps(body),
                 headers=headers or {})
    resp = conn.getresponse()
    text = resp.read().decode()
    conn.close()
    return resp.status, text


def expect(port, method, path, body, status, text=None, kind=None, headers=None):
    got, got_text = request(port, method, path, body, headers)
    where = f"{method} {path} {body!r}"
    check(got == status, f"{where}: status {got}, expected {status}: {got_text}")
    if text is not None:
        check(got_text == text, f"{where}: {got_text}, expected {text}")
    if kind is not None:
        check(json.loads(got_text).get("kind") == kind, f"{where}: kind {kind} expected: {got_text}")
    return got_text


def balance(port, owner):
    status, text = request(port, "GET", f"/v1/bank.Account/{owner}")
    return json.loads(text).get("balance_") if status == 200 else (status, text)


KEYS = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]


def main():
    server, mpirun = sys.argv[1], sys.argv[2:]
    proc = subprocess.Popen(mpirun + [server] + KEYS, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    owner = {}
    while True:
        line = proc.stdout.readline()
        if not line:
            sys.exit("bank_mpi_server ended before it listened")
        if line.startswith("owner "):
            _, key, rank = line.split()
            owner[key] = int(rank)
        if line.startswith("listening on "):
            port = int(line.split()[2])
            break
    on0 = [k for k in KEYS if owner[k] == 0]
    on1 = [k for k in KEYS if owner[k] == 1]
    if not on0 or not on1:
        sys.exit(f"the keys do not cover both ranks: {owner}")
    a, b = on1[0], on0[0]  # a lives on rank 1, b on rank 0 (the gateway's)
    A = "/v1/bank.Account"

    # Create on both ranks, by array and by object.
    expect(port, "POST", A, [a, 100], 201, json.dumps({"key": a}, separators=(",", ":")))
    expect(port, "POST", A, {"owner": b, "balance": 50}, 201)
    check(balance(port, a) == 100 and balance(port, b) == 50, "the created states")
    # A defaulted trailing argument left out: the owning rank calls the
    # constructor with the arguments given (balance = 0).
    c = on1[-1] if on1[-1] != a else on0[-1]
    expect(port, "POST", A, {"owner": c}, 201)
    check(balance(port, c) == 0, f"{c} (rank {owner[c]}) has the default balance")
    # Calls within a rank and across ranks.
    expect(port, "POST", f"{A}/{a}/deposit", [5], 200, '{"result":105}')
    expect(port, "POST", f"{A}/{a}/transfer", {"to": b, "amount": 30}, 200, '{"result":75}')
    expect(port, "POST", f"{A}/{b}/transfer", [a, 20], 200, '{"result":60}')
    check(balance(port, a) == 95 and balance(port, b) == 60, "states after the transfers")
    expect(port, "POST", f"{A}/{a}/balance", [], 200, '{"result":95}')
    # A key given as an integer, and a choice of constructors.
    expect(port, "POST", "/v1/bank.Counter", [7], 201, '{"key":7}')
    expect(port, "POST", "/v1/bank.Counter", [8, 100], 201, '{"key":8}')
    expect(port, "POST", "/v1/bank.Counter/8/next", [], 200, '{"result":101}')
    expect(port, "POST", "/v1/bank.Counter/7/next", [], 200, '{"result":1}')

    # Errors, and nothing changed by them.
    expect(port, "POST", A, [a, 1], 409, kind="entity_exists")
    expect(port, "POST", A, ["zz-negative", -5], 422, kind="constructor_threw")
    expect(port, "POST", A, ["x", "many"], 400, kind="bad_arguments")
    expect(port, "POST", f"{A}/nobody/deposit", [1], 404, kind="entity_not_found")
    expect(port, "POST", f"{A}/{a}/deposit", [-1], 422, kind="method_threw")
    expect(port, "POST", f"{A}/{b}/transfer", ["nobody", 10], 404, kind="entity_not_found")
    expect(port, "POST", f"{A}/{b}/transfer", [a, 1000], 422, kind="method_threw")
    expect(port, "POST", f"{A}/{a}/no_such", [], 404, kind="unknown_method")
    expect(port, "GET", f"{A}/nobody", None, 404, kind="entity_not_found")
    expect(port, "GET", "/v1/bank.Counter/seven", None, 400, kind="bad_key")
    check(balance(port, a) == 95 and balance(port, b) == 60,
          f"no failed request changed a state: {balance(port, a)}, {balance(port, b)}")
    # Idempotency-Key (in memory on MPI): the repeat runs nothing.
    k = {"Idempotency-Key": "mpi-deposit-1"}
    first = expect(port, "POST", f"{A}/{a}/deposit", [1], 200, headers=k)
    expect(port, "POST", f"{A}/{a}/deposit", [1], 200, first, headers=k)
    check(balance(port, a) == 96, "the repeated deposit ran once")
    # The document and the page are served here too.
    status, doc = request(port, "GET", "/openapi.json")
    check(status == 200 and '"/v1/bank.Account/{key}/transfer"' in doc, "GET /openapi.json")

    proc.stdin.close()
    rc = proc.wait(timeout=60)
    check(rc == 0, f"mpirun ends with 0, got {rc}")
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print(f"gateway on MpiRuntime ({len(set(owner.values()))} ranks): ok")


if __name__ == "__main__":
    main()
