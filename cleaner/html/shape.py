"""Blocks: the extracted lines with the role their markup, links or place give them.

Besides the roles the DOM names (``roles``): the page's headline repeated at the top of
the text; a short label and a link ("Read more: <a>Another story</a>", in any language);
short, all-linked lines that end the text ("Back to top", another story's headline); a
short heading or label that ends the text (what it introduced was pruned).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from ..features import LineHint
from ..heuristics import DEFAULT, SHORT_LINE_WORDS, Params
from ..result import Kind
from .lines import Rendered, render
from .roles import DomHints, hint_lines, title_key


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
        return LineHint(self.kind, self.reason, self.link_share, self.tag == "code")


def blocks_from_body(
    body: etree._Element, dom: DomHints | None = None, p: Params = DEFAULT
) -> list[Block]:
    """trafilatura's body as blocks, each with the role its markup gives it, if any."""
    lines = render(body)
    found = (
        hint_lines(lines, dom, p.html) if dom is not None and dom.hinted else [None] * len(lines)
    )
    if found and found[0] is not None and found[0].kind == Kind.CAPTION:
        found[0] = None  # opening the text, a "caption" is a video's or gallery's lead
    trailing = _trailing_links(lines, p)
    away = _links_away(lines, p)
    titles = dom.titles if dom is not None else ()
    out: list[Block] = []
    for k, (line, h) in enumerate(zip(lines, found, strict=True)):
        share = min(1.0, line.linked / len(line.text))
        # The page's headline is that, whatever element it sits in (a share bar's title).
        if k < p.html.title_lines and _is_title(line.text, titles, p):
            role: tuple[Kind, str] | None = (Kind.DUPLICATE, _TITLE_REASON)
        elif h:
            role = (h.kind, f"in {h.reason}: {h.kind.value}")
        else:
            role = _shape_role(lines, k, trailing, away, p)
        out.append(
            Block(line.text, line.tag, share, *role) if role else Block(line.text, line.tag, share)
        )
    return out


# The headline opens the extracted text, perhaps after a kicker or the site's name; trafilatura
# leaves it in when it sits inside the article's container. The page states it apart (in
# <title>, og:title, its <h1>), so in the text it is a repeat: the text is the article's body.
_TITLE_REASON = "the page's headline, which its <title>, og:title or <h1> states apart"


def _is_title(text: str, titles: tuple[str, ...], p: Params) -> bool:
    """``text`` is one of the page's titles, or one with the site's name before or after it
    ("Headline | Site") when it has a few words."""
    key = title_key(text)
    if not key:
        return False
    if key in titles:
        return True
    if len(key.split()) < p.shape.headline_min_words:
        return False
    return any(t.startswith(key + " ") or t.endswith(" " + key) for t in titles)


def _shape_role(
    lines: list[Rendered], k: int, trailing: int, away: frozenset[int], p: Params
) -> tuple[Kind, str] | None:
    """A role that the line's links and place in the text give it (no class names needed);
    ``away``: the label-and-link lines that point away (``_links_away``)."""
    line = lines[k]
    if k in away:
        return Kind.RELATED, _LABEL_LINK_REASON
    if k >= trailing:
        kind = Kind.NAVIGATION if len(line.text.split()) <= SHORT_LINE_WORDS else Kind.RELATED
        return kind, _TRAILING_REASON
    if k and k == len(lines) - 1 and _heading_like(line, p):
        return Kind.RELATED, _ORPHAN_REASON
    return None


_TRAILING_REASON = "a link after the article's last words, leading away from the page"


def _trailing_links(lines: list[Rendered], p: Params) -> int:
    """Where the run of short, (nearly) all-linked lines that ends the text starts."""
    k = len(lines)
    while k > 1:
        line = lines[k - 1]
        linked = line.linked >= p.html.trailing_link_share * len(line.text)
        if not linked or len(line.text.split()) > p.html.trailing_max_words:
            break
        k -= 1
    return k


_ORPHAN_REASON = "a heading that ends the text: what it introduced (a list of links) is gone"


def _heading_like(line: Rendered, p: Params) -> bool:
    """A short heading, or a shorter label ending with a colon ("More topics:")."""
    words = len(line.text.split())
    if line.tag == "head":
        return words <= p.html.orphan_heading_words
    return words <= SHORT_LINE_WORDS and line.text.endswith(":")


_LABEL = re.compile(r"^\W*\w[^.!?]{0,39}(?::|\||>>|»)$")
_LABEL_LINK_REASON = "a short label, then a link to another page's headline"
_SOURCE = re.compile(r"^\W*(?:sources?|via|credits?|image credits?|photo credits?)\W*$", re.I)
_PRICE = re.compile(r"[$€£¥]\s?\d")


def _label(line: Rendered) -> str:
    """The label a line opens with, as compared: its unlinked lead, case folded."""
    return (line.lead or "").casefold()


def _links_away(lines: list[Rendered], p: Params) -> frozenset[int]:
    """The label-and-link lines that point away ("Read more: <a>Another story</a>"), not
    fields of the article's own records: a line whose label opens several linked lines
    ("Website: <a>...</a>" on every entry of a directory), or one in a run of label-and-
    link lines (a list of picks: "Soft feel: <a>...</a>", "Medium firm: <a>...</a>"); one
    "Must read: <a>...</a>" among the article's labelled steps is no such run.
    ``structure.record_min_run`` lines or more make a field."""
    least = p.structure.record_min_run
    counts: dict[str, int] = {}
    for line in lines:
        if line.lead:
            counts[_label(line)] = counts.get(_label(line), 0) + 1
    fields = {k for k, line in enumerate(lines) if line.lead and counts[_label(line)] >= least}
    picks = [_label_and_link(line, p) for line in lines]
    run: list[int] = []
    for k, labelled in enumerate([*picks, False]):
        if labelled:
            run.append(k)
            continue
        if len(run) >= least:
            fields.update(run)
        run = []
    return frozenset(k for k, pick in enumerate(picks) if pick and k not in fields)


def _label_and_link(line: Rendered, p: Params) -> bool:
    """ "Read more: <a>Another story</a>" in any language: a label of a few words ending
    with a colon (or "|", ">>"), then a linked headline of three words or more."""
    if not line.lead or line.linked < p.html.label_link_share * len(line.text):
        return False
    if len(line.lead.split()) > SHORT_LINE_WORDS or not _LABEL.match(line.lead):
        return False
    if _SOURCE.match(line.lead):
        return False  # a citation of the article's source, not a link away from it
    rest = line.text[len(line.lead) :]
    return (
        len(rest.split()) >= p.shape.headline_min_words
        and not rest.rstrip().endswith((".", "!"))
        and rest.count(",") + rest.count("|") < 2  # a list of things, not one headline
        and not _PRICE.search(rest)  # a product pick ("Best Overall: X ($180)")
    )
