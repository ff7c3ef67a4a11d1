"""A webhook receiver on loopback for the tests: records every request, answers each with
the next status of its script (then 204), and keeps what it accepted per webhook-id, the
way a well-behaved receiver dedupes."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class WebhookReceiver:
    def __init__(self, statuses=(), headers=None):
        self.requests, self.accepted, self.statuses = [], {}, list(statuses)
        self.extra_headers = headers or {}
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                status = receiver.statuses.pop(0) if receiver.statuses else 204
                receiver.requests.append((dict(self.headers), body, status))
                if 200 <= status < 300:
                    receiver.accepted.setdefault(self.headers["webhook-id"], []).append(
                        json.loads(body))
                self.send_response(status)
                for k, v in receiver.extra_headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/jointops"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def bodies(self, event_type=None):
        return [json.loads(b) for _, b, s in self.requests
                if event_type is None or json.loads(b)["type"] == event_type]

    def close(self):
        self.server.shutdown()
        self.server.server_close()
