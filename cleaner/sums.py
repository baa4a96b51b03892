"""Sums over the start of a sequence of numbers that change one at a time (a Fenwick tree).

For the questions a pass asks many times over lines that marks keep taking: how many
words of the article's prose are left before a line, and after it. Summed afresh for
each question, a page of many such questions took time in the square of its length.
"""

from __future__ import annotations

from collections.abc import Sequence


class RunningSums:
    """``values`` that may be changed one at a time, summed over any start in time that
    grows with the logarithm of their number."""

    def __init__(self, values: Sequence[int]) -> None:
        self._values = list(values)
        tree = [0, *self._values]
        for i in range(1, len(tree)):  # each node adds itself to its parent: linear
            parent = i + (i & -i)
            if parent < len(tree):
                tree[parent] += tree[i]
        self._tree = tree

    def __len__(self) -> int:
        return len(self._values)

    def set(self, k: int, value: int) -> None:
        """Make the value at ``k`` ``value``."""
        delta = value - self._values[k]
        if not delta:
            return
        self._values[k] = value
        i = k + 1
        while i < len(self._tree):
            self._tree[i] += delta
            i += i & -i

    def before(self, k: int) -> int:
        """The sum of the values before position ``k`` (of them all, for ``len(self)``)."""
        total = 0
        i = k
        while i > 0:
            total += self._tree[i]
            i -= i & -i
        return total
