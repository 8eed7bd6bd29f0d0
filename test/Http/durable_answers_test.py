#!/usr/bin/env python3
"""Idempotency-Key answers in the durable store (docs/http.md): bank_server on
a store answers POSTs with keys, is killed with SIGKILL right after the
answers, starts again on the same store, and every repeated POST runs nothing
and gets its first answer byte for byte; a key sent with another body is
refused with 422, as before the restart.

usage: durable_answers_test.py BANK_SERVER SCRATCH_DIR
"""
import http.client
import json
import os
import shutil
import subprocess
import sys

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what, flush=True)


def start(server, store):
    proc = subprocess.Popen([server, "--store", store], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if not line.startswith("listening on "):
        sys.exit("bank_server did not start: " + line)
    return proc, int(line.split()[2])


def request(port, method, path, body=None, key=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    headers = {"Idempotency-Key": key} if key else {}
    conn.request(method, path, body=None if body is None else json.dumps(body),
                 headers=headers)
    resp = conn.getresponse()
    text = resp.read().decode()
    conn.close()
    return resp.status, text


A = "/v1/bank.Account"
# (key, path, body, expected status): a create, a change, a read-only call,
# a call that throws and one to a key nobody created.
ASKED = [
    ("create-carol", A, ["carol", 100], 201),
    ("deposit-1", A + "/carol/deposit", [5], 200),
    ("balance-1", A + "/carol/balance", [], 200),
    ("negative-1", A + "/carol/deposit", [-1], 422),
    ("nobody-1", A + "/nobody/deposit", [1], 404),
]


def main():
    server, scratch = sys.argv[1], sys.argv[2]
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    store = os.path.join(scratch, "bank.db")

    proc, port = start(server, store)
    first = {}
    for key, path, body, status in ASKED:
        got, text = request(port, "POST", path, body, key)
        check(got == status, f"{key}: status {got}, expected {status}: {text}")
        first[key] = (got, text)
    # Repeated before the crash: the same answers.
    for key, path, body, _ in ASKED:
        check(request(port, "POST", path, body, key) == first[key], f"{key}: repeat before the kill")
    proc.kill()  # SIGKILL: nothing is flushed or closed
    proc.wait()

    proc, port = start(server, store)
    for key, path, body, _ in ASKED:
        got = request(port, "POST", path, body, key)
        check(got == first[key], f"{key} after the restart: {got}, first {first[key]}")
    got, text = request(port, "GET", A + "/carol")
    check(got == 200 and json.loads(text).get("balance_") == 105,
          f"carol after the restart (the deposit ran once): {got} {text}")
    got, text = request(port, "POST", A + "/carol/deposit", [6], "deposit-1")
    check(got == 422 and json.loads(text).get("kind") == "idempotency_key_reused",
          f"deposit-1 with another body: {got} {text}")
    got, text = request(port, "POST", A + "/carol/deposit", [5], "deposit-2")
    check((got, text) == (200, '{"result":110}'), f"a new key runs: {got} {text}")
    # The read-only call's answer was kept too: still the first one.
    check(request(port, "POST", A + "/carol/balance", [], "balance-1") == first["balance-1"],
          "balance-1 after another deposit")
    proc.stdin.close()
    check(proc.wait(timeout=30) == 0, "bank_server stops cleanly")

    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("durable Idempotency-Key answers: ok")


if __name__ == "__main__":
    main()
