"""BoilerplateStripper in a real datatrove pipeline: JsonlReader -> stripper -> JsonlWriter.

The corpus is generated: each document is an article plus known junk lines, so every
removal, every kept line and every per-kind stat has an exact expected value.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from cleaner.integrations.datatrove import BoilerplateStripper

SITE = Path(__file__).parent / "fixtures" / "site"
RULES = SITE / "ledger-rules.toml"

TOPICS = [
    ("ferry", "fares", "Eastmoor", "ferry operator", "Helen Marsh"),
    ("reservoir", "levels", "Brackenfold", "water company", "Daniel Oduya"),
    ("railway", "timetable", "Hollins Cross", "rail operator", "Priya Nair"),
    ("library", "opening hours", "Selhaven", "county council", "Owen Pryce"),
    ("bus", "routes", "Gull Point", "transport authority", "Marta Kowal"),
    ("school", "catchment", "Leckford", "education board", "Ruth Adeyemi"),
]
PARAGRAPHS = [
    "{place} {thing} {issue} will change from next month, the {body} said on Monday, after a "
    "review of the {thing} {issue} that took most of the year.",
    "The {body} said the {thing} {issue} had not changed since 2019, and that the cost of "
    "running the {thing} in {place} had risen every year since then.",
    '"We know the {thing} matters to people in {place}, and we want the {issue} to be fair to '
    'everyone who uses the {thing}," said {person}, who leads the {body}.',
    "Councillors in {place} asked the {body} to publish its review of the {thing} {issue} "
    "before the changes to the {thing} take effect next month.",
]
# Junk lines by where they sit: after the title, mid-article, after the article.
JUNK_TOP = [("share", "Share on Facebook")]
JUNK_MID = [("advertisement", "Advertisement")]
JUNK_END = [
    ("counter", "Views: {n}"),
    ("subscribe", "Listen to The Harbour Hour, our weekly podcast, wherever you get your podcasts"),
    ("subscribe", "Sign up for our newsletter to get the latest news delivered to your inbox"),
    ("legal", "© 2024 The Harbour Ledger. All rights reserved."),
    ("source", "Source Article from {url}"),
]
ALL_JUNK = "Advertisement\nShare on Facebook\nViews: 12\n"


def make_doc(i: int) -> tuple[dict[str, str], str, list[str]]:
    """Document ``i`` as a JSONL record, its expected cleaned text and its junk kinds in order.

    Each junk line appears in a document unless ``(i + its position) % 3 == 0``, so the
    documents differ in which junk they carry; document 0 carries none at all.
    """
    thing, issue, place, body, person = TOPICS[i % len(TOPICS)]
    fill = {"thing": thing, "issue": issue, "place": place, "body": body, "person": person}
    url = f"https://harbourledger.example/news/{i}"
    article = [f"{place} {thing} {issue} to change next month"]
    article += [p.format(**fill) for p in PARAGRAPHS]

    def pick(offset: int, junk: list[tuple[str, str]]) -> list[tuple[str, str]]:
        chosen = [(k, t.format(n=i + 7, url=url)) for k, t in junk]
        return [] if i == 0 else [j for n, j in enumerate(chosen) if (i + offset + n) % 3]

    top, mid, end = pick(0, JUNK_TOP), pick(1, JUNK_MID), pick(2, JUNK_END)
    lines = [article[0], *(t for _, t in top), *article[1:3], *(t for _, t in mid)]
    lines += [*article[3:], *(t for _, t in end)]
    kinds = [k for k, _ in top + mid + end]
    record = {"id": f"doc-{i}", "text": "\n".join(lines) + "\n", "url": url}
    return record, "\n".join(article) + "\n", kinds


def write_corpus(folder: Path, n_docs: int) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Two JSONL shards (one per task) plus a document that is nothing but junk."""
    folder.mkdir()
    expected_text: dict[str, str] = {}
    expected_kinds: dict[str, list[str]] = {}
    shards: list[list[str]] = [[], []]
    for i in range(n_docs):
        record, text, kinds = make_doc(i)
        shards[i % 2].append(json.dumps(record))
        expected_text[record["id"]] = text
        expected_kinds[record["id"]] = kinds
    shards[1].append(json.dumps({"id": "all-junk", "text": ALL_JUNK}))
    expected_text["all-junk"] = ALL_JUNK
    expected_kinds["all-junk"] = []
    for n, shard in enumerate(shards):
        (folder / f"shard-{n}.jsonl").write_text("\n".join(shard) + "\n", encoding="utf-8")
    return expected_text, expected_kinds


def read_output(folder: Path) -> dict[str, dict]:
    docs: dict[str, dict] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            docs[doc["id"]] = doc
    return docs


def test_local_executor_strips_junk_and_counts_kinds(tmp_path: Path) -> None:
    expected_text, expected_kinds = write_corpus(tmp_path / "in", n_docs=12)
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in")),
            BoilerplateStripper(rules=[RULES]),
            JsonlWriter(str(tmp_path / "out"), compression=None),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()

    out = read_output(tmp_path / "out")
    assert set(out) == set(expected_text), "no document is dropped"
    for doc_id, doc in out.items():
        assert doc["text"] == expected_text[doc_id], doc_id
        account = doc["metadata"]["cleaner"]
        assert [r["kind"] for r in account["removed"]] == expected_kinds[doc_id], doc_id
        assert account["flagged"] is (doc_id == "all-junk")
    podcast = [
        r for r in out["doc-1"]["metadata"]["cleaner"]["removed"] if r["kind"] == "subscribe"
    ]
    assert podcast[0]["rule"] == "ledger.podcast", "CLEANER rules and the url reach the worker"

    (step,) = [
        s
        for s in json.loads((tmp_path / "logs" / "stats.json").read_text())
        if s["name"] == f"{BoilerplateStripper.type}: {BoilerplateStripper.name}"
    ]
    stats = {label: _total(value) for label, value in step["stats"].items()}
    per_kind = Counter(k for kinds in expected_kinds.values() for k in kinds)
    assert {label: n for label, n in stats.items() if label.startswith("removed_")} == {
        "removed_lines": sum(per_kind.values()),
        **{f"removed_{kind}": n for kind, n in per_kind.items()},
    }
    assert stats["total"] == stats["forwarded"] == len(expected_text)
    assert stats["changed"] == len(expected_text) - 2  # doc-0 has no junk, all-junk is flagged
    assert stats["flagged"] == 1
    assert len(list((tmp_path / "logs" / "stats").glob("*.json"))) == 2, "both tasks ran"


def _total(value: int | dict[str, float]) -> float:
    """datatrove writes a stat that only ever grew by 1 as a bare int, others as a dict."""
    return value if isinstance(value, int) else value["total"]


def test_html_documents_are_extracted_then_cleaned() -> None:
    pages = {  # each page's headline (its <h1>) and how its body starts
        "ferry": ("news/ferry-fares.html", "Ferry fares to rise", "Fares on the ferry between"),
        "grain": ("world/grain-port.html", "Grain ships queue", "Twenty-three grain ships"),
    }
    docs = [
        Document(
            text=(SITE / path).read_text(encoding="utf-8"),
            id=doc_id,
            metadata={"url": f"http://harbourledger.example/{path}"},
        )
        for doc_id, (path, _, _) in pages.items()
    ]
    step = BoilerplateStripper(rules=[RULES], html=True)
    out = {d.id: d for d in step.run(iter(docs))}

    for doc_id, (_, headline, body) in pages.items():
        assert out[doc_id].text.startswith(body)
        first = out[doc_id].metadata["cleaner"]["removed"][0]
        assert first["kind"] == "duplicate" and first["text"].startswith(headline)
        assert "<p>" not in out[doc_id].text
        assert "Advertisement" not in out[doc_id].text.splitlines()
    rules = {r["rule"] for r in out["ferry"].metadata["cleaner"]["removed"]}
    assert {"advertisement.label", "share.buttons", "ledger.podcast"} <= rules
    kinds = [r["kind"] for r in out["grain"].metadata["cleaner"]["removed"]]
    assert kinds == ["duplicate", "advertisement", "credit", "subscribe"]
    assert step.stats["removed_advertisement"].total == 2
