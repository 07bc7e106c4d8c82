"""`sciatica settings`: what is set, and `sciatica settings region CODE` to set the region."""

from __future__ import annotations

import typer

from sciatica_cli.cli.app_context import complete_regions, environment

NAMES = ("region",)


def settings(
    ctx: typer.Context,
    name: str | None = typer.Argument(
        None,
        help="The setting to change: region. Leave out to list every setting.",
        autocompletion=lambda: list(NAMES),
    ),
    value: str | None = typer.Argument(
        None,
        help="The new value, e.g. a two-letter country code: GB, IE, US, CA, AU, NZ, IN.",
        autocompletion=complete_regions,
    ),
    as_json: bool = typer.Option(False, "--json", help="List the settings as JSON."),
) -> None:
    """Your settings, kept in your diary: the region sets the emergency number and services.

    The list ends with where the diary is (the settings live inside it).

    Examples: 'sciatica settings' lists them; 'sciatica settings region US' sets the region.
    """
    from sciatica_cli.domain.suggest import unknown_message
    from sciatica_cli.errors import UsageError
    from sciatica_cli.flows.settings import list_settings, places, save_region
    from sciatica_cli.presentation.settings_view import region_saved, settings_json, settings_view

    env = environment(ctx)
    if name is None:
        shown = list_settings(env)
        if as_json:
            env.stdout.write(settings_json(shown, places(env)))
        else:
            settings_view(env.console, shown, places(env))
        return
    if name not in NAMES:
        raise UsageError(unknown_message("setting", name, NAMES))
    if value is None:
        raise UsageError(f"give a value: sciatica settings {name} CODE (for example GB)")
    region_saved(env.console, save_region(env, value))
