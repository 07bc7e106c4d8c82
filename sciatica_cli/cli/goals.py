"""`sciatica goals`: your own activity goals, their ratings and their trend."""

from __future__ import annotations

import typer

from sciatica_cli.cli.app_context import environment

goals_app = typer.Typer(rich_markup_mode=None)


@goals_app.callback(invoke_without_command=True)
def goals(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="List the goals and ratings as JSON."),
) -> None:
    """Up to 3 everyday activities that sciatica makes hard, rated 0-10 now and then.

    0 means you cannot do it, 10 means as well as before the pain. 'sciatica goals' lists
    them with their ratings; a change of 2 points or more is called out.
    """
    if ctx.invoked_subcommand is not None:
        return
    from sciatica_cli.flows.goals import load_goals
    from sciatica_cli.presentation.goals_view import goals_json, goals_view

    env = environment(ctx)
    trends = load_goals(env)
    if as_json:
        env.stdout.write(goals_json(trends))
    else:
        goals_view(env.console, trends, env.local_time)


@goals_app.command("add")
def add(
    ctx: typer.Context,
    texts: list[str] = typer.Argument(..., metavar="ACTIVITY...", help="In your own words."),
) -> None:
    """Add an activity goal in your own words (up to 3 in all).

    For example: sciatica goals add "walk to the shops" "sit through a film"
    """
    from sciatica_cli.flows.goals import add_goals
    from sciatica_cli.presentation.goals_view import goals_added

    env = environment(ctx)
    goals_added(env.console, add_goals(env, texts))


@goals_app.command("remove")
def remove(
    ctx: typer.Context,
    number: int = typer.Argument(..., min=1, help="The goal's number in 'sciatica goals'."),
) -> None:
    """Stop asking about a goal, to make room for another (its ratings are kept)."""
    from sciatica_cli.flows.goals import remove_goal
    from sciatica_cli.presentation.goals_view import goal_removed

    env = environment(ctx)
    goal_removed(env.console, remove_goal(env, number))


@goals_app.command("rate")
def rate(ctx: typer.Context) -> None:
    """Rate each goal now from 0 to 10 (Enter skips one).

    0 means you cannot do it, 10 means as well as before the pain. A change of 2 points or
    more since the last rating is called out.
    """
    from sciatica_cli.flows.goals import rate_goals
    from sciatica_cli.presentation.goals_view import TerminalGoalsUI

    env = environment(ctx)
    rate_goals(env, TerminalGoalsUI(env, env.console))
