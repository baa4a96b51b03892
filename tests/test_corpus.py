"""JSONL corpora, compression, the process pool and the file helpers behind the CLI."""

from __future__ import annotations

import gzip
import json
import os
import pickle
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
import zstandard
from typer.testing import CliRunner

from cleaner import Cleaner
from cleaner import corpus as cp
from cleaner.cli import app
from cleaner.files import SkipFile, atomic_open, decode, open_read
from tests.conftest import ARTICLE, PROSE, write

runner = CliRunner()


def records() -> list[dict[str, object]]:
    return [
        {"id": 1, "url": "https://www.example.com/a", "text": ARTICLE, "meta": {"lang": "en"}},
        {"text": PROSE, "id": 2, "note": "ünïcode ✓"},
        {"id": 3, "url": "https://other.org/b", "text": ARTICLE.replace("Tuesday", "Monday")},
    ]


def jsonl(recs: list[dict[str, object]]) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in recs)


def read_jsonl(data: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in data.splitlines()]


def test_jsonl_cleans_one_field_and_keeps_the_rest(tmp_path: Path) -> None:
    src = write(tmp_path / "in" / "corpus.jsonl", jsonl(records()))
    res = runner.invoke(app, ["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    data = (tmp_path / "out" / "corpus.jsonl").read_bytes()
    out = read_jsonl(data)
    c = Cleaner()
    for before, after in zip(records(), out, strict=True):
        assert list(after) == list(before)  # same fields, same order
        assert after["text"] == c.clean(str(before["text"]), before.get("url")).text  # type: ignore[arg-type]
        assert {k: v for k, v in after.items() if k != "text"} == {
            k: v for k, v in before.items() if k != "text"
        }
    # An unchanged record is written back byte for byte.
    assert data.splitlines()[1] == src.read_bytes().splitlines()[1]
    assert "(3 JSONL records)" in res.stderr


def test_jsonl_annotate_and_other_field_names(tmp_path: Path) -> None:
    recs = [{"body": r["text"], "link": r.get("url")} for r in records()]
    src = write(tmp_path / "c.jsonl", jsonl(recs))
    out = tmp_path / "o.jsonl"
    args = ["clean", str(src), "-o", str(out), "--field", "body", "--url-field", "link"]
    res = runner.invoke(app, [*args, "--annotate"])
    assert res.exit_code == 0, res.output
    got = read_jsonl(out.read_bytes())
    want = Cleaner().clean(ARTICLE).removed
    assert got[0]["cleaner"] == {
        "removed": [
            {"line_no": r.line_no, "text": r.text, "kind": r.kind.value, "rule": r.rule,
             "score": r.score, "reason": r.reason}
            for r in want
        ],
        "flagged": False,
    }  # fmt: skip
    assert got[1]["cleaner"] == {"removed": [], "flagged": False}


def test_jsonl_url_field_switches_on_site_rules(tmp_path: Path) -> None:
    rules = write(
        tmp_path / "site.toml",
        "[[rule]]\nid = 'site.headline'\nkind = 'navigation'\npattern = '^storm floods'\n"
        "sites = ['example.com']\n",
    )
    src = write(tmp_path / "c.jsonl", jsonl(records()))
    out = tmp_path / "o.jsonl"
    res = runner.invoke(app, ["clean", str(src), "-o", str(out), "--rules", str(rules)])
    assert res.exit_code == 0, res.output
    got = read_jsonl(out.read_bytes())
    assert not str(got[0]["text"]).startswith("Storm floods")  # www.example.com
    assert str(got[2]["text"]).startswith("Storm floods")  # other.org


@pytest.mark.parametrize("suffix", [".gz", ".zst"])
def test_compressed_jsonl_round_trip(tmp_path: Path, suffix: str) -> None:
    raw = jsonl(records())
    packed = gzip.compress(raw) if suffix == ".gz" else zstandard.ZstdCompressor().compress(raw)
    src = write(tmp_path / "in" / f"c.jsonl{suffix}", packed)
    out = tmp_path / "out" / f"c.jsonl{suffix}"
    res = runner.invoke(app, ["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    with open_read(out) as f:
        got = read_jsonl(f.read())
    assert [r["id"] for r in got] == [1, 2, 3]
    assert "Advertisement" not in str(got[0]["text"])
    plain = (
        gzip.decompress
        if suffix == ".gz"
        else zstandard.ZstdDecompressor().decompressobj().decompress
    )
    assert plain(out.read_bytes()) == jsonl(got)  # really compressed, same format
    # in place, compressed: rewritten atomically, still compressed
    res = runner.invoke(app, ["clean", str(src), "--in-place", "-q"])
    assert res.exit_code == 0
    with open_read(src) as f:
        assert read_jsonl(f.read()) == got
    before = src.stat()  # clean already: an in-place run leaves the file alone
    assert runner.invoke(app, ["clean", str(src), "--in-place", "-q"]).exit_code == 0
    assert (src.stat().st_ino, src.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert sorted(p.name for p in src.parent.iterdir()) == [src.name]


def test_missing_zstandard_is_a_clear_error(tmp_path: Path) -> None:
    src = write(tmp_path / "c.jsonl.zst", zstandard.ZstdCompressor().compress(jsonl(records())))
    code = (
        "import sys; sys.modules['zstandard'] = None\n"  # as if the extra were not installed
        "from cleaner.cli import app; app(prog_name='cleaner')"
    )
    res = subprocess.run(
        [sys.executable, "-c", code, "clean", str(src), "-o", str(tmp_path / "o.jsonl.zst")],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 2
    assert "pip install 'cleaner[zstd]'" in res.stderr
    assert "Traceback" not in res.stderr


def test_jsonl_bad_records_pass_through_and_exit_2(tmp_path: Path) -> None:
    good = json.dumps({"text": ARTICLE}).encode()
    lines = [good, b"{not json", json.dumps({"title": "no text field"}).encode(), b"[1, 2]", good]
    src = write(tmp_path / "c.jsonl", b"\n".join(lines) + b"\n")
    out = tmp_path / "o.jsonl"
    res = runner.invoke(app, ["clean", str(src), "-o", str(out)])
    assert res.exit_code == 2
    got = out.read_bytes().splitlines()
    assert got[1:4] == lines[1:4]  # passed through unchanged, in order
    assert json.loads(got[0])["text"] == json.loads(got[4])["text"] == Cleaner().clean(ARTICLE).text
    err = res.stderr.splitlines()[-1]
    assert err.startswith("error: ") and "record 2: not valid JSON" in err
    assert "record 3: field 'text' is missing" in err and "record 4: not a JSON object" in err


def test_jsonl_stdin_to_stdout() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "cleaner", "clean", "-", "--jsonl", "-q"],
        input=jsonl(records()),
        capture_output=True,
        check=True,
    )
    got = read_jsonl(res.stdout)
    assert [r["id"] for r in got] == [1, 2, 3] and "Advertisement" not in str(got[0]["text"])


def test_check_counts_jsonl_records(tmp_path: Path) -> None:
    src = write(tmp_path / "c.jsonl", jsonl(records()))
    res = runner.invoke(app, ["check", str(src)])
    assert res.exit_code == 1
    assert res.stdout.startswith(f"{src}: 2 of 3 records with junk, 4 lines")


def test_pool_results_equal_inline_results(tmp_path: Path) -> None:
    for i in range(6):
        write(tmp_path / "in" / f"{i}.txt", ARTICLE if i % 2 else PROSE)
    write(tmp_path / "in" / "c.jsonl", jsonl(records() * 50))
    c = Cleaner()
    assert pickle.loads(pickle.dumps(c)).clean(ARTICLE).text == c.clean(ARTICLE).text
    opts = cp.Options(keep_removed=True)
    outs = []
    for jobs in (1, 2):
        tasks, errors = cp.plan([tmp_path / "in"], opts, output=tmp_path / f"o{jobs}")
        assert not errors and len(tasks) == 7
        reports = list(cp.run(tasks, c, opts, jobs))
        assert [r.src for r in reports] == [str(t.src) for t in tasks]
        outs.append(
            (
                [(r.status, r.counts, r.records, r.removed) for r in reports],
                {p.name: p.read_bytes() for p in (tmp_path / f"o{jobs}").iterdir()},
            )
        )
    assert outs[0] == outs[1]
    jsonl_report = outs[0][0][-1]  # c.jsonl sorts last
    assert jsonl_report[2] == 150  # its records went through the pool in batches


def _slow_square(x: int) -> int:
    time.sleep(0.02 * (x % 3))
    return x * x


def test_ordered_map_keeps_order_and_bounds_work_in_flight() -> None:
    pulled = []

    def items():
        for i in range(40):
            pulled.append(i)
            yield i

    with ProcessPoolExecutor(2) as pool:
        results = cp.ordered_map(pool, _slow_square, items(), window=4)
        first = next(results)
        assert first == 0 and len(pulled) <= 5  # not the whole input submitted up front
        assert [first, *results] == [i * i for i in range(40)]


def test_plan_walks_sorted_skips_hidden_and_maps_outputs(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for rel in [
        "b/2.txt",
        "a/1.txt",
        "a/page.html",
        "c.jsonl.gz",
        ".git/x.txt",
        "a/.h.txt",
        "x.md",
    ]:
        write(root / rel, "x")
    tasks, errors = cp.plan([root], cp.Options(), output=tmp_path / "out")
    assert not errors
    got = [(t.src.relative_to(root).as_posix(), t.mode.value, t.dest) for t in tasks]
    assert got == [
        ("a/1.txt", "text", tmp_path / "out" / "a" / "1.txt"),
        ("a/page.html", "html", tmp_path / "out" / "a" / "page.txt"),
        ("b/2.txt", "text", tmp_path / "out" / "b" / "2.txt"),
        ("c.jsonl.gz", "jsonl", tmp_path / "out" / "c.jsonl.gz"),
    ]
    tasks, _ = cp.plan([root], cp.Options(), globs=["*.md"])
    assert [t.src.name for t in tasks] == ["x.md"]
    tasks, errors = cp.plan([root / "a" / "1.txt", root / "b"], cp.Options(), output=tmp_path / "o")
    assert [t.dest for t in tasks] == [tmp_path / "o" / "1.txt", tmp_path / "o" / "2.txt"]
    with pytest.raises(cp.UsageError):
        cp.plan([root], cp.Options(), output=root)


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("\ufeffplain\r\nline\r\n", "utf-8"),
        ("\ufeffzwei\nwörter\n", "utf-16-le"),
        ("\ufeffzwei\nwörter\n", "utf-16-be"),
        ("\ufeffdrei\n", "utf-32-le"),
        ("Le café naïf a été fermé à cause de la grève générale des employés.\n", "latin-1"),
    ],
)
def test_decode_round_trips_bytes(text: str, codec: str) -> None:
    data = text.encode(codec)
    decoded = decode(data)
    assert decoded.text.encode(decoded.encoding) == data  # written back, the same bytes
    if text.startswith("\ufeff"):
        assert (decoded.text, decoded.encoding) == (text, codec)


def test_decode_skips_binary() -> None:
    with pytest.raises(SkipFile, match="binary"):
        decode(b"PK\x03\x04\x00\x00 zip")


def test_atomic_open_failure_leaves_the_original(tmp_path: Path) -> None:
    target = write(tmp_path / "keep.txt", "original\n")
    target.chmod(0o600)
    with pytest.raises(RuntimeError), atomic_open(target) as f:
        f.write(b"half")
        raise RuntimeError("crash while writing")
    assert target.read_text() == "original\n" and os.listdir(tmp_path) == ["keep.txt"]
    with atomic_open(target) as f:
        f.write(b"new\n")
    assert target.read_text() == "new\n" and (target.stat().st_mode & 0o777) == 0o600
    fresh = tmp_path / "sub" / "fresh.txt"
    with atomic_open(fresh) as f:
        f.write(b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600


def test_a_lone_surrogate_passes_through_and_the_rest_is_written(tmp_path: Path) -> None:
    r"""A record may escape a lone surrogate ("\ud800"): valid JSON that Python decodes and
    UTF-8 cannot write. Such a record goes through unchanged and is reported; the records
    around it are cleaned and written."""
    recs = records()
    recs[1] = {"id": 2, "text": ARTICLE.replace("Tuesday", "Tues\ud800day")}
    recs.append({"id": 4, "text": ARTICLE, "note": "a lone \udfff in another field"})
    lines = [json.dumps(r).encode() + b"\n" for r in recs]  # ASCII: the escapes as such
    src = write(tmp_path / "c.jsonl", b"".join(lines))
    out = tmp_path / "o.jsonl"
    res = runner.invoke(app, ["clean", str(src), "-o", str(out), "--annotate"])
    assert res.exit_code == 2, res.output
    got = out.read_bytes().splitlines(keepends=True)
    assert got[1] == lines[1] and got[3] == lines[3]  # byte for byte as they came
    assert json.loads(got[0])["text"] == Cleaner().clean(ARTICLE, "https://www.example.com/a").text
    assert "cleaner" in json.loads(got[2])
    err = res.stderr.splitlines()[-1]
    assert "record 2: field 'text' holds a lone surrogate (\\ud800)" in err
    assert "record 4: a field holds a lone surrogate" in err
    res = runner.invoke(app, ["learn", str(src), "-o", str(tmp_path / "l.toml"), "--jsonl"])
    assert res.exit_code == 2 and "record 2: field 'text' holds a lone surrogate" in res.stderr


def big_record(megabytes: float) -> bytes:
    """One JSONL record whose text is ``megabytes`` of article lines."""
    text = ""
    n = 0
    while len(text) < megabytes * 1e6:
        text += ARTICLE.replace("Tuesday", f"day {n}") + "\n"
        n += 1
    return json.dumps({"id": 1, "text": text}).encode() + b"\n"


def traced_peak(fn: object) -> int:
    """Bytes allocated at the peak of ``fn()`` (tracemalloc: counted, not timed)."""
    import gc
    import tracemalloc

    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        fn()  # type: ignore[operator]
        return tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()


def test_a_large_record_costs_the_corpus_side_little_memory() -> None:
    """Around ``Cleaner.clean`` itself, cleaning a JSONL record holds the line and its
    text, nothing more (no sliced or stripped copies: the old code held 2x the record);
    and what goes back to the parent process is the output and an account, not the
    per-line decisions (3.6x the record)."""
    from cleaner.corpus.records import clean_record

    line = big_record(2)
    text = json.loads(line)["text"]
    c = Cleaner()
    c.clean(text)  # caches warm, so both peaks below are of the same work
    opts = cp.Options()
    around = traced_peak(lambda: clean_record(c, opts, 1, line)) - traced_peak(
        lambda: c.clean(text)
    )
    assert around < 1.5 * len(line), around / len(line)  # the line, its text: under 2x
    out = clean_record(c, opts, 1, line)
    assert len(pickle.dumps(out)) < 1.5 * len(line)
