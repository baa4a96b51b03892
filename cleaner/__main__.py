"""Allow ``python -m cleaner``."""

from .cli import app

app(prog_name="cleaner")
