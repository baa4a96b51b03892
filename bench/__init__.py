"""Benchmark harness for `cleaner`: run with ``python -m bench`` from the repo root."""
