""" "It hurts more" is remembered until the next local day.

After a session stopped with "h", or a routine after which the pain was clearly worse, the
advice is not to massage again that day. A run later the same day must keep to it, so the
last such session of the person's local day is found here; `domain.gate` turns it into a
decision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sciatica_cli.domain.pain import clearly_worse

# SessionStatus.STOPPED_PAIN's value as the diary keeps it (domain.session imports the gate,
# which imports this module, so the value is named here; a test keeps the two equal).
STOPPED_PAIN_STATUS = "stopped-pain"


@dataclass(frozen=True, slots=True)
class PastSession:
    """What this rule needs from one session in the diary."""

    started_at: dt.datetime
    ended_at: dt.datetime | None
    status: str
    pain_before: tuple[int | None, int | None]  # (leg, back)
    pain_after: tuple[int | None, int | None]


@dataclass(frozen=True, slots=True)
class RestToday:
    """The session that means no more massage today: when it ended, and why."""

    at: dt.datetime
    why: str


HURT_MORE = "you said it hurt more"
PAIN_WORSE = "your pain was clearly worse afterwards"


def rest_today(
    sessions: Iterable[PastSession], now: dt.datetime, local: Callable[[dt.datetime], dt.datetime]
) -> RestToday | None:
    """The last session of today (local time) that stopped because it hurt more, if any."""
    today = local(now).date()
    found: RestToday | None = None
    for session in sessions:
        at = session.ended_at or session.started_at
        if local(at).date() != today or at > now:
            continue
        why = _why(session)
        if why is not None and (found is None or at >= found.at):
            found = RestToday(at=at, why=why)
    return found


def _why(session: PastSession) -> str | None:
    if session.status == STOPPED_PAIN_STATUS:
        return HURT_MORE
    pairs = zip(session.pain_before, session.pain_after, strict=True)
    return PAIN_WORSE if clearly_worse(*pairs) else None
