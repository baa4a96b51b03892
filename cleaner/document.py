"""One pass's view of a document: its non-blank lines, with what the stages found in them.

decide and the scorer judge non-blank lines only; blank lines matter to them in one way,
they end a hard-wrapped paragraph (``after_blank``). Positions in a view (``k``) index all
of its sequences alike; ``at`` tells where in the document each line stands.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import zip_longest

from .features import FeatureTable, LineHint
from .heuristics import StructureParams
from .rules import Rule
from .segment import Line
from .structure import Structure, structures


@dataclass(frozen=True, slots=True)
class DocView:
    """The non-blank lines of one pass and their features, rule hits and markup hints."""

    lines: Sequence[Line]
    feats: FeatureTable
    hits: Sequence[Rule | None]
    hints: Sequence[LineHint | None]  # empty for text input (see ``hint``)
    after_blank: Sequence[bool]  # a blank line comes right before this one
    structure: Sequence[Structure | None]  # the article structure a line belongs to
    at: Sequence[int]  # each line's position among the document's lines
    is_html: bool = False

    def __len__(self) -> int:
        return len(self.lines)

    def hint(self, k: int) -> LineHint | None:
        """What the markup says about the line at ``k`` (None for text input)."""
        return self.hints[k] if self.hints else None

    def named(self, k: int) -> bool:
        """Whether a rule or the markup names the line at ``k`` as junk of some kind."""
        return _names(self.hits[k], self.hint(k))

    def raw(self, k: int) -> str:
        """The text of the line at ``k``, as the input has it."""
        return self.lines[k].raw

    def no(self, k: int) -> int:
        """The line number (from 1) in the document of the line at ``k``."""
        return self.at[k] + 1

    @classmethod
    def of(
        cls,
        lines: Sequence[Line],
        feats: FeatureTable,
        rows: Sequence[int],
        hits: Sequence[Rule | None],
        hints: Sequence[LineHint | None] | None,
        positions: Sequence[int],
        p: StructureParams,
    ) -> tuple[DocView, array[int]]:
        """The view of the lines at ``positions`` (into the other sequences; ``rows``
        tells each line's row of ``feats``), and for each of its lines the position it
        came from (as machine integers: an int object each would cost a large record a
        third of its size). A view of every line of ``feats`` (a first pass) holds that
        table itself, not a copy."""
        taken = array("q")
        after: list[bool] = []
        blank_before = False
        for i in positions:
            if lines[i].blank:
                blank_before = True
                continue
            taken.append(i)
            after.append(blank_before)
            blank_before = False
        found = feats if len(taken) == len(feats) else feats.take([rows[i] for i in taken])
        found_hits = [hits[i] for i in taken]
        # Text input has no hints: not a None a line (8 bytes a line at the peak).
        found_hints = [hints[i] if i < len(hints) else None for i in taken] if hints else []
        code = [h is not None and h.code for h in found_hints] or [False] * len(taken)
        named = [_names(r, h) for r, h in zip_longest(found_hits, found_hints)]
        view = cls(
            [lines[i] for i in taken],
            found,
            found_hits,
            found_hints,
            after,
            structures([lines[i].raw for i in taken], found, code, named, p),
            taken,
            hints is not None,
        )
        return view, taken


def _names(hit: Rule | None, hint: LineHint | None) -> bool:
    """A rule hit or a markup hint with a role names the line."""
    return hit is not None or (hint is not None and hint.kind is not None)
