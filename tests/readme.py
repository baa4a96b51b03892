"""The README's transcripts, run for real: what it shows is what the tool prints.

Every ```text block of README.md made of ``$ command`` lines and their output, whose
commands are ``cleaner``, ``find`` or ``head``, is run with bash in a fresh copy of the
example files (``examples``) and compared with the block: times may differ, and a block
whose output ends in a line ``...`` shows only the lines above it.

``python -m tests.readme`` (part of ``make golden``) rewrites those outputs in README.md
from the current code; review the diff before committing.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
RUNNABLE = ("cleaner", "find", "head")
ELIDED = "..."
_TIME = re.compile(r"time: \d+\.\d+s")

STORM = """Storm floods coastal towns as rivers burst their banks

Advertisement

Heavy rain swept across the coast on Tuesday, flooding dozens of homes.
Photo by: Reuters
Emergency crews worked through the night to reinforce the levees.
The mayor said the town would need weeks to recover from the floods.
"""
COUNCIL = """Council approves the new library budget

The city council approved the budget for the new library on Monday after a long debate \
about its cost.
Construction is expected to begin in the spring and to last about two years, the council said.
"""
FLOOD = """<!doctype html><html><head><title>River flood closes the old bridge</title></head>
<body><nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article><h1>River flood closes the old bridge</h1>
<p>The old bridge over the river was closed on Wednesday after the water rose above its \
arches.</p>
<p>Advertisement</p>
<p>Engineers said the bridge would stay closed until the water level falls and they can \
inspect it.</p>
<p>Photo by: Reuters</p>
<p>Drivers were told to use the ring road, which adds about twenty minutes to the journey \
into town.</p></article>
</body></html>
"""
NEWSLETTER_RULE = """[[rule]]
id = "site.briefing"
kind = "subscribe"
pattern = '^(?=(?:\\S+\\s){0,9}\\S+$)the harbour ledger morning briefing$'
reason = "the site's newsletter, named alone on a line"
examples = ["The Harbour Ledger morning briefing"]
"""
# A site's pages for `cleaner learn`: the same furniture around a different article each.
FURNITURE = [
    "Example Daily Morning Edition",
    "Home | World | Business | Culture | Sport",
    "Most read this week",
    "Contact the newsroom",
    "Example Daily is published by Example Media Group",
]
PLACES = ["Northfield", "Eastmoor", "Brackenfold", "Selhaven", "Gull Point", "Leckford"]
TOPICS = ["the harbour", "the new school", "the bus routes", "the library", "the bridge"]


def examples(root: Path) -> None:
    """The files the README's transcripts work on, under ``root``."""
    files: dict[str, str | bytes] = {
        "scraped/world/storm.txt": STORM,
        "scraped/local/council.txt": COUNCIL,
        "scraped/local/flood.html": FLOOD,
        "storm.txt": STORM + "\nThe Harbour Ledger morning briefing\n",
        "my_rules.toml": NEWSLETTER_RULE,
        "corpus.jsonl.gz": gzip.compress(
            b"".join(json.dumps({"text": t}).encode() + b"\n" for t in (STORM, COUNCIL)),
            mtime=0,
        ),
    }
    for n in range(30):
        place, topic = PLACES[n % len(PLACES)], TOPICS[n // len(PLACES)]
        article = [
            f"{place} residents divided over plans for {topic}",
            f"People in {place} met on day {n + 1} of the consultation to discuss {topic}, "
            "and many of them asked the council to publish its figures first.",
            f"The council said a decision on {topic} in {place} would follow in the autumn.",
        ]
        page = [FURNITURE[0], FURNITURE[1], *article, FURNITURE[2], *FURNITURE[3:]]
        files[f"corpus/example.com/{n:02d}.txt"] = "\n".join(page) + "\n"
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
    (root / "tests").symlink_to(REPO / "tests")  # the explain example names a fixture


@dataclass
class Step:
    command: str
    output: list[str]  # as the README shows it, without a final ELIDED line
    elided: bool


@dataclass
class Block:
    start: int  # index of the first line inside the fence
    end: int  # index of the closing fence
    steps: list[Step]


def blocks(lines: list[str]) -> list[Block]:
    """The runnable transcript blocks of the README's lines."""
    found = []
    i = 0
    while i < len(lines):
        if lines[i] != "```text":
            i += 1
            continue
        end = lines.index("```", i + 1)
        body = lines[i + 1 : end]
        if body and body[0].startswith("$ "):
            steps: list[Step] = []
            for line in body:
                if line.startswith("$ "):
                    steps.append(Step(line[2:], [], False))
                else:
                    steps[-1].output.append(line)
            for step in steps:
                if step.output and step.output[-1].strip() == ELIDED:
                    step.output.pop()
                    step.elided = True
            if all(s.command.split()[0] in RUNNABLE for s in steps):
                found.append(Block(i + 1, end, steps))
        i = end + 1
    return found


def run(block: Block, root: Path) -> list[list[str]]:
    """Each step's output (stdout and stderr as they interleave), in a fresh example tree."""
    examples(root)
    env = os.environ | {"PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    outputs = []
    for step in block.steps:
        res = subprocess.run(
            ["bash", "-c", step.command],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=300,
        )
        outputs.append(res.stdout.splitlines())
    return outputs


def same(shown: list[str], got: list[str], elided: bool) -> bool:
    """Whether ``got`` is what the README shows (times aside; all of it, unless elided)."""
    got = got[: len(shown)] if elided else got
    return [_TIME.sub("time: 0.00s", x) for x in shown] == [
        _TIME.sub("time: 0.00s", x) for x in got
    ]


def main() -> None:
    import tempfile

    lines = README.read_text(encoding="utf-8").split("\n")
    for block in reversed(blocks(lines)):
        with tempfile.TemporaryDirectory() as tmp:
            outputs = run(block, Path(tmp))
        body: list[str] = []
        for step, got in zip(block.steps, outputs, strict=True):
            shown = got[: len(step.output)] if step.elided else got
            body += [f"$ {step.command}", *shown, *([f"    {ELIDED}"] if step.elided else [])]
        lines[block.start : block.end] = body
    README.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
