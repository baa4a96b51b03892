"""The matching view of a line.

Rules and features look at a normalised copy of each line (NFKC, no zero-width or
byte-order marks, runs of white space folded to one space, stripped). The kept text is
never changed: only this view is.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS), None)
_HAS_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")


def view(line: str) -> str:
    """Return the normalised view of ``line`` used for matching.

    Hot path (every line): ``str.translate`` with a table looks up every character, so
    it runs only on the few lines that hold an invisible character (a quick search finds
    them). Most lines are their own view: then the line itself is returned, not an equal
    copy, so a document's lines are held once in memory, not twice.
    """
    if not line.isascii():
        if _HAS_INVISIBLE.search(line) is not None:
            line = line.translate(_INVISIBLE)
        line = unicodedata.normalize("NFKC", line)
    folded = " ".join(line.split())
    return line if folded == line else folded
