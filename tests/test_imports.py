"""``import cleaner`` stays light: the optional frameworks load only with their integration."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).parent.parent
HEAVY = ["scrapy", "twisted", "itemadapter", "datatrove", "numpy", "huggingface_hub"]


def loaded_after(statement: str) -> set[str]:
    """Which of HEAVY a fresh interpreter has imported after running ``statement``."""
    code = (
        f"import json, sys\n{statement}\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
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
