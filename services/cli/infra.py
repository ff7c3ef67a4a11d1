"""Checks and starts for the local infrastructure (RabbitMQ, embedded MongoDB)."""
from __future__ import annotations

import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pymongo
from kombu import Connection
from rich.console import Console

console = Console()


class InfraError(SystemExit):
    def __init__(self, message):
        console.print(f"[red]{message}[/red]")
        super().__init__(1)


def broker_up(amqp_uri: str) -> bool:
    try:
        with Connection(amqp_uri, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1)
        return True
    except Exception:
        return False


def ensure_rabbitmq(amqp_uri: str) -> None:
    if broker_up(amqp_uri):
        return
    host = urlparse(amqp_uri).hostname
    if host not in ("127.0.0.1", "localhost") or not shutil.which("rabbitmq-server"):
        raise InfraError(
            f"RabbitMQ does not answer at {amqp_uri}. Install it (Debian: `apt-get install "
            "rabbitmq-server`, then `rabbitmq-server -detached`) or point JOINTOPS_AMQP_URI "
            "at a running broker.")
    console.print("RabbitMQ is down: starting the local server (rabbitmq-server -detached)")
    subprocess.run(["rabbitmq-server", "-detached"], check=False)
    for _ in range(60):
        if broker_up(amqp_uri):
            return
        time.sleep(1)
    raise InfraError("RabbitMQ was started but does not answer after 60 s; "
                     "see /var/log/rabbitmq/")


def mongo_up(mongo_uri: str) -> bool:
    try:
        pymongo.MongoClient(mongo_uri, serverSelectionTimeoutMS=1000).admin.command("ping")
        return True
    except Exception:
        return False


def ensure_mongo(mongo_uri: str, storage: Path, stack, log_dir: Path) -> None:
    """Start the embedded MongoDB-wire server (SecantusDB) unless one already answers."""
    if mongo_up(mongo_uri):
        return
    parsed = urlparse(mongo_uri)
    storage.mkdir(parents=True, exist_ok=True)
    server = str(Path(sys.executable).with_name("secantusd-py"))
    stack.start("mongodb", [server, "--host", parsed.hostname, "--port",
                            str(parsed.port or 27017), "--storage-path", str(storage)],
                None, log_dir)
    for _ in range(60):
        stack.check()
        if mongo_up(mongo_uri):
            return
        if stack.dead():
            break
        time.sleep(0.5)
    raise InfraError(f"the embedded MongoDB server did not start; see {log_dir}/mongodb.log")


def wait_gateway_healthy(url: str, secret: str, stack, timeout: float = 90) -> dict:
    from gateway.auth import mint

    token = mint(secret, "make-run", ["planner"])
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        stack.check()
        if stack.dead():
            raise InfraError(f"{', '.join(stack.dead())} exited at start; see var/log/")
        try:
            r = httpx.post(url, json={"query": "{ health { up services { name up } } }"},
                           headers={"Authorization": f"Bearer {token}"}, timeout=5)
            last = r.json()
            if r.status_code == 200 and last["data"]["health"]["up"]:
                return last
        except (httpx.HTTPError, ValueError, KeyError, TypeError):
            pass
        time.sleep(1)
    raise InfraError(f"the stack did not become healthy in {timeout:.0f} s: {last}")


def print_welcome(url: str, secret: str, log_dir: Path) -> None:
    from gateway.auth import ROLES, mint

    base = url.rsplit("/graphql", 1)[0]
    console.print(f"\n[bold green]jointops is up.[/bold green] Console (工作台): "
                  f"[link]{base}/console/[/link]  GraphiQL: [link]{url}[/link]")
    console.print(f"Logs: {log_dir}/<process>.log. Dev tokens (8 h), each with a console and "
                  "a GraphiQL link that signs you in as that role:")
    for role in ROLES:
        agency = None if role == "cross_agency" else "CULTURE"
        token = mint(secret, f"dev-{role}", [role], agency)
        console.print(f"  [bold]{role}[/bold] ({agency or 'no agency'}): {token}")
        console.print(f"    console:  {base}/console/#token={token}", soft_wrap=True)
        console.print(f"    GraphiQL: {url}#token={token}", soft_wrap=True)
    console.print(f"Officer credential check (public, no token): {base}/credentials/verify")
    console.print("Ctrl-C stops everything.")


def _die_with_parent() -> None:
    """In the child: get SIGTERM when the parent dies. A test run or benchmark killed by
    a timeout (SIGTERM skips Python's cleanup) would otherwise leave its server running."""
    import ctypes
    import signal

    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _ephemeral_low() -> int:
    try:
        return int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port() -> int:
    """A loopback port free now and below the kernel's ephemeral range: a port from that
    range (what binding port 0 returns) can be taken by any outgoing connection before its
    server starts (a RabbitMQ node found its distribution port taken that way in CI)."""
    low = _ephemeral_low()
    for _ in range(100):
        port = random.randrange(20000, low) if low > 21000 else 0
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def throwaway_mongo(purpose: str = "test"):
    """A SecantusDB of its own on a free loopback port and a temporary directory, for
    test sessions and benchmarks; stopped and removed afterwards."""
    port, storage = free_port(), tempfile.mkdtemp(prefix=f"jointops-{purpose}-mongo-")
    server = Path(sys.executable).with_name("secantusd-py")
    with open(Path(storage) / "server.log", "wb") as log:
        proc = subprocess.Popen([str(server), "--host", "127.0.0.1", "--port", str(port),
                                 "--storage-path", storage], stdout=log, stderr=log,
                                preexec_fn=_die_with_parent)
    uri = f"mongodb://127.0.0.1:{port}/?directConnection=true"
    try:
        for _ in range(100):
            if mongo_up(uri):
                break
            time.sleep(0.2)
        else:
            raise RuntimeError(f"the {purpose} MongoDB server did not start; see {storage}")
        yield uri
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(storage, ignore_errors=True)
