"""Commit-reveal, the published document, verification and the CLI."""
import copy
import json

import pytest
from typer.testing import CliRunner

from draws_factory import small
from services.common.errors import DomainError
from services.draws.cli import app
from services.draws.domain import (
    check_reveal, commit_seed, published_document, run_draw, verify_document)

SEED = "4f1c2a9e0b7d"


@pytest.fixture
def doc():
    directory, roster, rules = small()
    draw = run_draw(directory, roster, rules, SEED)
    return json.loads(json.dumps(published_document("D-1", draw, directory, roster, rules, SEED)))


def test_commit_reveal():
    check_reveal(SEED, commit_seed(SEED))
    with pytest.raises(DomainError) as info:
        check_reveal("other", commit_seed(SEED))
    assert info.value.code == "SEED_MISMATCH"


def test_published_document_verifies(doc):
    assert verify_document(doc) == []
    assert doc["result"]["entity_count"] == len(doc["result"]["assignments"])


def _tampered(doc, change):
    other = copy.deepcopy(doc)
    change(other)
    return verify_document(other)


def test_each_changed_input_is_named(doc):
    def entity(d):
        d["directory"]["tier"][5] = "HIGH" if d["directory"]["tier"][5] != "HIGH" else "LOW"

    def inspector(d):
        d["roster"]["inspector_id"][0] = "I999"

    def rule(d):
        d["rules"]["tier_rates"]["LOW"] = "0.06"

    def seed(d):
        d["seed"] = "another"
    for change, named in ((entity, "directory hash"), (inspector, "roster hash"),
                          (rule, "rules hash"), (seed, "seed: does not match")):
        diffs = _tampered(doc, change)
        assert any(line.startswith(named) for line in diffs), (named, diffs)


def test_a_changed_assignment_is_named(doc):
    first = doc["result"]["assignments"][0]

    def swap(d):
        d["result"]["assignments"][0]["inspectors"][0] = "I029"
        d["hashes"]["result"] = "0" * 64
    diffs = _tampered(doc, swap)
    assert any(line.startswith(f"entity {first['entity_id']}: claimed inspectors")
               for line in diffs), diffs


def test_cli_verify(tmp_path, doc):
    good = tmp_path / "draw.json"
    good.write_text(json.dumps(doc))
    result = CliRunner().invoke(app, ["verify", str(good)])
    assert result.exit_code == 0 and result.output.strip() == "OK"
    doc["roster"]["agency"][1] = "culture" if doc["roster"]["agency"][1] != "culture" else "x"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    result = CliRunner().invoke(app, ["verify", str(bad)])
    assert result.exit_code == 1 and "roster hash" in result.output
