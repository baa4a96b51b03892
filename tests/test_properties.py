"""Invariants of clean(), over arbitrary text and over mutations of the fixtures."""

from __future__ import annotations

from typing import TypeVar

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.segment import split_lines
from tests.golden import inputs, read

T = TypeVar("T")
FIXTURE_TEXTS = [read(p) for p in inputs()]
FIXTURE_LINES = [raw + end for t in FIXTURE_TEXTS for raw, end in split_lines(t)]

line_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=80
)
eol = st.sampled_from(["\n", "\r\n", "\r", ""])
arbitrary = st.lists(st.tuples(line_text, eol), max_size=30).map(
    lambda parts: "".join(a + b for a, b in parts)
)
# Real lines shuffled and recombined: junk and prose in new orders and mixtures.
mutated = st.lists(st.sampled_from(FIXTURE_LINES), max_size=60).map("".join)
fixture_with_edits = st.tuples(
    st.sampled_from(FIXTURE_TEXTS), st.integers(0, 10_000), st.integers(0, 400), line_text
).map(lambda t: t[0][: t[1]] + t[3] + t[0][t[1] + t[2] :])
documents = st.one_of(arbitrary, mutated, fixture_with_edits)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def is_subsequence(small: list[T], big: list[T]) -> bool:
    it = iter(big)
    return all(any(x == y for y in it) for x in small)


@SETTINGS
@given(documents)
def test_output_lines_are_input_lines_in_order(text: str) -> None:
    out = cleaner.clean(text).text
    out_lines = [raw for raw, _ in split_lines(out)]
    assert is_subsequence(out_lines, [raw for raw, _ in split_lines(text)])


@SETTINGS
@given(documents)
def test_every_output_line_is_an_input_line_with_its_ending(text: str) -> None:
    """Kept lines keep their own endings, the last one too (a byte-order mark aside, which
    stays at the start of the text when the first line goes)."""
    out = cleaner.clean(text).text
    assert is_subsequence(
        split_lines(out.removeprefix("\ufeff")), split_lines(text.removeprefix("\ufeff"))
    )


@SETTINGS
@given(documents)
def test_idempotent(text: str) -> None:
    once = cleaner.clean(text).text
    assert cleaner.clean(once).text == once


@SETTINGS
@given(documents)
def test_deterministic_and_never_empties(text: str) -> None:
    a, b = cleaner.clean(text), cleaner.clean(text)
    assert a.text == b.text and a.removed == b.removed
    if text.strip():
        assert a.text.strip()
    if a.flagged:
        assert a.text == text and not a.removed


@SETTINGS
@given(documents)
def test_every_removal_is_explained(text: str) -> None:
    r = cleaner.clean(text)
    lines = split_lines(text)
    for rem in r.removed:
        assert lines[rem.line_no - 1][0] == rem.text
        assert rem.reason and rem.rule and 0.0 <= rem.score <= 1.0
    dropped = [d.line_no for d in r.lines if not d.keep]
    assert dropped == [rem.line_no for rem in r.removed]


def test_empty_in_empty_out() -> None:
    r = cleaner.clean("")
    assert r.text == "" and r.removed == [] and not r.flagged
