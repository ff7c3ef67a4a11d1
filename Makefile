# jointops: `make run` starts everything with demo data; `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | md5sum | cut -c1-12)

.PHONY: install run test test-faults bench broker redis system graphiql graphql-http console clean

install: $(STAMP)

# One lock: constraints.txt pins every package; the venv is rebuilt when it changes.
$(STAMP): pyproject.toml constraints.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -qq --upgrade pip
	@$(PY) -m pip install -qq -c constraints.txt -e '.[test]'
	@rm -f $(VENV)/.installed-*
	@touch $@

broker:
	@bash infra/ensure-rabbitmq.sh

redis:
	@bash infra/ensure-redis.sh

# Chromium, the Noto CJK fonts and poppler-utils from Debian when missing.
system:
	@bash infra/ensure-system-packages.sh

# GraphiQL's own assets (pinned in infra/graphiql/package-lock.json), so the IDE works
# offline; without npm the page loads the same versions from a CDN.
graphiql:
	@if [ ! -f infra/graphiql/node_modules/graphiql/graphiql.min.js ]; then \
	  if command -v npm >/dev/null; then npm ci --prefix infra/graphiql --no-audit --no-fund --loglevel=error; \
	  else echo "npm not found: GraphiQL will load its assets from a CDN (apt-get install npm to serve them locally)"; fi; fi

# The graphql-http server audits (pinned in infra/graphql-http/package-lock.json) that
# tests/e2e/test_graphql_over_http.py runs against the gateway.
graphql-http:
	@if [ ! -f infra/graphql-http/node_modules/graphql-http/package.json ]; then \
	  if command -v npm >/dev/null; then npm ci --prefix infra/graphql-http --no-audit --no-fund --loglevel=error; \
	  else echo "npm not found: the GraphQL-over-HTTP conformance test will fail (apt-get install npm)"; fi; fi

# The web console (console/, served by the gateway at /console/): npm ci from its lock
# file when that changes, a build when any source is newer than the last one.
CONSOLE_SRC := $(shell find console/src console/index.html console/package.json \
	console/vite.config.ts console/codegen.ts console/schema.graphql -type f \
	-not -path 'console/src/gql/*' 2>/dev/null)
console/node_modules/.installed: console/package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: apt-get install nodejs npm (Node >= 20.19)"; exit 1; }
	@npm ci --prefix console --no-audit --no-fund --loglevel=error
	@touch $@

console/dist/index.html: console/node_modules/.installed $(CONSOLE_SRC)
	@echo "building the console (console/dist)"
	@npm run build --prefix console --silent >/dev/null

console: console/dist/index.html

# make run REPLICAS=2: two processes of every service, gateways on 8000 and 8001.
REPLICAS ?= 1
run: install broker redis system graphiql console
	@JOINTOPS_DEV_LOGIN=$${JOINTOPS_DEV_LOGIN:-1} $(VENV)/bin/jointops up --replicas $(REPLICAS)

test: install broker redis system graphql-http console
	@npm test --prefix console --silent
	@$(PY) -m pytest -q -p no:cacheprovider --durations=20 tests

test-faults: install broker
	@rm -f var/faults/reconciliation.jsonl
	@$(PY) -m pytest -q -p no:cacheprovider tests/faults; status=$$?; \
	  echo "reconciliation (var/faults/reconciliation.jsonl):"; \
	  cat var/faults/reconciliation.jsonl 2>/dev/null; exit $$status

# Every benchmark (the soak for BENCH_SOAK_MINUTES, default 10), then the README's performance
# section from the report (infra/bench_figures.py).
bench: install broker
	@$(PY) bench/run_all.py; status=$$?; cat var/bench/report.md; \
	  $(PY) infra/bench_figures.py var/bench/report.json; exit $$status

clean:
	rm -rf var .pytest_cache .hypothesis
