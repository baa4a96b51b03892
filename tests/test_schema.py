"""One JSON schema for removals everywhere: ``--report``, ``--annotate``, ``explain --format
json``, datatrove's metadata and Scrapy's items; and what the API takes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from datatrove.data import Document
from typer.testing import CliRunner

import cleaner
from cleaner import Cleaner
from cleaner.cli import app
from cleaner.integrations.datatrove import BoilerplateStripper
from cleaner.integrations.scrapy import BoilerplatePipeline
from tests.conftest import ARTICLE, write

runner = CliRunner()
ALL_JUNK = "Advertisement\nShare this article\n"


def spelt_out(text: str) -> list[dict[str, Any]]:
    """The removals of ``text`` in the documented schema, field by field."""
    return [
        {
            "line_no": r.line_no,
            "text": r.text,
            "kind": r.kind.value,
            "rule": r.rule,
            "score": r.score,
            "reason": r.reason,
        }
        for r in Cleaner().clean(text).removed
    ]


def test_every_output_writes_the_same_removal_records(tmp_path: Path) -> None:
    want = spelt_out(ARTICLE)
    assert want and Cleaner().clean(ALL_JUNK).flagged
    src = tmp_path / "in"
    write(src / "a.txt", ARTICLE)
    write(src / "junk.txt", ALL_JUNK)
    write(src / "c.jsonl", "".join(json.dumps({"text": t}) + "\n" for t in (ARTICLE, ALL_JUNK)))
    report = tmp_path / "report.json"
    args = ["clean", str(src), "-o", str(tmp_path / "out"), "--annotate", "--report", str(report)]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output

    annotated = [json.loads(line)["cleaner"] for line in (tmp_path / "out" / "c.jsonl").open()]
    assert annotated == [{"removed": want, "flagged": False}, {"removed": [], "flagged": True}]

    files = {Path(f["path"]).name: f for f in json.loads(report.read_text())["files"]}
    assert files["a.txt"]["removed"] == want
    assert files["a.txt"]["flagged"] is False and files["junk.txt"]["flagged"] is True
    assert files["c.jsonl"]["removed"] == [{"record": 1} | r for r in want]
    assert files["c.jsonl"]["flagged"] is True and files["c.jsonl"]["records_flagged"] == 1

    (doc,) = BoilerplateStripper().run(iter([Document(text=ARTICLE, id="1")]))
    assert doc.metadata["cleaner"] == annotated[0]

    item: dict[str, Any] = {"text": ARTICLE}
    BoilerplatePipeline(Cleaner(), annotate=True).process_item(item)
    assert item["cleaner_removed"] == want

    res = runner.invoke(app, ["explain", str(src / "a.txt"), "--format", "json"])
    dropped = [row for row in json.loads(res.stdout)["lines"] if row["action"] == "drop"]
    assert [row["line_no"] for row in dropped] == [r["line_no"] for r in want]


@pytest.mark.parametrize("value", [None, b"Advertisement\nSome text.\n", 42])
def test_clean_refuses_what_is_not_text(value: object) -> None:
    with pytest.raises(TypeError, match=f"takes the text as a str, not {type(value).__name__}"):
        cleaner.clean(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="str"):
        Cleaner().explain(value)  # type: ignore[arg-type]


def test_bytes_get_a_hint_on_how_to_decode() -> None:
    with pytest.raises(TypeError, match=r"decode it first.*clean_html"):
        cleaner.clean(b"Advertisement\n")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"clean_html\(\) takes str or bytes, not NoneType"):
        cleaner.clean_html(None)  # type: ignore[arg-type]
