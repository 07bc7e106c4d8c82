"""`sciatica history`: the pain diary."""

from __future__ import annotations

import typer

from sciatica_cli.cli.app_context import environment


def history(
    ctx: typer.Context,
    days: int = typer.Option(30, "--days", min=1, max=3650, help="How many days back to show."),
    as_json: bool = typer.Option(False, "--json", help="Export sessions and checks as JSON."),
    as_csv: bool = typer.Option(
        False, "--csv", help="Export sessions as CSV (e.g. for a clinician)."
    ),
    clear: bool = typer.Option(
        False, "--clear", help="Delete every session and check, after asking."
    ),
    yes: bool = typer.Option(False, "--yes", help="With --clear: do not ask (for scripts)."),
) -> None:
    """Your sessions and pain ratings, with a trend of pain over the days."""
    import datetime as dt
    import json  # only for --json: start-up pays for what it uses

    from sciatica_cli.domain.trend import daily_pain
    from sciatica_cli.domain.triage import Answer
    from sciatica_cli.errors import UsageError
    from sciatica_cli.presentation.console import make_console, plain
    from sciatica_cli.presentation.history_view import as_csv as csv_text
    from sciatica_cli.presentation.history_view import history_view
    from sciatica_cli.presentation.prompts import YES_NO_HINT, LineReader, parse_answer
    from sciatica_cli.storage.diary import Diary, diary_exists

    if sum((as_json, as_csv, clear)) > 1:
        raise UsageError("use only one of --json, --csv and --clear")
    env = environment(ctx)
    console = make_console(env)
    if not diary_exists(env.data_dir):
        if as_json:
            env.stdout.write(json.dumps({"sessions": [], "checks": []}, indent=2) + "\n")
        elif as_csv:
            env.stdout.write(csv_text([]))
        else:
            history_view(console, [], [], {}, env.local_time)
        return
    diary = Diary.open(env.data_dir, on_note=env.note)
    try:
        now = env.now()
        since = now - dt.timedelta(days=days)
        sessions = diary.sessions(since)
        if clear:
            question = f"Delete all {diary.count_sessions()} sessions and {diary.count_checks()} checks? This cannot be undone."
            console.print(plain(question))
            if (
                yes
                or LineReader(env, console).ask("y / n > ", parse_answer, YES_NO_HINT) is Answer.YES
            ):
                removed, checks = diary.clear()
                console.print(plain(f"Deleted {removed} sessions and {checks} checks."))
            else:
                console.print(plain("Nothing was deleted."))
        elif as_json:
            data = {
                "sessions": [s.as_dict() for s in sessions],
                "checks": [c.as_dict() for c in diary.checks(since)],
            }
            env.stdout.write(json.dumps(data, indent=2) + "\n")
        elif as_csv:
            env.stdout.write(csv_text(sessions))
        else:
            local = env.local_time
            ratings = [(local(s.started_at).date(), s.before.leg, s.before.back) for s in sessions]
            first_day = local(since + dt.timedelta(days=1)).date()
            history_view(
                console,
                sessions,
                daily_pain(ratings, first_day, local(now).date()),
                env.content.techniques,
                local,
            )
    finally:
        diary.close()
