#!/usr/bin/env bash
# Make sure the local RabbitMQ answers and has the management API that nameko's test
# fixtures use (one vhost per test). Says exactly what to install when there is none.
set -euo pipefail
uri="${JOINTOPS_AMQP_URI:-amqp://guest:guest@127.0.0.1:5672/}"
host=$(python3 -c "import sys,urllib.parse as u;print(u.urlparse(sys.argv[1]).hostname)" "$uri")
port=$(python3 -c "import sys,urllib.parse as u;print(u.urlparse(sys.argv[1]).port or 5672)" "$uri")

answers() { (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; }

if ! answers; then
  if [[ "$host" != "127.0.0.1" && "$host" != "localhost" ]]; then
    echo "RabbitMQ does not answer at $host:$port (JOINTOPS_AMQP_URI); start it there." >&2
    exit 1
  fi
  if ! command -v rabbitmq-server >/dev/null; then
    echo "RabbitMQ is not installed. Install it: apt-get install -y rabbitmq-server" >&2
    echo "(or point JOINTOPS_AMQP_URI at a running broker)." >&2
    exit 1
  fi
  echo "RabbitMQ is down: starting it (rabbitmq-server -detached)"
  rabbitmq-server -detached
  for _ in $(seq 1 60); do answers && break; sleep 1; done
  answers || { echo "RabbitMQ did not come up in 60 s; see /var/log/rabbitmq/" >&2; exit 1; }
fi

if [[ "$host" == "127.0.0.1" || "$host" == "localhost" ]] && command -v rabbitmq-plugins >/dev/null; then
  if ! rabbitmq-plugins list -e -m 2>/dev/null | grep -qx rabbitmq_management; then
    echo "enabling rabbitmq_management (the test fixtures create a vhost per test)"
    rabbitmq-plugins enable rabbitmq_management >/dev/null
  fi
  for _ in $(seq 1 30); do (exec 3<>/dev/tcp/127.0.0.1/15672) 2>/dev/null && exit 0; sleep 1; done
  echo "the RabbitMQ management API (port 15672) does not answer" >&2
  exit 1
fi
