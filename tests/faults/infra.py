"""Infrastructure the fault tests may break: a RabbitMQ node of their own (never the shared
broker: its own node name, ports, Erlang cookie, data and log directories), a SecantusDB
process of their own, and the services as real processes (`kill -9` is real)."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pymongo

from tests.conftest import _free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
RABBIT_BIN = Path("/usr/lib/rabbitmq/bin")


def rabbit_tool(name: str) -> str | None:
    """The real script (the /usr/sbin wrappers switch to the rabbitmq user)."""
    if (RABBIT_BIN / name).exists():
        return str(RABBIT_BIN / name)
    return shutil.which(name)


def die_with_parent():
    """preexec_fn: the child is SIGKILLed if the test process dies, however it dies (a
    pytest timeout exits without teardown), so nothing outlives the run."""
    import ctypes

    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def terminate(proc, grace: float) -> None:
    """SIGTERM, then SIGKILL if the process is still there after `grace` seconds."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


def wait_for(predicate, timeout: float, what: str, interval: float = 0.2, detail=None):
    """Poll `predicate`; on timeout the message says what was awaited and, when `detail` is
    given, what it returned then (the state a failed run leaves to explain itself)."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            seen = f"; seen: {detail()}" if detail else ""
            raise AssertionError(f"{what}: not within {timeout:.0f} s{seen}")
        time.sleep(interval)


class RabbitNode:
    """`rabbitmq-server` in the foreground (the VM replaces the script, so it stays our
    child) with everything private, driven by `rabbitmqctl -n`."""

    def __init__(self, base: Path, cookie_text: str | None = None):
        self.base, self.port = base, _free_port()
        self.node = f"jointops-faults-{uuid.uuid4().hex[:6]}@localhost"
        home = base / "home"
        home.mkdir(parents=True)
        # Our own cookie (shared only by the nodes of one test cluster): no node of ours can
        # reach the shared broker, nor it ours.
        cookie = home / ".erlang.cookie"
        cookie.write_text(cookie_text or uuid.uuid4().hex.upper())
        cookie.chmod(0o400)
        (base / "enabled_plugins").write_text("[].\n")
        (base / "rabbitmq.conf").write_text(f"listeners.tcp.local = 127.0.0.1:{self.port}\n")
        (base / "rabbitmq-env.conf").write_text("")
        self.env = dict(
            os.environ, HOME=str(home), RABBITMQ_NODENAME=self.node,
            RABBITMQ_NODE_IP_ADDRESS="127.0.0.1", RABBITMQ_NODE_PORT=str(self.port),
            RABBITMQ_DIST_PORT=str(_free_port()), RABBITMQ_MNESIA_BASE=str(base / "mnesia"),
            RABBITMQ_LOG_BASE=str(base / "log"), RABBITMQ_PID_FILE=str(base / "rabbit.pid"),
            RABBITMQ_ENABLED_PLUGINS_FILE=str(base / "enabled_plugins"),
            RABBITMQ_CONFIG_FILE=str(base / "rabbitmq.conf"),
            RABBITMQ_CONF_ENV_FILE=str(base / "rabbitmq-env.conf"),
            ERL_EPMD_ADDRESS="127.0.0.1", RUNNING_UNDER_SYSTEMD="true",  # exec, no wrapper
            ERL_CRASH_DUMP_SECONDS="0",  # a VM that fails to boot exits without a dump
            ERL_FLAGS="-kernel inet_dist_use_interface {127,0,0,1}")
        self.amqp_uri = f"amqp://guest:guest@127.0.0.1:{self.port}/"
        self.proc = None

    def start(self):
        self.launch()
        self.wait_started()

    def launch(self):
        with open(self.base / "server.log", "ab") as log:
            self.proc = subprocess.Popen([rabbit_tool("rabbitmq-server")], env=self.env,
                                         stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                         preexec_fn=die_with_parent)

    def wait_started(self, timeout: float = 120):
        """Until the node answers; a VM that exits first (a port taken, say) fails at once
        with the end of its log rather than after the wait's whole timeout."""
        waiting = subprocess.Popen(
            [rabbit_tool("rabbitmqctl"), "-n", self.node, "wait", "--pid", str(self.proc.pid),
             "--timeout", str(int(timeout))], env=self.env, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout + 10
        try:
            while waiting.poll() is None:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    break
                time.sleep(0.2)
        finally:
            if waiting.poll() is None:
                waiting.kill()
            said = waiting.communicate()[0]
        if waiting.returncode != 0:
            log = (self.base / "server.log").read_text(errors="replace")[-2000:]
            raise AssertionError(f"node {self.node} did not start (exit {self.proc.poll()}): "
                                 f"{said}\n--- server.log ---\n{log}")

    def ctl(self, *args, timeout: float = 60) -> str:
        done = subprocess.run([rabbit_tool("rabbitmqctl"), "-n", self.node, *args],
                              env=self.env, capture_output=True, text=True, timeout=timeout)
        assert done.returncode == 0, f"rabbitmqctl {args}: {done.stdout} {done.stderr}"
        return done.stdout

    def version(self) -> str:
        return self.ctl("version").strip()

    def stop(self):
        terminate(self.proc, 60)  # the VM shuts down cleanly on SIGTERM

    def kill9(self):
        """The node crashes: its VM gone at once (connections drop, no clean handover)."""
        self.proc.kill()
        self.proc.wait(10)


class RabbitCluster:
    """Three RabbitMQ nodes on this machine, one cluster: distinct node names, ports, data
    and log directories, one shared Erlang cookie. `amqp_uri` lists every node (the
    JOINTOPS_AMQP_URI format), so clients move to another node when theirs stops."""

    def __init__(self, base: Path, size: int = 3):
        cookie = uuid.uuid4().hex.upper()
        self.nodes = [RabbitNode(base / f"node{i}", cookie) for i in range(size)]
        self.amqp_uri = ";".join(n.amqp_uri for n in self.nodes)
        self.stopped: set[str] = set()  # nodes whose RabbitMQ application is stopped

    def start(self):
        for node in self.nodes:  # booting in parallel: a node boots in seconds, not three
            node.launch()
        for node in self.nodes:
            node.wait_started()
        first = self.nodes[0]
        for node in self.nodes[1:]:
            node.ctl("stop_app")
            node.ctl("join_cluster", first.node)
            node.ctl("start_app")
        running = first.ctl("eval", "length(rabbit_mnesia:cluster_nodes(running)).").strip()
        assert running == str(len(self.nodes)), f"cluster of {running} nodes"

    def by_name(self, name: str) -> RabbitNode:
        return next(n for n in self.nodes if n.node == name)

    def any_running(self) -> RabbitNode:
        return next(n for n in self.nodes
                    if n.proc.poll() is None and n.node not in self.stopped)

    def stop_app(self, node: RabbitNode):
        node.ctl("stop_app")
        self.stopped.add(node.node)

    def start_app(self, node: RabbitNode):
        node.ctl("start_app")
        self.stopped.discard(node.node)

    def ctl(self, *args, **kwargs) -> str:
        return self.any_running().ctl(*args, **kwargs)

    def queues(self) -> dict:
        """name -> (type, leader node, arguments) of every queue, asked of a running node."""
        out = self.any_running().ctl("list_queues", "--quiet", "--formatter", "json",
                                     "name", "type", "leader", "arguments")
        return {q["name"]: (q["type"], q.get("leader"), q.get("arguments")) for q in
                json.loads(out)}

    def stop(self):
        for node in self.nodes:
            node.stop()


class MongoProcess:
    """SecantusDB on a port of its own; stop() is a clean shutdown (it keeps its data:
    the server is not crash-durable, so `kill -9` would be a disk loss, not an outage)."""

    def __init__(self, base: Path):
        self.port, self.storage, self.log = _free_port(), base / "mongo", base / "mongo.log"
        self.storage.mkdir(parents=True)
        self.uri = f"mongodb://127.0.0.1:{self.port}/?directConnection=true"
        self.proc = None

    def up(self) -> bool:
        try:
            pymongo.MongoClient(self.uri, serverSelectionTimeoutMS=300).admin.command("ping")
            return True
        except pymongo.errors.PyMongoError:
            return False

    def start(self, sync_on_commit: bool = False):
        """`sync_on_commit`: the server syncs its log before it acknowledges a commit (what
        a journaled MongoDB does), so a crash loses nothing acknowledged."""
        flags = ["--sync-on-commit"] if sync_on_commit else []
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [str(BIN / "secantusd-py"), "--host", "127.0.0.1", "--port", str(self.port),
                 "--storage-path", str(self.storage), *flags], stdout=log, stderr=log,
                preexec_fn=die_with_parent)
        wait_for(self.up, 60, "SecantusDB to answer")

    def stop(self):
        terminate(self.proc, 30)

    def kill9(self):
        self.proc.kill()
        self.proc.wait(10)


class Services:
    """Each service (and the gateway, and the bus probes) as its own process. `name-N` is
    another replica of `name` (a gateway replica on a port of its own)."""

    PROBES = ("probe_producer", "probe_consumer")

    def __init__(self, env: dict, log_dir: Path, gateway_port: int):
        self.env, self.log_dir, self.procs = env, log_dir, {}
        self.ports = {"gateway": gateway_port}
        self.gateway = f"http://127.0.0.1:{gateway_port}"

    @staticmethod
    def base(name: str) -> str:
        return name.split("-")[0]

    def gateway_url(self, name: str = "gateway") -> str:
        return f"http://127.0.0.1:{self.ports[name]}"

    def argv(self, name):
        if self.base(name) in self.PROBES:
            return [sys.executable, "-m", "tests.faults.probe_main", self.base(name)]
        return [str(BIN / "jointops"), "serve", self.base(name)]

    def start(self, *names):
        for name in names:
            env = self.env
            if self.base(name) == "gateway":
                port = self.ports.setdefault(name, _free_port())
                env = dict(env, JOINTOPS_GATEWAY_PORT=str(port))
            with open(self.log_dir / f"{name}.log", "ab") as log:
                self.procs[name] = subprocess.Popen(self.argv(name), env=env, cwd=ROOT,
                                                    stdout=log, stderr=log,
                                                    preexec_fn=die_with_parent)

    def by_pid(self, pid: int) -> str:
        return next(name for name, proc in self.procs.items() if proc.pid == pid)

    def kill9(self, name):
        self.procs[name].send_signal(signal.SIGKILL)
        self.procs[name].wait(10)

    def alive(self) -> dict:
        return {name: proc.poll() is None for name, proc in self.procs.items()}

    def wait_ready(self, names, rpc_config, timeout=90):
        from nameko.standalone.rpc import ClusterRpcProxy

        def ready(name):
            assert self.procs[name].poll() is None, f"{name} exited; see {self.log_dir}"
            if self.base(name) == "gateway":
                try:
                    return httpx.get(f"{self.gateway_url(name)}/healthz",
                                     timeout=1).status_code == 200
                except httpx.HTTPError:
                    return False
            try:
                with ClusterRpcProxy(rpc_config, timeout=2) as rpc:
                    return bool(getattr(rpc, self.base(name)).ping())
            except Exception:  # noqa: BLE001 - not up yet
                return False
        for name in names:
            wait_for(lambda: ready(name), timeout, f"{name} to answer")

    def stop_all(self):
        for proc in self.procs.values():  # all at once, then each waited for
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs.values():
            terminate(proc, 15)
