"""Repeated lines that add nothing: the title again, an echo, the page's title tag.

Only where a repeat is junk. A line that recurs ``DuplicateParams.structure`` times or
more is the article's structure (a recipe's "Eat every 2 hours", an interview's recurring
question) and stays; so do a table's cells and the lines of the article's lists, code
and records (``structure``), which repeat values by nature.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .assessment import Mark
from .document import DocView
from .features import FeatureTable
from .heuristics import DuplicateParams
from .result import Kind
from .structure import LINE_MEMO

_TITLE_SEP = re.compile(r"\s[|–—-]\s")


def mark_duplicates(view: DocView, marks: list[Mark | None], p: DuplicateParams) -> None:
    """Mark later repeats, then page titles ("Headline | Site") of lines still unmarked."""
    keys = _repeats(view, marks, p)
    _page_titles(view, marks, keys, p)


def _repeats(view: DocView, marks: list[Mark | None], p: DuplicateParams) -> list[str | None]:
    """Later exact repeats (case-folded view) of a substantial line are ``duplicate``:
    the title again (a repeat of the first line), or a line seen twice, echoed within a
    few lines or as a whole paragraph. Returns the casefolded view of every line it
    compared (None for the others)."""
    feats = view.feats
    keys: list[str | None] = [None] * len(feats)
    count: dict[str, int] = {}
    first_key = None
    words = feats.words
    for k in range(len(feats)):
        if marks[k] is not None or feats.cell[k]:
            continue  # a table's cells repeat values by nature
        if words[k] < p.min_words and feats.chars[k] < p.min_chars:
            continue
        key = keys[k] = view.lines[k].view.casefold()
        count[key] = count.get(key, 0) + 1
        if first_key is None:
            first_key = key
    last: dict[str, int] = {}  # key -> position of its last occurrence so far
    again = bytearray(len(keys))  # a line repeats one above it
    for k, compared in enumerate(keys):
        if compared is None:
            continue
        seen = last.get(compared)
        last[compared] = k
        if seen is not None:
            again[k] = True
        if seen is None or view.structure[k] is not None:
            continue  # a list's items, a code block's lines repeat by nature
        near = k - seen <= p.near
        if near and _contents(feats, keys, count, again, seen, k):
            continue  # the first subhead, after a table of contents that lists it
        title = compared == first_key
        echo = (
            count[compared] < p.structure
            and (
                near or (p.far_repeats and words[k] >= p.long_words and not _quoted(keys, count, k))
            )
            and not _in_structure(k - 1, feats, keys, count, p)
            and not (near and _introduced(view, marks, keys, count, k, p))
        )
        if title or echo:
            marks[k] = Mark(Kind.DUPLICATE, "scorer", p.score, f"repeats line {view.no(seen)}")
    return keys


def _introduced(
    view: DocView,
    marks: list[Mark | None],
    keys: list[str | None],
    count: dict[str, int],
    k: int,
    p: DuplicateParams,
) -> bool:
    """Whether a lead-in ends the line before: "Let's repeat that, with emphasis:" or
    "The significant bit is this:" introduce a repeat that the article makes on purpose,
    a few lines after the first copy (a forum reply quotes a post further up).
    A label a rule names ("Read more:") is marked already and introduces nothing, nor does
    a field's label ("Publish date:", whose value an earlier pass may have removed) or a
    reply's header ("Jane Doe wrote:", over a copy of another post); a lead-in that is a
    repeat itself is part of a copied passage too."""
    if k == 0 or marks[k - 1] is not None or view.feats.words[k - 1] < p.lead_in_words:
        return False
    key = keys[k - 1]
    return (key is None or count[key] == 1) and view.lines[k - 1].view.rstrip().endswith(":")


def _quoted(keys: list[str | None], count: dict[str, int], k: int) -> bool:
    """Whether the far repeat at ``k`` stands alone among lines said once: the article
    quoting its own paragraph ("Check out the opening paragraph again." - the paragraph -
    "Let's zoom in on ..."), or a FAQ answering with a paragraph it gave above. A copied
    passage (an extractor's double, the page printed twice) repeats its neighbours too,
    and a line a rule or an earlier pass marked is no new text around a quote."""
    if k == 0 or k + 1 >= len(keys):
        return False
    return all((key := keys[m]) is not None and count[key] == 1 for m in (k - 1, k + 1))


def _contents(
    feats: FeatureTable,
    keys: list[str | None],
    count: dict[str, int],
    again: bytearray,
    seen: int,
    k: int,
) -> bool:
    """Whether the first copy at ``seen`` heads a table of contents and the repeat at
    ``k`` is the first subhead: every line between them is a title, not a sentence, and
    comes back once, after it (the other entries, as the article's later subheads), and a
    sentence follows the repeat. ``again`` flags the lines that repeat one above them."""
    if k - seen < 2 or k + 1 >= len(keys) or not feats.terminal[k + 1]:
        return False
    return all(
        key is not None and count[key] == 2 and not again[m] and not feats.terminal[m]
        for m, key in enumerate(keys[seen + 1 : k], seen + 1)
    )


def _in_structure(
    before: int,
    feats: FeatureTable,
    keys: list[str | None],
    count: dict[str, int],
    p: DuplicateParams,
) -> bool:
    """Whether the line before is structure (not a menu entry): a repeat after it is an
    entry of that structure too (a recipe's "Eat every 2 hours" recurs, and so do some of
    the meals listed under it)."""
    if before < 0:
        return False
    key = keys[before]
    return key is not None and count[key] >= p.structure and not feats.menu_like[before]


def _page_titles(
    view: DocView, marks: list[Mark | None], keys: list[str | None], p: DuplicateParams
) -> None:
    """A line that is another line of the document plus a few words after a bar or dash is
    the page's title ("Headline | Site"): the headline itself stays where it stands.

    Whole-page text starts with the ``<title>``, the article's headline joined to the
    site's name (or section); the headline is in the page again, so the joined copy adds
    nothing. Only the document's first ``title_lines`` lines are looked at: further down,
    a line that joins another line to a few words is a record ("Model X - 3 reviews"), a
    table's row or a formula. ``keys`` are the casefolded lines ``_repeats`` compared.
    """
    first: dict[str, int] = {}
    for k, key in enumerate(keys):
        if key is not None and marks[k] is None and view.feats.words[k] >= p.min_words:
            first.setdefault(key, k)
    for k, line in enumerate(view.lines):
        if view.no(k) > p.title_lines:
            break
        if marks[k] is not None:
            continue
        parts = _title_parts(line.view)
        for n, part in enumerate(parts):
            j = first.get(part)
            if j is None or j == k:
                continue
            rest = sum(len(q.split()) for m, q in enumerate(parts) if m != n)
            if rest <= p.title_site_words:
                marks[k] = Mark(
                    Kind.DUPLICATE,
                    "scorer",
                    p.score,
                    f"the page's title: line {view.no(j)} joined to the site's or section's name",
                )
                break


@lru_cache(maxsize=LINE_MEMO)
def _title_parts(view: str) -> tuple[str, ...]:
    """The casefolded parts of a line between bars or dashes (none when it has none):
    remembered per line text, as every pass looks at every line again."""
    if view.lstrip().startswith("|") or not _TITLE_SEP.search(view):
        return ()  # none, or a table's row ("| a | b |"): a title opens with its words
    return tuple(part.strip() for part in _TITLE_SEP.split(view.casefold()))
