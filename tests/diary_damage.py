"""Changes made to a diary file outside the program, as a damaged disk or a hand edit would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sciatica_cli.storage.diary import FILE_NAME


def damage(where: Path, *statements: str, params: tuple[object, ...] = ()) -> None:
    """Run `statements` on the diary in the data folder `where` (or the diary file `where`)."""
    db = sqlite3.connect(where / FILE_NAME if where.is_dir() else where)
    for sql in statements:
        db.execute(sql, params)
    db.commit()
    db.close()
