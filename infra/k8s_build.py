"""Build a kustomization the way `kubectl kustomize` does, for the parts infra/k8s uses
(resources, namespace, labels, JSON 6902 patches selected by kind, name or label), so the
tests validate the very documents an overlay applies without a kustomize binary.
When kubectl is installed, tests/unit/test_k8s.py checks both builds agree.

    .venv/bin/python infra/k8s_build.py infra/k8s/overlays/production
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import jsonpatch
import yaml


def build(directory: Path) -> list[dict]:
    spec = yaml.safe_load((directory / "kustomization.yaml").read_text())
    docs: list[dict] = []
    for entry in spec.get("resources", []):
        path = directory / entry
        if path.is_dir():
            docs += build(path)
        else:
            docs += [d for d in yaml.safe_load_all(path.read_text()) if d]
    for label in spec.get("labels", []):
        for doc in docs:
            doc["metadata"].setdefault("labels", {}).update(label["pairs"])
    for patch in spec.get("patches", []):
        ops = jsonpatch.JsonPatch(yaml.safe_load(patch["patch"]))
        matched = [d for d in docs if _selected(d, patch["target"])]
        if not matched:
            raise ValueError(f"{directory}: patch target {patch['target']} matches nothing")
        docs = [ops.apply(d) if any(d is m for m in matched) else d for d in docs]
    if "namespace" in spec:
        for doc in docs:
            doc["metadata"]["namespace"] = spec["namespace"]
    return docs


def _selected(doc: dict, target: dict) -> bool:
    meta = doc["metadata"]
    if "kind" in target and doc["kind"] != target["kind"]:
        return False
    if "name" in target and not re.fullmatch(target["name"], meta["name"]):
        return False
    return all(_label_matches(meta.get("labels", {}), term)
               for term in _terms(target.get("labelSelector", "")))


def _terms(selector: str) -> list[str]:
    """Split on the commas between terms, not those inside `in (a,b)`."""
    return [t.strip() for t in re.split(r",(?![^(]*\))", selector) if t.strip()]


def _label_matches(labels: dict, term: str) -> bool:
    found = re.fullmatch(r"([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)", term)
    if found:
        key, op, values = found.groups()
        inside = labels.get(key) in {v.strip() for v in values.split(",")}
        return inside if op == "in" else not inside
    key, _, value = term.partition("=")
    return labels.get(key.rstrip("!")) == value.lstrip("=")


if __name__ == "__main__":
    print(yaml.safe_dump_all(build(Path(sys.argv[1])), sort_keys=False, width=100))
