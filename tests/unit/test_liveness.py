"""`jointops alive <name>` (the Kubernetes liveness probe): alive while the process's own
heartbeat is fresh, whatever the broker does; dead when it stops beating or never ran."""
import os
import time

from typer.testing import CliRunner

from services.cli.main import app
from services.runner import heartbeat_file


def test_alive_reads_the_heartbeat_of_this_machines_process(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    name = "liveness-probe-test"
    assert CliRunner().invoke(app, ["alive", name]).exit_code == 1  # never started here
    beat = heartbeat_file(name)
    assert beat.parent == tmp_path
    beat.touch()
    result = CliRunner().invoke(app, ["alive", name])
    assert result.exit_code == 0, result.output
    stale = time.time() - 120
    os.utime(beat, (stale, stale))  # the process's loop stopped beating two minutes ago
    assert CliRunner().invoke(app, ["alive", name, "--max-age", "60"]).exit_code == 1
