"""Large blocks go back to the system as soon as they are freed (glibc's malloc).

glibc serves a block of 128 KiB or more with its own mapping, unmapped when freed; but
each time such a block is freed it raises that threshold to the block's size (up to
32 MiB). A large record's tables (a list over 300 000 lines is 2.4 MB) then come from the
heap instead, whose freed middle is kept: one pass's tables stay resident under the
next's. Fixing the threshold at its default takes ~5% off the peak of a 22 MB record
(``make bench``'s memory section) and changes nothing for documents whose tables are
smaller. The CLI and its worker processes set it; importing the library does not, as a
library does not tune its host's allocator.
"""

from __future__ import annotations

import ctypes

M_MMAP_THRESHOLD = -3  # mallopt's parameter number, from glibc's <malloc.h>
MMAP_THRESHOLD = 128 * 1024  # glibc's default threshold, kept fixed


def fix_mmap_threshold() -> bool:
    """Fix glibc's mmap threshold in this process; False where there is no glibc."""
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library this process runs on
    except (OSError, AttributeError, TypeError):  # not glibc (macOS, Windows)
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))
