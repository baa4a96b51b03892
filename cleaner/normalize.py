"""The matching view of a line.

Rules and features look at a normalised copy of each line (NFKC, no zero-width or
byte-order marks, runs of white space folded to one space, stripped). The kept text is
never changed: only this view is.
"""

from __future__ import annotations

import unicodedata

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def view(line: str) -> str:
    """Return the normalised view of ``line`` used for matching."""
    if not line.isascii():
        line = unicodedata.normalize("NFKC", line.translate(_INVISIBLE))
    return " ".join(line.split())
