"""What the file system can do to an unattended run: files that cannot be read or have gone,
symlink loops, an output directory that cannot be written, a full disk, a kill mid-run.

Each case runs the real CLI on real files. The rule for all of them: the original stays
intact, the error names the file, the other files are still cleaned, the exit code is 2.

Permissions are real: as root (CI), the CLI runs under ``setpriv`` without the capabilities
that let root ignore file modes. A full disk is a real tmpfs where mounting is allowed, and
an injected ``ENOSPC`` in the writer everywhere.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import Cleaner, corpus, files, pipeline
from cleaner.cli import app
from cleaner.segment import Line
from tests.conftest import ARTICLE, CLI, PROSE, expected, obeying_modes, write


# Root reads and writes whatever the modes say; without these two capabilities it obeys them.
def cli(*args: str | Path, prefix: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [*(prefix or []), *CLI, *map(str, args)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


def errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


def test_an_unreadable_file_is_named_and_the_others_are_cleaned(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write(src / "a.txt", ARTICLE)
    secret = write(src / "b.txt", ARTICLE)
    write(src / "c.txt", ARTICLE)
    secret.chmod(0)
    try:
        res = cli("clean", src, "-o", tmp_path / "out", prefix=obeying_modes())
        assert res.returncode == 2, res.stderr
        assert [e for e in errors(res.stderr) if "b.txt" in e], res.stderr
        for name in ("a.txt", "c.txt"):
            assert (tmp_path / "out" / name).read_text() == expected(ARTICLE)
        assert not (tmp_path / "out" / "b.txt").exists()
        res = cli("clean", "--in-place", src, prefix=obeying_modes())
        assert res.returncode == 2 and "b.txt" in res.stderr
    finally:
        secret.chmod(0o644)
    assert secret.read_text() == ARTICLE


def test_a_read_only_output_directory_leaves_every_original(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write(src / "a.txt", ARTICLE)
    write(src / "sub" / "b.txt", ARTICLE)
    out = tmp_path / "out"
    out.mkdir()
    locked = src / "sub"
    out.chmod(0o555)
    locked.chmod(0o555)
    try:
        res = cli("clean", src, "-o", out, prefix=obeying_modes())
        assert res.returncode == 2
        assert any("a.txt" in e for e in errors(res.stderr)), res.stderr
        res = cli("clean", "--in-place", src, prefix=obeying_modes())
        assert res.returncode == 2
        assert [e for e in errors(res.stderr) if "b.txt" in e], res.stderr
    finally:
        out.chmod(0o755)
        locked.chmod(0o755)
    assert (src / "sub" / "b.txt").read_text() == ARTICLE  # its directory was locked
    assert (src / "a.txt").read_text() == expected(ARTICLE)  # its directory was not
    assert os.listdir(out) == [] and os.listdir(locked) == ["b.txt"]


def test_a_file_that_vanishes_after_planning_is_named(tmp_path: Path) -> None:
    """Another process deletes a file between the directory walk and its turn."""
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path / "in" / name, ARTICLE)
    opts = corpus.Options()
    tasks, planned = corpus.plan([tmp_path / "in"], opts, output=tmp_path / "out")
    assert planned == [] and len(tasks) == 3
    (tmp_path / "in" / "b.txt").unlink()
    reports = list(corpus.run(tasks, Cleaner(), opts, jobs=1))
    assert [r.status for r in reports] == ["changed", "error", "changed"]
    assert "b.txt" in reports[1].message and "No such file" in reports[1].message
    assert sorted(os.listdir(tmp_path / "out")) == ["a.txt", "c.txt"]


def test_symlink_loops_end_in_an_error_not_a_hang(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write(src / "a.txt", ARTICLE)
    (src / "loop1.txt").symlink_to("loop2.txt")
    (src / "loop2.txt").symlink_to("loop1.txt")
    (src / "sub").mkdir()
    (src / "sub" / "up").symlink_to("..")  # a directory loop
    res = cli("clean", src, "-o", tmp_path / "out")
    assert res.returncode == 2
    named = errors(res.stderr)
    assert any("loop1.txt" in e for e in named) and any("loop2.txt" in e for e in named)
    assert all("symbolic links" in e for e in named), named
    assert os.listdir(tmp_path / "out") == ["a.txt"]
    res = cli("clean", src / "loop1.txt", "-o", tmp_path / "one")
    assert res.returncode == 2 and "symbolic links" in res.stderr
    res = cli("clean", "--in-place", src)  # the loop is named, not followed while planning
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert all("symbolic links" in e for e in errors(res.stderr)), res.stderr


def test_in_place_writes_through_a_symlink_and_keeps_it(tmp_path: Path) -> None:
    """A corpus that links a file from elsewhere: the link stays a link, its target is cleaned
    once, even when two links (or the link and the file) point at it."""
    real = write(tmp_path / "store" / "doc.txt", ARTICLE)
    src = tmp_path / "in"
    src.mkdir()
    (src / "link.txt").symlink_to(real)
    (src / "same.txt").symlink_to(real)
    res = cli("clean", "--in-place", src, tmp_path / "store", "--jobs", "2")
    assert res.returncode == 0, res.stderr
    assert (src / "link.txt").is_symlink() and (src / "same.txt").is_symlink()
    assert real.read_text() == expected(ARTICLE)
    assert "1 changed" in res.stderr, res.stderr


def enospc_on(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the writer's fsync fail with ENOSPC for temporary files of ``name``."""
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).startswith(f".{name}."):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    monkeypatch.setattr(files.os, "fsync", fsync)


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
def test_enospc_in_the_writer_keeps_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path / name, ARTICLE)
    enospc_on("b.txt", monkeypatch)
    res = CliRunner().invoke(app, ["clean", "--in-place", str(tmp_path), "--jobs", "1"])
    assert res.exit_code == 2
    assert [e for e in errors(res.stderr) if "b.txt" in e and "No space left" in e]
    assert (tmp_path / "b.txt").read_text() == ARTICLE
    assert (tmp_path / "a.txt").read_text() == expected(ARTICLE)
    assert (tmp_path / "c.txt").read_text() == expected(ARTICLE)
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt", "c.txt"]  # no temporary left


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KiB tmpfs, where this process may mount one."""
    where = tmp_path / "disk"
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root, or no mount rights)")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)


def test_a_full_disk_keeps_the_original_and_cleans_what_fits(tiny_disk: Path) -> None:
    """A file too big to be written twice on the disk fails; a small one after it fits."""
    paragraph = "The council met again on Thursday to discuss the harbour plans in detail. "
    big_text = ARTICLE + (paragraph * 6 + "\n") * 80  # about 36 KB: two copies do not fit
    big = write(tiny_disk / "a_big.txt", big_text)
    small = write(tiny_disk / "b_small.txt", ARTICLE)
    assert 2 * big.stat().st_size > 64 * 1024
    res = cli("clean", "--in-place", tiny_disk)
    assert res.returncode == 2
    assert [e for e in errors(res.stderr) if "a_big.txt" in e and "No space left" in e]
    assert big.read_text() == big_text
    assert small.read_text() == expected(ARTICLE)
    assert sorted(os.listdir(tiny_disk)) == ["a_big.txt", "b_small.txt"]


def test_a_kill_mid_run_leaves_every_file_old_or_new(tmp_path: Path) -> None:
    """SIGKILL to the whole process tree of an ``--in-place`` run, while it writes."""
    src = tmp_path / "corpus"
    olds = {}
    for k in range(600):
        text = ARTICLE.replace("Tuesday", f"day {k}") if k % 3 else PROSE + f"\nNote {k}.\n"
        olds[f"{k:05d}.txt"] = text
        write(src / f"{k:05d}.txt", text)
    clean = Cleaner().clean
    news = {name: clean(text).text for name, text in olds.items()}
    cmd = [*CLI, "clean", "--in-place", str(src), "--jobs", "2"]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    watched = src / "00100.txt"
    deadline = time.monotonic() + 60
    while watched.read_text() == olds[watched.name] and time.monotonic() < deadline:
        time.sleep(0.005)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    states = {"old": 0, "new": 0}
    for name, old in olds.items():
        now = (src / name).read_text()
        assert now in (old, news[name]), f"{name} is neither the old nor the new text"
        states["new" if now == news[name] != old else "old"] += 1
    assert states["new"] > 0 and states["old"] > 0, states  # the kill came mid-run
    # What a kill leaves is hidden temporary files; the next run passes over them.
    leftovers = [n for n in os.listdir(src) if n not in olds]
    assert all(n.startswith(".") and n.endswith(".tmp") for n in leftovers), leftovers
    res = cli("clean", "--in-place", src, "--jobs", "2")
    assert res.returncode == 0, res.stderr
    assert all((src / name).read_text() == news[name] for name in olds)


def test_a_named_pipe_in_a_walk_is_skipped_not_read(tmp_path: Path) -> None:
    """Opening a FIFO for reading waits for a writer forever: it must never be read."""
    src = tmp_path / "in"
    write(src / "a.txt", ARTICLE)
    os.mkfifo(src / "pipe.txt")
    os.mkfifo(src / "pipe.jsonl")
    for args in (["-o", tmp_path / "out"], ["--in-place"]):
        res = cli("clean", src, *args)  # times out (fails) if it blocks
        assert res.returncode == 0, res.stderr
        assert f"skipped: {src / 'pipe.txt'}: a named pipe (FIFO), not a regular file" in res.stderr
        assert f"skipped: {src / 'pipe.jsonl'}: a named pipe (FIFO)" in res.stderr
    assert (tmp_path / "out" / "a.txt").read_text() == expected(ARTICLE)
    assert (src / "a.txt").read_text() == expected(ARTICLE)
    res = cli("check", src)
    assert res.returncode == 0 and "2 skipped" in res.stderr
    res = cli("clean", src / "pipe.txt", "-o", tmp_path / "one.txt")  # named: refused
    assert res.returncode == 2 and "a named pipe (FIFO), not a regular file" in res.stderr


def test_in_place_leaves_a_file_that_was_written_to_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process appends to a file while it is being cleaned: nothing it wrote may
    be lost. The append is made, for real, from inside the clean of that file."""
    busy = write(tmp_path / "busy.txt", ARTICLE)
    record = json.dumps({"text": ARTICLE.replace("Tuesday", "Monday")}) + "\n"
    busy_jsonl = write(tmp_path / "busy.jsonl", record)
    write(tmp_path / "calm.txt", ARTICLE.replace("Tuesday", "Friday"))
    late = "A line written by another process while the file was being cleaned.\n"
    late_record = json.dumps({"text": late}) + "\n"
    segment = pipeline.segment  # every clean splits its text into lines: files and records

    def split_while_appending(text: str) -> list[Line]:
        for day, path, extra in (("Tuesday", busy, late), ("Monday", busy_jsonl, late_record)):
            if day in text:
                with path.open("a") as f:
                    f.write(extra)
        return segment(text)

    monkeypatch.setattr(pipeline, "segment", split_while_appending)
    res = CliRunner().invoke(app, ["clean", "--in-place", str(tmp_path), "--jobs", "1"])
    assert res.exit_code == 2
    for name in ("busy.txt", "busy.jsonl"):
        assert [e for e in errors(res.stderr) if name in e and "changed while" in e], name
    assert busy.read_text() == ARTICLE + late  # the other process's write is kept
    assert busy_jsonl.read_text() == record + late_record
    assert (tmp_path / "calm.txt").read_text() == expected(ARTICLE.replace("Tuesday", "Friday"))
    assert sorted(os.listdir(tmp_path)) == ["busy.jsonl", "busy.txt", "calm.txt"]


def test_in_place_leaves_a_hard_linked_file_and_says_so(tmp_path: Path) -> None:
    """Replacing a file by rename gives its name a new inode: the file's other names
    would keep the old text. Such a file is skipped, saying why."""
    src = tmp_path / "in"
    linked = write(src / "linked.txt", ARTICLE)
    other_name = tmp_path / "elsewhere.txt"
    os.link(linked, other_name)
    write(src / "alone.txt", ARTICLE)
    res = cli("clean", "--in-place", src)
    assert res.returncode == 0, res.stderr
    assert f"skipped: {linked}: has 2 hard links" in res.stderr
    assert linked.read_text() == other_name.read_text() == ARTICLE
    assert linked.stat().st_ino == other_name.stat().st_ino
    assert (src / "alone.txt").read_text() == expected(ARTICLE)
    res = cli("clean", src, "-o", tmp_path / "out")  # to another file: no link is broken
    assert res.returncode == 0 and (tmp_path / "out" / "linked.txt").read_text() == expected(
        ARTICLE
    )


def test_an_output_tree_inside_the_input_is_not_read_again(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write(src / "a.txt", ARTICLE)
    write(src / "sub" / "b.txt", ARTICLE)
    for _ in range(2):
        res = cli("clean", src, "-o", src / "out")
        assert res.returncode == 0, res.stderr
        assert "files: 2 read" in res.stderr
    made = sorted(p.relative_to(src).as_posix() for p in src.rglob("*.txt"))
    assert made == ["a.txt", "out/a.txt", "out/sub/b.txt", "sub/b.txt"]


def test_an_output_that_would_overwrite_an_input_is_refused(tmp_path: Path) -> None:
    """``clean out/in -o out``: in/in/x.txt would be written to out/in/x.txt, an input."""
    top = write(tmp_path / "out" / "in" / "x.txt", ARTICLE)
    write(tmp_path / "out" / "in" / "in" / "x.txt", PROSE)
    res = cli("clean", tmp_path / "out" / "in", "-o", tmp_path / "out")
    assert res.returncode == 2
    assert [e for e in errors(res.stderr) if "its output" in e and "is an input" in e]
    assert top.read_text() == ARTICLE
    assert (tmp_path / "out" / "x.txt").read_text() == expected(ARTICLE)
