"""RunningSums: sums over the start of numbers that change one at a time."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.sums import RunningSums

VALUES = st.lists(st.integers(0, 50), max_size=40)
CHANGES = st.lists(st.tuples(st.integers(0, 39), st.integers(0, 50)), max_size=30)


@settings(max_examples=500, derandomize=True, deadline=None)
@given(VALUES, CHANGES)
def test_sums_are_those_of_the_values_as_changed(
    values: list[int], changes: list[tuple[int, int]]
) -> None:
    sums = RunningSums(values)
    assert len(sums) == len(values)
    for k, value in changes:
        if k < len(values):
            values[k] = value
            sums.set(k, value)
        assert [sums.before(i) for i in range(len(values) + 1)] == [
            sum(values[:i]) for i in range(len(values) + 1)
        ]
