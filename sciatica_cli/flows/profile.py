"""The person's profile factors, for the gate: THE place the safety profile plugs in.

Issue 10 (safety check v2) keeps a profile in the diary (hip replacement, osteoporosis or
long-term steroids, a spine operation in the last year, pregnancy, and whether a surgeon
cleared deep hip bending). Until it lands, nothing has been asked, so no factor is known and
every movement stays open to the check's own decision. When the profile is stored, read it
here (ids from `vocabulary.PROFILE_FACTORS` plus `profile_rules.HIP_CLEARED`) and every
plan, in `guide` and in `start`, is gated by it.
"""

from __future__ import annotations

from sciatica_cli.domain.profile_rules import NO_FACTORS, ProfileFactors
from sciatica_cli.flows.diary_access import DiaryLink


def profile_factors(diary: DiaryLink) -> ProfileFactors:
    """The factors the person's profile holds; none while the profile is not yet asked."""
    del diary  # the profile will be read from the diary once it is kept there (issue 10)
    return NO_FACTORS
