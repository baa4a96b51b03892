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

from ..heuristics import DEFAULT, Params
from .extract import EXTRACT_OPTIONS, extract_body, has_text, load
from .lines import Rendered, render
from .roles import DomHints, PageText, dom_hints, page_text, role_of_names
from .shape import Block, blocks_from_body

__all__ = [
    "EXTRACT_OPTIONS",
    "Block",
    "DomHints",
    "PageText",
    "Rendered",
    "blocks_from_body",
    "dom_hints",
    "extract_blocks",
    "extract_body",
    "has_text",
    "load",
    "page_text",
    "render",
    "role_of_names",
]


def extract_blocks(html: str | bytes, p: Params = DEFAULT) -> list[Block]:
    """Run trafilatura on ``html`` and return its main content as blocks (empty if none)."""
    tree = load(html)
    if tree is None:
        return []
    page = PageText(tree)
    body = extract_body(tree, p.html, page)
    if body is None:
        return []
    return blocks_from_body(body, dom_hints(tree, page, p.html), p)
