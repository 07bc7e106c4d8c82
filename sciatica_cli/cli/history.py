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
    from sciatica_cli.errors import UsageError
    from sciatica_cli.flows import history as diary_history
    from sciatica_cli.presentation import history_view as view

    if sum((as_json, as_csv, clear)) > 1:
        raise UsageError("use only one of --json, --csv and --clear")
    env = environment(ctx)
    if clear:
        confirm = view.ClearQuestion(env, env.console, assume_yes=yes)
        view.cleared(env.console, diary_history.clear_diary(env, confirm))
    elif as_json or as_csv:
        sessions, checks = diary_history.export(env, days)
        text = view.as_json(sessions, checks) if as_json else view.as_csv(sessions)
        env.stdout.write(text)
    else:
        view.history_view(env.console, diary_history.load_history(env, days), plain=env.plain)
