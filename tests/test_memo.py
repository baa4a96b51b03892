"""The start-up cache (``cleaner.memo``): a second process reuses the first one's work, the
cache never changes a result, and a cache that cannot be used only costs the work again.
Each test runs the library in fresh processes, with a cache directory of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import memo
from tests.conftest import obeying_modes, write
from tests.golden import inputs

# Every result of cleaning the golden inputs: the text, and each line's decision.
RESULTS = """
import json, sys
import cleaner
from tests.golden import inputs, read
c = cleaner.Cleaner()
out = {}
for path in inputs():
    r = c.clean(read(path))
    out[path.name] = [r.text, [(d.line_no, d.keep, d.kind, d.rule, d.score, d.reason, d.label)
                               for d in r.lines], r.language]
print(json.dumps(out))
"""
# Start-up work that a warm cache spares: analysing patterns for the matcher, running each
# rule's examples, reading every stoplist, scanning Unicode for what regex calls a space.
# Also parsing the rule files, compiling the rules' patterns, building the case-folding
# table and the matcher's literal scan.
POISONED = """
import tomllib
import types
import regex
from cleaner import casefold, language, prefilter, rule, rules
def recomputed(*args, **kwargs):
    raise AssertionError("start-up work done again")
prefilter.prefix_keys = prefilter.required_literals = recomputed
rules._check_examples = recomputed
language._stoplists = language._index = recomputed
casefold._solve = recomputed
prefilter._longest_pattern = recomputed
rule.regex = types.SimpleNamespace(compile=recomputed, V0=regex.V0, IGNORECASE=regex.IGNORECASE)
rules.tomllib = types.SimpleNamespace(loads=recomputed, TOMLDecodeError=tomllib.TOMLDecodeError)
"""
REPO = Path(__file__).resolve().parent.parent


def python(
    code: str, cache: Path | str, prefix: list[str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"CLEANER_CACHE_DIR": str(cache)}
    return subprocess.run(
        [*(prefix or []), sys.executable, "-c", code],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
    )


def results(
    cache: Path | str, before: str = "", prefix: list[str] | None = None
) -> dict[str, object]:
    res = python(before + RESULTS, cache, prefix)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)  # type: ignore[no-any-return]


def test_a_second_process_reuses_the_first_ones_work(tmp_path: Path) -> None:
    first = results(tmp_path / "cache")
    assert (tmp_path / "cache" / "cache.sqlite3").is_file()
    assert results(tmp_path / "cache", before=POISONED) == first


def test_without_the_cache_the_work_is_done(tmp_path: Path) -> None:
    """The poisoned functions are the ones that do the work (else the test above proves
    nothing)."""
    res = python(POISONED + RESULTS, "")
    assert res.returncode != 0 and "start-up work done again" in res.stderr


def test_the_cache_changes_no_result(tmp_path: Path) -> None:
    off = results("")
    assert len(off) == len(inputs())
    assert results(tmp_path / "cache") == off  # cold: filled as it goes
    assert results(tmp_path / "cache") == off  # warm


@pytest.mark.parametrize("damage", ["garbage", "read-only"])
def test_a_cache_that_cannot_be_used_costs_only_time(tmp_path: Path, damage: str) -> None:
    off = results("")
    cache = tmp_path / "cache"
    if damage == "garbage":
        write(cache / "cache.sqlite3", b"this is not a database\n" * 100)
        assert results(cache) == off
        assert (cache / "cache.sqlite3").read_bytes().startswith(b"SQLite format 3")
    else:
        results(cache)
        (tmp_path / "unwritable").mkdir()
        for p in [cache, *cache.iterdir(), tmp_path / "unwritable"]:
            p.chmod(0o555 if p.is_dir() else 0o444)
        modes = obeying_modes()
        try:
            assert results(cache, "", modes) == off
            assert results(tmp_path / "unwritable" / "sub", "", modes) == off
        finally:
            for p in [cache, *cache.iterdir(), tmp_path / "unwritable"]:
                p.chmod(0o755 if p.is_dir() else 0o644)


RULE = """[[rule]]
id = "site.promo"
kind = "subscribe"
pattern = '^get the morning briefing'
examples = ["{example}"]
"""


def test_rules_are_still_validated_when_they_change(tmp_path: Path) -> None:
    """A rule is checked again unless the very same rule was found valid before."""
    rule = tmp_path / "site.toml"
    load = f"import cleaner; cleaner.Cleaner([{str(rule)!r}]); print('ok')"
    write(rule, RULE.format(example="Get the morning briefing"))
    assert python(load, tmp_path / "cache").stdout == "ok\n"
    assert python(POISONED + load, tmp_path / "cache").stdout == "ok\n"  # known valid
    write(rule, RULE.format(example="Sign up for the evening news"))
    res = python(load, tmp_path / "cache")
    assert res.returncode == 1 and "example does not match" in res.stderr


def test_only_the_entries_of_old_versions_are_dropped(tmp_path: Path) -> None:
    """Opening the cache keeps the entries of the ``KEEP_FINGERPRINTS`` latest versions
    (this one included) and drops the others', and those written under a version that
    was already dropped (by a process that was still running)."""
    path = tmp_path / "cache.sqlite3"
    with memo.Store(path)._connection() as db:
        assert db is not None
        old = [f"old{n}" for n in range(memo.KEEP_FINGERPRINTS)]
        db.executemany(
            "INSERT INTO fingerprints VALUES (?, ?)", [(fp, n) for n, fp in enumerate(old)]
        )
        versions = [*old, "orphan", memo.fingerprint()]
        db.executemany(
            "INSERT INTO entries VALUES (?, 'ns', ?, x'00')",
            [(fp, k.to_bytes(2, "big")) for fp in versions for k in range(3)],
        )
        db.commit()
    with memo.Store(path)._connection() as db:
        assert db is not None
        left = dict(db.execute("SELECT fp, count(*) FROM entries GROUP BY fp").fetchall())
        kept = {fp for (fp,) in db.execute("SELECT fp FROM fingerprints")}
    assert left == dict.fromkeys([*old[1:], memo.fingerprint()], 3)
    assert kept == {*old[1:], memo.fingerprint()}


def test_a_start_that_changes_nothing_writes_nothing(tmp_path: Path) -> None:
    """This version, already the latest used, is not marked again (its order of use would
    not change); once another version is used after it, it is."""
    path = tmp_path / "cache.sqlite3"

    def used() -> dict[str, float]:
        with memo.Store(path)._connection() as db:
            assert db is not None
            return dict(db.execute("SELECT fp, used FROM fingerprints").fetchall())

    first = used()
    assert used() == first
    with memo.Store(path)._connection() as db:
        assert db is not None
        db.execute("UPDATE fingerprints SET used = 0 WHERE fp = ?", (memo.fingerprint(),))
        db.execute("INSERT INTO fingerprints VALUES ('other', 1)")
        db.commit()
    again = used()
    assert again[memo.fingerprint()] > again["other"]
