# Every target installs what it needs into .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
BENCH_DATA ?= ../shared/bench
SEEDS := $(filter-out %.expected.txt,$(wildcard tests/fixtures/seeds/*.txt))

.PHONY: run test lint golden bench bench-quick install dev clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e '.[dev,all,bench]'
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

## bench: damage, text and HTML accuracy, speed on the benchmarks in $(BENCH_DATA);
## writes BENCHMARKS.md (text inputs made from HTML are cached, see --cache)
bench: dev
	$(BIN)/python -m bench --data $(BENCH_DATA)

## bench-quick: the accuracy sections on a fixed 1-in-8 sample of every set; writes nothing
bench-quick: dev
	$(BIN)/python -m bench --data $(BENCH_DATA) --quick

clean-venv:
	rm -rf $(VENV)
