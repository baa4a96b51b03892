"""The pre-commit hooks: their entry points in process, then the real ``pre-commit``.

The real run installs this repository into pre-commit's own virtualenv (pip, from PyPI),
so it takes about a minute; it is done once, for both hooks, in one config.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from cleaner import Cleaner
from cleaner.precommit import check_main, strip_main
from tests.conftest import ARTICLE, PROSE, write

ROOT = Path(__file__).resolve().parents[1]
SITE_RULE = (
    "[[rule]]\nid = 'site.sponsor'\nkind = 'advertisement'\n"
    "pattern = '^sponsored by example bank$'\nexamples = ['Sponsored by Example Bank']\n"
)
SCRAPED = ARTICLE + "Sponsored by Example Bank\n"


def test_strip_and_check_in_process(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    junk = write(tmp_path / "a.txt", ARTICLE)
    clean = write(tmp_path / "b.txt", PROSE)
    other = write(tmp_path / "notes.md", ARTICLE)
    files = [str(junk), str(clean), str(other)]

    assert check_main(files) == 1
    said = capsys.readouterr()
    assert f"{junk}:3: advertisement: Advertisement" in said.out and str(other) not in said.out
    assert f"skipped: {other}: not a text or JSONL file" in said.err  # passed over, saying so
    assert junk.read_text() == ARTICLE

    assert strip_main(files) == 1
    assert capsys.readouterr().out == f"Fixing {junk} (2 boilerplate lines removed)\n"
    assert junk.read_text() == Cleaner().clean(ARTICLE).text
    assert other.read_text() == ARTICLE  # not matched by the default glob *.txt
    assert strip_main(files) == 0 and check_main(files) == 0

    assert strip_main([*files, "--glob", "*.md"]) == 1 and "Advertisement" not in other.read_text()
    assert check_main([str(junk), "--rules", str(tmp_path / "missing.toml")]) == 2
    assert check_main([str(tmp_path / "gone.txt")]) == 2


GIT_ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.com",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _git(cwd: Path, *args: str) -> str:
    env = os.environ | GIT_ENV | {"GIT_CONFIG_GLOBAL": str(cwd.parent / "gitconfig")}
    res = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return res.stdout.strip()


def _hook_repo(dest: Path) -> str:
    """This project as committed plus any uncommitted work, in a git repo of its own.

    ``pre-commit try-repo`` would take HEAD plus tracked changes but not new files, so the
    test makes its own copy: it then tests the working tree, in a fresh clone or not.
    """
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(ROOT / name, dest / name)
    for name in ("cleaner", "rules"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-q", "-m", "hooks under test")
    return _git(dest, "rev-parse", "HEAD")


LICENSE = """BSD 3-Clause License

Copyright (c) 2024, Example Data Team
All rights reserved.

Redistribution and use in source and binary forms, with or without modification, are \
permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this list of \
conditions and the following disclaimer.
"""
REQUIREMENTS = "requests>=2.31\ntrafilatura>=2.0\n"


def test_real_pre_commit_touches_only_the_files_it_is_pointed_at(tmp_path: Path) -> None:
    """A repository with a LICENSE.txt (which cleaning would change: "All rights reserved."
    is a legal notice), a requirements.txt, notes and a scraped folder. Until the config
    says ``files:``, the hooks touch nothing; then only the scraped text files."""
    assert Cleaner().clean(LICENSE).changed and Cleaner().clean(ARTICLE).changed
    env = (
        os.environ
        | GIT_ENV
        | {
            "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
            "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),
        }
    )
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    rev = _hook_repo(hooks)

    work = tmp_path / "work"
    others = {
        "LICENSE.txt": LICENSE,
        "requirements.txt": REQUIREMENTS,
        "notes.txt": ARTICLE,  # junk, but not scraped: not the hooks' business
        "scraped/meta.json": '{"source": "example"}\n',  # scraped, but not text or JSONL
    }
    for name, text in others.items():
        write(work / name, text)
    write(work / "scraped" / "a.txt", SCRAPED)
    write(work / "scraped" / "clean.txt", PROSE)
    write(work / "site.toml", SITE_RULE)

    def config(files: str) -> None:
        write(
            work / ".pre-commit-config.yaml",
            f"repos:\n- repo: {hooks}\n  rev: {rev}\n  hooks:\n"
            f"  - id: check-news-boilerplate\n{files}    args: [--rules, site.toml]\n"
            f"  - id: strip-news-boilerplate\n{files}    args: [--rules, site.toml]\n",
        )

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(argv, cwd=work, env=env, capture_output=True, text=True)

    def untouched() -> None:
        for name, text in others.items():
            assert (work / name).read_text() == text, name

    pre_commit = [sys.executable, "-m", "pre_commit"]
    _git(work, "init", "-q")

    # No `files:` yet: both hooks are skipped, nothing is touched (this run installs the env).
    config("")
    _git(work, "add", "-A")
    res = run(*pre_commit, "run", "--all-files")
    assert res.returncode == 0, res.stdout + res.stderr
    assert res.stdout.count("(no files to check)Skipped") == 2, res.stdout
    untouched()
    assert (work / "scraped" / "a.txt").read_text() == SCRAPED

    # Pointed at the scraped folder: check reports the staged junk and changes nothing.
    config("    files: ^scraped/\n")
    _git(work, "add", "-A")
    res = run(*pre_commit, "run", "check-news-boilerplate")
    assert res.returncode == 1, res.stdout + res.stderr
    assert "scraped/a.txt:3: advertisement: Advertisement" in res.stdout
    assert "scraped/a.txt:9: advertisement: Sponsored by Example Bank" in res.stdout
    assert "skipped: scraped/meta.json: not a text or JSONL file" in res.stdout
    assert (work / "scraped" / "a.txt").read_text() == SCRAPED
    untouched()

    # As a git hook: the commit stops, the staged file is fixed, nothing else is touched.
    assert run(*pre_commit, "install").returncode == 0
    res = run("git", "commit", "-m", "scraped")
    said = res.stdout + res.stderr  # git shows hook output on stderr
    assert res.returncode == 1, said
    assert "Fixing scraped/a.txt (3 boilerplate lines removed)" in said
    assert "files were modified by this hook" in said
    fixed = (work / "scraped" / "a.txt").read_text()
    assert fixed == Cleaner([work / "site.toml"]).clean(SCRAPED).text
    assert "Sponsored" not in fixed and "Advertisement" not in fixed
    assert (work / "scraped" / "clean.txt").read_text() == PROSE
    untouched()

    # Staged again, the commit goes through: both hooks pass.
    _git(work, "add", "-A")
    res = run("git", "commit", "-m", "scraped, cleaned")
    said = res.stdout + res.stderr
    assert res.returncode == 0, said
    assert said.count("Passed") == 2
    assert _git(work, "log", "--format=%s") == "scraped, cleaned"
    untouched()
