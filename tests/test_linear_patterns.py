"""Searches rewritten to run in linear time find what the searches they replace found.

Each of the patterns was one regular expression whose time grew with the square of a
line's (or a page's) length on some shapes: a search retried from every place inside a
run that it then walked to its end. Each rewrite is held here to the original pattern,
on strings built from the pieces that matter to it, and the shapes that took minutes now
clean. The lines of an HTML page were each looked for in the whole page's text: one pass
now finds them all (``occurrences``), held to ``str.find`` and ``str.count``.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.features import _has_url
from cleaner.heuristics import DEFAULT, Params
from cleaner.html import has_text
from cleaner.html.extract import load
from cleaner.html.lines import Rendered
from cleaner.html.occurrences import ANCHOR, occurrences
from cleaner.html.roles import _text_inside, dom_hints
from cleaner.structure import _NUMBER, _label

# The patterns as they were first written.
URL = regex.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.\w+", regex.I)
NUMBER = regex.compile(r"\d+(?:[.,:/]\d+)+\p{L}*|\d+\p{L}+")
LABELLED = regex.compile(r"^\W*([^:.!?]{2,40}?):\s\S")
NOT_TEXT = re.compile(rb"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)

OTHER = ["é", "中", "\u0301", "\xa0", "\u200b", "🙂", "\t", " "]
URL_PIECES = [*"a1_.-@:/ ", "www.", "http://", "A", *OTHER]
NUMBER_PIECES = [*"1234.,:/ a", "ab", "٣", "²", *OTHER]
LABEL_PIECES = [*"ab Q1-–(“:.!?_", "Step", ": ", *OTHER]
MARKUP = [b"<", b">", b"<!--", b"-->", b"<script", b"</script>", b"</SCRIPT >", b"<style>"]
MARKUP += [b"</style\n>", b"<p>", b"</p>", b" ", b"\n", b"x", b"-", b"!", b"<scripts>", b"\t"]


def texts(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=16).map("".join)


@settings(max_examples=2000, derandomize=True, deadline=None)
@given(texts(URL_PIECES))
def test_the_url_test_says_what_the_first_pattern_says(text: str) -> None:
    assert _has_url(text) == (URL.search(text) is not None)


@settings(max_examples=2000, derandomize=True, deadline=None)
@given(texts(NUMBER_PIECES))
def test_numbers_are_found_as_the_first_pattern_found_them(text: str) -> None:
    assert _NUMBER.findall(text) == NUMBER.findall(text)


@settings(max_examples=2000, derandomize=True, deadline=None)
@given(texts(LABEL_PIECES))
def test_a_label_is_found_as_the_first_pattern_found_it(text: str) -> None:
    found, first = _label(text), LABELLED.match(text)
    assert (found and found.group(1)) == (first and first.group(1))


@settings(max_examples=2000, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(MARKUP), max_size=14).map(b"".join))
def test_text_in_a_page_is_found_as_the_first_pattern_found_it(page: bytes) -> None:
    assert has_text(page) == bool(NOT_TEXT.sub(b" ", page).strip())


# Strings around ``ANCHOR`` characters long, made of few letters: they overlap, recur, hold
# one another, and share their first ``ANCHOR`` characters.
SHORT_TEXT = st.text("ab\n", max_size=ANCHOR + 4)


@settings(max_examples=2000, derandomize=True, deadline=None)
@given(st.text("ab\n", max_size=80), st.lists(SHORT_TEXT, max_size=8))
def test_one_pass_finds_each_line_where_a_search_per_line_does(
    text: str, strings: list[str]
) -> None:
    """The one pass (forced by a bound of -1) and a search per string (forced by one too
    high to reach) both find the places that ``str.find`` finds from the end of the last
    one, as many as ``str.count`` counts; the empty string is not looked for."""
    expected = {}
    for s in filter(None, strings):
        places, at = [], text.find(s)
        while at >= 0:
            places.append(at)
            at = text.find(s, at + len(s))
        assert len(places) == text.count(s)
        expected[s] = places
    assert occurrences(text, strings, batch_from=-1) == expected
    assert occurrences(text, strings, batch_from=10**18) == expected


PROSE = (
    "The council met on Tuesday to discuss the new budget, which was approved by a "
    "majority of its members after a long debate."
)


@pytest.mark.parametrize(
    "lines",
    [
        ["a-" * 200_000 + "@"],  # each word boundary walked the run to the "@"
        ["a." * 200_000 + "@x"],
        ["The results:", "- " + "1" * 200_000, "- " + "2" * 200_000, "- 3 goals"],  # a list's
        [": " * 500_000],  # a lead of non-word characters backtracked through
        ["- " + ": " * 250_000 + "a", "- " + ": " * 250_000 + "b"],  # ... to no label
    ],
    ids=["address-run", "dotted-run", "digit-runs-in-a-list", "colon-lead", "colon-led-items"],
)
def test_lines_shaped_against_the_old_patterns_clean(lines: list[str]) -> None:
    """Each took from most of a minute to hours before, a second or so now. Kept text is
    input text."""
    text = "\n".join([PROSE, *lines, PROSE])
    result = cleaner.clean(text)
    assert set(result.text.splitlines()) <= set(text.splitlines())
    assert PROSE in result.text


@pytest.mark.parametrize(
    ("page", "text"),
    [
        (b"<!--" * 250_000, True),  # the last "<!--" is a "<" that nothing closes: text
        (b"<" * 1_000_000, True),
        (b"<script " * 125_000, True),
        (b"<style>" * 140_000, False),  # tags, each closed by its ">"
    ],
    ids=["unclosed-comments", "bare-brackets", "unclosed-scripts", "unclosed-styles"],
)
def test_pages_of_unclosed_markup_clean(page: bytes, text: bool) -> None:
    """A megabyte of markup that never closes: trafilatura finds nothing, and the check
    for text outside the markup walks the page once (it searched the rest of the page
    from every "<": an hour for this size)."""
    assert has_text(page) is text
    assert cleaner.clean_html(page).removed == []


def test_a_page_of_many_role_blocks_is_hinted_in_one_pass() -> None:
    """Blocks whose classes name roles: each of their lines was looked for in the whole
    page's text (at 8 000 blocks, 5 s of searching alone, where trafilatura takes 1.5 s
    on the page); 3 000 lines in a text of 230 000 characters take the one pass. The
    blocks' lines are the article's, as the page holds nothing else: the classes are
    wrappers, and no hint removes a line."""
    blocks = "".join(
        f"<div class='share-{i} comment-{i}'><p>Block {i} says the council met on "
        f"Tuesday and talked about the budget again.</p></div>"
        for i in range(3000)
    )
    page = f"<html><body><article>{blocks}</article></body></html>"
    result = cleaner.clean_html(page)
    assert not [d for d in result.removed if d.rule == "html"]
    assert "Block 2999 says" in result.text


def test_a_promotion_repeated_under_every_paragraph_is_weighed_once_per_text() -> None:
    """The same promotion in a role block after each of 4 000 paragraphs: for each copy,
    the copies in every other block were counted again (20 s; trafilatura takes about
    1 s on the page). They are counted once for the text now, and the blocks' own lines
    go as before, the paragraphs stay."""
    promo = "Sign up for our newsletter to get the best stories of the week in your inbox"
    blocks = "".join(
        f"<p>Paragraph {i} of the budget story goes on about the council and its plans.</p>"
        f"<div class='promo'><p>{promo}</p></div>"
        for i in range(4000)
    )
    result = cleaner.clean_html(f"<html><body><article>{blocks}</article></body></html>")
    assert {d.text for d in result.removed} == {promo}
    assert "Paragraph 3999 of the budget story" in result.text


@given(
    st.lists(st.text("ab \n", max_size=6), max_size=12),
    st.lists(st.text("ab \n", max_size=30), max_size=6),
)
@settings(max_examples=2000, deadline=None)
def test_text_inside_counts_each_line_once_for_each_text_it_is_in(
    keys: list[str], texts: list[str]
) -> None:
    """Lines of one text are counted together now: the sums are those of a search for
    each line in each text, spacing aside."""
    lines = [Rendered(key, "p", 0, None) for key in keys]
    bare = ["".join(text.split()) for text in texts]
    expected = [
        sum(len(line.text) for line in lines if "".join(line.text.split()) in text) for text in bare
    ]
    assert _text_inside(lines, keys, texts) == expected


def test_a_line_repeated_in_nested_role_blocks_is_weighed_once_per_text() -> None:
    """The same line in each of 64 role blocks nested in one another, 16 times over: every
    copy lies in every block around it (33 000 places), and those were walked again for
    each of its 1 024 lines (12 s; trafilatura takes 0.2 s on the page). They are walked
    once for the text now. The blocks hold the whole article: nothing goes."""
    depth, groups = 64, 16
    block = "<div class='related'><p>Read more about the budget story</p><p>Item {g}-{i} of it</p>"
    nest = "".join(block.replace("{i}", str(i)) for i in range(depth)) + "</div>" * depth
    body = "".join(nest.replace("{g}", str(g)) for g in range(groups))
    result = cleaner.clean_html(
        f"<html><body><article><p>{PROSE}</p>{body}</article></body></html>"
    )
    assert result.removed == []
    assert "Item 15-63 of it" in result.text


def test_role_blocks_nested_past_the_bound_are_left_to_the_blocks_around_them() -> None:
    """Each block's text is in every block around it: nested 250 deep (as deep as the
    parser goes), a 24 KB page held 125 times its text to search for the lines (0.9 s;
    trafilatura takes 0.1 s). Blocks inside more than ``role_depth`` others are left to
    those; for blocks of one role that changes nothing but the work: the same links go."""
    depth = 100  # trafilatura prunes a class "related" itself; "recirc" names the same role
    block = "<div class='recirc'><p>Read more about the budget story</p><p>Item {i} of it</p>"
    links = "".join(block.format(i=i) for i in range(depth)) + "</div>" * depth
    article = "".join(f"<p>{PROSE} ({i})</p>" for i in range(60))
    page = f"<html><body><article>{article}{links}</article></body></html>"
    bound = DEFAULT.html.role_depth
    unbounded = Params(html=replace(DEFAULT.html, role_depth=depth))
    assert len(dom_hints(load(page)).hinted) == bound + 1
    assert len(dom_hints(load(page), None, unbounded.html).hinted) == depth
    removed = cleaner.Cleaner().clean_html(page).removed
    assert any(d.text == "Item 99 of it" for d in removed)
    assert removed == cleaner.Cleaner(params=unbounded).clean_html(page).removed
