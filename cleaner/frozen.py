"""``checked_frozen``: a dataclass that mypy takes as frozen and Python builds as an ordinary one.

Its own module, never compiled by ``make accel``: ``dataclass_transform`` marks the function
it decorates with an attribute, which a compiled function cannot carry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar, dataclass_transform

_T = TypeVar("_T")


@dataclass_transform(frozen_default=True)
def checked_frozen(cls: type[_T]) -> type[_T]:
    """A dataclass that type checkers take as frozen, built as an ordinary one hashed by
    its fields: a frozen class's constructor sets each field through
    ``object.__setattr__`` (see ``features.Features``), and mypy alone forbids assignments."""
    return dataclass(slots=True, unsafe_hash=True)(cls)
