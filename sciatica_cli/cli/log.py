"""`sciatica log`: pain rated between sessions, with what was taken for it."""

from __future__ import annotations

import typer

from sciatica_cli.cli.app_context import environment


def log(
    ctx: typer.Context,
    leg: str | None = typer.Argument(
        None, metavar="LEG", help="Leg pain now, 0-10 ('7/10' works; '-' skips it)."
    ),
    back: str | None = typer.Argument(
        None, metavar="BACK", help="Back pain now, 0-10 ('-' skips it)."
    ),
    note: str | None = typer.Option(
        None, "--note", metavar="TEXT", help="A few words about the day."
    ),
    took: list[str] = typer.Option(
        [],
        "--took",
        metavar="TEXT",
        help="A medicine taken today, in your own words, e.g. --took 'ibuprofen 400 mg'. "
        "Repeatable.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the entry kept as JSON."),
) -> None:
    """Rate your pain without a session, e.g. on a bad day: sciatica log 6 3 --note "bad night".

    With no ratings given it asks for them. 0 is no pain, 10 the worst pain imaginable. A
    rise of 2 points or more since your last rating shows when to get help.
    """
    from sciatica_cli.domain.pain import PainScore
    from sciatica_cli.errors import UsageError
    from sciatica_cli.flows.between import log_pain
    from sciatica_cli.flows.records import LogEntry
    from sciatica_cli.presentation.between_view import ask_log_pain, logged_json, logged_view

    env = environment(ctx)
    if leg is None:
        score = ask_log_pain(env, env.error_console if as_json else env.console)
    else:
        score = PainScore(_rating(leg, "leg"), _rating(back, "back") if back else None)
    words = tuple(t.strip() for t in took if t.strip())
    text = note.strip() if note and note.strip() else None
    if score.leg is None and score.back is None and not words and text is None:
        raise UsageError("nothing to log: give a rating from 0 to 10, a --note or a --took")
    logged = log_pain(env, LogEntry(env.now(), score.leg, score.back, text, words))
    if as_json:
        env.stdout.write(logged_json(logged))
    else:
        logged_view(env.console, logged, env.say)


def _rating(text: str, side: str) -> int | None:
    from sciatica_cli.domain.pain import parse_rating
    from sciatica_cli.errors import UsageError

    if text.strip() in ("-", "skip"):
        return None
    rating = parse_rating(text)
    if rating is None:
        raise UsageError(
            f"{side} pain must be a whole number from 0 to 10 (e.g. 6 or 6/10), not {text!r}"
        )
    return rating
