"""The diary's schema, one numbered migration at a time, and the runner that applies them.

Every schema change goes through `MIGRATIONS`: a list of (version, step), where a step is
SQL (statements separated by ";", no ";" inside a string) or a callable that gets the
connection, for a change that needs Python (reshaping stored JSON, say). The runner takes
the write lock (`BEGIN IMMEDIATE`, retried while another run holds it), reads
`PRAGMA user_version` again under it, applies every step above that version and sets the
new version and our `application_id`, all in that one transaction: two programs opening a
new diary at once never apply a step twice, and a crash leaves the diary at its old
version, whole. Another program's database, or a diary from a newer version, is refused
before any lock is taken.

To add a table for a new feature (a profile, goals and their ratings, exercise levels,
advice kept with each check):

1. Append `(N + 1, "CREATE TABLE ...;")` to `MIGRATIONS`, one migration per feature.
   Never edit a migration that has shipped: a diary out there is already past it.
2. Add columns with defaults (`ALTER TABLE checks ADD COLUMN advice TEXT`), so that rows
   written before the change still read; index any column that SQL filters or sorts on.
3. Test it on a file built with the previous version's SQL (tests/test_diary_migrations.py
   shows how): every row must come through.

Simple values that need no table of their own (the region, the side, "welcome seen") go
into the `settings` table through `Diary.setting` and `Diary.set_setting`.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from sciatica_cli.storage.files import refusal

# Written into every diary's header, so another program's SQLite file is never taken for
# ours (and never changed): "SCIA" in ASCII.
APPLICATION_ID = 0x53434941
Step = str | Callable[[sqlite3.Connection], None]

MIGRATIONS: tuple[tuple[int, Step], ...] = (
    (
        1,
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            techniques TEXT NOT NULL,
            sides TEXT NOT NULL,
            tool TEXT NOT NULL,
            holds_done INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL,
            leg_before INTEGER, back_before INTEGER,
            leg_after INTEGER, back_after INTEGER
        );
        CREATE TABLE checks (
            id INTEGER PRIMARY KEY,
            checked_at TEXT NOT NULL,
            tier TEXT,
            may_massage INTEGER NOT NULL,
            acknowledged INTEGER NOT NULL,
            raised TEXT NOT NULL
        );
        """,
    ),
    (
        2,  # where it hurts and how it feels, the answers behind a check, and settings
        """
        ALTER TABLE sessions ADD COLUMN areas TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE sessions ADD COLUMN feelings TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE checks ADD COLUMN answers TEXT;
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """,
    ),
    (
        3,  # times that SQL can order and filter: the stored ISO text carries its day's UTC
        # offset, so its text order is not time order; julianday() reads it as one instant.
        """
        CREATE INDEX sessions_by_time ON sessions (julianday(started_at));
        CREATE INDEX checks_by_time ON checks (julianday(checked_at));
        """,
    ),
    (
        4,  # the person's own activity goals, in their words (up to 3 kept active)
        """
        CREATE TABLE goals (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            text TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1
        );
        """,
    ),
    (
        5,  # each goal rated 0-10 from time to time; windows of them read by time
        """
        CREATE TABLE goal_ratings (
            id INTEGER PRIMARY KEY,
            goal_id INTEGER NOT NULL REFERENCES goals (id),
            rated_at TEXT NOT NULL,
            rating INTEGER NOT NULL
        );
        CREATE INDEX goal_ratings_by_time ON goal_ratings (julianday(rated_at));
        """,
    ),
    (
        6,  # the advice text shown with a check, as the person read it (JSON list)
        "ALTER TABLE checks ADD COLUMN advice TEXT;",
    ),
    (
        7,  # movement: each exercise done (its level, the response check, how it felt),
        # and the level each exercise is at now, with the one-line reason it changed
        """
        CREATE TABLE movement_results (
            id INTEGER PRIMARY KEY,
            session_id INTEGER,
            done_at TEXT NOT NULL,
            technique TEXT NOT NULL,
            level INTEGER NOT NULL,
            status TEXT NOT NULL,
            response TEXT,
            built_up INTEGER NOT NULL DEFAULT 0,
            felt TEXT,
            pain_worse INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX movement_results_by_technique
            ON movement_results (technique, julianday(done_at));
        CREATE TABLE movement_levels (
            technique TEXT PRIMARY KEY,
            level INTEGER NOT NULL,
            changed_at TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        """,
    ),
    (
        8,  # the technique a routine was at when it stopped, so `start` can resume there
        "ALTER TABLE sessions ADD COLUMN current_technique TEXT;",
    ),
    (
        9,  # the safety profile: each fact about the person, its last answer and when
        """
        CREATE TABLE profile_answers (
            id INTEGER PRIMARY KEY,
            item TEXT NOT NULL UNIQUE,
            answer TEXT NOT NULL,
            factor TEXT,
            answered_at TEXT NOT NULL
        );
        """,
    ),
    (
        10,  # between sessions: pain logged without a session (with the medicines taken, in
        # the person's words, as a JSON list), and the weekly plan (one row at most)
        """
        CREATE TABLE pain_log (
            id INTEGER PRIMARY KEY,
            logged_at TEXT NOT NULL,
            leg INTEGER,
            back INTEGER,
            note TEXT,
            took TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX pain_log_by_time ON pain_log (julianday(logged_at));
        CREATE TABLE plan (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            days TEXT NOT NULL,
            at TEXT NOT NULL,
            techniques TEXT NOT NULL DEFAULT '[]',
            set_at TEXT NOT NULL
        );
        """,
    ),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]
# Diaries written before the application_id: the tables each version had.
LEGACY_TABLES = {
    1: frozenset({"sessions", "checks"}),
    2: frozenset({"sessions", "checks", "settings"}),
}

BUSY_ATTEMPTS = 8
BUSY_PAUSE_SECONDS = 0.05  # doubled after each busy attempt
SQLITE_BUSY, SQLITE_LOCKED = 5, 6


def migrate(
    db: sqlite3.Connection, path: Path, sleep: Callable[[float], None] = time.sleep
) -> None:
    """Bring the diary at `path` to the latest schema, or refuse it untouched.

    sqlite3 errors (a lock held too long included) are left to the caller.
    """
    if _identity_snapshot(db, path) == latest_version():
        return  # the usual case: no write lock taken, nothing written
    begin_immediate(db, sleep)
    try:
        # Read again under the lock: another program may have migrated it meanwhile.
        version = check_identity(db, path)
        for number, step in MIGRATIONS:
            if number > version:
                _apply(db, step)
                db.execute(f"PRAGMA user_version = {int(number)}")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def _identity_snapshot(db: sqlite3.Connection, path: Path) -> int:
    """`check_identity` inside one read transaction. Its header and table reads are separate
    statements: without it, another run's first migration committed between them made a new
    diary look like another program's file (tables present, header not yet read as ours)."""
    db.execute("BEGIN")
    try:
        return check_identity(db, path)
    finally:
        db.execute("COMMIT")


def begin_immediate(db: sqlite3.Connection, sleep: Callable[[float], None] = time.sleep) -> None:
    """Take the write lock, waiting for another run that holds it: SQLite's busy timeout
    first, then a few more tries with growing pauses, then the busy error itself."""
    pause = BUSY_PAUSE_SECONDS
    for attempt in range(1, BUSY_ATTEMPTS + 1):
        try:
            db.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or attempt == BUSY_ATTEMPTS:
                raise
        sleep(pause)
        pause *= 2


def latest_version() -> int:
    return MIGRATIONS[-1][0]


def check_identity(db: sqlite3.Connection, path: Path) -> int:
    """The diary's schema version; a DataError for another program's file or a newer diary."""
    application_id, version = _header(db)
    if application_id == APPLICATION_ID:
        if version > latest_version():
            raise refusal(
                path,
                f"it was written by a newer version of sciatica (schema {version}; this one "
                f"reads up to {latest_version()})",
                "update sciatica to read it, or set SCIATICA_DATA_DIR to another folder "
                "to keep a separate diary",
            )
        return version
    names = _schema_names(db)
    if application_id == 0 and (
        (version == 0 and not names) or LEGACY_TABLES.get(version) == names
    ):
        return version  # a new, empty file, or a diary from before the application_id
    raise refusal(
        path,
        "it is not a sciatica diary but another program's database",
        "set SCIATICA_DATA_DIR to another folder, or move the file aside, to start a new diary",
    )


def _header(db: sqlite3.Connection) -> tuple[int, int]:
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    return int(application_id), int(version)


def _schema_names(db: sqlite3.Connection) -> frozenset[str]:
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger')"
        " AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return frozenset(str(row[0]) for row in rows)


def _apply(db: sqlite3.Connection, step: Step) -> None:
    if callable(step):
        step(db)
        return
    # Statement by statement: executescript() would COMMIT the transaction first.
    for statement in step.split(";"):
        if statement.strip():
            db.execute(statement)


def is_busy(exc: sqlite3.OperationalError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    if code is not None:
        return (int(code) & 0xFF) in (SQLITE_BUSY, SQLITE_LOCKED)  # extended codes too
    return "locked" in str(exc) or "busy" in str(exc)
