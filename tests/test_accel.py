"""The compiled build (``make accel``): loaded when current, never when stale, and the same.

``make test`` runs the suite pure (``CLEANER_PURE``); ``make test-accel`` builds the
compiled modules and runs it again with ``CLEANER_EXPECT_ACCEL`` set, under which a build
that does not load is a failure, not a skip.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader
from pathlib import Path

import pytest

import cleaner
from cleaner import accel, features, language, matcher
from tests.golden import inputs, read

EXPECTED = bool(os.environ.get("CLEANER_EXPECT_ACCEL"))
FOUND = accel.compiled_modules()
CURRENT = bool(FOUND) and accel.stale(FOUND) is None
needs_build = pytest.mark.skipif(
    not CURRENT and not EXPECTED, reason="no current compiled build (make test-accel builds one)"
)

# Where compiled and pure Python part: an instance pickled, a rule timing out under threads.
PROBE = """
import json, pickle, sys, cleaner
from cleaner import features, memo
c = cleaner.Cleaner()
texts = json.load(open(sys.argv[1]))
back = pickle.loads(pickle.dumps(c))
out = [[(d.line_no, d.keep, d.kind, d.rule, d.score) for d in back.explain(t)] for t in texts]
hint = pickle.loads(pickle.dumps(features.LineHint(None, "x", 0.5, True)))
print(json.dumps({"accelerated": cleaner.ACCELERATED, "explain": out, "hint": repr(hint),
                  "fingerprint": memo.fingerprint(),
                  "features": type(sys.modules["cleaner.features"].__loader__).__name__}))
"""


def _probe(tmp_path: Path, env: dict[str, str]) -> dict[str, object]:
    texts = tmp_path / "texts.json"
    texts.write_text(json.dumps([read(p) for p in inputs()]), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(texts)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "RuntimeWarning" not in out.stderr
    result: dict[str, object] = json.loads(out.stdout)
    return result


def test_the_build_that_is_there_is_the_one_loaded() -> None:
    """Compiled modules run exactly when a current build is there and not opted out of."""
    modules = [
        m for m in sorted(accel.compiled_modules()) if Path(accel.PACKAGE, f"{m}.py").exists()
    ]
    if EXPECTED:
        assert cleaner.ACCELERATED and modules, accel.STATUS
    assert (CURRENT and not os.environ.get(accel.PURE_ENV)) == cleaner.ACCELERATED
    for name in modules:
        module = sys.modules[f"cleaner.{name}"]
        compiled = isinstance(module.__loader__, ExtensionFileLoader)
        assert compiled == cleaner.ACCELERATED, name
        origin = module.__spec__.origin if module.__spec__ else None
        assert origin is not None and origin.endswith(".py") != compiled, (name, origin)


def test_frozen_dataclasses_pickle() -> None:
    """Compiled, a frozen dataclass unpickled field by field through its refusing
    ``__setattr__``: the rules' analyses, kept in the start-up cache, failed to load."""
    plan = matcher._Plan(frozenset({"advertisement"}), None, (1, None))
    assert pickle.loads(pickle.dumps(plan)) == plan
    hint = features.LineHint(None, "a caption", 0.25, code=True)
    assert pickle.loads(pickle.dumps(hint)) == hint


def test_words_lower_case_as_python_has_it() -> None:
    """mypyc's own ``str.lower`` leaves out the final sigma ("σασ"): a Greek stopword in
    capitals missed its stoplist. The build compiles ``lower()`` as Python's."""
    assert language.lower_tokens("ΣΑΣ ΕΙΠΑΝ ότι") == ["σας", "ειπαν", "ότι"]
    assert features.extract("ΣΑΣ ΕΙΠΑΝ", frozenset({"σας"})).stop_density == 0.5


@needs_build
def test_compiled_and_pure_decide_alike(tmp_path: Path) -> None:
    """Every line's decision on the golden inputs, from a pickled Cleaner, in both builds;
    the start-up cache is kept apart for each (they pickle differently)."""
    compiled = _probe(tmp_path, os.environ | {accel.PURE_ENV: ""})
    pure = _probe(tmp_path, os.environ | {accel.PURE_ENV: "1"})
    assert compiled["accelerated"] and compiled["features"] == "ExtensionFileLoader"
    assert not pure["accelerated"] and pure["features"] == "SourceFileLoader"
    assert compiled["explain"] == pure["explain"]
    assert compiled["hint"] == pure["hint"]
    assert compiled["fingerprint"] != pure["fingerprint"]


def _copy(tmp_path: Path) -> Path:
    """The package with its compiled modules, where a test may edit it."""
    root = tmp_path / "copy"
    shutil.copytree(accel.PACKAGE, root / "cleaner", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(accel.PACKAGE.parent / "rules", root / "rules")
    return root


def _load(root: Path) -> tuple[dict[str, object], str]:
    code = (
        "import json, sys, cleaner, cleaner.features as f\n"
        "print(json.dumps([cleaner.ACCELERATED, cleaner.accel.STATUS, type(f.__loader__).__name__,"
        " cleaner.clean('Advertisement\\nThe council met on Tuesday to vote.\\n').text]))"
    )
    env = {k: v for k, v in os.environ.items() if k != accel.PURE_ENV}
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env | {"PYTHONPATH": str(root)},
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    ran, status, loader, text = json.loads(out.stdout)
    assert text == "The council met on Tuesday to vote.\n"
    return {"accelerated": ran, "status": status, "loader": loader}, out.stderr


@needs_build
def test_an_edited_source_turns_the_build_off(tmp_path: Path) -> None:
    """A developer edits features.py after ``make accel``: the stale compiled modules, all
    of them, stay out, and a warning says why; the copy ran compiled before the edit."""
    root = _copy(tmp_path)
    before, warned = _load(root)
    assert before["accelerated"] is True and before["loader"] == "ExtensionFileLoader"
    assert not warned
    source = root / "cleaner" / "features.py"
    source.write_text(source.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    after, warned = _load(root)
    assert after["accelerated"] is False and after["loader"] == "SourceFileLoader"
    assert "features.py changed since they were built" in str(after["status"])
    assert "RuntimeWarning" in warned and "make accel" in warned


@needs_build
def test_a_build_without_its_manifest_is_not_loaded(tmp_path: Path) -> None:
    """An interrupted build leaves extension modules and no manifest (written last)."""
    root = _copy(tmp_path)
    (root / "cleaner" / accel.MANIFEST.name).unlink()
    got, warned = _load(root)
    assert got["accelerated"] is False and got["loader"] == "SourceFileLoader"
    assert "missing" in str(got["status"]) and "RuntimeWarning" in warned


def test_unaccel_removes_every_compiled_module(tmp_path: Path) -> None:
    """``build_accel.py --remove`` (``make unaccel``) leaves the sources alone and no
    extension module or manifest."""
    root = tmp_path / "repo"
    shutil.copytree(accel.PACKAGE, root / "cleaner", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(Path(__file__).parent.parent / "build_accel.py", root)
    (root / "cleaner" / f"features{EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    (root / "cleaner" / accel.MANIFEST.name).write_text("{}", encoding="utf-8")
    subprocess.run([sys.executable, "build_accel.py", "--remove"], cwd=root, check=True)
    left = sorted(p.name for p in (root / "cleaner").iterdir())
    assert left == sorted(
        p.name
        for p in accel.PACKAGE.iterdir()
        if p.suffix == ".py" or (p.is_dir() and p.name != "__pycache__")
    )
