"""The README shows what the tool prints: its transcripts run for real (see tests/readme.py),
and its JSON example of a removal record is what the schema gives."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cleaner import Cleaner
from tests.readme import README, STORM, Block, blocks, run, same

BLOCKS = blocks(README.read_text(encoding="utf-8").split("\n"))


def test_the_readme_has_transcripts_to_run() -> None:
    commands = [s.command for b in BLOCKS for s in b.steps]
    assert len(BLOCKS) >= 4 and sum(c.startswith("cleaner ") for c in commands) >= 7, commands


@pytest.mark.parametrize("block", BLOCKS, ids=[b.steps[0].command for b in BLOCKS])
def test_transcript(block: Block, tmp_path: Path) -> None:
    for step, got in zip(block.steps, run(block, tmp_path), strict=True):
        assert same(step.output, got, step.elided), (step.command, got)


def test_removal_record_example() -> None:
    (shown,) = re.findall(r"```json\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    first = Cleaner().clean(STORM).removed[0]
    assert json.loads(shown) == {
        "line_no": first.line_no,
        "text": first.text,
        "kind": first.kind.value,
        "rule": first.rule,
        "score": first.score,
        "reason": first.reason,
    }
