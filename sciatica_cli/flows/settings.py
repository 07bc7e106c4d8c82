"""The person's settings kept in the diary, and the region each run uses.

The region, most specific first: `--region`, then `SCIATICA_REGION` (both land in
`env.region_code`), then the one saved in the diary (`sciatica settings region CODE`, or
the question at the first `start`). A region named on the command line that the content does
not know is a usage error; a saved one that a pack no longer provides is noted and the
fallback used, so a safety check never stops over it.
"""

from __future__ import annotations

import difflib
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sciatica_cli.content.models import Region
from sciatica_cli.content.problems import ContentError
from sciatica_cli.content.regions import find_region, known_codes
from sciatica_cli.environment import Environment
from sciatica_cli.errors import DataError, UsageError
from sciatica_cli.flows.diary_access import open_diary
from sciatica_cli.storage.diary import FILE_NAME, diary_exists

REGION = "region"
REGION_ASKED = "region-asked"


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    value: str | None
    source: str  # where the value in force comes from: this-run, saved or not-set


def unknown_region(env: Environment, code: str) -> UsageError:
    known = known_codes(env.content.regions)
    # Two letters are too short for the usual closeness: one letter in common is a guess.
    # "UK" is the one code people use that ISO 3166 keeps for GB.
    # A word longer than a code is a place's name, typed a little wrong ("Germny").
    typed = code.strip().upper()
    regions = env.content.regions
    names = {regions[c].name.upper(): c for c in known}
    if typed == "UK":
        hint = " Did you mean GB?"
    elif (
        codes := difflib.get_close_matches(typed, known, n=1, cutoff=0.5) if len(typed) <= 3 else []
    ):
        hint = f" Did you mean {codes[0]}?"
    elif named := difflib.get_close_matches(typed, names, n=1, cutoff=0.6):
        hint = f" Did you mean {names[named[0]]} ({regions[names[named[0]]].name})?"
    else:
        hint = ""
    return UsageError(f"No region '{code}'.{hint} Known regions: {', '.join(known)}.")


def settle_region(env: Environment) -> None:
    """Make `env.region` the person's: check a named code, or read the saved one. Once per
    run: a second call changes nothing."""
    if env.region_source is not None:
        return
    if env.region_code is not None:
        if find_region(env.content.regions, env.region_code) is None:
            raise unknown_region(env, env.region_code)
        env.region_source = "this-run"
        return
    env.region_source = "not-set"
    saved = _saved(env, REGION)
    if saved is None:
        return
    try:
        known = find_region(env.content.regions, saved) is not None
    except ContentError:
        # Every command settles the region as it starts, `content validate` too: content
        # that cannot be read is for the command that reads it to report, not for this.
        return
    if not known:
        env.note(f"Your saved region '{saved}' is not known to this content; it is not used.")
        return
    env.region_code, env.region_source = saved, "saved"


def _saved(env: Environment, name: str) -> str | None:
    """A saved setting, without ever creating a diary; a diary that fails gives None."""
    if not diary_exists(env.data_dir):
        return None
    try:
        with closing(open_diary(env)) as diary:
            return diary.setting(name)
    except DataError:
        return None  # the safety check says so, once, when it opens the diary


def save_region(env: Environment, code: str) -> Region:
    """Check and keep the person's region; the diary is needed for this (exit 6 if broken)."""
    region = find_region(env.content.regions, code)
    if region is None:
        raise unknown_region(env, code)
    with closing(open_diary(env)) as diary:
        diary.set_setting(REGION, region.id)
    return region


def list_settings(env: Environment) -> list[Setting]:
    """Every setting with the value in force and where it comes from."""
    saved = _saved(env, REGION)
    if env.region_code is not None and env.region_source != "saved":
        return [Setting(REGION, env.region_code.upper(), "this-run")]
    if saved is not None:
        return [Setting(REGION, saved, "saved")]
    return [Setting(REGION, None, "not-set")]


@dataclass(frozen=True, slots=True)
class Places:
    """Where the diary lives (the settings are kept inside it), and whether it exists yet."""

    diary: Path
    exists: bool


def places(env: Environment) -> Places:
    return Places(env.data_dir / FILE_NAME, diary_exists(env.data_dir))


def region_guess(env: Environment) -> str | None:
    """The region the system's language setting suggests, if the content knows it.

    Only a suggestion: it becomes the person's region when they confirm it.
    """
    guess = env.locale_region
    return guess if guess and find_region(env.content.regions, guess) else None
