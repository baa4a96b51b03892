"""HTML input: trafilatura finds the main content, cleaner removes what it left in.

The page is parsed once (lxml, via trafilatura's own loader, which also guesses the
encoding). Before trafilatura prunes its copy, the DOM is read for what markup says about
roles: a ``<figcaption>``, an element whose class or id names it "related", "share",
"newsletter", "byline"... (see ``_ROLES``). trafilatura's structured body (paragraphs,
headings, list items, table rows, with links as ``<ref>``) is rendered one line per block,
as its own text output renders it. Each line then gets a ``LineHint``: the role of the
smallest hinted element whose text holds the line (unless the line's text also occurs
outside every hinted element), and the share of its text inside links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import regex
from lxml import etree
from lxml.html import HtmlElement

from .features import LineHint
from .result import Kind

# trafilatura options, chosen by measurement on both benchmarks (see the report in bench/).
EXTRACT_OPTIONS: dict[str, object] = {
    "include_comments": False,
    "include_tables": True,
    "include_links": True,
    "favor_recall": True,
    "with_metadata": False,
}

# -- rendering trafilatura's body, one line per block ------------------------------------

_NEWLINE = frozenset({"p", "head", "quote", "code", "list", "table", "row", "item", "div", "ab"})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Block:
    """One extracted line and what its markup says about it."""

    text: str
    tag: str
    link_share: float
    kind: Kind | None = None
    reason: str = ""

    def hint(self) -> LineHint:
        """The scorer's view of this line's markup."""
        return LineHint(self.kind, self.reason, self.link_share)


@dataclass(frozen=True, slots=True)
class Rendered:
    """One rendered line: its text, block tag, characters inside links, and the unlinked
    text before its first link (``None`` when the line has no link)."""

    text: str
    tag: str
    linked: int
    lead: str | None
    level: int = 0  # heading level (1 for <h1>...), 0 for other blocks


class _Lines:
    """Accumulates inline text into lines, remembering which pieces sit inside links."""

    def __init__(self) -> None:
        self.out: list[Rendered] = []
        self._parts: list[tuple[str, bool]] = []
        self._tag = "p"
        self._level = 0

    def add(self, text: str | None, linked: bool) -> None:
        if not text:
            return
        for k, piece in enumerate(text.split("\n")):
            if k:
                self.flush()
            self._parts.append((piece, linked))

    def start(self, tag: str, level: int = 0) -> None:
        self.flush()
        self._tag = tag
        self._level = level

    def flush(self) -> None:
        parts = self._parts
        text = _clean("".join(p for p, _ in parts))
        if text:
            linked = sum(len(_clean(p)) for p, in_link in parts if in_link)
            lead = None
            if linked:
                first = next(k for k, (p, in_link) in enumerate(parts) if in_link and p.strip())
                lead = _clean("".join(p for p, _ in parts[:first]))
            self.out.append(Rendered(text, self._tag, linked, lead, self._level))
        parts.clear()


_INVISIBLE = regex.compile(r"\p{C}+")  # control, format (soft hyphen, zero width), private


def _clean(text: str) -> str:
    """Whitespace folded, invisible characters (soft hyphens...) dropped, as trafilatura."""
    text = _SPACE.sub(" ", text)
    if not text.isprintable():
        text = _INVISIBLE.sub("", text)
    return text.strip()


def _walk(el: etree._Element, acc: _Lines, linked: bool, in_row: bool) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "lb":
        if in_row:
            acc.add(" ", linked)
        else:
            acc.flush()
    elif tag == "row":
        acc.start("row")
        in_row = True
    elif tag == "cell":
        if el.getprevious() is not None:
            acc.add(" | ", False)
    elif tag in _NEWLINE and not in_row:
        rend = el.get("rend") or ""
        acc.start(tag, int(rend[1]) if tag == "head" and rend[1:2].isdigit() else 0)
        if tag == "item":
            acc.add("- ", False)
    linked = linked or tag == "ref"
    acc.add(el.text, linked)
    for child in el:
        _walk(child, acc, linked, in_row)
    if (tag in _NEWLINE and not in_row) or tag == "row":
        acc.flush()
    elif tag not in ("ref", "hi", "del", "code", "cell", "lb", ""):
        acc.add(" ", False)
    acc.add(el.tail, linked and tag != "ref")


def render(body: etree._Element) -> list[Rendered]:
    """trafilatura's body rendered one line per block, as its text output renders it."""
    acc = _Lines()
    acc.add(body.text, False)
    for child in body:
        _walk(child, acc, False, False)
    acc.flush()
    return acc.out


# -- roles from the DOM -------------------------------------------------------------------

# Class/id segments (lower-cased words of a token split on "-", "_" and case changes) that
# name an element's role; a segment must equal one of these, so "shared" or "head" do not.
_ROLES: dict[str, Kind] = {
    **dict.fromkeys(["caption", "captions", "figcaption", "wp-caption"], Kind.CAPTION),
    **dict.fromkeys(
        ["related", "recommended", "recommendations", "recirculation", "morestories"],
        Kind.RELATED,
    ),
    **dict.fromkeys(["share", "sharing", "sharebar", "social", "sociallinks"], Kind.SHARE),
    **dict.fromkeys(
        ["newsletter", "newsletters", "subscribe", "subscription", "signup"],
        Kind.SUBSCRIBE,
    ),
    **dict.fromkeys(["byline", "credit", "credits", "author", "authors"], Kind.CREDIT),
    **dict.fromkeys(["tags", "breadcrumb", "breadcrumbs", "pagination"], Kind.NAVIGATION),
    **dict.fromkeys(["comment", "comments", "disqus"], Kind.COMMENTS),
    **dict.fromkeys(
        ["ad", "ads", "advert", "adverts", "advertisement", "sponsor", "sponsored", "promo"],
        Kind.ADVERTISEMENT,
    ),
}
# Two-segment phrases: "more-stories", "read-more", "sign-up", "most-read", "also-read".
_PAIRS: dict[tuple[str, str], Kind] = {
    ("more", "stories"): Kind.RELATED,
    ("read", "more"): Kind.RELATED,
    ("also", "read"): Kind.RELATED,
    ("you", "may"): Kind.RELATED,
    ("sign", "up"): Kind.SUBSCRIBE,
}
_TAGS: dict[str, Kind] = {"figcaption": Kind.CAPTION}
# A segment after one of these describes the element rather than naming its role
# ("no-share", "has-ads", "enable-pin-share", "header--no-promo").
_NEGATIONS = frozenset(
    ["no", "not", "non", "has", "with", "without", "enable", "disable", "is", "show", "hide"]
)
# A token with one of these names the post's taxonomy (WordPress's "category-social",
# "tag-sponsor", "internal_cat-sponsored"), not the element's role.
_TAXONOMY = frozenset(["category", "categories", "cat", "tag"])
_PART = re.compile(r"[A-Za-z0-9]+")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
# Cheap first test on the lower-cased value (most name no role): a keyword occurs in it.
_MAYBE = re.compile("|".join(sorted({*_ROLES, "stories", "more", "also", "may", "sign"})))
_ATTRS = etree.XPath("//@class | //@id")


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
        for before, seg in pairwise(["", *segs]):
            kind = _ROLES.get(seg) or _PAIRS.get((before, seg))
            if kind is not None and before not in _NEGATIONS:
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


@dataclass(frozen=True, slots=True)
class DomHints:
    """Hinted elements (innermost first) and the page's whole text, to match lines against."""

    hinted: list[_Hinted]
    page: str


_NOT_HINTED = frozenset({"html", "body", "head"})
_NOT_TEXT = ("script", "style", "noscript", "template", "svg", etree.Comment)


def _roles(tree: HtmlElement) -> list[tuple[etree._Element, Kind, str]]:
    """Elements that name their role (by tag, class or id), in document order, once each."""
    found: dict[etree._Element, tuple[Kind, str]] = {}
    for value in _ATTRS(tree):
        role = role_of_names(value)
        if role is not None:
            el = value.getparent()
            if el.tag not in _NOT_HINTED and el not in found:
                found[el] = (role[0], f'<{el.tag} {value.attrname}="{role[1]}">')
    for tag, kind in _TAGS.items():
        for el in tree.iter(tag):
            found[el] = (kind, f"<{tag}>")
    return [(el, kind, reason) for el, (kind, reason) in found.items()]


def dom_hints(tree: HtmlElement) -> DomHints:
    """What the DOM says about roles, with the page's text to check matches against.

    Strips scripts, styles and comments from ``tree`` (so text is read at C speed): call
    it once trafilatura, which works on its own copy, is done with the page.
    """
    roles = _roles(tree)
    if not roles:
        return DomHints([], "")
    etree.strip_elements(tree, *_NOT_TEXT, with_tail=False)
    marked = {el for el, _, _ in roles}
    hinted: list[_Hinted] = []
    for el, kind, reason in roles:
        text = _text(el)
        if text:
            top = not any(a in marked for a in el.iterancestors())
            hinted.append(_Hinted(text, kind, reason, top))
    hinted.sort(key=lambda h: len(h.text))
    body = tree.find("body")
    return DomHints(hinted, _text(tree if body is None else body))


def _text(el: etree._Element) -> str:
    return _clean(etree.tostring(el, method="text", encoding=str, with_tail=False))


# -- putting it together --------------------------------------------------------------------


# Hinted lines that would make up more than this share of the extracted text are the
# article itself, whatever the markup says: a class like "paywall", "author-jane" or
# "has-ads" on the article's own container, a slideshow told in figcaptions, a forum
# thread whose posts are "comments".
WRAPPER_SHARE = 0.5
# Longest line (in words) a role plausibly holds: a tag list or share bar holds no prose.
_MAX_WORDS: dict[Kind, int] = {Kind.NAVIGATION: 12, Kind.SHARE: 12, Kind.CREDIT: 40}
_DEFAULT_MAX_WORDS = 80


def _innermost(key: str, dom: DomHints) -> int | None:
    """Index of the innermost hinted element holding ``key``, unless it also occurs outside."""
    for i, h in enumerate(dom.hinted):
        if key in h.text:
            inside = sum(g.text.count(key) for g in dom.hinted if g.top)
            return i if dom.page.count(key) <= inside else None
    return None


def _hint_lines(lines: list[Rendered], dom: DomHints) -> list[_Hinted | None]:
    """The hinted element each line sits in, or None; wrappers (see WRAPPER_SHARE) vetoed."""
    found: list[_Hinted | None] = [None] * len(lines)
    for k, line in enumerate(lines):
        if line.tag != "row":
            i = _innermost(line.text[2:] if line.tag == "item" else line.text, dom)
            found[k] = None if i is None else dom.hinted[i]
    total = sum(len(line.text) for line in lines)
    held: dict[object, int] = {}
    for line, h in zip(lines, found, strict=True):
        if h is not None:
            for key in (id(h), h.kind):
                held[key] = held.get(key, 0) + len(line.text)
    vetoed = {key for key, n in held.items() if n > WRAPPER_SHARE * total}
    return [
        None
        if h is None
        or id(h) in vetoed
        or h.kind in vetoed
        or len(line.text.split()) > _MAX_WORDS.get(h.kind, _DEFAULT_MAX_WORDS)
        else h
        for line, h in zip(lines, found, strict=True)
    ]


def blocks_from_body(body: etree._Element, dom: DomHints | None = None) -> list[Block]:
    """trafilatura's body as blocks, each with the role its DOM element declared."""
    lines = render(body)
    found = _hint_lines(lines, dom) if dom is not None and dom.hinted else [None] * len(lines)
    if found and found[0] is not None and found[0].kind == Kind.CAPTION:
        found[0] = None  # opening the text, a "caption" is a video's or gallery's lead
    out: list[Block] = []
    for k, (line, h) in enumerate(zip(lines, found, strict=True)):
        share = min(1.0, line.linked / len(line.text))
        if h is not None:
            reason = f"in {h.reason}: {h.kind.value}"
            out.append(Block(line.text, line.tag, share, h.kind, reason))
        elif _label_and_link(line):
            out.append(Block(line.text, line.tag, share, Kind.RELATED, _LABEL_LINK_REASON))
        elif k and k == len(lines) - 1 and _heading_like(line):
            out.append(Block(line.text, line.tag, share, Kind.RELATED, _ORPHAN_REASON))
        else:
            out.append(Block(line.text, line.tag, share))
    return out


ORPHAN_MAX_WORDS = 6
_ORPHAN_REASON = "a heading that ends the text: what it introduced (a list of links) is gone"


def _heading_like(line: Rendered) -> bool:
    """A short heading, or a short label ending with a colon."""
    if len(line.text.split()) > ORPHAN_MAX_WORDS:
        return False
    return line.tag == "head" or line.text.endswith(":")


_LABEL = re.compile(r"^\W*\w[^.!?]{0,39}(?::|\||>>|»)$")
_LABEL_LINK_REASON = "a short label, then a link to another page's headline"
LABEL_LINK_SHARE = 0.5


def _label_and_link(line: Rendered) -> bool:
    """ "Read more: <a>Another story</a>" in any language: a label of a few words ending
    with a colon (or "|", ">>"), then a linked headline of three words or more."""
    if not line.lead or line.linked < LABEL_LINK_SHARE * len(line.text):
        return False
    if len(line.lead.split()) > 4 or not _LABEL.match(line.lead):
        return False
    rest = line.text[len(line.lead) :]
    return len(rest.split()) >= 3 and not rest.rstrip().endswith((".", "!"))


def load(html: str | bytes) -> HtmlElement | None:
    """Parse ``html`` once; bytes are decoded by trafilatura (declared or guessed charset)."""
    from trafilatura.utils import load_html

    if not html or not html.strip():
        return None
    return load_html(html)


def extract_body(tree: HtmlElement, url: str | None) -> etree._Element | None:
    """trafilatura's main-content body for ``tree`` (it works on a copy), or None."""
    from trafilatura import bare_extraction

    doc = bare_extraction(tree, url=url, **EXTRACT_OPTIONS)  # type: ignore[arg-type]
    return getattr(doc, "body", None) if doc is not None else None


def extract_blocks(html: str | bytes, url: str | None = None) -> list[Block]:
    """Run trafilatura on ``html`` and return its main content as blocks (empty if none)."""
    tree = load(html)
    if tree is None:
        return []
    body = extract_body(tree, url)
    return [] if body is None else blocks_from_body(body, dom_hints(tree))
