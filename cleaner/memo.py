"""Start-up work kept across processes.

Every process that cleans would otherwise redo the same work before its first document:
analyse each rule's pattern for the matcher's filter, and index the stoplists of a hundred
languages for the language guess. That costs seconds, on every command, every pre-commit
hook and every worker of a pool, for results that depend only on their inputs and on
cleaner's own code. So they are kept in one SQLite file in the user's cache directory:
``$CLEANER_CACHE_DIR``, else ``$XDG_CACHE_HOME/cleaner``, else ``~/.cache/cleaner``.
``CLEANER_CACHE_DIR=""`` turns the cache off.

Entries are keyed by their inputs and by a fingerprint of cleaner's code and the Python
version: a change of either recomputes them. The entries of the ``KEEP_FINGERPRINTS`` most
recently used fingerprints are kept (a checkout and a pre-commit environment do not wipe
each other's), older ones dropped. The cache never changes a result; when it cannot be
read or written (a read-only home, a locked or damaged file) the work is simply done again.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import os
import pickle
import re
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import regex

P = ParamSpec("P")
R = TypeVar("R")

ENV = "CLEANER_CACHE_DIR"
FILE_NAME = "cache.sqlite3"
BUSY_SECONDS = 5.0  # how long to wait for another process's write before doing without
SQL_VARIABLES = 500  # keys per query, within SQLite's limit on parameters
KEEP_FINGERPRINTS = 4  # versions of cleaner (checkouts, environments) whose entries stay
LOCAL_ENTRIES = 4096  # results a memoised function keeps in memory


def cache_dir() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    configured = os.environ.get(ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "cleaner"


@functools.lru_cache(maxsize=1)
def fingerprint() -> str:
    """A digest of what computed the entries: cleaner's own code, compiled or not (the two
    pickle some objects differently), the Python version and the ``regex`` module's (its
    Unicode tables decide what a digit or a space is)."""
    from .accel import ACCELERATED

    versions = f"{sys.version} {regex.__version__} {ACCELERATED}"
    digest = hashlib.blake2b(versions.encode(), digest_size=16)
    root = Path(__file__).parent
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


class Store:
    """Bytes by (namespace, key), for this fingerprint; thread-safe, reopened after a fork.

    A store that fails (locked past ``BUSY_SECONDS``, read-only, full) stops trying for
    the rest of the process: the work is done again, never waited for twice.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._pid = -1
        self._broken = False

    def get_many(self, namespace: str, keys: Iterable[bytes]) -> dict[bytes, bytes]:
        """The stored values of those ``keys`` that have one."""
        wanted = list(dict.fromkeys(keys))
        found: dict[bytes, bytes] = {}
        with self._connection() as db:
            if db is None:
                return found
            for start in range(0, len(wanted), SQL_VARIABLES):
                chunk = wanted[start : start + SQL_VARIABLES]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT key, value FROM entries WHERE fp = ? AND ns = ? AND key IN ({marks})",
                    (fingerprint(), namespace, *chunk),
                )
                found.update(rows)
        return found

    def get(self, namespace: str, key: bytes) -> bytes | None:
        return self.get_many(namespace, [key]).get(key)

    def put_many(self, namespace: str, items: Mapping[bytes, bytes]) -> None:
        """Store ``items``, in one transaction."""
        with self._connection() as db:
            if db is None:
                return
            with db:
                db.executemany(
                    "INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)",
                    ((fingerprint(), namespace, k, v) for k, v in items.items()),
                )

    def put(self, namespace: str, key: bytes, value: bytes) -> None:
        self.put_many(namespace, {key: value})

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection | None]:
        """The open database, or None when it cannot be used."""
        with self._lock:
            if os.getpid() != self._pid:  # a forked worker opens its own connection
                self._pid, self._db, self._broken = os.getpid(), None, False
            if self._db is None and not self._broken:
                self._db = self._open()
                self._broken = self._db is None
            try:
                yield self._db
            except sqlite3.Error:
                self._db, self._broken = None, True

    def _open(self) -> sqlite3.Connection | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect()
        except sqlite3.OperationalError:  # locked, read-only, cannot be opened
            return None
        except sqlite3.DatabaseError:  # not a database (a damaged file): start a new one
            with contextlib.suppress(OSError, sqlite3.Error):
                self.path.unlink()
                return self._connect()
        except OSError:
            pass
        return None

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_SECONDS, check_same_thread=False)
        # A cache needs no durability: write-ahead logging without a sync on every commit
        # (a crash can lose the last entries, never damage the file).
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        with db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries (fp TEXT, ns TEXT, key BLOB, value BLOB, "
                "PRIMARY KEY (fp, ns, key)) WITHOUT ROWID"
            )
            db.execute("CREATE TABLE IF NOT EXISTS fingerprints (fp TEXT PRIMARY KEY, used REAL)")
        with contextlib.suppress(sqlite3.OperationalError):  # read-only: read what is there
            _prune(db)
        return db


def _prune(db: sqlite3.Connection) -> None:
    """Mark this fingerprint used; drop the entries of all but the latest few.

    Runs at every process's first use of the cache, so it reads only what it needs: the
    fingerprints that entries are stored under are found by seeking from one to the next
    on the primary key (whose first column is the fingerprint), and dropped entries are
    deleted by it. (One delete of every entry whose fingerprint is not kept reads the
    whole table: with the stoplist index of a few versions, hundreds of thousands of rows,
    a third of a second at every start.) Entries that a process of a dropped version
    wrote after the drop go at the next start.

    A start that would change nothing writes nothing (a commit costs some milliseconds).
    """
    if _unchanged(db):
        return
    with db:
        db.execute(
            "INSERT OR REPLACE INTO fingerprints VALUES (?, ?)", (fingerprint(), time.time())
        )
        db.execute(
            "DELETE FROM fingerprints WHERE fp NOT IN "
            "(SELECT fp FROM fingerprints ORDER BY used DESC LIMIT ?)",
            (KEEP_FINGERPRINTS,),
        )
        kept = {fp for (fp,) in db.execute("SELECT fp FROM fingerprints")}
        stale = [fp for fp in _stored_fingerprints(db) if fp not in kept]
        db.executemany("DELETE FROM entries WHERE fp = ?", [(fp,) for fp in stale])


def _unchanged(db: sqlite3.Connection) -> bool:
    """Whether ``_prune`` would change nothing: this fingerprint is already the most
    recently used, so marking it again keeps the order of use, which is all that pruning
    reads; no more fingerprints are listed than are kept; and entries are stored under
    listed fingerprints alone."""
    listed = [fp for (fp,) in db.execute("SELECT fp FROM fingerprints ORDER BY used DESC")]
    return (
        bool(listed)
        and listed[0] == fingerprint()
        and len(listed) <= KEEP_FINGERPRINTS
        and set(_stored_fingerprints(db)) <= set(listed)
    )


def _stored_fingerprints(db: sqlite3.Connection) -> list[str]:
    """The fingerprints that entries are stored under: one index seek each."""
    found: list[str] = []
    row = db.execute("SELECT min(fp) FROM entries").fetchone()
    while row is not None and row[0] is not None:
        found.append(row[0])
        row = db.execute("SELECT min(fp) FROM entries WHERE fp > ?", (row[0],)).fetchone()
    return found


_store: Store | None = None
_store_dir: Path | None = None
_store_lock = threading.Lock()


def store() -> Store | None:
    """The cache of this process (None when turned off)."""
    global _store, _store_dir
    where = cache_dir()
    with _store_lock:
        if where is None:
            return None
        if _store is None or _store_dir != where:
            _store, _store_dir = Store(where / FILE_NAME), where
        return _store


def persistent(namespace: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Memoise a pure function of hashable, picklable arguments in this process and in the
    cache, so that other processes find its result too. The result must pickle."""

    def decorate(fn: Callable[P, R]) -> Callable[P, R]:
        local: dict[bytes, R] = {}  # this process's, bounded like the lru_cache it replaces

        @functools.wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            key = pickle.dumps((args, sorted(kwargs.items())), protocol=5)
            if key in local:
                return local[key]
            kept = store()
            stored = kept.get(namespace, key) if kept is not None else None
            if stored is not None:
                value: R = pickle.loads(stored)
            else:
                value = fn(*args, **kwargs)
                if kept is not None:
                    kept.put(namespace, key, pickle.dumps(value, protocol=5))
            if len(local) >= LOCAL_ENTRIES:
                local.clear()
            local[key] = value
            return value

        return wrapper

    return decorate


def compiled_re(pattern: str) -> re.Pattern[str]:
    """``re.compile(pattern)``, from the compiled code kept in the cache when it can be.

    The standard library compiles a pattern in Python: the matcher's scan of a few
    hundred literals takes some 30 ms, the word pattern of the whole Basic Multilingual
    Plane 10, most of a process's first document. Its code (``_sre_args``) is kept
    across processes (the cache's fingerprint holds the Python version, so the code meets
    the engine it was made for) and handed to ``_sre.compile`` as ``re`` itself does.
    That API is private: when it is missing or refuses the code, ``re.compile`` serves.
    """
    try:
        sre: Any = importlib.import_module("_sre")
        compiled = sre.compile(*_sre_args(pattern))
        if isinstance(compiled, re.Pattern) and compiled.pattern == pattern:
            return compiled
    except (ImportError, AttributeError, TypeError, ValueError, RuntimeError):
        pass
    return re.compile(pattern)


@persistent("re.compiled")
def _sre_args(pattern: str) -> tuple[Any, ...]:
    """The arguments ``re``'s compiler gives ``_sre.compile`` for ``pattern`` (flags 0);
    ImportError without its private modules (nothing is kept then)."""
    compiler: Any = importlib.import_module("re._compiler")
    parser: Any = importlib.import_module("re._parser")
    parsed = parser.parse(pattern, 0)
    code = [int(op) for op in compiler._code(parsed, 0)]  # opcodes are named ints: plain ones
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    flags = int(parsed.state.flags)
    return (pattern, flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


@persistent("regex.compiled")
def compiled_regex(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, kept across processes: for the patterns modules
    compile on import.

    ``regex`` parses a pattern in Python, from a tenth of a millisecond to ten for the code
    detector's keywords: some 20 ms of every command's start for a few dozen patterns,
    while a compiled pattern pickles as its code and loads in microseconds. The cache's
    fingerprint holds ``regex``'s version, so stored code always meets its engine.
    """
    return regex.compile(pattern, flags)
