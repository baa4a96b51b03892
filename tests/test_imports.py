"""``import cleaner`` stays light: the optional frameworks load only with their integration."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).parent.parent
HEAVY = ["scrapy", "twisted", "itemadapter", "datatrove", "numpy", "huggingface_hub"]


def loaded_after(statement: str, modules: list[str] = HEAVY) -> set[str]:
    """Which of ``modules`` a fresh interpreter has imported after running ``statement``."""
    code = (
        f"import json, sys\n{statement}\n"
        f"print(json.dumps([m for m in {modules!r} if m in sys.modules]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    return set(json.loads(out.stdout))


def test_import_cleaner_loads_no_framework() -> None:
    assert loaded_after("import cleaner; cleaner.clean('Advertisement\\nSome text here.')") == set()


def test_integrations_load_their_framework() -> None:
    """The check above can see a framework load: each integration module does load one."""
    assert loaded_after("import cleaner.integrations") == set()
    assert "itemadapter" in loaded_after("import cleaner.integrations.scrapy")
    assert "datatrove" in loaded_after("import cleaner.integrations.datatrove")


def test_cleaning_in_this_process_loads_no_worker_pool() -> None:
    """What only a pool of worker processes needs loads with a pool (start-up time)."""
    pool = ["multiprocessing", "concurrent.futures.process", "importlib.resources"]
    clean = "import cleaner; cleaner.clean('Advertisement\\nSome text here.')"
    assert loaded_after(clean, pool) == set()
    one_file = (
        "from cleaner import corpus\n"
        "with corpus.pool_for(object(), jobs=4, work=1) as workers: pass"
    )
    assert loaded_after(one_file, pool) == set()
    assert "multiprocessing" in loaded_after(one_file.replace("work=1", "work=2"), pool)


def test_one_file_command_loads_no_pydantic(tmp_path: Path) -> None:
    """The CLI's start stays light: typer from 0.29 coerces each option through pydantic
    (0.2 s a start, see pyproject.toml's pin), and pydantic must not come back another way."""
    (tmp_path / "one.txt").write_text("Advertisement\nSome text of the article here.\n")
    run = (
        "from cleaner.cli import app\n"
        f"try: app(['clean', {str(tmp_path / 'one.txt')!r}, '-o', {str(tmp_path / 'out.txt')!r}])\n"
        "except SystemExit as done: assert done.code == 0, done.code"
    )
    assert loaded_after(run, ["pydantic", "pydantic_core"]) == set()
    assert (tmp_path / "out.txt").read_text() == "Some text of the article here.\n"
