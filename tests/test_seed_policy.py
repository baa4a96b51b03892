"""The decided policy for the five seeds, stated directly (the golden files pin the bytes)."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


def seed(prefix: str) -> tuple[str, cleaner.CleanResult]:
    (path,) = [p for p in SEEDS.glob(f"{prefix}_*.txt") if not p.name.endswith(".expected.txt")]
    text = path.read_bytes().decode("utf-8")
    return text, cleaner.clean(text)


def removed(result: cleaner.CleanResult) -> list[tuple[str, str]]:
    return [(r.kind.value, r.text) for r in result.removed]


def test_000_ends_at_the_article_and_drops_the_headline_list() -> None:
    text, r = seed("000")
    assert r.text.rstrip().endswith("low oil prices and Western sanctions.")
    kinds = removed(r)
    assert kinds[:3] == [
        ("credit", "Reuters"),
        ("timestamp", "Thu Oct 01 2015"),
        ("caption", kinds[2][1]),
    ]
    assert kinds[2][1].endswith("- Reuters/Alexei Druzhinin/RIA Novosti/Kremlin")
    assert {k for k, _ in kinds[3:]} == {"related"}
    assert len(kinds) == len(text.splitlines()) - len(r.text.splitlines())
    for subhead in ("DANGER IN THE SKIES", "'CHANNELS OF COMMUNICATION'"):
        assert subhead + "\n" in r.text


def test_001_keeps_title_standfirst_and_subheads() -> None:
    text, r = seed("001")
    assert removed(r) == [("caption", text.splitlines()[4])]
    assert text.splitlines()[4].endswith("Video: Reuters")
    for keep in (
        "Claims Russian airstrikes",
        "Air strikes plunge",
        "Daily bombing",
        "International conflict",
        "Peaceful protests",
        "Technical requirement",
    ):
        assert keep in r.text


def test_002_keeps_one_title() -> None:
    text, r = seed("002")
    title = text.splitlines()[0]
    assert r.text.count(title) == 1 and r.text.startswith(title)
    kinds = removed(r)
    assert [k for k, _ in kinds] == ["duplicate", "credit", "duplicate", "caption"]
    assert kinds[1][1] == "UNITED NATIONS, United States - Agence France-Presse"
    assert kinds[3][1].endswith("AFP Photo")


def test_003_drops_credits_and_caption_keeps_subheads() -> None:
    _, r = seed("003")
    kinds = removed(r)
    assert kinds[:2] == [("credit", "Photo by: Reuters")] * 2
    assert kinds[2][0] == "caption" and kinds[2][1].startswith(
        "United States Secretary of State John Kerry (R) speaks during"
    )
    assert kinds[3] == ("credit", "TRTWorld and agencies")
    assert len(kinds) == 4
    for keep in (
        "US, Russia call for talks",
        "US and Russia to hold military talks",
        "Civilians killed",
        "US-Russia coordination",
    ):
        assert keep in r.text


@pytest.mark.parametrize(
    ("kind", "line"),
    [("advertisement", "Advertisement"), ("related", "Related posts:"), ("counter", "Views: 0")],
)
def test_004_furniture(kind: str, line: str) -> None:
    _, r = seed("004")
    assert (kind, line) in removed(r)


def test_004_source_line() -> None:
    _, r = seed("004")
    assert [k for k, t in removed(r) if t.startswith("Source Article from http")] == ["source"]
    assert len(r.removed) == 4
