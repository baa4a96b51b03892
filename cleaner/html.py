"""HTML input: trafilatura finds the main content, cleaner removes what it left in.

The page is parsed once (trafilatura's loader: it decodes bytes by their declared or
guessed charset). trafilatura extracts from its own copy, in recall mode (``favor_recall``):
it keeps more, and faster, leaving precision to the cleaner; when it finds little, the
balanced mode, which escalates on its own, gets a second try. Its structured body
(paragraphs, headings, list items, table rows, links as ``<ref>``) is rendered one line per
block, as its text output renders it.

Each line then gets a ``LineHint`` from what the markup says:

- the role that the innermost element holding the line names, by tag (``<figcaption>``)
  or class/id words ("related", "share", "newsletter", "byline", "tags", "ad"...), unless
  the line's text also occurs outside such elements, or the element holds most of the
  extracted text (then it is the article's own container);
- a short label and a link ("Read more: <a>Another story</a>", in any language): related;
- short, all-linked lines that end the text ("Back to top", another story's headline);
- a short heading or label that ends the text: what it introduced was pruned;
- the share of the line's text inside links.
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

# trafilatura options, chosen by measurement on both benchmarks: recall mode takes 0.68x
# the time of the default mode and, once cleaned, scores within 0.001 F1 of it (and with
# more recall); links give link_share and the link-shaped roles below.
EXTRACT_OPTIONS: dict[str, object] = {
    "include_comments": False,
    "include_tables": True,
    "include_links": True,
    "favor_recall": True,
    "with_metadata": False,
}

# -- rendering trafilatura's body, one line per block ------------------------------------

_NEWLINE = frozenset({"p", "head", "quote", "code", "list", "table", "row", "item", "div", "ab"})


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
        self._last: list[tuple[str, bool]] = []
        self._tag = "p"
        self._level = 0

    def add(self, text: str | None, linked: bool, pre: bool = False) -> None:
        """Append inline text; only preformatted text (code) breaks lines at newlines."""
        if not text:
            return
        if not pre:
            self._parts.append((text, linked))
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
            self._last = list(parts)
        parts.clear()

    def reopen(self) -> None:
        """Continue the last line if it is a paragraph that stops mid-sentence."""
        if self._parts or not self.out:
            return
        last = self.out[-1]
        if last.tag == "p" and not last.text.endswith((".", "!", "?", "…")):
            self.out.pop()
            self._parts, self._tag, self._level = self._last, "p", 0


_INVISIBLE = regex.compile(r"\p{C}+")  # control, format (soft hyphen, zero width), private


def _clean(text: str) -> str:
    """Whitespace folded, invisible characters (soft hyphens...) dropped, as trafilatura."""
    text = " ".join(text.split())
    if not text.isprintable():
        text = " ".join(_INVISIBLE.sub("", text).split())
    return text


def _walk(el: etree._Element, acc: _Lines, linked: bool, in_row: bool, pre: bool = False) -> None:
    """Render ``el``, its children and its tail into ``acc`` (``xmltotxt``'s line breaks)."""
    tag = el.tag if isinstance(el.tag, str) else ""
    _open(el, tag, acc, linked, in_row, pre)
    in_row = in_row or tag == "row"
    linked = linked or tag == "ref"
    pre = pre or tag == "code"
    acc.add(el.text, linked, pre)
    for child in el:
        _walk(child, acc, linked, in_row, pre)
    if (tag in _NEWLINE and not in_row) or tag == "row":
        acc.start("p")  # text after a block is a line of its own
    elif tag not in ("ref", "hi", "del", "code", "cell", "lb", ""):
        acc.add(" ", False)
    if tag == "p" and el.tail and el.tail.strip() and not in_row:
        acc.reopen()  # "<p>text </p>stripped inline text<p>, more</p>": one line
    acc.add(el.tail, linked and tag != "ref", pre and tag != "code")


def _open(el: etree._Element, tag: str, acc: _Lines, linked: bool, in_row: bool, pre: bool) -> None:
    """What starting ``el`` does to the current line: break it, or carry it on."""
    if tag == "ref" and not linked and not in_row and el.getparent().tag in _CONTAINERS:
        # trafilatura (with links) sometimes cuts "text <a>link</a> text" into a paragraph,
        # a bare link and a paragraph: they are one line.
        acc.reopen()
    elif tag == "p" and _continues(el):
        pass  # carries on the sentence that a bare link or loose text started
    elif tag == "lb" and pre:
        acc.flush()
    elif tag == "lb":
        # A <br> does not end a block: split, a paragraph's pieces look like menu entries
        # to the scorer (measured: recall -0.5 points on trafilatura-eval, same F1).
        acc.add(" ", linked)
    elif tag == "row":
        acc.start("row")
    elif tag == "cell":
        if el.getprevious() is not None:
            acc.add(" | ", False)
    elif tag in _NEWLINE and not in_row:
        rend = el.get("rend") or ""
        acc.start(tag, int(rend[1]) if tag == "head" and rend[1:2].isdigit() else 0)
        if tag == "item":
            acc.add("- ", False)


_CONTAINERS = frozenset({"body", "div", "quote", "section", "main", "article"})


def _continues(el: etree._Element) -> bool:
    """A paragraph right after a bare link or loose text that goes on with its sentence."""
    prev = el.getprevious()
    if prev is None or not (prev.tag == "ref" or (prev.tag == "p" and (prev.tail or "").strip())):
        return False
    head = (el.text or "").lstrip()[:1]
    return bool(head) and (head.islower() or head in ",.;:!?)")


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
_PART = re.compile(r"[A-Za-z0-9]+")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
# Cheap first test on the lower-cased value (most name no role): a keyword occurs in it.
_MAYBE = re.compile("|".join(sorted({*_ROLES, "stories", "more", "most", "also", "may", "sign"})))


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


class DomHints:
    """Hinted elements (innermost first), the page's text to tell where else a line is, and
    the titles the page gives itself (normalised, see ``_title_key``)."""

    def __init__(
        self,
        hinted: list[_Hinted],
        tree: HtmlElement | None = None,
        titles: tuple[str, ...] = (),
    ) -> None:
        self.hinted = hinted
        self._tree = tree
        self._page: str | None = None
        self.titles = titles

    @property
    def page(self) -> str:
        """The page's text (see ``page_text``), read on first use."""
        if self._page is None:
            tree, self._tree = self._tree, None
            self._page = "" if tree is None else page_text(tree)
        return self._page


_NOT_HINTED = frozenset({"html", "body", "head"})
# Text nodes outside scripts and styles (a comment is no text node); <noscript> counts:
# pages hide all in it.
_VISIBLE_TEXT = etree.XPath(
    ".//text()[not(ancestor::script or ancestor::style)]", smart_strings=False
)


def page_text(tree: HtmlElement) -> str:
    """The text of the page's body (of the whole page when it has none), scripts and styles
    left out, folded as ``_text`` folds an element's."""
    body = tree.find("body")
    return _clean("".join(_VISIBLE_TEXT(tree if body is None else body)))


def _roles(tree: HtmlElement) -> list[tuple[etree._Element, Kind, str]]:
    """Elements that name their role (by tag, class or id), in document order, once each."""
    found: dict[etree._Element, tuple[Kind, str]] = {}
    for attr in ("class", "id"):
        for value in tree.xpath(f"//@{attr}"):
            role = role_of_names(str(value))  # a plain str: the cache must not hold the tree
            if role is not None:
                el = value.getparent()
                if el.tag not in _NOT_HINTED and el not in found:
                    found[el] = (role[0], f'<{el.tag} {attr}="{role[1]}">')
    for tag, kind in _TAGS.items():
        for el in tree.iter(tag):
            found[el] = (kind, f"<{tag}>")
    return [(el, kind, reason) for el, (kind, reason) in found.items()]


def dom_hints(tree: HtmlElement) -> DomHints:
    """What the DOM says about roles (and the page's titles)."""
    roles = _roles(tree)
    marked = {el for el, _, _ in roles}
    hinted: list[_Hinted] = []
    for el, kind, reason in roles:
        text = _text(el)
        if text:
            top = not any(a in marked for a in el.iterancestors())
            hinted.append(_Hinted(text, kind, reason, top))
    hinted.sort(key=lambda h: len(h.text))
    return DomHints(hinted, tree if hinted else None, _titles(tree))


_TITLES = etree.XPath(
    "//head/title/text() | //meta[@property='og:title' or @name='og:title'"
    " or @name='twitter:title' or @property='twitter:title']/@content",
    smart_strings=False,
)
_H1 = etree.XPath("//h1")
_NOT_WORD = regex.compile(r"[\W_]+")


def _title_key(text: str) -> str:
    """A title as compared: case folded, punctuation and spacing runs as one space."""
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def _titles(tree: HtmlElement) -> tuple[str, ...]:
    """The page's title as its <title>, its social-media tags and its <h1> headings state it."""
    stated = [*_TITLES(tree), *(_text(h) for h in _H1(tree))]
    return tuple(dict.fromkeys(key for t in stated if (key := _title_key(t))))


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
    found: list[int | None] = [
        None if line.tag == "row" else _innermost(_key(line), dom) for line in lines
    ]
    total = sum(len(line.text) for line in lines)
    held: dict[int | Kind, int] = {}
    for line, i in zip(lines, found, strict=True):
        if i is not None:
            for key in (i, dom.hinted[i].kind):
                held[key] = held.get(key, 0) + len(line.text)
    vetoed = {key for key, n in held.items() if n > WRAPPER_SHARE * total}
    out: list[_Hinted | None] = []
    for line, i in zip(lines, found, strict=True):
        h = None if i is None or i in vetoed else dom.hinted[i]
        if h is not None and h.kind not in vetoed and _fits(line, h.kind):
            out.append(h)
        else:
            out.append(None)
    return out


def _key(line: Rendered) -> str:
    """The line's text as it reads in the DOM (without the list marker)."""
    return line.text[2:] if line.tag == "item" else line.text


def _fits(line: Rendered, kind: Kind) -> bool:
    return len(line.text.split()) <= _MAX_WORDS.get(kind, _DEFAULT_MAX_WORDS)


def blocks_from_body(body: etree._Element, dom: DomHints | None = None) -> list[Block]:
    """trafilatura's body as blocks, each with the role its markup gives it, if any."""
    lines = render(body)
    found = _hint_lines(lines, dom) if dom is not None and dom.hinted else [None] * len(lines)
    if found and found[0] is not None and found[0].kind == Kind.CAPTION:
        found[0] = None  # opening the text, a "caption" is a video's or gallery's lead
    trailing = _trailing_links(lines)
    titles = dom.titles if dom is not None else ()
    out: list[Block] = []
    for k, (line, h) in enumerate(zip(lines, found, strict=True)):
        share = min(1.0, line.linked / len(line.text))
        if h:
            role: tuple[Kind, str] | None = (h.kind, f"in {h.reason}: {h.kind.value}")
        elif k < TITLE_LINES and _is_title(line.text, titles):
            role = Kind.DUPLICATE, _TITLE_REASON
        else:
            role = _shape_role(lines, k, trailing)
        out.append(
            Block(line.text, line.tag, share, *role) if role else Block(line.text, line.tag, share)
        )
    return out


# The headline opens the extracted text, perhaps after a kicker or the site's name; trafilatura
# leaves it in when it sits inside the article's container. The page states it apart (in
# <title>, og:title, its <h1>), so in the text it is a repeat: the text is the article's body.
TITLE_LINES = 3
TITLE_MIN_WORDS = 3
_TITLE_REASON = "the page's headline, which its <title>, og:title or <h1> states apart"


def _is_title(text: str, titles: tuple[str, ...]) -> bool:
    """``text`` is one of the page's titles, or one with the site's name before or after it
    ("Headline | Site") when it has a few words."""
    key = _title_key(text)
    if not key:
        return False
    if key in titles:
        return True
    if len(key.split()) < TITLE_MIN_WORDS:
        return False
    return any(t.startswith(key + " ") or t.endswith(" " + key) for t in titles)


def _shape_role(lines: list[Rendered], k: int, trailing: int) -> tuple[Kind, str] | None:
    """A role that the line's links and place in the text give it (no class names needed)."""
    line = lines[k]
    if _label_and_link(line):
        return Kind.RELATED, _LABEL_LINK_REASON
    if k >= trailing:
        kind = Kind.NAVIGATION if len(line.text.split()) <= 4 else Kind.RELATED
        return kind, _TRAILING_REASON
    if k and k == len(lines) - 1 and _heading_like(line):
        return Kind.RELATED, _ORPHAN_REASON
    return None


TRAILING_LINK_SHARE = 0.9
TRAILING_MAX_WORDS = 12
_TRAILING_REASON = "a link after the article's last words, leading away from the page"


def _trailing_links(lines: list[Rendered]) -> int:
    """Where the run of short, (nearly) all-linked lines that ends the text starts."""
    k = len(lines)
    while k > 1:
        line = lines[k - 1]
        linked = line.linked >= TRAILING_LINK_SHARE * len(line.text)
        if not linked or len(line.text.split()) > TRAILING_MAX_WORDS:
            break
        k -= 1
    return k


ORPHAN_HEADING_WORDS = 6
ORPHAN_LABEL_WORDS = 4
_ORPHAN_REASON = "a heading that ends the text: what it introduced (a list of links) is gone"


def _heading_like(line: Rendered) -> bool:
    """A short heading, or a shorter label ending with a colon ("More topics:")."""
    words = len(line.text.split())
    if line.tag == "head":
        return words <= ORPHAN_HEADING_WORDS
    return words <= ORPHAN_LABEL_WORDS and line.text.endswith(":")


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


# Recall mode skips the escalation that trafilatura's balanced mode runs when it finds little
# (a re-run of its cascade and a jusText candidate), and on some pages it settles for a title
# and a lead, or one forum post's header. So when the recall body is short and covers little
# of the page (the share is trafilatura's own escalation test), the balanced mode runs too
# (on 24 of the 578 dev pages, 1.2 s of the 11 s trafilatura takes on all of them) ...
SHORT_EXTRACTION = 1000
PAGE_SHARE = 0.2
# ... and its body is taken when it is clearly longer and holds at least this share of the
# recall body's text: an extension of the same content, not another part of the page.
LONGER = 1.1
CONTAINED = 0.5


def extract_body(tree: HtmlElement) -> etree._Element | None:
    """trafilatura's main-content body for ``tree`` (it works on a copy), or None; in recall
    mode, or in balanced mode when that extends a short recall body (see SHORT_EXTRACTION).

    The page's address is not passed on: trafilatura would only resolve every link
    against it (a ``urljoin`` per link), and only the links' extent is read here.
    """
    body = _extract(tree, EXTRACT_OPTIONS)
    found = _text(body) if body is not None else ""
    if len(found) >= SHORT_EXTRACTION or len(found) >= PAGE_SHARE * len(page_text(tree)):
        return body
    balanced = _extract(tree, {**EXTRACT_OPTIONS, "favor_recall": False})
    if balanced is not None and _extends(balanced, body, len(found)):
        return balanced
    return body


def _extract(tree: HtmlElement, options: dict[str, object]) -> etree._Element | None:
    from trafilatura import bare_extraction

    doc = bare_extraction(tree, **options)  # type: ignore[arg-type]
    return getattr(doc, "body", None) if doc is not None else None


def _extends(other: etree._Element, body: etree._Element | None, length: int) -> bool:
    """``other`` is clearly longer than ``body`` and holds most of its lines."""
    if body is None or not length:
        return True
    if len(_text(other)) <= LONGER * length:
        return False
    lines = [line.text for line in render(body)]
    there = " ".join(line.text for line in render(other))
    held = sum(len(line) for line in lines if line in there)
    return held >= CONTAINED * sum(len(line) for line in lines)


def extract_blocks(html: str | bytes) -> list[Block]:
    """Run trafilatura on ``html`` and return its main content as blocks (empty if none)."""
    tree = load(html)
    if tree is None:
        return []
    body = extract_body(tree)
    return [] if body is None else blocks_from_body(body, dom_hints(tree))
