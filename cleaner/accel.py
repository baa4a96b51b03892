"""Whether cleaner runs compiled (``make accel``), and never on stale compiled modules.

``make accel`` leaves extension modules beside the sources they were compiled from, and
Python imports an extension module before a ``.py`` file of the same name. They run only
when they are the current build of the current sources: the manifest the build writes
last names them all and the hash of every source they were compiled from. Otherwise (a
source edited since, an interrupted build, ``CLEANER_PURE`` set) every module is loaded
from its ``.py`` file: the compiled modules call each other directly, so one stale module
spoils them all. Never compiled itself: it must run before any compiled module loads.
"""

from __future__ import annotations

import copyreg
import dataclasses
import hashlib
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Sequence
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import Any

PACKAGE = Path(__file__).parent
MANIFEST = PACKAGE / "_accel.json"  # written by build_accel.py
PURE_ENV = "CLEANER_PURE"  # set (non-empty): run pure Python even when a build is there


def compiled_modules() -> set[str]:
    """The package's modules that have an extension module this Python would import."""
    found = set()
    for path in PACKAGE.iterdir():
        for suffix in EXTENSION_SUFFIXES:
            if path.name.endswith(suffix):  # the first that fits: ".so" fits them all
                found.add(path.name[: -len(suffix)])
                break
    return found


def stale(found: set[str]) -> str | None:
    """Why the extension modules ``found`` must not run, or None when they are current."""
    try:
        manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
        built = {*manifest["modules"], manifest["library"]}
        python, hashes = manifest["python"], dict(manifest["sources"])
    except (OSError, ValueError, KeyError, TypeError):
        return f"{MANIFEST.name} is missing or unreadable (an interrupted build?)"
    if python != sys.implementation.cache_tag:
        return f"built for {python}, not {sys.implementation.cache_tag}"
    if built != found:
        return "the extension modules are not those the last build made"
    for name, digest in sorted(hashes.items()):
        try:
            source = (PACKAGE / f"{name}.py").read_bytes()
        except OSError:
            return f"{name}.py is gone"
        if hashlib.sha256(source).hexdigest() != digest:
            return f"{name}.py changed since they were built"
    return None


class _FromSource:
    """Finds the named modules of the package as their ``.py`` files, past any compiled
    module of the same name. (A meta path finder needs only ``find_spec``: importing
    ``importlib.abc`` for its base class would load ``importlib.resources`` and ``tempfile``
    on every start.)"""

    def __init__(self, names: frozenset[str]) -> None:
        self.names = names

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname not in self.names:
            return None
        name = fullname.rpartition(".")[2]
        return importlib.util.spec_from_file_location(fullname, PACKAGE / f"{name}.py")


def _choose() -> tuple[bool, str]:
    """(whether the compiled modules run, why or why not); loads the sources past them
    when they must not run, warning when that is not what was asked for."""
    found = compiled_modules()
    if not found:
        return False, "pure Python"
    reason = f"pure Python: {PURE_ENV} is set" if os.environ.get(PURE_ENV) else None
    if reason is None:
        why = stale(found)
        if why is None:
            return True, "compiled: make accel"
        reason = f"pure Python: compiled modules ignored, {why}"
        warnings.warn(
            f"cleaner: {reason}; run `make accel` again, or `make unaccel`",
            RuntimeWarning,
            stacklevel=2,
        )
    names = frozenset(f"{__package__}.{n}" for n in found if (PACKAGE / f"{n}.py").exists())
    sys.meta_path.insert(0, _FromSource(names))
    return False, reason


def make_picklable() -> None:
    """Let the frozen dataclasses of the compiled modules pickle, as they do in pure Python.

    Unpickling sets an object's state one attribute at a time, through its class's
    ``__setattr__``: a compiled instance has no ``__dict__`` to fill directly, and a frozen
    dataclass's ``__setattr__`` refuses. Such an instance pickles instead as a call of its
    class on its fields (``copyreg``), which its own constructor accepts.
    """
    if not ACCELERATED:
        return
    for name in sorted(compiled_modules()):
        if (PACKAGE / f"{name}.py").exists():  # not the library they share
            module = importlib.import_module(f"{__package__}.{name}")
            for cls in vars(module).values():
                if _frozen_dataclass(cls) and cls.__module__ == module.__name__:
                    if not all(f.init for f in dataclasses.fields(cls)):
                        raise TypeError(f"{cls.__qualname__}: a field its constructor lacks")
                    copyreg.pickle(cls, _reduce)


def _frozen_dataclass(cls: object) -> bool:
    params = getattr(cls, "__dataclass_params__", None)
    return isinstance(cls, type) and params is not None and bool(params.frozen)


def _reduce(obj: Any) -> tuple[Any, tuple[Any, ...]]:
    return type(obj), tuple(getattr(obj, f.name) for f in dataclasses.fields(obj))


ACCELERATED, STATUS = _choose()
