-- post.lua - wrk script: POST the body in the environment's WRK_BODY.
wrk.method = "POST"
wrk.body = os.getenv("WRK_BODY") or "[]"
wrk.headers["Content-Type"] = "application/json"
