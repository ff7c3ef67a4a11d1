"""docker-compose.yml is checked by parsing it (no Docker engine on these machines)."""
import re
from pathlib import Path

import yaml

from services import registry
from services.common.config import DEFAULTS

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
RABBIT_NODES = ("rabbitmq1", "rabbitmq2", "rabbitmq3")
APP = {n: s for n, s in COMPOSE["services"].items() if s.get("image") == "jointops:latest"}


def test_every_service_in_the_code_has_a_container_running_it():
    for name in [*registry.SERVICES, "gateway"]:
        assert name in APP, f"no container for {name}"
        assert APP[name]["command"] == ["jointops", "serve", name]
    served = {s["command"][2] for s in APP.values() if s["command"][:2] == ["jointops", "serve"]}
    assert served == {*registry.SERVICES, "gateway"}


def test_app_containers_share_one_image_and_wait_for_healthy_infrastructure():
    assert {s["build"] for s in APP.values()} == {"."}
    for name, service in APP.items():
        deps = service["depends_on"]
        assert {deps[n]["condition"] for n in (*RABBIT_NODES, "mongo1")} == {"service_healthy"}
        if name != "topology":
            assert "healthcheck" in service, name


def test_environment_names_are_the_ones_the_code_reads_and_no_secret_is_committed():
    known = set(DEFAULTS) | {"JOINTOPS_JWT_SECRET", "JOINTOPS_CREDENTIAL_KEYS"}
    for name, service in APP.items():
        env = service["environment"]
        assert set(env) <= known, f"{name}: unknown {set(env) - known}"
        assert re.fullmatch(r"\$\{JOINTOPS_JWT_SECRET:\?.+\}", env["JOINTOPS_JWT_SECRET"])
        assert re.fullmatch(r"\$\{JOINTOPS_CREDENTIAL_KEYS:\?.+\}",
                            env["JOINTOPS_CREDENTIAL_KEYS"])
        assert "${RABBITMQ_PASSWORD:?" in env["JOINTOPS_AMQP_URI"]
        assert env["JOINTOPS_QUEUE_TYPE"] == "quorum"
    for node in RABBIT_NODES:
        rabbit = COMPOSE["services"][node]["environment"]
        assert "${RABBITMQ_PASSWORD:?" in rabbit["RABBITMQ_DEFAULT_PASS"]
        assert "${RABBITMQ_ERLANG_COOKIE:?" in rabbit["RABBITMQ_ERLANG_COOKIE"]


def test_mongo_runs_as_a_three_member_replica_set_and_rabbitmq_as_a_three_node_cluster():
    members = [f"mongo{i}" for i in (1, 2, 3)]
    for name in members:
        assert COMPOSE["services"][name]["command"][-3:-1] == ["--replSet", "rs0"]
    initiate = " ".join(COMPOSE["services"]["mongo1"]["healthcheck"]["test"])
    assert all(f"host: '{m}:27017'" in initiate for m in members)
    uri = APP["gateway"]["environment"]["JOINTOPS_MONGO_URI"]
    assert uri.startswith("mongodb://mongo1:27017,mongo2:27017,mongo3:27017/")
    assert "replicaSet=rs0" in uri
    nodes = APP["gateway"]["environment"]["JOINTOPS_AMQP_URI"].split(";")
    assert [n.rsplit("@", 1)[1] for n in nodes] == [f"{n}:5672/" for n in RABBIT_NODES]
    for node in RABBIT_NODES:
        assert COMPOSE["services"][node]["image"].startswith("rabbitmq:3.10-management")


def test_the_image_installs_from_the_lock_file():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "-c constraints.txt" in dockerfile
    for copied in ("services", "gateway", "schemas"):
        assert f"COPY {copied}" in dockerfile
