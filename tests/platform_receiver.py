"""A platform on loopback for tests and benchmarks: answers each request with the next
step of its script (a status, or ("late", seconds): it keeps the record, then answers
after the client gave up), then 200 with a receipt id (503 while `down`); keeps what it
accepted per Idempotency-Key, the way a platform that dedupes does. Request headers are
kept with lower-case names."""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class PlatformReceiver:
    def __init__(self, script=()):
        self.requests, self.accepted, self.script = [], {}, list(script)
        self.down, self.lock = False, threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms wait

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver.lock:
                    step = receiver.script.pop(0) if receiver.script else (
                        503 if receiver.down else 200)
                    receiver.requests.append(
                        ({k.lower(): v for k, v in self.headers.items()}, step))
                delay = 0.0
                if isinstance(step, tuple):  # ("late", s): accepted, answered late
                    step, delay = 200, step[1]
                key = self.headers["Idempotency-Key"]
                if step == 200:
                    with receiver.lock:
                        receiver.accepted.setdefault(key, json.loads(body))
                if delay:
                    time.sleep(delay)
                answer = json.dumps({"receipt_id": f"rcpt-{key}"}).encode()
                self.send_response(step)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/records"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def records(self) -> list[dict]:
        """What it accepted, once per key: the records themselves."""
        with self.lock:
            return [b["record"] for b in self.accepted.values()]

    def close(self):
        self.server.shutdown()
        self.server.server_close()
