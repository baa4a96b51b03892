"""What the tests share: the texts and helpers that several test modules use (no test
module imports another), and one start-up cache for the whole session (see
``cleaner.memo``) in a temporary directory: the tests never write to the user's own cache,
and after the first test every process of the CLI starts warm."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from cleaner import Cleaner

CLI = [sys.executable, "-m", "cleaner"]

# Five sentences of one article, for tests that place junk between its lines.
BRIDGE = [
    "The council voted on Tuesday to close the old bridge after engineers found deep cracks.",
    "Residents said the closure would add an hour to their daily commute into the city.",
    "The mayor said a temporary crossing would be built within six months of the vote.",
    "Engineers will inspect the other bridges in the district before the end of the year.",
    "The council will meet again next month to discuss the cost of a new bridge.",
]

ARTICLE = """Storm floods coastal towns as rivers burst their banks

Advertisement

Heavy rain swept across the coast on Tuesday, flooding dozens of homes and forcing hundreds \
of residents to leave their houses before dawn.
Photo by: Reuters
Emergency crews worked through the night to reinforce levees, and officials said the water \
was expected to recede by the weekend.
The mayor said the town would need weeks to recover, and asked residents to stay away from \
the river until engineers had inspected the bridges.
"""
JUNK = ("Advertisement", "Photo by: Reuters")
PROSE = """Council approves the new library budget

The city council approved the budget for the new library on Monday after a long debate \
about its cost and location.
Construction is expected to begin in the spring and to last about two years, the council said.
"""

HTML = """<!doctype html><html><head><title>Storm floods coastal towns</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Storm floods coastal towns as rivers burst their banks</h1>
<p>Heavy rain swept across the coast on Tuesday, flooding dozens of homes and forcing
hundreds of residents to leave their houses before dawn.</p>
<p>Advertisement</p>
<p>Emergency crews worked through the night to reinforce levees, and officials said the
water was expected to recede by the weekend.</p>
<p>Photo by: Reuters</p>
<p>The mayor said the town would need weeks to recover, and asked residents to stay away
from the river until engineers had inspected the bridges.</p></article>
<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>
"""


def expected(text: str) -> str:
    return Cleaner().clean(text).text


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        text = text.encode()
    path.write_bytes(text)
    return path


NO_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def obeying_modes() -> list[str]:
    """The command prefix under which file modes bind this process's children."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: file modes cannot be made to bind")
    return NO_OVERRIDE


_made: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    if "CLEANER_CACHE_DIR" not in os.environ:
        _made.append(tempfile.mkdtemp(prefix="cleaner-test-cache-"))
        os.environ["CLEANER_CACHE_DIR"] = _made[-1]


def pytest_unconfigure(config: pytest.Config) -> None:
    for path in _made:
        shutil.rmtree(path, ignore_errors=True)
