"""What a large document holds while it is cleaned: nothing the cleaner no longer needs.

Counted (live objects), never timed.
"""

from __future__ import annotations

import gc

from cleaner import Cleaner, pipeline
from cleaner.decide import Verdicts
from tests.conftest import ARTICLE


def test_a_pass_lets_the_pass_before_go() -> None:
    """When a pass analyses the lines left, no verdicts of the pass before are alive:
    each pass holds a view and verdicts for every line (the old code held two at once)."""
    live: list[int] = []
    c = Cleaner()
    analyse = pipeline._Analysis.__call__

    def spy(self: pipeline._Analysis, positions: list[int]) -> object:
        gc.collect()
        live.append(sum(type(o) is Verdicts for o in gc.get_objects()))
        return analyse(self, positions)

    pipeline._Analysis.__call__ = spy  # type: ignore[method-assign]
    try:
        result = c.clean(ARTICLE + "\nAdvertisement\n")
    finally:
        pipeline._Analysis.__call__ = analyse  # type: ignore[method-assign]
    assert result.changed and len(live) >= 2  # at least one pass after one that removed
    assert live == [0] * len(live)
