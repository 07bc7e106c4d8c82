"""`sciatica profile`: the facts about you that the safety check keeps."""

from __future__ import annotations

import typer

from sciatica_cli.cli.app_context import environment
from sciatica_cli.environment import Environment


def profile(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print the profile as JSON."),
    edit: bool = typer.Option(False, "--edit", help="Answer the list again now."),
) -> None:
    """The facts about you kept from the safety check's 'which of these apply to you?' list.

    Past cancer, a weakened immune system, weak bones, pregnancy, a joint replacement and
    the like: each with your last answer ("not sure" counts as yes). The gate uses them to
    leave out the exercises they rule out.
    """
    from sciatica_cli.flows.profile import load_profile, profile_questions
    from sciatica_cli.presentation.profile_view import profile_json, profile_view

    env = environment(ctx)
    if edit and not _edited(env):
        return
    entries = load_profile(env)
    if as_json:
        env.stdout.write(profile_json(entries))
        return
    profile_view(env.console, entries, profile_questions(env.content), env.local_time)


def _edited(env: Environment) -> bool:
    from sciatica_cli.flows.profile import edit_profile
    from sciatica_cli.presentation.checklist import TerminalCheckUI

    if edit_profile(env, TerminalCheckUI(env, env.error_console)) is None:
        env.error_console.print("The input ended before an answer: your profile is not changed.")
        return False
    return True
