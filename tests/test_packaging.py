"""The wheel users install: rule packs inside it, dependencies declared."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_rules_and_declares_dependencies(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("cleaner-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    # Pure Python, also when ``make accel`` left compiled modules in the checkout.
    assert wheel.name.endswith("-py3-none-any.whl")
    assert not [n for n in names if n.endswith((".so", ".pyd", "_accel.json"))]
    shipped = {Path(n).name for n in names if n.startswith("cleaner/rules/")}
    assert shipped == {p.name for p in (ROOT / "rules").glob("*.toml")}
    (meta,) = [n for n in names if n.endswith(".dist-info/METADATA")]
    requires = [
        line
        for line in zipfile.ZipFile(wheel).read(meta).decode().splitlines()
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    ]
    for dep in ("trafilatura", "lxml[html-clean]", "regex", "typer"):
        assert any(dep in r.replace("html_clean", "html-clean") for r in requires), dep
