"""The speed section's row for the other build of cleaner (pure Python, or compiled by
``make accel``), timed in a worker process of its own; the hostile shapes its growth
table cleans."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from bench.context import Context
from bench.sections import speed
from bench.shapes import PROSE, SHAPES, Shape
from bench.subject import Spec, load
from cleaner import accel

FOUND = accel.compiled_modules()


def _ctx(spec: Spec) -> Context:
    return Context(roots=[], loaded=load(spec), spec=spec)


DOCS = [("Advertisement\nThe council met on Tuesday to vote on the budget.\n", None)]


@pytest.mark.skipif(not FOUND or accel.stale(FOUND) is not None, reason="no current build")
def test_the_other_build_is_timed_in_its_own_process(tmp_path: Path) -> None:
    other = speed._OtherBuild.start(_ctx(Spec()), DOCS, tmp_path)
    assert other is not None
    try:
        assert other.accelerated != cleaner.ACCELERATED
        assert all(other() >= 0.0 for _ in range(2))
    finally:
        other.close()
    assert other.proc.returncode == 0


def test_no_other_build_for_another_subject(tmp_path: Path) -> None:
    assert speed._OtherBuild.start(_ctx(Spec("identity")), DOCS, tmp_path) is None


@pytest.mark.parametrize("shape", SHAPES, ids=[s.name for s in SHAPES])
def test_a_hostile_shape_grows_as_asked(shape: Shape) -> None:
    """The two sizes of a shape differ as the inputs' sizes do, so its time's growth is
    measured against the input's."""
    small, large = shape.build(speed.SHAPE_SIZE), shape.build(speed.SHAPE_SIZE * 4)
    assert 0.9 * speed.SHAPE_SIZE <= len(small) <= 1.1 * speed.SHAPE_SIZE + 1000
    assert 3.6 <= len(large) / len(small) <= 4.4


@pytest.mark.parametrize("shape", SHAPES, ids=[s.name for s in SHAPES])
def test_a_hostile_shape_cleans_to_its_own_lines(shape: Shape) -> None:
    doc = shape.build(20_000)
    result = cleaner.clean_html(doc) if shape.html else cleaner.clean(doc)
    if not shape.html:
        assert set(result.text.splitlines()) <= set(doc.splitlines())
    assert PROSE in result.text or not result.text.strip()


def test_a_hostile_shape_is_timed_in_a_process_of_its_own() -> None:
    index = next(i for i, s in enumerate(SHAPES) if s.html)
    assert speed._shape_time(_ctx(Spec()), index, 5_000) > 0.0


def test_a_hostile_shape_that_fails_is_shown_not_raised() -> None:
    """The identity baseline has no ``clean_html``: the error is the timing's result, and
    the other shapes are still timed."""
    index = next(i for i, s in enumerate(SHAPES) if s.html)
    found = speed._shape_time(_ctx(Spec("identity")), index, 1_000)
    assert isinstance(found, str) and "clean_html" in found
