"""The per-token tables behind ``features.extract`` change nothing but speed."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import features, language
from cleaner.features import TableFiller, TokenTable, extract, token_table
from cleaner.heuristics import DEFAULT

EN = language.stoplist("en")
LINES = [
    "The council voted on Tuesday to approve the new tram line.",
    "SHARE THIS STORY",
    "Photo: Reuters/Jane Doe",
    "Ça coûte 12 € — l'été dernier, c’était 10 €",
    "Ещё одна новость о погоде в Москве",
    "2019 | 11 | 18 | 4 | 5",
    "it goes on, and",
]


def test_the_same_features_from_a_fresh_or_a_used_table() -> None:
    used = TokenTable(EN)
    for line in LINES:
        extract(line, used)
    for line in LINES:
        assert extract(line, used) == extract(line, TokenTable(EN)) == extract(line, EN)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=5))
def test_tables_never_change_an_answer(lines: list[str]) -> None:
    used = TokenTable(EN)
    for line in lines:
        extract(line, used)
    for line in reversed(lines):
        assert extract(line, used) == extract(line, TokenTable(EN))


def test_counts_are_per_token() -> None:
    f = extract("The BBC and the UN met in Paris on 12 May", EN)
    assert f.words == 11
    assert f.stop_density == 6 / 11  # The, and, the, in, on, May (a stopword lower-cased)
    assert f.upper_share == 2 / 10  # BBC, UN among the ten alphabetic tokens
    assert f.title_share == 5 / 10  # The, BBC, UN, Paris, May
    assert f.content == ("bbc", "met", "paris")  # "un" is too short; in order of appearance


def test_counts_of_a_line_longer_than_a_packed_field_holds() -> None:
    """A line of more tokens than a 12-bit field holds is counted in chunks, exactly."""
    n = 3 * features._CHUNK + 7
    f = extract(" ".join(["The", "BBC", "met", "12", "34"] * n), EN)
    assert f.words == 5 * n
    assert f.stop_density == n / (5 * n)
    assert f.title_share == 2 * n / (3 * n)  # The, BBC among the alphabetic tokens
    assert f.upper_share == n / (3 * n)
    assert f.table  # four or more tokens led by a digit, two in five of them


def test_digits_are_counted_as_the_regex_counts_them() -> None:
    for text in ["12 May 2024", "no digits", "٣ and 4", "x" * 10 + "0"]:
        assert features._digits(text) == len(features._DIGIT.findall(text))


def test_tables_stay_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(features, "TABLE_SIZE", 10)
    table = TokenTable(EN)
    extract(" ".join(f"word{k}" for k in range(50)), table)
    assert len(table.packed) == 50
    table.trim()
    assert len(table.packed) == 0 and len(table.stems) == 0


def test_a_table_is_kept_while_other_languages_come_and_go() -> None:
    """A multilingual corpus switches languages from one document to the next: the
    tables of the languages it uses stay (four were kept once, and learnt again)."""
    langs = ["en", "de", "fr", "pt", "it", "es", "nl", "ru", "ko", "id"]
    tables = [token_table(language.stoplist(lang)) for lang in langs]
    assert [token_table(language.stoplist(lang)) for lang in langs] == tables


def test_tables_stay_bounded_over_all_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(features, "TOKEN_BUDGET", 10)
    table = token_table(language.stoplist("en"))
    extract(" ".join(f"word{k}" for k in range(50)), table)
    token_table(language.stoplist("de"))
    assert len(table) == 0


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Q: Where did you grow up?", "q"),
        ("A: Trip to Disney World", "a"),
        ("SMITH: We will not back down.", "smith"),
        ("Jane Doe: Thank you for having me.", "jane doe"),
        ("The answer, he said, was simple: no.", ""),
        ("Kick-off at 15:00 on Saturday", ""),
        ("Note:", "note"),
        (": leading colon", ""),
    ],
)
def test_a_short_label_before_a_colon_is_read(line: str, label: str) -> None:
    assert extract(line, EN).label == label


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(LINES),
    st.sampled_from([0.0, 0.25, 1.0]),
    st.sampled_from([0.0, 0.25, 1.0]),
)
def test_link_share_is_set_whether_or_not_it_changes(line: str, first: float, share: float) -> None:
    """A line added to a table with the share of its text inside links (HTML input) has
    the features of the line alone, with that share set."""
    f = replace(extract(line, EN), link_share=first)
    filler = TableFiller(TokenTable(EN), DEFAULT.shape)
    filler.add(line, share)
    table = filler.done()
    assert table.row(0) == replace(f, link_share=share)
    assert table.row(0).link_share == share
