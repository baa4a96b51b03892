"""Fuzz targets for cleaner (atheris): see ``invariants`` for what they check, ``run`` to
run one. ``make fuzz`` runs them for minutes; ``make test`` replays the seed corpus and
runs each briefly with a fixed seed (tests/test_fuzz.py)."""
