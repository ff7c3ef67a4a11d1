"""`python -m tests.faults.probe_main probe_producer|probe_consumer`: the bus probe services
of tests/integration/probe.py served exactly as `jointops serve` serves a real one."""
import services.common.runtime  # noqa: F401,I001

import sys

from services import registry, runner
from services.common.config import load

PROBES = {"probe_producer": "tests.integration.probe:ProducerService",
          "probe_consumer": "tests.integration.probe:ConsumerService"}

if __name__ == "__main__":
    registry.SERVICES.update(PROBES)  # this process only
    runner.serve(sys.argv[1], load())
