"""The local stack behind `make run`: broker check, embedded MongoDB, every service
and the gateway as separate processes, demo data, tokens; Ctrl-C stops it all."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console

from services import registry
from services.cli import credential_keys, infra
from services.common.config import load

console = Console()
ROOT = Path(__file__).resolve().parents[2]
DEV_SECRET = "jointops-dev-secret-not-for-production"


class Stack:
    def __init__(self):
        self.procs: dict[str, subprocess.Popen] = {}
        self.stopping = False
        # Under eventlet a Ctrl-C does not reliably surface as KeyboardInterrupt in the
        # main loop, so signals set a flag that every wait loop checks.
        signal.signal(signal.SIGINT, self._on_signal)
        signal.signal(signal.SIGTERM, self._on_signal)

    def _on_signal(self, signum, frame):
        self.stopping = True

    def check(self):
        if self.stopping:
            raise KeyboardInterrupt

    def start(self, name, argv, env, log_dir):
        log = open(log_dir / f"{name}.log", "ab")
        # Own session: a terminal Ctrl-C reaches only us, and we stop children in order.
        self.procs[name] = subprocess.Popen(argv, env=env, stdout=log, stderr=log,
                                            start_new_session=True)

    def dead(self):
        return [n for n, p in self.procs.items() if p.poll() is not None]

    def stop(self):
        for name, proc in reversed(list(self.procs.items())):
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 15
        for proc in self.procs.values():
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def up(replicas: int = 1) -> int:
    env = dict(os.environ)
    if not env.get("JOINTOPS_JWT_SECRET"):
        env["JOINTOPS_JWT_SECRET"] = DEV_SECRET
        console.print("[yellow]JOINTOPS_JWT_SECRET not set: using a development secret "
                      "(never use it in production)[/yellow]")
    if not env.get("JOINTOPS_CREDENTIAL_KEYS") and not env.get("JOINTOPS_CREDENTIAL_KEYS_FILE"):
        keys = ROOT / "var" / "credential-keys.json"
        if credential_keys.ensure(keys):
            console.print(f"[yellow]created development credential keys in {keys} (never use "
                          "them in production)[/yellow]")
        env["JOINTOPS_CREDENTIAL_KEYS_FILE"] = str(keys)
    # The local stack is the demo: `jointops demo year` may move its clocks (replay clock).
    env.setdefault("JOINTOPS_DEMO_MODE", "true")
    # Development receivers listen on this machine: let webhooks reach loopback.
    env.setdefault("JOINTOPS_ALLOW_LOOPBACK_WEBHOOKS", "1")
    cfg = load(env)
    var = ROOT / "var"
    (var / "log").mkdir(parents=True, exist_ok=True)
    infra.ensure_rabbitmq(cfg.amqp_uri)
    stack = Stack()
    try:
        if "JOINTOPS_MONGO_URI" not in os.environ:
            infra.ensure_mongo(cfg.mongo_uri, var / "mongo", stack, var / "log")
        jointops = str(Path(sys.executable).with_name("jointops"))
        for n in range(replicas):  # replica n logs to <name>.log, then <name>-<n>.log
            suffix = f"-{n}" if n else ""
            for name in registry.SERVICES:
                stack.start(name + suffix, [jointops, "serve", name], env, var / "log")
            stack.start("gateway" + suffix, [jointops, "serve", "gateway"],
                        dict(env, JOINTOPS_GATEWAY_PORT=str(cfg.gateway_port + n)), var / "log")
        url = f"http://127.0.0.1:{cfg.gateway_port}/graphql"
        infra.wait_gateway_healthy(url, cfg.jwt_secret or env["JOINTOPS_JWT_SECRET"], stack)
        if subprocess.run([jointops, "demo", "load"], env=env).returncode:
            console.print("[yellow]some demo data did not load (see above); the stack is "
                          "up anyway[/yellow]")
        infra.print_welcome(url, env["JOINTOPS_JWT_SECRET"], var / "log")
        if cfg.dev_login:
            console.print(f"Development sign-in (pick a role and an agency): "
                          f"http://127.0.0.1:{cfg.gateway_port}/console/sign-in")
        if replicas > 1:
            console.print(f"{replicas} replicas of every service; gateways on ports "
                          f"{cfg.gateway_port}..{cfg.gateway_port + replicas - 1}")
        while not stack.dead():
            stack.check()
            time.sleep(0.5)
        console.print(f"[red]stopped: {', '.join(stack.dead())} exited; see var/log/[/red]")
        return 1
    except KeyboardInterrupt:
        console.print("stopping…")
        return 0
    finally:
        stack.stop()
        console.print("all processes stopped")
