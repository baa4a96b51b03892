"""Roles from the DOM: elements whose tag, class or id names what they hold.

A ``<figcaption>``, or a class/id such as ``related-posts``, ``share-bar``, ``newsletter``,
``byline``, ``tags``, ``comments``, ``ad-slot`` (matched as whole words, so ``shared`` or
``header`` do not count), gives the lines inside it a kind, unless the line's text also
occurs outside such elements, or the element holds most of the extracted text (then it is
the article's own container). The page's titles (``<title>``, og:title, ``<h1>``) are read
here too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import cast

import regex
from lxml import etree
from lxml.html import HtmlElement

from ..heuristics import DEFAULT, SHORT_LINE_WORDS, HtmlParams
from ..result import Kind
from .lines import Rendered, fold
from .occurrences import occurrences

# Class/id segments (lower-cased words of a token split on "-", "_" and case changes) that
# name an element's role; a segment must equal one of these, so "shared" or "head" do not.
_ROLES: dict[str, Kind] = {
    **dict.fromkeys(["caption", "captions", "figcaption"], Kind.CAPTION),
    **dict.fromkeys(
        ["related", "recommended", "recommendations", "recirc", "recirculation", "morestories"],
        Kind.RELATED,
    ),
    **dict.fromkeys(["share", "sharing", "sharebar", "sharebox", "social"], Kind.SHARE),
    **dict.fromkeys(
        ["newsletter", "newsletters", "subscribe", "subscription", "signup"],
        Kind.SUBSCRIBE,
    ),
    **dict.fromkeys(["byline", "credit", "credits", "author", "authors"], Kind.CREDIT),
    **dict.fromkeys(["tags", "breadcrumb", "breadcrumbs", "pagination"], Kind.NAVIGATION),
    **dict.fromkeys(["comment", "comments", "disqus"], Kind.COMMENTS),
    **dict.fromkeys(
        [
            "ad",
            "ads",
            "advert",
            "adverts",
            "advertisement",
            "sponsor",
            "sponsored",
            "promo",
            "promoted",
        ],
        Kind.ADVERTISEMENT,
    ),
}
# Two-segment phrases: "more-stories", "read-more", "sign-up", "most-read", "also-read".
_PAIRS: dict[tuple[str, str], Kind] = {
    ("more", "stories"): Kind.RELATED,
    ("most", "read"): Kind.RELATED,
    ("most", "popular"): Kind.RELATED,
    ("read", "more"): Kind.RELATED,
    ("also", "read"): Kind.RELATED,
    ("you", "may"): Kind.RELATED,
    ("sign", "up"): Kind.SUBSCRIBE,
}
_TAGS: dict[str, Kind] = {"figcaption": Kind.CAPTION}
# A segment after one of these describes the element rather than naming its role
# ("no-share", "has-ads", "enable-pin-share", "header--no-promo"); so does a token that starts
# with one: Drupal's "node--promoted" says the article is promoted to the front page.
_NEGATIONS = frozenset(
    ["no", "not", "non", "has", "with", "without", "enable", "disable", "is", "show", "hide"]
).union(["node"])
# A token with one of these names the post's taxonomy (WordPress's "category-social",
# "tag-sponsor", "internal_cat-sponsored"), not the element's role.
_TAXONOMY = frozenset(["category", "categories", "cat", "tag"])
# A segment after the role word that says the element's state, not its role: a product
# "subscription-eligible", a "comments-enabled" article, a "share-active" toggle.
_STATES = frozenset(
    [
        *("eligible", "enabled", "disabled", "active", "inactive", "available", "allowed"),
        *("open", "closed", "visible", "hidden", "count", "counter", "number", "icon", "toggle"),
    ]
)
_PART = re.compile(r"[A-Za-z0-9]+")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _cover(words: set[str]) -> list[str]:
    """The words of ``words`` that hold none of the others: a text holds one of ``words``
    exactly when it holds one of these."""
    return sorted(w for w in words if not any(v != w and v in w for v in words))


# Cheap first test on the lower-cased value (most name no role): a keyword occurs in it.
# Only the shortest keywords need looking for ("ad" stands for "advert", "share" for
# "sharebar"): fewer branches for the engine to try at every character of every value.
_MAYBE = re.compile("|".join(_cover({*_ROLES, "stories", "more", "most", "also", "may", "sign"})))


@lru_cache(maxsize=8192)
def role_of_names(names: str) -> tuple[Kind, str] | None:
    """The role that a class or id value names, with the token that names it.

    Tokens are split into lower-cased segments at "-", "_" and case changes, and a segment
    must equal a keyword: "share-bar" and "c-related" name roles, "shared" and "header" not.
    """
    if not _MAYBE.search(names.lower()):
        return None
    for token in names.split():
        segs = _segments(token)
        if not segs or segs[0] in _NEGATIONS or _TAXONOMY.intersection(segs):
            continue
        for n, (before, seg) in enumerate(pairwise(["", *segs])):
            kind = _ROLES.get(seg) or _PAIRS.get((before, seg))
            if kind is None or before in _NEGATIONS or _STATES.intersection(segs[n + 1 :]):
                continue
            return kind, token
    return None


def _segments(token: str) -> list[str]:
    """Lower-cased words of a class token: split at punctuation and case changes; a run
    mixing letters and digits ("orgd7109ad", a hash) stays one segment."""
    segs: list[str] = []
    for part in _PART.findall(token):
        if part.isalpha():
            segs += [w.lower() for w in _CAMEL.findall(part)]
        else:
            segs.append(part.lower())
    return segs


@dataclass(frozen=True, slots=True)
class _Hinted:
    text: str
    kind: Kind
    reason: str
    top: bool  # no hinted ancestor: its text counts towards the hinted occurrences


class PageText:
    """The page's text (see ``page_text``), read on first use and then kept: the check for
    a short extraction and the hints' "does this line occur elsewhere" share one read."""

    def __init__(self, tree: HtmlElement) -> None:
        self._tree: HtmlElement | None = tree
        self._text = ""

    @property
    def text(self) -> str:
        if self._tree is not None:
            self._text, self._tree = page_text(self._tree), None
        return self._text


class DomHints:
    """Hinted elements (innermost first), the page's text to tell where else a line is, and
    the titles the page gives itself (normalised, see ``title_key``)."""

    def __init__(
        self,
        hinted: list[_Hinted],
        page: PageText | None = None,
        titles: tuple[str, ...] = (),
    ) -> None:
        self.hinted = hinted
        self._page = page
        self.titles = titles
        # The hinted texts in one string, so that a line in none of them (most lines) is
        # told by one search; a folded text holds no newline, so no line spans two.
        self.joined = "\n".join(h.text for h in hinted)
        self.starts = _starts(h.text for h in hinted)
        # The texts of the elements with no hinted ancestor: a line's count in them is
        # its count in all of their texts, found by one search, not one per element.
        self.top = "\n".join(h.text for h in hinted if h.top)

    @property
    def page(self) -> str:
        """The page's text (see ``page_text``), read on first use."""
        return "" if self._page is None else self._page.text


_NOT_HINTED = frozenset({"html", "body", "head"})
# Text nodes outside scripts and styles (a comment is no text node); <noscript> counts:
# pages hide all in it. The HTML parser reads a script's or style's content as raw text,
# no elements, so a text node in one is its child: testing the parent is enough, and
# cheaper than walking every text node's ancestors.
_VISIBLE_TEXT = etree.XPath(".//text()[not(parent::script or parent::style)]", smart_strings=False)


def page_text(tree: HtmlElement) -> str:
    """The text of the page's body (of the whole page when it has none), scripts and styles
    left out, folded as ``element_text`` folds an element's."""
    body = tree.find("body")
    return fold("".join(cast(list[str], _VISIBLE_TEXT(tree if body is None else body))))


def _roles(
    tree: HtmlElement, slug_words: int = DEFAULT.html.slug_words
) -> list[tuple[etree._Element, Kind, str]]:
    """Elements that name their role (by tag, class or id), in document order, once each.

    Not every name is a role: a heading's id is the slug of its own text ("related-work"),
    and so is the id of a section that a documentation generator wraps around a heading
    (``<section id="respond-to-review-comments"><h2>Respond to review comments``); inside
    a code block the classes are a syntax highlighter's token types ("hljs-comment",
    "token comment")."""
    found: dict[etree._Element, tuple[Kind, str]] = {}
    for attr in ("class", "id"):
        for value in tree.xpath(f"//@{attr}"):
            names = str(value)  # a plain str: the cache must not hold the tree
            role = role_of_names(names)
            if role is not None:
                el = value.getparent()
                if el.tag in _NOT_HINTED or el in found:
                    continue
                if attr == "id" and (el.tag in _HEADINGS or _heading_slug(el, names, slug_words)):
                    continue
                if _in_code(el):
                    continue
                found[el] = (role[0], f'<{el.tag} {attr}="{role[1]}">')
    for tag, kind in _TAGS.items():
        for el in tree.iter(tag):
            found[el] = (kind, f"<{tag}>")
    return [(el, kind, reason) for el, (kind, reason) in found.items()]


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SLUG_SEP = regex.compile(r"[\W_]+")


def _heading_slug(el: etree._Element, value: str, min_words: int) -> bool:
    """The id is the slug of the heading that opens the element, a title of ``min_words``
    or more: an anchor a documentation generator made from the section's title."""
    first = next(el.iterchildren(tag=etree.Element), None)
    if first is None or first.tag not in _HEADINGS:
        return False
    slug = _SLUG_SEP.sub(" ", value.casefold()).split()
    title = _SLUG_SEP.sub(" ", element_text(first).casefold()).split()
    return len(slug) >= min_words and slug == title


_CODE_TAGS = frozenset({"pre", "code", "samp", "kbd"})


def _in_code(el: etree._Element) -> bool:
    """The element is (or sits in) a code block (the ancestors are tested by lxml, which
    then builds no object for each)."""
    return el.tag in _CODE_TAGS or next(el.iterancestors(*_CODE_TAGS), None) is not None


def dom_hints(
    tree: HtmlElement, page: PageText | None = None, p: HtmlParams = DEFAULT.html
) -> DomHints:
    """What the DOM says about roles (and the page's titles); ``page``: the page's text,
    if it is already at hand. An element inside more than ``p.role_depth`` others that
    name a role is left to them, and an id that is the slug of a title of ``p.slug_words``
    or more names none."""
    roles = _roles(tree, p.slug_words)
    marked = {el for el, _, _ in roles}
    hinted: list[_Hinted] = []
    for el, kind, reason in roles:
        depth = sum(1 for a in el.iterancestors() if a in marked)
        if depth > p.role_depth:
            continue
        text = element_text(el)
        if text:
            hinted.append(_Hinted(text, kind, reason, depth == 0))
    hinted.sort(key=lambda h: len(h.text))
    return DomHints(hinted, (page or PageText(tree)) if hinted else None, _titles(tree))


_TITLES = etree.XPath(
    "//head/title/text() | //meta[@property='og:title' or @name='og:title'"
    " or @name='twitter:title' or @property='twitter:title']/@content",
    smart_strings=False,
)
_H1 = etree.XPath("//h1")
_NOT_WORD = regex.compile(r"[\W_]+")


def title_key(text: str) -> str:
    """A title as compared: case folded, punctuation and spacing runs as one space."""
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def _titles(tree: HtmlElement) -> tuple[str, ...]:
    """The page's title as its <title>, its social-media tags and its <h1> headings state it."""
    stated = [
        *cast(list[str], _TITLES(tree)),
        *(element_text(h) for h in cast(list[etree._Element], _H1(tree))),
    ]
    return tuple(dict.fromkeys(key for t in stated if (key := title_key(t))))


def element_text(el: etree._Element) -> str:
    """An element's text (not its tail), folded as extracted lines are."""
    return fold(etree.tostring(el, method="text", encoding=str, with_tail=False))


def _starts(texts: Iterable[str]) -> list[int]:
    """Where each of ``texts`` starts in the string that joins them by newlines."""
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    return starts


def _holders(key: str, joined: str, starts: Sequence[int]) -> Iterator[int]:
    """The index of the text (of those ``joined`` joins, starting at ``starts``) of each
    occurrence of ``key``, left to right and not overlapping; an empty key is in each."""
    if not key:
        yield from range(len(starts))
        return
    at = joined.find(key)
    while at >= 0:
        yield bisect_right(starts, at) - 1
        at = joined.find(key, at + len(key))


class _Places:
    """Where the lines' keys occur: in the hinted elements' texts, in the page's text and
    in the texts of the hinted elements with no hinted ancestor; each text searched once
    for all the keys (``occurrences``), the page's for the keys some element holds."""

    def __init__(self, keys: Iterable[str], dom: DomHints) -> None:
        self._dom = dom
        self._holders: dict[str, list[int]] = {}
        self._copies: dict[str, tuple[int, list[int], Counter[int]]] = {}
        self.hinted = occurrences(dom.joined, keys)
        held = [key for key, found in self.hinted.items() if found]
        # The page's text is read only when some element holds a line (see ``PageText``).
        self._page = occurrences(dom.page, held) if held else {}
        self._top = occurrences(dom.top, held) if held else {}

    def holders(self, key: str) -> list[int]:
        """The hinted element of each occurrence of ``key`` (innermost first, an element
        once per occurrence, as ``str.count`` counts; see ``_holders``), remembered: the
        lines of a text that recurs share it."""
        found = self._holders.get(key)
        if found is None:
            found = _holders_at(key, self.hinted, self._dom.joined, self._dom.starts)
            self._holders[key] = found
        return found

    def copies(self, key: str, vetoed: set[int | Kind]) -> tuple[int, list[int], Counter[int]]:
        """The copies of ``key`` in the elements still in force (none ``vetoed``, nor their
        kind), the elements that hold any copy in ascending order (so by the length of
        their text, see ``dom_hints``), and the copies each holds. Remembered per key:
        ``vetoed`` is the same for every line of a page."""
        found = self._copies.get(key)
        if found is None:
            count = Counter(self.holders(key))
            hinted = self._dom.hinted
            in_force = sum(
                copies
                for j, copies in count.items()
                if j not in vetoed and hinted[j].kind not in vetoed
            )
            found = self._copies[key] = (in_force, sorted(count), count)
        return found

    def in_page(self, key: str) -> int:
        """``key``'s count in the page's text (``str.count``)."""
        return len(self._page[key]) if key else self._dom.page.count(key)

    def in_top(self, key: str) -> int:
        """``key``'s count in the texts of the hinted elements with no hinted ancestor."""
        return len(self._top[key]) if key else self._dom.top.count(key)


def _holders_at(
    key: str, where: dict[str, list[int]], joined: str, starts: Sequence[int]
) -> list[int]:
    """``_holders``, from the places of ``key`` in ``joined`` that ``occurrences`` found
    (``where``), not from a search of its own."""
    if not key:
        return list(_holders(key, joined, starts))
    return [bisect_right(starts, at) - 1 for at in where[key]]


def _innermost(key: str, places: _Places) -> int | None:
    """Index of the innermost hinted element holding ``key``, unless it also occurs outside."""
    holders = places.holders(key)  # the elements are innermost first
    if not holders:
        return None
    return holders[0] if places.in_page(key) <= places.in_top(key) else None


def hint_lines(lines: list[Rendered], dom: DomHints, p: HtmlParams) -> list[_Hinted | None]:
    """The hinted element each line sits in, or None; wrappers (``wrapper_share``) vetoed.

    An element is a wrapper when its own text holds more than ``wrapper_share`` of the
    extracted text, or when the lines it is innermost for do: whatever its class says,
    it holds the article."""
    keys = [_key(line) for line in lines]
    places = _Places((key for line, key in zip(lines, keys, strict=True) if line.tag != "row"), dom)
    found: list[int | None] = [
        None if line.tag == "row" else _innermost(key, places)
        for line, key in zip(lines, keys, strict=True)
    ]
    total = sum(len(line.text) for line in lines)
    held: dict[int | Kind, int] = {}
    for line, i in zip(lines, found, strict=True):
        if i is not None:
            for key in (i, dom.hinted[i].kind):
                held[key] = held.get(key, 0) + len(line.text)
    vetoed = {key for key, n in held.items() if n > p.wrapper_share * total}
    held_lines = sorted({i for i in found if i is not None and i not in vetoed})
    inside = _text_inside(lines, keys, [dom.hinted[i].text for i in held_lines])
    vetoed.update(i for i, n in zip(held_lines, inside, strict=True) if n > p.wrapper_share * total)
    out: list[_Hinted | None] = []
    for n, (line, i) in enumerate(zip(lines, found, strict=True)):
        h = None if i is None or i in vetoed else dom.hinted[i]
        if (
            h is not None
            and h.kind not in vetoed
            and _fits(line, h.kind, p)
            and not _quoted_article(n, keys, found, dom, places, vetoed)
        ):
            out.append(h)
        else:
            out.append(None)
    return out


def _text_inside(lines: list[Rendered], keys: list[str], texts: list[str]) -> list[int]:
    """How much of the lines' text each of ``texts`` holds (a line counts once for each
    text it is found in), spacing aside: an element's text runs its blocks together
    ("end.Next"), its lines have a space there."""
    texts = ["".join(text.split()) for text in texts]
    joined, starts = "\n".join(texts), _starts(texts)
    bare = ["".join(key.split()) for key in keys]
    where = occurrences(joined, bare)
    # The lines of one text are counted together: a text that recurs lies in every block
    # around each of its copies, and walking those blocks again for each line cost a page
    # of copies the square of their number.
    length: dict[str, int] = {}
    for line, key in zip(lines, bare, strict=True):
        length[key] = length.get(key, 0) + len(line.text)
    inside = [0] * len(texts)
    for key, total in length.items():
        for m in set(_holders_at(key, where, joined, starts)):
            inside[m] += total
    return inside


def _quoted_article(
    n: int,
    keys: list[str],
    found: list[int | None],
    dom: DomHints,
    places: _Places,
    vetoed: set[int | Kind],
) -> bool:
    """Line ``n`` is the article's, though its text is found in a role element: no line
    next to it has that role, and the text stands in the page again outside the element
    and outside every other role element still in force (a comment quoting the article's
    paragraph, under a post whose class names a role and so is a wrapper). A short text
    (a name, a label, a comma) found again says nothing of where the line came from."""
    i = found[n]
    assert i is not None
    key = keys[n]
    if len(key.split()) <= SHORT_LINE_WORDS:
        return False
    own = dom.hinted[i]
    for m in (n - 1, n + 1):
        j = found[m] if 0 <= m < len(found) else None
        if j is not None and j not in vetoed and dom.hinted[j].kind is own.kind:
            return False  # in a run of lines with its role: a comment section, a box
    elsewhere = places.in_page(key) - own.text.count(key)
    if elsewhere <= 0:
        return False
    # The copies in the other elements in force. An element around ``i`` holds the same
    # copy, so it does not count; one with the very same text may be a sibling (the same
    # promotion under every product), so it counts. Only an element with a longer text
    # can hold ``i``'s, and those come last (``dom_hints`` sorts them by length): the
    # ones to take off are looked for there, not among all the holders for each line.
    in_force, holders, count = places.copies(key, vetoed)
    longer = bisect_right(holders, len(own.text), key=lambda j: len(dom.hinted[j].text))
    around = sum(
        count[j]
        for j in holders[longer:]
        if j not in vetoed and (h := dom.hinted[j]).kind not in vetoed and own.text in h.text
    )
    explained = in_force - count[i] - around
    return explained < elsewhere


def _key(line: Rendered) -> str:
    """The line's text as it reads in the DOM (without the list marker)."""
    return line.text[2:] if line.tag == "item" else line.text


def _fits(line: Rendered, kind: Kind, p: HtmlParams) -> bool:
    """The line is no longer than what a role of ``kind`` plausibly holds."""
    if kind is Kind.NAVIGATION:
        limit = p.navigation_max_words
    elif kind is Kind.SHARE:
        limit = p.share_max_words
    elif kind is Kind.CREDIT:
        limit = p.credit_max_words
    else:
        limit = p.role_max_words
    return len(line.text.split()) <= limit
