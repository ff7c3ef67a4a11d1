# jointops: `make run` starts everything with demo data; `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | md5sum | cut -c1-12)

.PHONY: install run test test-faults bench broker clean

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

run: install broker
	@$(VENV)/bin/jointops up

test: install broker
	@$(PY) -m pytest -q -p no:cacheprovider tests

test-faults: install broker
	@$(PY) -m pytest -q -p no:cacheprovider tests/faults

bench: install broker
	@$(PY) bench/run_all.py

clean:
	rm -rf var .pytest_cache .hypothesis
