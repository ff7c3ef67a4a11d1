"""The `jointops` command as a user runs it: one-line errors, never a traceback."""
import os
import subprocess
import sys
from pathlib import Path

import jwt

JOINTOPS = str(Path(sys.executable).with_name("jointops"))


def run(*args, **env):
    full = {k: v for k, v in os.environ.items() if not k.startswith("JOINTOPS_")}
    full.update(env)
    return subprocess.run([JOINTOPS, *args], capture_output=True, text=True, env=full,
                          timeout=60)


def test_token_mints_a_verifiable_token_for_the_role():
    secret = "x" * 40
    out = run("token", "--role", "planner", "--agency", "CULTURE", JOINTOPS_JWT_SECRET=secret)
    assert out.returncode == 0, out.stderr
    claims = jwt.decode(out.stdout.strip(), secret, algorithms=["HS256"])
    assert claims["roles"] == ["planner"] and claims["agency"] == "CULTURE"


def test_missing_secret_is_one_line_naming_the_variable():
    out = run("token", "--role", "planner")
    assert out.returncode == 2
    assert out.stderr.strip().startswith("jointops: JOINTOPS_JWT_SECRET is required")
    assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_bad_port_fails_at_start_with_one_line():
    out = run("serve", "gateway", JOINTOPS_JWT_SECRET="x" * 40, JOINTOPS_GATEWAY_PORT="abc")
    assert out.returncode == 2 and "JOINTOPS_GATEWAY_PORT" in out.stderr
    assert "Traceback" not in out.stderr


def test_unknown_role_is_refused():
    out = run("token", "--role", "king", JOINTOPS_JWT_SECRET="x" * 40)
    assert out.returncode == 2 and "unknown role" in out.stderr
