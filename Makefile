# Every target installs what it needs into .venv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
BENCH_DATA ?= ../shared/bench
SEEDS := $(filter-out %.expected.txt,$(wildcard tests/fixtures/seeds/*.txt))

.PHONY: run test test-accel accel unaccel lint golden screenshot bench bench-quick fuzz install dev \
	clean-venv

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

## test: ruff, mypy (strict, on cleaner/), then the whole pytest suite, in pure Python
## (compiled modules that make accel left are not loaded)
test: dev
	$(BIN)/ruff check .
	$(BIN)/mypy
	CLEANER_PURE=1 $(BIN)/python -m pytest -q

## accel: compile the text path with mypyc into extension modules beside its sources
## (cleaner/*.so, git-ignored; see build_accel.py), unless they are current;
## unaccel removes them
accel: dev
	$(BIN)/python -m pip install -q 'setuptools>=65'
	$(BIN)/python build_accel.py
	$(BIN)/python -c "import cleaner, sys; sys.exit(not cleaner.ACCELERATED)"

unaccel:
	$(BIN)/python build_accel.py --remove

## test-accel: build the compiled modules, then run against them the tests of what they
## compile: decisions, pickling, threads, the pool, memory, the build itself
## (ACCEL_TESTS=tests for the whole suite)
ACCEL_TESTS ?= $(addprefix tests/test_,$(addsuffix .py,accel api golden html idempotence \
	kinds language features memo memory packaging prefilter prefilter_differential properties \
	rules corpus scorer seed_policy structure tables)) bench/test_speed.py
test-accel: accel
	CLEANER_PURE= CLEANER_EXPECT_ACCEL=1 $(BIN)/python -m pytest -q $(ACCEL_TESTS)

lint: dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check cleaner tests bench fuzz

## golden: regenerate the golden files and README transcripts; show the diff for review
golden: dev
	$(BIN)/python -m tests.golden
	$(BIN)/python -m tests.html_golden
	$(BIN)/python -m tests.readme
	git --no-pager diff --stat -- tests/fixtures README.md
	git --no-pager diff -- tests/fixtures README.md

## screenshot: the README's pictures of the HTML report (docs/report-*.png), made by
## headless chromium from a report on the test fixtures; look at them before committing
screenshot: dev
	$(BIN)/python -m tests.report_screenshot

## bench: damage, text and HTML accuracy, speed on the benchmarks in $(BENCH_DATA);
## writes BENCHMARKS.md (text inputs made from HTML are cached, see --cache)
bench: dev $(VENV)/.installed-peers
	$(BIN)/python -m bench --data $(BENCH_DATA)

$(VENV)/.installed-peers: $(VENV)/.installed-dev
	$(BIN)/python -m pip install -q -e '.[dev,all,bench,peers]'
	touch $@

## bench-quick: the accuracy sections on a fixed 1-in-8 sample of every set; writes nothing
bench-quick: dev
	$(BIN)/python -m bench --data $(BENCH_DATA) --quick

## fuzz: each fuzz target (fuzz/) for FUZZ_SECONDS, from the seeds and what earlier runs
## found (fuzz/work, not committed); then the property and prefilter tests at FUZZ_EXAMPLES.
## A crash stops the run and leaves its input in fuzz/findings/; inputs that break an
## invariant known to be open (fuzz/invariants.py KNOWN) are kept there and the run goes on.
FUZZ_SECONDS ?= 60
FUZZ_EXAMPLES ?= 2000
FUZZ_TARGETS := clean clean_html rules
fuzz: dev
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p fuzz/work/$$t fuzz/findings && cp -u fuzz/corpus/$$t/* fuzz/work/$$t/ && \
		echo "fuzz: $$t for $(FUZZ_SECONDS)s" && \
		$(BIN)/python -m fuzz.run $$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
			-artifact_prefix=fuzz/findings/$$t- fuzz/work/$$t 2>fuzz/work/$$t.log \
			|| { tail -40 fuzz/work/$$t.log; exit 1; }; \
		grep -h "^stat::number_of_executed_units" fuzz/work/$$t.log; \
	done
	CLEANER_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -p no:cacheprovider \
		tests/test_prefilter_differential.py tests/test_idempotence.py

clean-venv:
	rm -rf $(VENV)
