"""Hostile shapes: inputs made of one piece repeated, each a shape on which some stage of
cleaner once took time that grew with the square of the input (or more). The speed
section cleans each at two sizes: time must grow in step with the input.

A shape is built to about ``size`` characters (or bytes, for a page) of input, so the
two sizes of one shape differ by the same factor as the input does. Each shape says what
it stressed; the commits that made those stages linear name the same shapes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

PROSE = (
    "The council met on Tuesday to discuss the new budget, which was approved by a "
    "majority of its members after a long debate."
)
LETTER = (
    "I have lived in the old town for forty years, and I have never seen the streets in "
    "such a state: the council must act before winter."
)


NESTED = 16  # role elements in one another, in the nested shapes


# What a timing process cleans first, untimed: loading the rules and tables is not growth.
WARM_UP = f"{PROSE}\nAdvertisement\n{PROSE}"
WARM_UP_PAGE = f"<html><body><article><p>{PROSE}</p><p>Advertisement</p></article></body></html>"


@dataclass(frozen=True, slots=True)
class Shape:
    """One hostile input: ``build(size)`` makes about ``size`` characters of it."""

    name: str
    stresses: str  # the stage, or the kind of search, that the shape once made quadratic
    html: bool
    build: Callable[[int], str]


def _around(body: str) -> str:
    """The article's prose on both sides of ``body``, as scraped text has it."""
    return f"{PROSE}\n{body}\n{PROSE}"


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def _page(body: str) -> str:
    return (
        "<html><head><title>Council budget</title></head><body><article>"
        f"<p>{PROSE}</p>{body}</article></body></html>"
    )


def _address_run(size: int) -> str:
    return _around(_repeat("a-", size) + "@")


def _digit_list(size: int) -> str:
    half = "1" * (size // 2)
    return _around(f"The results:\n- {half}\n- {half.replace('1', '2')}\n- 3 goals")


def _colon_lead(size: int) -> str:
    return _around(_repeat(": ", size))


def _long_sentence(size: int) -> str:
    return _around(_repeat("and the council met again ", size))


def _junk_lines(size: int) -> str:
    return _around(_repeat("Advertisement\n", size))


def _headlines(size: int) -> str:
    unit = len("Headline number 00000 about topic 00\n")
    return _around(
        "".join(f"Headline number {i} about topic {i * 7 % 13}\n" for i in range(size // unit))
    )


def _end_markers(size: int) -> str:
    return _around(_repeat(f"Comments\n{LETTER}\n", size))


def _schedule(size: int) -> str:
    unit = len("Saturday 12 March 2025, Town Hall (00000)\n")
    dates = "".join(f"Saturday 12 March 2025, Town Hall ({i})\n" for i in range(size // unit))
    return _around("The dates are:\n" + dates)


def _settings(size: int) -> str:
    return _around(_repeat("width=100 height=200 depth=3 mode=fast\n", size))


def _paragraphs(size: int) -> str:
    unit = len(PROSE) + 8
    return "\n".join(f"{PROSE} ({i})" for i in range(size // unit))


def _role_blocks(size: int) -> str:
    unit = "<div class='share-{i} comment-{i}'><p>Block {i} says the council met again.</p></div>"
    n = size // len(unit)
    return _page("".join(unit.format(i=i) for i in range(n)))


def _nests(block: str, close: str, size: int) -> str:
    """Role elements nested ``NESTED`` deep, one nest after another, to about ``size``:
    ``block`` opens one ("{g}" and "{i}" in it number the nest and the element) and
    ``close`` ends it. A line in one lies in every element around it (a parser caps how
    deep a page may nest at all)."""
    nest = "".join(block.replace("{i}", str(i)) for i in range(NESTED)) + close * NESTED
    return _page("".join(nest.replace("{g}", str(g)) for g in range(max(1, size // len(nest)))))


def _related_lists(size: int) -> str:
    """Lists of related links, each link in as many lists as nest around it."""
    item = "<ul class='related'><li><a href='/g{g}-s{i}'>Story {i} about something else</a>"
    return _nests(item, "</li></ul>", size)


def _nested_repeats(size: int) -> str:
    """Role blocks, each with the same line and one of its own: every copy of the line
    lies in every block around it."""
    block = "<div class='related'><p>Read more about the budget</p><p>Item {g}-{i} here</p>"
    return _nests(block, "</div>", size)


def _promotions(size: int) -> str:
    unit = (
        "<p>Paragraph {i} of the budget story goes on about the council.</p>"
        "<div class='promo'><p>Sign up for our newsletter to get the best stories</p></div>"
    )
    return _page("".join(unit.format(i=i) for i in range(size // len(unit))))


def _unclosed_comments(size: int) -> str:
    return _page(_repeat("<!--", size))


def _bare_brackets(size: int) -> str:
    return _page(_repeat("<", size))


SHAPES: tuple[Shape, ...] = (
    Shape("one long line of “a-a-…@”", "e-mail pattern (features)", False, _address_run),
    Shape("a list of two long digit runs", "number pattern (structure)", False, _digit_list),
    Shape("one long line of “: ”", "label pattern (structure)", False, _colon_lead),
    Shape("one long sentence", "features on one line", False, _long_sentence),
    Shape("“Advertisement” on every line", "rules, repeats", False, _junk_lines),
    Shape("distinct headlines", "story lists (regions)", False, _headlines),
    Shape("“Comments” over each letter", "cut vetoes (decide)", False, _end_markers),
    Shape("dates under one lead-in", "introduced lists (structure)", False, _schedule),
    Shape("key=value lines", "program output (structure)", False, _settings),
    Shape("paragraphs of prose", "nothing: the ordinary case", False, _paragraphs),
    Shape("blocks with role classes", "role hints (html.roles)", True, _role_blocks),
    Shape("nested lists of related links", "role hints (html.roles)", True, _related_lists),
    Shape("a line repeated in nested role blocks", "copies in role blocks", True, _nested_repeats),
    Shape("a promotion after each paragraph", "copies in role blocks", True, _promotions),
    Shape("unclosed “<!--”", "text outside the markup (html)", True, _unclosed_comments),
    Shape("bare “<”", "text outside the markup (html)", True, _bare_brackets),
)
