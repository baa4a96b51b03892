"""HTML input: trafilatura finds the main content, cleaner removes what it left in.

trafilatura's structured output (its XML body: paragraphs, headings, list items, quotes,
table rows, with links as ``<ref>``) becomes one line per block. Each line keeps what the
markup told us: the block's tag and the share of its text inside links, which the scorer
uses as HTML-aware features. The lines then go through the same rules and scorer as text.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

_BLOCKS = {"p", "head", "quote", "code", "item", "row", "ab", "title"}
_CONTAINERS = {"list", "table", "div", "body", "main", "doc"}


@dataclass(frozen=True, slots=True)
class Block:
    """One extracted line and what its markup says about it."""

    text: str
    tag: str
    link_share: float


def _text(el: etree._Element) -> tuple[str, int]:
    """The block's text (cells joined with ' | ') and how many characters sit inside links."""
    if el.tag == "row":
        cells = [" ".join("".join(c.itertext()).split()) for c in el if c.tag == "cell"]
        text = " | ".join(c for c in cells if c)
    else:
        text = " ".join("".join(el.itertext()).split())
    linked = sum(len(" ".join("".join(r.itertext()).split())) for r in el.iter("ref"))
    return text, linked


def blocks_from_body(body: etree._Element) -> list[Block]:
    """Flatten trafilatura's body into blocks, in document order."""
    out: list[Block] = []
    stack = list(reversed(list(body)))
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str):
            continue
        if el.tag in _BLOCKS:
            text, linked = _text(el)
            if text:
                out.append(Block(text, el.tag, min(1.0, linked / len(text))))
        elif el.tag in _CONTAINERS or len(el):
            stack.extend(reversed(list(el)))
        else:
            text, linked = _text(el)
            if text:
                out.append(Block(text, el.tag, min(1.0, linked / len(text))))
    return out


def extract_blocks(html: str | bytes, url: str | None = None) -> list[Block]:
    """Run trafilatura on ``html`` and return its main content as blocks (empty if none)."""
    from trafilatura import bare_extraction

    if isinstance(html, bytes) and not html.strip():
        return []
    if isinstance(html, str) and not html.strip():
        return []
    doc = bare_extraction(
        html, url=url, include_comments=False, include_links=True, with_metadata=False
    )
    if doc is None or getattr(doc, "body", None) is None:
        return []
    return blocks_from_body(doc.body)
