"""trafilatura finds the main content: parse once, extract in recall mode, and try the
balanced mode when recall mode finds little."""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from ..heuristics import DEFAULT, HtmlParams
from .lines import render
from .roles import PageText, element_text

# trafilatura options, chosen by measurement on both benchmarks: recall mode takes 0.68x
# the time of the default mode and, once cleaned, scores within 0.001 F1 of it (and with
# more recall); links give link_share and the link-shaped roles below. Only the body is
# read (``render`` makes the lines): with the "python" output format trafilatura would
# also render the body as text, a tenth of its extraction's time, for nothing.
EXTRACT_OPTIONS: dict[str, object] = {
    "include_comments": False,
    "include_tables": True,
    "include_links": True,
    "favor_recall": True,
    "with_metadata": False,
    "output_format": "txt",
}


# What is not text in a page as written: a script or a style with its content, a comment, a
# tag; each to its first end (``</script>``, ``-->``, ``>``).
_OPENING = re.compile(rb"<(script|style)\b", re.I)
_CLOSING = {name: re.compile(rb"</" + name + rb"\s*>", re.I) for name in (b"script", b"style")}
_TEXT = re.compile(rb"[^\s<]")


def has_text(html: str | bytes) -> bool:
    """Whether the page, as written, holds any text outside tags, scripts and styles: an
    extraction that finds nothing in such a page has failed (markup nested too deeply for
    the parser, say), which a blank page has not.

    A walk from each "<" to the end of what it opens, in linear time: one search per
    construct for its end, and none again for an end once it was missing (a search over
    the rest of the page for each of many unclosed "<!--" took the square of its size). A
    "<" whose construct never ends is text, as a "<" in prose is.
    """
    raw = html.encode("utf-8", "replace") if isinstance(html, str) else html
    missing: set[bytes] = set()  # ends not found after some point, so not after any later
    at = 0
    while True:
        lt = raw.find(b"<", at)
        if _TEXT.search(raw, at, len(raw) if lt < 0 else lt) is not None:
            return True
        if lt < 0:
            return False
        at = _past(raw, lt, missing)
        if at < 0:  # nothing this "<" opens ends: it is text
            return True


def _past(raw: bytes, lt: int, missing: set[bytes]) -> int:
    """Where what the "<" at ``lt`` opens ends (a script or style with its closing tag, a
    comment, a tag), or -1 when none of them ends."""
    opening = _OPENING.match(raw, lt)
    if opening is not None:
        name = opening.group(1).lower()
        if name not in missing:
            close = _CLOSING[name].search(raw, opening.end())
            if close is not None:
                return close.end()
            missing.add(name)
    if raw.startswith(b"<!--", lt) and b"-->" not in missing:
        end = raw.find(b"-->", lt + 4)
        if end >= 0:
            return end + 3
        missing.add(b"-->")
    if b">" not in missing:
        end = raw.find(b">", lt + 1)
        if end >= 0:
            return end + 1
        missing.add(b">")
    return -1


def load(html: str | bytes) -> HtmlElement | None:
    """Parse ``html`` once; bytes are decoded by trafilatura (declared or guessed charset)."""
    from trafilatura.utils import load_html

    if not html or not html.strip():
        return None
    return load_html(html)


def extract_body(
    tree: HtmlElement, p: HtmlParams = DEFAULT.html, page: PageText | None = None
) -> etree._Element | None:
    """trafilatura's main-content body for ``tree`` (it works on a copy), or None; in recall
    mode, or in balanced mode when that extends a short recall body (``short_extraction``),
    or with comments left to trafilatura's comment extractor when neither finds more than
    a menu's words (``empty_extraction``).

    Recall mode skips the escalation that trafilatura's balanced mode runs when it finds
    little (a re-run of its cascade and a jusText candidate), and on some pages settles for
    a title and a lead, or one forum post's header.

    The page's address is not passed on: trafilatura would only resolve every link
    against it (a ``urljoin`` per link), and only the links' extent is read here.
    ``page``: the page's text, read here only if needed and kept for the hints.
    """
    body = _extract(tree, EXTRACT_OPTIONS)
    found = element_text(body) if body is not None else ""
    if len(found) >= p.short_extraction:
        return body
    if len(found) >= p.page_share * len((page or PageText(tree)).text):
        return body
    balanced = _extract(tree, {**EXTRACT_OPTIONS, "favor_recall": False})
    if balanced is not None and _extends(balanced, body, len(found), p):
        return balanced
    if len(found) >= p.empty_extraction:
        return body
    # Next to nothing (a menu's words): comments left to trafilatura's comment extractor,
    # which takes comment sections only, rather than pruned with every element whose
    # class names them, the article's own container among them ("comment-body", a
    # newsletter platform's post class). That is trafilatura's default, and its body need
    # not hold the recall body's menu.
    commented = _extract(tree, {**EXTRACT_OPTIONS, "include_comments": True})
    if commented is not None and len(element_text(commented)) > p.longer * len(found):
        return commented
    return body


def _extract(tree: HtmlElement, options: dict[str, object]) -> etree._Element | None:
    from trafilatura import bare_extraction

    doc = bare_extraction(tree, **options)  # type: ignore[arg-type]
    return getattr(doc, "body", None) if doc is not None else None


def _extends(
    other: etree._Element, body: etree._Element | None, length: int, p: HtmlParams
) -> bool:
    """``other`` is clearly longer than ``body`` and holds most of its lines."""
    if body is None or not length:
        return True
    if len(element_text(other)) <= p.longer * length:
        return False
    lines = [line.text for line in render(body)]
    there = " ".join(line.text for line in render(other))
    held = sum(len(line) for line in lines if line in there)
    return held >= p.contained * sum(len(line) for line in lines)
