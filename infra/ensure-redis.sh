#!/usr/bin/env bash
# Make sure a local Redis answers (machine clients' rate limits shared by every gateway;
# the tests check two gateways sharing it). Starts the installed server when it is down.
set -euo pipefail
answers() { (exec 3<>"/dev/tcp/127.0.0.1/6379") 2>/dev/null; }
answers && exit 0
if ! command -v redis-server >/dev/null; then
  echo "Redis is not installed. Install it: apt-get install -y redis-server" >&2
  exit 1
fi
echo "Redis is down: starting it (redis-server --daemonize yes)"
redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
for _ in $(seq 1 30); do answers && exit 0; sleep 0.2; done
echo "Redis did not come up" >&2; exit 1
