"""The fixtures' outputs, byte for byte, against their reviewed golden files."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from tests.golden import FIXTURES, expected_paths, inputs, read, removed_tsv

CASES = inputs()


def test_every_seed_is_covered() -> None:
    names = {p.name for p in CASES if p.parent.name == "seeds"}
    assert len(names) == 5


@pytest.mark.parametrize("path", CASES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_golden(path: Path) -> None:
    out, tsv = expected_paths(path)
    assert out.exists() and tsv.exists(), "run `make golden` and review the new files"
    result = cleaner.clean(read(path))
    assert result.text.encode("utf-8") == out.read_bytes()
    assert removed_tsv(result) == read(tsv)


@pytest.mark.parametrize(
    "path", [p for p in CASES if p.parent.name == "negative"], ids=lambda p: p.name
)
def test_negative_fixtures_lose_nothing(path: Path) -> None:
    result = cleaner.clean(read(path))
    assert result.removed == []
    assert result.text == read(path)


def test_every_kind_has_a_fixture() -> None:
    covered: set[str] = set()
    for p in CASES:
        covered |= set(cleaner.clean(read(p)).counts())
    assert covered == {k.value for k in cleaner.Kind}
