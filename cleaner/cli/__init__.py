"""The ``cleaner`` command line (typer). It parses, prints and sets exit codes; the work
is done by the corpus package (files, JSONL, the process pool) and learn.py.

Exit codes: 0 done (or nothing found), 1 ``check`` found junk, 2 usage or input errors
(other files are still processed; errors are listed at the end).
"""

from __future__ import annotations

from typer.core import TyperCommand

from . import clean, explain, learn, report, rules  # noqa: F401  (each registers its commands)
from .common import _Command, app, rules_app

# Every command's help in the usual form (see _Command), whoever defined the command.
for _info in (*app.registered_commands, *rules_app.registered_commands):
    if _info.cls is TyperCommand:
        _info.cls = _Command


def main() -> None:  # pragma: no cover - console entry point
    app()


__all__ = ["app", "main"]
