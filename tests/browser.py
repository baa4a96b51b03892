"""Headless Chromium for the tests and the README's screenshot: the DOM of a page after its
scripts ran, and a screenshot. Debian's chromium (``.ci/run`` installs it); on a closed
network it must be kept from reaching out, or it waits on connections that never come."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

FLAGS = [
    "--headless",
    "--no-sandbox",  # as root, as CI runs
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
TIMEOUT = 120  # seconds: a hung browser fails the test instead of the whole run


def chromium() -> str:
    """The browser's path; the test is skipped without one (failed in CI, which installs
    it: a CI that skipped every browser test would pass having tested nothing)."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        reason = "no chromium installed (apt-get install chromium; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return path


def run(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="cleaner-chromium-") as profile:
        cmd = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args, url]
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
    assert res.returncode == 0, res.stderr[-2000:]
    return res


def dump_dom(page: Path, fragment: str = "") -> str:
    """The page's DOM once loaded and its scripts run, opened at ``#fragment``."""
    return run(page.resolve().as_uri() + fragment, "--dump-dom").stdout


def screenshot(page: Path, out: Path, width: int, height: int) -> Path:
    """A PNG of the top ``width`` x ``height`` pixels of the page."""
    run(page.resolve().as_uri(), f"--window-size={width},{height}", f"--screenshot={out}")
    return out
