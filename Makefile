# Every target installs what it needs into .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
BENCH_DATA ?= ../shared/bench
SEEDS := $(filter-out %.expected.txt,$(wildcard tests/fixtures/seeds/*.txt))

.PHONY: run test lint golden bench install dev clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e '.[dev,all]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
dev: $(VENV)/.installed-dev

## run: clean the seed fixtures into cleaned/ and show what was removed, by kind
run: install
	$(BIN)/cleaner clean $(SEEDS) -o cleaned --verbose

## test: ruff, then the whole pytest suite
test: dev
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

lint: dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check cleaner tests bench

## golden: regenerate the golden files and show the diff for review
golden: dev
	$(BIN)/python -m tests.golden
	$(BIN)/python -m tests.html_golden
	git --no-pager diff --stat -- tests/fixtures
	git --no-pager diff -- tests/fixtures

## bench: accuracy (and later speed) on the public benchmarks in $(BENCH_DATA)
bench: dev
	$(BIN)/python -m bench --data $(BENCH_DATA)

clean-venv:
	rm -rf $(VENV)
