"""Blank-line handling and byte preservation in the output."""

from __future__ import annotations

import pytest

import cleaner
from tests.conftest import BRIDGE

ARTICLE = BRIDGE


def test_removal_gap_collapses_to_the_documents_separator() -> None:
    text = "\n\n".join([ARTICLE[0], ARTICLE[1], "Advertisement", "", *ARTICLE[2:]]) + "\n"
    out = cleaner.clean(text).text
    assert "\n\n\n" not in out
    assert out == "\n\n".join(ARTICLE) + "\n"


def test_crlf_kept_and_untouched_gaps_kept() -> None:
    text = "\r\n".join([ARTICLE[0], "", "", ARTICLE[1], "Advertisement", *ARTICLE[2:]]) + "\r\n"
    out = cleaner.clean(text).text
    assert out == "\r\n".join([ARTICLE[0], "", "", *ARTICLE[1:]]) + "\r\n"


def test_no_leading_blank_line_is_created() -> None:
    text = "Advertisement\n\n" + "\n".join(ARTICLE) + "\n"
    assert cleaner.clean(text).text == "\n".join(ARTICLE) + "\n"


def test_missing_final_newline_stays_missing() -> None:
    text = "Views: 0\n" + "\n".join(ARTICLE)
    assert cleaner.clean(text).text == "\n".join(ARTICLE)


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_a_kept_last_line_keeps_its_own_ending(eol: str) -> None:
    """The input's last line has no ending and goes: the line before keeps its own."""
    text = eol.join([*ARTICLE, "Views: 0"])
    assert cleaner.clean(text).text == eol.join(ARTICLE) + eol


def test_bom_survives_removal_of_first_line() -> None:
    text = "\ufeffAdvertisement\n" + "\n".join(ARTICLE) + "\n"
    assert cleaner.clean(text).text == "\ufeff" + "\n".join(ARTICLE) + "\n"


def test_bom_stays_before_a_line_that_starts_with_its_own_feff() -> None:
    """The file's mark stays in front even when the next line has a U+FEFF of its own:
    read back, the file's text is still its lines."""
    first = "\ufeff" + ARTICLE[0]
    text = "\ufeffAdvertisement\n" + "\n".join([first, *ARTICLE[1:]]) + "\n"
    out = cleaner.clean(text).text
    assert out == "\ufeff" + "\n".join([first, *ARTICLE[1:]]) + "\n"


def test_kept_text_is_not_normalised() -> None:
    odd = "Caf\u0065\u0301 owners  said\u00a0the rent had doubled since the spring of last year."
    text = "\n".join([*ARTICLE, odd, "Advertisement"]) + "\n"
    assert odd in cleaner.clean(text).text


def test_all_junk_is_flagged_not_emptied() -> None:
    text = "Advertisement\nViews: 0\nShare on Facebook\n"
    r = cleaner.clean(text)
    assert r.flagged and r.text == text and r.removed == []
    assert "unchanged" in (r.flag_reason or "")
