"""``cleaner rules list`` and ``cleaner rules check``: what is loaded, and whether a rule
file is sound, with a dry run on sample texts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .. import RuleError
from .. import rules as rules_mod
from ..files import SkipFile, decode
from ..segment import segment
from .common import EXIT_CODES, RulesOpt, _cleaner, _err, _n, _usage, rules_app


@rules_app.command("list")
def rules_list(rules: RulesOpt = None) -> None:
    """List the loaded rules: id, kind, action, sites and the file they come from."""
    c = _cleaner(rules, None)
    typer.echo(f"{'id':40} {'kind':14} {'action':9} {'sites':20} source")
    for r in c.ruleset.rules:
        sites = ",".join(r.sites) or "-"
        typer.echo(f"{r.id:40} {r.kind.value:14} {r.action:9} {sites:20} {Path(r.source).name}")


@rules_app.command("check", epilog=EXIT_CODES)
def rules_check(
    paths: Annotated[list[Path], typer.Argument(help="Rule files or directories.")],
    sample: Annotated[
        list[Path] | None,
        typer.Option("--sample", "-s", help="Text file to dry-run the rules on (repeatable)."),
    ] = None,
) -> None:
    """Validate rule files (after the built-in packs), then dry-run them on sample files.

    Every fault of every file is listed with its file and rule id (exit 2), and a warning
    for every rule that can match a line of more than 60 words without `unbounded = true`.
    The dry run shows the sample lines each rule removes, as `clean` decides it (sites and
    lang are not applied), and the lines it matches that an earlier rule takes.
    """
    try:
        files = rules_mod.rule_files(paths)
    except RuleError as e:
        raise _usage(str(e)) from None
    from .. import lengthcheck  # here: no other command needs it

    rs, faults = rules_mod.check(files)
    for fault in faults:
        _err(f"error: {fault}")
    checked = {f.resolve() for f in files}
    mine = [r for r in rs.rules if Path(r.source).resolve() in checked]
    examples = _examples(rs)
    warned = 0
    for rule in mine:
        problem = lengthcheck.problem(rule, rs.lists, examples.get(rule.id, []))
        if problem:
            warned += 1
            _err(f"warning: {rule.source}: rule {rule.id!r}: {problem}")
    if faults:
        raise typer.Exit(2)
    typer.echo(
        f"ok: {_n(len(mine), 'rule')} in {_n(len(files), 'file')}; "
        f"{_n(len(rs.rules), 'rule')} loaded in all" + (f"; {_n(warned, 'warning')}" * bool(warned))
    )
    if sample:
        _dry_run(rs, mine, sample)


def _examples(rs: rules_mod.RuleSet) -> dict[str, list[str]]:
    """Each rule's examples, from the parsed files."""
    out: dict[str, list[str]] = {}
    for _, doc in rs.docs:
        for entry in doc.get("rule", []) if isinstance(doc.get("rule"), list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("examples"), list):
                out[str(entry.get("id"))] = [e for e in entry["examples"] if isinstance(e, str)]
    return out


def _dry_run(rs: rules_mod.RuleSet, mine: list[rules_mod.Rule], samples: list[Path]) -> None:
    """Each checked rule's hits on the samples, found as ``clean`` finds them: the lines
    of ``segment``, matched by one Matcher over every loaded rule in load order."""
    matcher = rules_mod.Matcher(rs.rules, rs.lists)
    taken: dict[str, list[str]] = {r.id: [] for r in mine}
    shadowed: dict[str, list[str]] = {r.id: [] for r in mine}
    for s in samples:
        try:
            text = decode(s.read_bytes(), str(s)).text
        except (OSError, SkipFile) as e:
            raise _usage(str(e)) from None
        for no, line in enumerate(segment(text), 1):
            if line.blank:
                continue
            warnings: list[str] = []
            hits = matcher.matches(line.view, warnings)
            for w in warnings:
                _err(f"warning: {s}:{no}: {w}")
            where = f"  {s}:{no}: {line.raw.strip()}"
            for k, rule in enumerate(hits):
                if rule.id in taken:
                    if k == 0:
                        taken[rule.id].append(where)
                    else:
                        shadowed[rule.id].append(f"{where}  (taken by {hits[0].id})")
    for rule in mine:
        typer.echo(f"{rule.id} ({rule.kind.value}): {_n(len(taken[rule.id]), 'hit')}")
        for where in taken[rule.id]:
            typer.echo(where)
        if shadowed[rule.id]:
            typer.echo(
                f"  also matches {_n(len(shadowed[rule.id]), 'line')} an earlier rule takes:"
            )
            for where in shadowed[rule.id]:
                typer.echo(f"  {where}")
