"""Memory of one large JSONL record: the peak RSS of the real CLI cleaning a record of
``RECORD_MB`` megabytes made of the dev documents' text, less the peak of the same command
on a record of one document (the interpreter, the modules, the rules), over the record's
size."""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from ..report import table

RECORD_MB = 10


def _record(path: Path, docs: Sequence[tuple[str, str | None]], megabytes: float) -> int:
    """Write one JSONL record whose text is the documents, repeated to ``megabytes``."""
    parts: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        for text, _ in docs:
            parts.append(text)
            size += len(text) + 2
            if size >= megabytes * 1e6:
                break
    data = json.dumps({"text": "\n\n".join(parts)}, ensure_ascii=False).encode() + b"\n"
    path.write_bytes(data)
    return len(data)


def run(docs: Sequence[tuple[str, str | None]]) -> str:
    """The section: the large record's peak memory, as a multiple of its size."""
    from .speed import _run_measured  # speed runs this section: imported when it does

    mb = 1024 * 1024
    with tempfile.TemporaryDirectory(prefix="cleaner-memory-") as tmp:
        big, small = Path(tmp, "big.jsonl"), Path(tmp, "small.jsonl")
        size = _record(big, docs, RECORD_MB)
        _record(small, docs, 0.001)  # one document
        rows, peaks = [], {}
        for name, src in (("one-document record", small), (f"{size / 1e6:.0f} MB record", big)):
            cmd = [sys.executable, "-m", "cleaner", "clean", str(src), "-o", f"{src}.out"]
            secs, _, single, code = _run_measured([*cmd, "-q", "--jobs", "1"])
            peaks[src] = single
            rows.append([name, code, f"{secs:.1f}", f"{single / mb:.0f}"])
    times = (peaks[big] - peaks[small]) / size
    note = (
        f"`cleaner clean` of one JSONL record, `--jobs 1`: the record costs {times:.1f}× its "
        "size at the peak (the large run's peak RSS less the one-document run's). Most of it is "
        "`Cleaner.clean`'s per-line objects; the corpus side holds the line and its text."
    )
    head = ["input", "exit", "wall s", "peak RSS MB"]
    return "\n\n".join(["### One large JSONL record", table(head, rows), note])
