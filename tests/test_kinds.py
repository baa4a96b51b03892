"""A removed line's kind says what the line is (issue 22 item 10: labels seen wrong)."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.result import Kind
from tests.conftest import BRIDGE


def kinds(text: str) -> dict[str, Kind]:
    return {r.text: r.kind for r in cleaner.clean(text).removed}


def test_the_page_after_a_comment_heading_keeps_its_own_kinds() -> None:
    """A comment section ends the article: the comments after its heading are comments,
    but the page's menu after them is navigation (or what a rule calls it), not comments."""
    menu = ["Local News Today", "Business And Markets", "Travel Deals Weekly", "Opinion Archive"]
    found = kinds("\n".join([*BRIDGE, "Leave a Reply", "Great article, thanks a lot!", *menu]))
    assert found["Leave a Reply"] is Kind.COMMENTS
    assert found["Great article, thanks a lot!"] is Kind.COMMENTS
    assert all(found[m] is Kind.NAVIGATION for m in menu), found


@pytest.mark.parametrize(
    "heading",
    [
        "2 Gedanken zu „Die Brücke am Hafen“",
        "Une réflexion sur « Le pont du port »",
        "Schreibe einen Kommentar Antworten abbrechen",
        "Deixe uma resposta Cancelar resposta",
    ],
)
def test_a_comment_heading_in_a_blogs_own_language_ends_the_article(heading: str) -> None:
    """Blogs print their comment section's heading in their language, the way the blog
    software words it ("N Gedanken zu „…“", "Leave a Reply" as "Schreibe einen
    Kommentar"): the comments after it go, the article before it stays."""
    comment = "Danke für den Beitrag, genau so habe ich es auch erlebt!"
    result = cleaner.clean("\n".join([*BRIDGE, heading, "Peter sagt:", comment]))
    found = {r.text: r.kind for r in result.removed}
    assert found == {heading: Kind.COMMENTS, "Peter sagt:": Kind.COMMENTS, comment: Kind.COMMENTS}


def test_a_video_link_is_a_related_link_not_a_credit() -> None:
    assert kinds(
        "\n".join([*BRIDGE[:2], "Video: Signing day at the harbour school", *BRIDGE[2:]])
    ) == {"Video: Signing day at the harbour school": Kind.RELATED}


def test_a_sentence_that_names_four_years_is_no_table_row() -> None:
    line = "The bridge was repaired in 1998, 2004, 2011 and 2019, each time after a flood."
    labels = {d.text: d.label for d in cleaner.explain("\n".join([*BRIDGE[:2], line, *BRIDGE[2:]]))}
    assert not labels[line].endswith(" table")
    row = "2019 | 14 | 3 | 11"
    labels = {d.text: d.label for d in cleaner.explain("\n".join([*BRIDGE[:2], row, *BRIDGE[2:]]))}
    assert labels[row].endswith(" table")


def test_the_headline_in_a_share_bar_is_the_pages_title() -> None:
    """The headline repeated in a share widget is a duplicate of the page's title, whatever
    element holds it."""
    headline = "Council closes the old bridge after engineers find cracks"
    body = "".join(f"<p>{s}</p>" for s in BRIDGE)
    html = (
        f"<html><head><title>{headline}</title></head><body><article>"
        f'<div class="share-bar"><h2>{headline}</h2></div>{body}</article></body></html>'
    )
    removed = {r.text: r.kind for r in cleaner.clean_html(html).removed}
    assert removed.get(headline) is Kind.DUPLICATE, removed
