# jointops: `make run` starts everything with demo data; `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | md5sum | cut -c1-12)

.PHONY: install run test test-faults bench broker graphiql graphql-http clean

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

# make run REPLICAS=2: two processes of every service, gateways on 8000 and 8001.
REPLICAS ?= 1
run: install broker graphiql
	@$(VENV)/bin/jointops up --replicas $(REPLICAS)

test: install broker graphql-http
	@$(PY) -m pytest -q -p no:cacheprovider tests

test-faults: install broker
	@rm -f var/faults/reconciliation.jsonl
	@$(PY) -m pytest -q -p no:cacheprovider tests/faults; status=$$?; \
	  echo "reconciliation (var/faults/reconciliation.jsonl):"; \
	  cat var/faults/reconciliation.jsonl 2>/dev/null; exit $$status

bench: install broker
	@$(PY) bench/run_all.py; status=$$?; cat var/bench/report.md; exit $$status

clean:
	rm -rf var .pytest_cache .hypothesis
