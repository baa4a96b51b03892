"""The README's pictures of the HTML report: ``python -m tests.report_screenshot`` (``make
screenshot``) cleans the test fixtures with ``--report-html`` and shoots the page with
headless Chromium into docs/: its top (the summary and charts), and one document's view
(the same page with the other sections hidden)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests import browser

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
DOCS = REPO / "docs"
SETS = ("seeds", "kinds", "html")
DOCUMENT = "seeds/003_eafe4ced7e66b187.txt"  # a news page: credits, a caption, folded text
WIDTH = 1000
SUMMARY_HEIGHT = 1250
DOCUMENT_HEIGHT = 720


def shoot(out: Path) -> list[Path]:
    """Make the report of the fixtures and its two screenshots into ``out``; their paths.
    (test_report_browser.py runs this too, into a scratch directory.)"""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus = root / "corpus"
        for name in SETS:
            for f in sorted((FIXTURES / name).iterdir()):
                if f.is_file() and not f.name.endswith((".expected.txt", ".removed.tsv")):
                    (corpus / name).mkdir(parents=True, exist_ok=True)
                    shutil.copy(f, corpus / name / f.name)
        page, report = root / "report.html", root / "report.json"
        subprocess.run(
            [sys.executable, "-m", "cleaner", "clean", "corpus", "-o", "out", "-q",
             "--report", str(report), "--report-html", str(page)],
            cwd=root, check=True,
        )  # fmt: skip
        out.mkdir(exist_ok=True)
        summary = browser.screenshot(page, out / "report-summary.png", WIDTH, SUMMARY_HEIGHT)
        docs = json.loads(report.read_text())["documents"]
        which = 1 + [d["path"] for d in docs].index(f"corpus/{DOCUMENT}")
        others = f"section:not(#documents),.filter,#documents>p,article.doc:not(#doc-{which})"
        one = root / "document.html"
        one.write_text(page.read_text().replace("</style>", others + "{display:none}</style>", 1))
        document = browser.screenshot(one, out / "report-document.png", WIDTH, DOCUMENT_HEIGHT)
    return [summary, document]


def main() -> None:
    for png in shoot(DOCS):
        print(f"{png.relative_to(REPO)}: {png.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
