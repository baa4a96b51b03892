"""Snapshots written, read back and compared (bench/snapshot.py), on hand-made decisions."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from bench import snapshot
from bench.runner import DocDecisions
from bench.subject import Decision


def keep(no: int, text: str) -> Decision:
    return Decision(no, text, True, None, None, 0.0, "", "good body")


def drop(no: int, text: str, rule: str = "share.bar", score: float = 1.0) -> Decision:
    return Decision(no, text, False, "share", rule, score, "a share bar", "bad tail")


def doc(page: str, *lines: Decision, output: str | None = None) -> DocDecisions:
    out = output if output is not None else "\n".join(d.text for d in lines if d.keep)
    return DocDecisions("aeb", "trafilatura", page, out, False, list(lines))


A = doc("a", keep(1, "Article text."), drop(2, "Share this"))
B = doc("b", keep(1, "Only text."))


def _write_read(tmp_path: Path, docs: list[DocDecisions]) -> list[dict[str, object]]:
    path = tmp_path / "s.jsonl.gz"
    assert snapshot.write(path, {"cleaner": "x", "quick": False}, docs) == len(docs)
    assert snapshot.read_header(path)["snapshot"] == snapshot.FORMAT
    return list(snapshot.records(path))


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    (rec,) = _write_read(
        tmp_path, [doc("a", drop(2, "Sh\u00e4re \ud83d\ude00", score=0.123456789))]
    )
    assert rec["lines"] == [
        [
            2,
            False,
            "share",
            "share.bar",
            "a share bar",
            0.123456789,
            "bad tail",
            "Sh\u00e4re \ud83d\ude00",
        ]
    ]
    assert rec["output_sha256"] == snapshot.output_hash("")


def test_same_decisions_compare_equal(tmp_path: Path) -> None:
    old = _write_read(tmp_path, [A, B])
    result = snapshot.compare(
        old, [A, B], {("aeb", "trafilatura", "a"), ("aeb", "trafilatura", "b")}
    )
    assert not result.differs and result.compared == 2 and result.listing == []


def test_changed_decisions_are_listed_by_line(tmp_path: Path) -> None:
    old = _write_read(tmp_path, [A, B])
    new_a = doc("a", drop(1, "Article text."), keep(2, "Share this"))
    new_b = doc("b", keep(1, "Only text."), output="Only text.")
    new_b.lines[0] = Decision(1, "Only text.", True, None, None, 0.5, "", "good body")
    scope = {("aeb", "trafilatura", "a"), ("aeb", "trafilatura", "b")}
    result = snapshot.compare(old, [new_a, new_b], scope)
    assert result.differs and result.docs == Counter({"aeb/trafilatura": 2})
    assert result.outputs == 1  # b's output is the same text
    assert result.changes == Counter(
        {"keep -> drop": 1, "drop -> keep": 1, "same verdict, other fields": 1}
    )
    assert result.listing[0] == "aeb/trafilatura/a: output differs; 2 lines differ"
    assert result.listing[1].startswith("    L1 keep -> drop share/share.bar: kind None -> ")
    assert result.listing[-1].startswith("    L1 keep -> keep: score 0.0 -> 0.5")


def test_a_shifted_extraction_pairs_lines_by_text(tmp_path: Path) -> None:
    old = _write_read(tmp_path, [A])
    new_a = doc("a", keep(1, "Headline"), keep(2, "Article text."), drop(3, "Share this"))
    result = snapshot.compare(old, [new_a], {("aeb", "trafilatura", "a")})
    # line numbers moved: lines 2 and 3 pair with the old 1 and 2 by their text
    assert result.changes == Counter({"only in this run": 1, "same verdict, other fields": 2})
    assert "L1 only in this run: keep `Headline`" in result.listing[1]


def test_scope_skips_records_outside_and_flags_missing(tmp_path: Path) -> None:
    old = _write_read(tmp_path, [A, B])
    new_c = doc("c", keep(1, "New page."))
    scope = {("aeb", "trafilatura", "b"), ("aeb", "trafilatura", "c")}
    result = snapshot.compare(old, [B, new_c], scope)
    assert (result.compared, result.skipped, result.missing) == (2, 1, 1)
    assert result.differs
    assert result.listing == ["aeb/trafilatura/c: not in the snapshot"]
