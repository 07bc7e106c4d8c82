"""The start-up baseline: a minimal Typer + Rich app that prints a one-row table.

`sciatica` start-up times are shown as ratios to this app's, measured in the same run,
so the figures say what the program adds on top of the libraries it is built on.
"""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command()
def main() -> None:
    """Print a one-row table."""
    table = Table("id", "name")
    table.add_row("piriformis", "Piriformis release")
    Console().print(table)


if __name__ == "__main__":
    app()
