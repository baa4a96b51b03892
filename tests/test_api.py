"""The library surface: one obvious call, a reusable Cleaner, results that explain."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor

import cleaner
from cleaner.result import LineDecisions
from tests.golden import inputs, read

TEXTS = [read(p) for p in inputs()]


def test_clean_and_cleaner_agree() -> None:
    c = cleaner.Cleaner()
    for text in TEXTS:
        assert c.clean(text).text == cleaner.clean(text).text


def test_cleaner_is_thread_safe() -> None:
    c = cleaner.Cleaner()
    expected = [c.clean(t).text for t in TEXTS]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda t: c.clean(t).text, TEXTS * 4))
    assert got == expected * 4


def test_explain_covers_every_line_and_matches_removals() -> None:
    text = TEXTS[0]
    lines = cleaner.explain(text)
    assert [d.line_no for d in lines] == list(range(1, len(text.splitlines()) + 1))
    dropped = [(d.line_no, d.kind, d.rule) for d in lines if not d.keep]
    removed = [(r.line_no, r.kind, r.rule) for r in cleaner.clean(text).removed]
    assert dropped == removed
    assert all(d.reason for d in lines if not d.keep)


def test_removal_fields() -> None:
    r = cleaner.clean(TEXTS[0])
    first = r.removed[0]
    assert isinstance(first.kind, cleaner.Kind)
    assert first.line_no >= 1 and first.text and first.rule and first.reason
    assert r.counts() == {k: sum(1 for x in r.removed if x.kind.value == k) for k in r.counts()}


def test_malformed_url_only_loses_site_rules() -> None:
    assert cleaner.clean(TEXTS[0], url="http://[::1").text == cleaner.clean(TEXTS[0]).text


def test_the_lines_of_a_result_read_as_a_list_built_when_first_read() -> None:
    """``result.lines`` is every line's decision, built on first read (most callers read
    the text and the removals only); it compares equal to a list, and pickles as one."""
    c = cleaner.Cleaner()
    r = c.clean(TEXTS[0])
    assert isinstance(r.lines, LineDecisions) and r.lines._build is not None
    explained = c.explain(TEXTS[0])
    assert type(explained) is list
    assert r.lines == explained and explained == r.lines and len(r.lines) == len(explained)
    assert r.lines[0] == explained[0] and r.lines[-2:] == explained[-2:]
    assert list(r.lines) == explained
    copy = pickle.loads(pickle.dumps(r))
    assert copy == r and type(copy.lines) is list and copy.lines == explained
    dropped = [(d.line_no, d.text, d.kind) for d in r.lines if not d.keep]
    assert dropped == [(x.line_no, x.text, x.kind) for x in r.removed]
