"""``make accel``: compile cleaner's text path with mypyc, in place, beside its sources.

The extension modules (``cleaner/NAME.*.so``) shadow ``cleaner/NAME.py`` on import; the
manifest (``cleaner/_accel.json``) records the hash of every source they were built from,
so that ``cleaner.accel`` can ignore them once a source has changed. ``--remove``
(``make unaccel``) deletes what a build left. Nothing here runs in a default install:
``pip install .`` builds a pure-Python wheel with hatchling, which leaves out the files
this writes (they are git-ignored).
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PACKAGE = ROOT / "cleaner"
BUILD_TEMP = ROOT / "build" / "accel"

# The modules compiled: what one document's clean runs through, from its segmentation to
# its rendering. Left pure: the rules' loading (rules.py: its cached_property needs an
# instance __dict__), heuristics (parameters, read once per pass), result (pickled to the
# corpus pool), pipeline (glue), memo and IO.
MODULES = (
    "assessment",
    "captions",
    "decide",
    "document",
    "duplicates",
    "features",
    "language",
    "lineclass",
    "matcher",
    "normalize",
    "prefilter",
    "regions",
    "render",
    "scorer",
    "segment",
    "span",
    "structure",
    "tables",
    "topic",
)
GROUP = "_accel"  # the shared library every compiled module links: cleaner/_accel__mypyc.*
MANIFEST = PACKAGE / "_accel.json"


def sources(modules: tuple[str, ...]) -> list[str]:
    """The compiled modules and every cleaner module they import, directly or not: the
    sources whose types the compiled code was built on."""
    seen: set[str] = set()
    todo = list(modules)
    while todo:
        name = todo.pop()
        if name in seen or not (PACKAGE / f"{name}.py").exists():
            continue
        seen.add(name)
        tree = ast.parse((PACKAGE / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                if node.module:
                    todo.append(node.module.split(".")[0])
                else:
                    todo += [alias.name for alias in node.names]
    return sorted(seen)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def remove() -> None:
    """Delete every compiled module, the manifest and the build's temporary files."""
    for path in PACKAGE.glob("*.so"):
        path.unlink()
    for path in PACKAGE.glob("*.pyd"):
        path.unlink()
    MANIFEST.unlink(missing_ok=True)
    shutil.rmtree(BUILD_TEMP, ignore_errors=True)


def manifest() -> dict[str, object]:
    """What a build of the sources as they are now records (with this script's hash and
    mypyc's version, which ``cleaner.accel`` does not check, so that a build by another
    recipe is not taken for current)."""
    from mypy.version import __version__ as mypyc_version

    return {
        "builder": digest(Path(__file__)),
        "mypyc": mypyc_version,
        "python": sys.implementation.cache_tag,
        "modules": list(MODULES),
        "library": f"{GROUP}__mypyc",
        "sources": {name: digest(PACKAGE / f"{name}.py") for name in sources(MODULES)},
    }


def current() -> bool:
    """Whether the compiled modules there are the build of these sources."""
    try:
        built = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    names = [*MODULES, f"{GROUP}__mypyc"]
    suffix = f".{sys.implementation.cache_tag}-"
    have = {p.name.split(".")[0] for p in PACKAGE.glob(f"*{suffix}*")}
    return built == manifest() and have == set(names)


def python_lower() -> None:
    """Compile ``s.lower()`` as a call of Python's ``str.lower``.

    mypyc's own ``lower`` maps each character alone and so leaves out Unicode's one rule
    that looks at a character's neighbours, the final sigma: Python lower-cases "ΣΑΣ" to
    "σας", compiled code to "σασ", a word no Greek stoplist holds. Its other string
    methods agree with Python's on every character (``tests/test_accel.py``).
    """
    from mypyc.primitives import registry, str_ops

    ops = registry.method_call_ops.get("lower", [])
    registry.method_call_ops["lower"] = [op for op in ops if op.c_function_name != "CPyStr_Lower"]
    assert str_ops  # imported for its registrations, which the line above undoes


def build() -> None:
    """Compile ``MODULES`` in place and write the manifest, last: a build that fails
    leaves no manifest, and extension modules without one are never loaded."""
    from mypyc.build import mypycify
    from setuptools import Distribution

    if current():
        print("build_accel: the compiled modules are current")
        return
    remove()
    python_lower()
    extensions = mypycify(
        [f"cleaner/{m}.py" for m in MODULES],
        opt_level="3",
        group_name=f"cleaner.{GROUP}",
        target_dir=str(BUILD_TEMP / "c"),
    )
    # A bare Distribution: setup() would read pyproject.toml, which is hatchling's.
    dist = Distribution(
        {
            "name": "cleaner-accel",
            "ext_modules": extensions,
            "script_args": [
                *("build_ext", "--inplace", "--build-temp", str(BUILD_TEMP / "temp")),
                *("--build-lib", str(BUILD_TEMP / "lib")),
            ],
        }
    )
    dist.parse_command_line()
    dist.run_commands()
    MANIFEST.write_text(json.dumps(manifest(), indent=1) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--remove", action="store_true", help="delete the compiled modules")
    if parser.parse_args().remove:
        remove()
    else:
        build()


if __name__ == "__main__":
    main()
