"""The Kubernetes manifests (infra/k8s), validated offline: every document of every
overlay against the Kubernetes API schemas (kubernetes-validate, strict: an unknown field
fails), the RabbitmqCluster against its vendored schema (check-jsonschema), and both kept
in step with services/registry.py and docker-compose.yml."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from infra import deploy_gen
from infra.k8s_build import build
from services import registry
from services.common.config import DEFAULTS

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "infra" / "k8s"
OVERLAYS = ("dev", "production")
K8S_VERSION = "1.32.0"  # the oldest release the manifests promise to run on
CRD_SCHEMAS = {"RabbitmqCluster": K8S / "schemas" / "rabbitmqcluster-v1beta1.json"}
BUILT = {name: build(K8S / "overlays" / name) for name in OVERLAYS}
PROCESSES = [*registry.SERVICES, "gateway"]


def by_kind(docs, kind):
    return {d["metadata"]["name"]: d for d in docs if d["kind"] == kind}


def check_custom(docs, tmp_path) -> subprocess.CompletedProcess:
    paths = []
    for i, doc in enumerate(docs):
        paths.append(tmp_path / f"{i}.json")
        paths[-1].write_text(json.dumps(doc))
    return subprocess.run([str(Path(sys.executable).with_name("check-jsonschema")),
                           "--schemafile", str(CRD_SCHEMAS[docs[0]["kind"]]), *map(str, paths)],
                          capture_output=True, text=True)


def test_generated_manifests_and_compose_are_current():
    assert deploy_gen.main(["--check"]) == 0, "run .venv/bin/python infra/deploy_gen.py"


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_document_is_valid_for_the_kubernetes_api(overlay, tmp_path):
    custom = {kind: [] for kind in CRD_SCHEMAS}
    for doc in BUILT[overlay]:
        if doc["kind"] in custom:
            custom[doc["kind"]].append(doc)
        else:
            kubernetes_validate.validate(doc, K8S_VERSION, strict=True)
    for kind, docs in custom.items():
        assert docs, f"no {kind} in {overlay}"
        done = check_custom(docs, tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr


def test_a_misspelt_field_fails_validation(tmp_path):
    deployment = deploy_gen.deployment("certification")
    deployment["spec"]["template"]["spec"]["containers"][0]["livenesProbe"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, K8S_VERSION, strict=True)
    cluster = dict(by_kind(BUILT["dev"], "RabbitmqCluster")["jointops-rabbitmq"])
    cluster["spec"] = dict(cluster["spec"], replica=3)
    assert check_custom([cluster], tmp_path).returncode == 1


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_process_in_the_registry_runs_with_probes_resources_and_a_budget(overlay):
    docs = BUILT[overlay]
    deployments, budgets = by_kind(docs, "Deployment"), by_kind(docs, "PodDisruptionBudget")
    app = {n: d for n, d in deployments.items()
           if d["metadata"]["labels"].get("app.kubernetes.io/component") in ("service", "gateway")}
    assert set(app) == {f"jointops-{p}" for p in PROCESSES}
    for name in PROCESSES:
        container = app[f"jointops-{name}"]["spec"]["template"]["spec"]["containers"][0]
        assert container["command"] == ["jointops", "serve", name]
        assert container["resources"]["requests"]["cpu"]
        assert container["resources"]["requests"]["memory"]
        if name != "gateway":  # ready through the broker; alive by a local heartbeat
            assert container["readinessProbe"]["exec"]["command"] == ["jointops", "ping", name]
            assert container["livenessProbe"]["exec"]["command"] == ["jointops", "alive", name]
        assert f"jointops-{name}" in budgets
    hpas = by_kind(docs, "HorizontalPodAutoscaler")
    assert {h["spec"]["scaleTargetRef"]["name"] for h in hpas.values()} == {
        "jointops-gateway", "jointops-certification"}
    assert by_kind(docs, "StatefulSet")["jointops-mongo"]["spec"]["replicas"] == 3
    assert "jointops-redis" in deployments


def test_production_runs_two_of_every_process_on_a_three_node_broker():
    docs = BUILT["production"]
    for name in PROCESSES:
        assert by_kind(docs, "Deployment")[f"jointops-{name}"]["spec"]["replicas"] == 2
    assert by_kind(docs, "RabbitmqCluster")["jointops-rabbitmq"]["spec"]["replicas"] == 3
    assert all(h["spec"]["minReplicas"] == 2
               for h in by_kind(docs, "HorizontalPodAutoscaler").values())


def test_only_the_gateway_takes_outside_traffic_and_secrets_come_from_the_environment():
    docs = BUILT["production"]
    policies = by_kind(docs, "NetworkPolicy")
    assert policies["default-deny-ingress"]["spec"]["podSelector"] == {}
    open_to_all = [n for n, p in policies.items()
                   if any("from" not in rule for rule in p["spec"].get("ingress", []))]
    assert open_to_all == ["gateway-from-anywhere"]
    assert policies["gateway-from-anywhere"]["spec"]["podSelector"]["matchLabels"] == {
        "app.kubernetes.io/name": "gateway"}
    assert not by_kind(docs, "Secret"), "a Secret committed to the repository"
    known = set(DEFAULTS) | {"JOINTOPS_JWT_SECRET", "JOINTOPS_CREDENTIAL_KEYS",
                             "RABBITMQ_USERNAME", "RABBITMQ_PASSWORD"}
    config = by_kind(docs, "ConfigMap")["jointops-config"]["data"]
    assert set(config) <= known
    for deployment in by_kind(docs, "Deployment").values():
        for container in deployment["spec"]["template"]["spec"]["containers"]:
            for var in container.get("env", []):
                assert var["name"] in known
                if "SECRET" in var["name"] or "KEYS" in var["name"] or "PASSWORD" in var["name"]:
                    assert "secretKeyRef" in var["valueFrom"], var


@pytest.mark.skipif(not shutil.which("kubectl"), reason="kubectl not installed")
@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_build_here_is_what_kustomize_builds(overlay):
    out = subprocess.run(["kubectl", "kustomize", str(K8S / "overlays" / overlay)],
                         capture_output=True, text=True, check=True).stdout

    def key(d):
        return d["kind"], d["metadata"]["name"]
    assert sorted(BUILT[overlay], key=key) == sorted(
        [d for d in yaml.safe_load_all(out) if d], key=key)
