"""`sciatica history`: the pain diary."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from sciatica_cli.cli.app_context import environment

if TYPE_CHECKING:
    from sciatica_cli.environment import Environment
    from sciatica_cli.flows.history import History


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
    everything: bool = typer.Option(
        False, "--all", help="With --json or --csv: export every entry, whatever its date."
    ),
    wide: bool = typer.Option(
        False, "--wide", help="A full table: every technique's whole name, and holds done."
    ),
) -> None:
    """Your sessions and pain ratings, with a trend of pain over the days."""
    from sciatica_cli.errors import UsageError
    from sciatica_cli.flows import history as diary_history

    if sum((as_json, as_csv, clear)) > 1:
        raise UsageError("use only one of --json, --csv and --clear")
    if everything and not (as_json or as_csv):
        raise UsageError("--all goes with --json or --csv")
    env = environment(ctx)
    if as_json or as_csv:
        from sciatica_cli.presentation.diary_export import write_csv, write_json

        with diary_history.exported(env, None if everything else days) as rows:
            if as_json:
                write_json(env.stdout, rows.sessions, rows.checks, rows.logs)
            else:
                write_csv(env.stdout, rows.sessions)
        return
    from sciatica_cli.presentation import history_view as view

    if clear:
        confirm = view.ClearQuestion(env, env.console, assume_yes=yes)
        view.cleared(env.console, diary_history.clear_diary(env, confirm))
    else:
        shown = diary_history.load_history(env, days)
        charted = _charts(env, shown, days)
        view.history_view(env.console, shown, plain=env.plain, wide=wide, trend=not charted)


def _charts(env: Environment, shown: History, days: int) -> bool:
    """Pain and activity charts above the table, on a terminal only (not plain, not piped);
    True when drawn, so the pain trend is not drawn a second time below."""
    if env.live and shown.days:
        import datetime as dt

        from sciatica_cli.flows.goals import load_goals
        from sciatica_cli.presentation.charts import history_charts

        history_charts(env, shown, load_goals(env, env.now() - dt.timedelta(days=days)))
        return True
    return False
