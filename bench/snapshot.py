"""Decision snapshots: every line's verdict on every dev input, written and compared.

A snapshot is gzip-compressed JSON lines: a header record, then one record per document in
a fixed order (set, input, page), holding the hash of the output text and, per line, its
number, keep/drop, kind, rule, reason, score, label and text. Comparing a run with a snapshot
lists, per document, the lines whose decision differs; a refactor proves itself by an empty
comparison, a behaviour change reads its effect there.
"""

from __future__ import annotations

import difflib
import gzip
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .report import clip
from .runner import DocDecisions
from .subject import Decision

FORMAT = 1
COMPRESSION = 6  # gzip level: 9 costs twice the time for a few percent of the size
LINE_FIELDS = ("line_no", "keep", "kind", "rule", "reason", "score", "label", "text")

Key = tuple[str, str, str]  # set, input, page
Line = list[Any]  # one line's fields, in LINE_FIELDS order


def output_hash(text: str) -> str:
    """SHA-256 of the output text (its UTF-8 bytes, surrogates escaped)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def record(doc: DocDecisions) -> dict[str, Any]:
    """One document's snapshot record."""
    return {
        "set": doc.dataset,
        "input": doc.input,
        "page": doc.page_id,
        "output_sha256": output_hash(doc.output),
        "flagged": doc.flagged,
        "error": doc.error,
        "lines": [_line(d) for d in doc.lines],
    }


def _line(d: Decision) -> Line:
    return [d.line_no, d.keep, d.kind, d.rule, d.reason, d.score, d.label, d.text]


def write(path: Path, header: dict[str, Any], docs: Iterable[DocDecisions]) -> int:
    """Write the snapshot (header first); returns the number of documents."""
    n = 0
    tmp = path.with_name(path.name + ".tmp")
    with gzip.open(tmp, "wt", COMPRESSION, encoding="utf-8", errors="surrogatepass") as f:
        _dump(f, {"snapshot": FORMAT, **header})
        for doc in docs:
            _dump(f, record(doc))
            n += 1
    tmp.replace(path)
    return n


def _dump(f: IO[str], obj: dict[str, Any]) -> None:
    f.write(json.dumps(obj, ensure_ascii=False, sort_keys=True) + "\n")


def _open(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a snapshot file, header first, read one at a time."""
    with gzip.open(path, "rt", encoding="utf-8", errors="surrogatepass") as f:
        for raw in f:
            yield json.loads(raw)


def read_header(path: Path) -> dict[str, Any]:
    """The snapshot's header (format, subject, quick); ValueError if it is not one."""
    header = next(_open(path), {})
    if header.get("snapshot") != FORMAT:
        raise ValueError(f"{path}: not a snapshot of format {FORMAT}")
    return header


def records(path: Path) -> Iterator[dict[str, Any]]:
    """The document records of a snapshot, in file order."""
    docs = _open(path)
    next(docs, None)
    return docs


def key_of(rec: dict[str, Any]) -> Key:
    """(set, input, page) of a record."""
    return (rec["set"], rec["input"], rec["page"])


@dataclass
class Comparison:
    """Differences between a snapshot and this run."""

    compared: int = 0
    skipped: int = 0  # in the snapshot, not in this run's scope
    docs: Counter[str] = field(default_factory=Counter)  # set/input -> documents that differ
    outputs: int = 0  # documents whose output text differs
    changes: Counter[str] = field(default_factory=Counter)  # kind of change -> lines
    missing: int = 0  # in this run, not in the snapshot
    listing: list[str] = field(default_factory=list)

    @property
    def differs(self) -> bool:
        return bool(self.docs or self.missing)

    def summary(self) -> str:
        """Counts, for the end of the listing."""
        ndocs = sum(self.docs.values())
        lines = [
            f"compared {self.compared} documents: {ndocs} differ "
            f"({self.outputs} with a different output text), "
            f"{self.missing} not in the snapshot, {self.skipped} of the snapshot not in "
            "this run's scope"
        ]
        if self.changes:
            lines.append(
                "lines: " + ", ".join(f"{n} {what}" for what, n in self.changes.most_common())
            )
        lines += [f"  {k}: {n} documents differ" for k, n in sorted(self.docs.items())]
        return "\n".join(lines)


def compare(
    old: Iterable[dict[str, Any]], new: Iterable[DocDecisions], scope: set[Key]
) -> Comparison:
    """Compare this run's documents with the snapshot's records of the same keys.

    Both come in the same fixed order, so the snapshot is read alongside the run and only
    records read ahead are held (those outside ``scope``, the run's keys, are skipped).
    """
    out = Comparison()
    ahead: dict[Key, dict[str, Any]] = {}
    pending = iter(old)
    for doc in new:
        key = (doc.dataset, doc.input, doc.page_id)
        while key not in ahead and (rec := next(pending, None)) is not None:
            if key_of(rec) in scope:
                ahead[key_of(rec)] = rec
            else:
                out.skipped += 1
        _compare_doc(ahead.pop(key, None), doc, out)
    out.skipped += sum(1 for _ in pending)
    return out


def _compare_doc(before: dict[str, Any] | None, doc: DocDecisions, out: Comparison) -> None:
    out.compared += 1
    rec = record(doc)
    name = "/".join(key_of(rec))
    if before is None:
        out.missing += 1
        out.listing.append(f"{name}: not in the snapshot")
        return
    diffs = list(_line_diffs(before["lines"], rec["lines"], out.changes))
    same_out = before["output_sha256"] == rec["output_sha256"]
    notes = [
        f"{f} {before[f]!r} -> {rec[f]!r}"
        for f in ("flagged", "error")
        if before.get(f) != rec.get(f)
    ]
    if same_out and not diffs and not notes:
        return
    out.docs[f"{doc.dataset}/{doc.input}"] += 1
    out.outputs += not same_out
    head = "output differs" if not same_out else "output unchanged"
    out.listing.append(
        f"{name}: {head}; {len(diffs)} lines differ" + "".join(f"; {n}" for n in notes)
    )
    out.listing += [f"    {d}" for d in diffs]


def _line_diffs(old: Sequence[Line], new: Sequence[Line], tally: Counter[str]) -> Iterator[str]:
    """One description per line whose decision differs; lines are matched by text (so a
    changed extraction, which shifts line numbers, still pairs the lines it kept)."""
    text = LINE_FIELDS.index("text")
    a, b = [x[text] for x in old], [x[text] for x in new]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for x, y in zip(old[i1:i2], new[j1:j2], strict=True):
                if x != y:
                    yield _describe(x, y, tally)
            continue
        for x in old[i1:i2]:
            tally["only in the snapshot"] += 1
            yield f"L{x[0]} only in the snapshot: {_verdict(x)} {clip(x[text])}"
        for y in new[j1:j2]:
            tally["only in this run"] += 1
            yield f"L{y[0]} only in this run: {_verdict(y)} {clip(y[text])}"


def _verdict(x: Line) -> str:
    return "keep" if x[1] else f"drop {x[2]}/{x[3]}"


def _describe(x: Line, y: Line, tally: Counter[str]) -> str:
    if x[1] != y[1]:
        what = "keep -> drop" if x[1] else "drop -> keep"
    else:
        what = "same verdict, other fields"
    tally[what] += 1
    fields = [
        f"{name} {x[i]!r} -> {y[i]!r}"
        for i, name in enumerate(LINE_FIELDS)
        if name not in ("keep", "text") and x[i] != y[i]
    ]
    return f"L{y[0]} {_verdict(x)} -> {_verdict(y)}: {'; '.join(fields)} {clip(y[-1])}"
