"""The worker pool: a job's methods mapped over work items, in parallel, in input order.

``pool_for(job, ...)`` gives ``Workers``; ``workers.map(Job.method, items)`` calls
``job.method(item)`` for each item and yields the results in input order. With one
worker this happens in this process, on ``job`` itself. With more, each worker process
receives ``job`` once, when it starts, and keeps it for every call it serves.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from .allocator import fix_mmap_threshold

T = TypeVar("T")
R = TypeVar("R")
J = TypeVar("J")

# How many tasks each worker may have queued: enough to keep it busy between results.
TASKS_IN_FLIGHT_PER_WORKER = 4


def ordered_map(
    pool: Executor, fn: Callable[[T], R], items: Iterable[T], window: int
) -> Iterator[R]:
    """``map`` that keeps input order with at most ``window`` tasks in flight.

    Unlike ``Executor.map`` it does not submit the whole input first, so a huge corpus
    streams through in bounded memory.
    """
    pending: deque[Future[R]] = deque()
    for item in items:
        pending.append(pool.submit(fn, item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class InlineExecutor(Executor):
    """Runs each task at once in this process: ``--jobs 1``, and small runs not worth a pool."""

    def submit(self, fn: Callable[..., R], /, *args: Any, **kwargs: Any) -> Future[R]:
        fut: Future[R] = Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as e:
            fut.set_exception(e)
        return fut


# The job of this worker process, set once by the pool's initializer. Only worker processes
# set it: work done in the calling process is given its job directly.
_process_job: object = None


def _install(job: object) -> None:
    global _process_job
    fix_mmap_threshold()  # a worker started by fork has it already; one spawned does not
    _process_job = job


def _in_worker(fn: Callable[[J, T], R], item: T) -> R:
    return fn(cast(J, _process_job), item)


@dataclass(frozen=True)
class Workers(Generic[J]):
    """Where a job's work runs, and how many workers there are.

    ``job`` is set when the work runs in this process; in a process pool each worker holds
    its own copy, installed when it started.
    """

    executor: Executor
    size: int
    job: J | None = None

    def map(self, fn: Callable[[J, T], R], items: Iterable[T]) -> Iterator[R]:
        """``fn(job, item)`` for every item, results in input order."""
        call: Callable[[T], R] = (
            functools.partial(fn, self.job)
            if self.job is not None
            else functools.partial(_in_worker, fn)
        )
        return ordered_map(self.executor, call, items, TASKS_IN_FLIGHT_PER_WORKER * self.size)


@contextlib.contextmanager
def pool_for(job: J, jobs: int, work: int) -> Iterator[Workers[J]]:
    """Workers for ``job``: ``jobs`` processes (no more than ``work`` can keep busy); one
    runs inline, in this process."""
    jobs = max(1, min(jobs, work))
    if jobs == 1:
        yield Workers(InlineExecutor(), 1, job)
        return
    # Imported here: it loads multiprocessing, which a run of one file does without.
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs, initializer=_install, initargs=(job,)) as pool:
        # Start the workers now, before the caller starts threads (a progress bar): forking
        # a process with running threads can copy a lock some thread holds.
        pool.submit(int).result()
        yield Workers(pool, jobs)


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
