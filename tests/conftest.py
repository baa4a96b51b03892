"""The whole session shares one start-up cache (see ``cleaner.memo``) in a temporary
directory: the tests never write to the user's own cache, and after the first test every
process of the CLI starts warm."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

_made: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    if "CLEANER_CACHE_DIR" not in os.environ:
        _made.append(tempfile.mkdtemp(prefix="cleaner-test-cache-"))
        os.environ["CLEANER_CACHE_DIR"] = _made[-1]


def pytest_unconfigure(config: pytest.Config) -> None:
    for path in _made:
        shutil.rmtree(path, ignore_errors=True)
