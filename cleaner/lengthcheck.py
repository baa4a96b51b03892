"""Whether a rule can match a paragraph of prose: ``rules check`` warns about such rules.

Extractors glue blocks together, so junk can end a long paragraph; a pattern like
``.*reuters.*`` then removes the whole paragraph with it. A rule must bound the lines it
matches to ``MAX_WORDS`` words (``^(?=(?:\\S+\\s){0,59}\\S+$)`` opens most built-in rules),
or acknowledge that it may match longer lines with ``unbounded = true``.

The proof of a bound is the pattern's own word count (``wordbounds``): an over-estimate, so
a rule it bounds is bounded. When the pattern cannot be analysed, the rule's examples are
glued into a prose paragraph of more than ``MAX_WORDS`` words (before it, after it, inside
it) and the rule is tried on those lines.
"""

from __future__ import annotations

from . import pattern_tree, wordbounds
from .normalize import view
from .rules import Rule

# The most words a line removed by one rule may have, unless the rule says ``unbounded``.
MAX_WORDS = 60

# Prose to glue a rule's examples into: longer than MAX_WORDS once repeated (16 words).
_SENTENCE = "The council met on Tuesday to discuss the budget and agreed to meet again next month."
_PARAGRAPH = " ".join([_SENTENCE] * (MAX_WORDS // len(_SENTENCE.split()) + 1))


def problem(rule: Rule, lists: dict[str, list[str]], examples: list[str]) -> str | None:
    """Why ``rule`` may remove a paragraph of prose, or None when it cannot (or says so)."""
    if rule.unbounded:
        return None
    if pattern_tree.parse(rule.pattern, lists) is not None:
        _, most = wordbounds.word_bounds(rule.pattern, lists)
        if most is not None and most <= MAX_WORDS:
            return None
        bound = "no limit" if most is None else f"up to {most} words"
        witness = _witness(rule, examples)
        shown = f"; e.g. it matches {_short(witness)}" if witness else ""
        return (
            f"can match a line of more than {MAX_WORDS} words ({bound}){shown}: bound it "
            f"(open with ^(?=(?:\\S+\\s){{0,{MAX_WORDS - 1}}}\\S+$)) or set unbounded = true"
        )
    witness = _witness(rule, examples)
    if witness:
        return (
            f"matches a line of more than {MAX_WORDS} words, {_short(witness)}: bound it "
            "or set unbounded = true"
        )
    if not examples:
        return (
            "its pattern cannot be analysed and it has no examples to try: cannot tell whether "
            f"it matches lines of more than {MAX_WORDS} words (add examples, a word count, or "
            "unbounded = true)"
        )
    return None


def _witness(rule: Rule, examples: list[str]) -> str | None:
    """A line of more than MAX_WORDS words, made of an example and prose, that it matches."""
    head, _, tail = _PARAGRAPH.partition(" and agreed ")
    for example in examples:
        for line in (
            f"{_PARAGRAPH} {example}",
            f"{example} {_PARAGRAPH}",
            f"{head} {example} and agreed {tail}",
        ):
            text = view(line)
            try:
                if rule.search(text):
                    return text
            except TimeoutError:
                continue
    return None


def _short(line: str) -> str:
    """A long line, shown by its length, its first words and its last."""
    words = line.split()
    return f"{len(words)} words: {' '.join(words[:6])} … {' '.join(words[-6:])}"
