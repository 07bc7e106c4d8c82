"""The session runner speaks to one listener; `Listeners` passes each event on to all of
them (the display, spoken cues, the diary), with its arguments in the same order."""

from __future__ import annotations

import inspect
from unittest import mock

import pytest

from sciatica_cli.domain.session import Listeners, SessionListener

EVENTS = sorted(
    name
    for name, _ in inspect.getmembers(SessionListener, inspect.isfunction)
    if not name.startswith("_")
)


def _distinct_arguments(event: str) -> list[object]:
    """One object per parameter, each different, so a swapped or dropped one shows."""
    parameters = list(inspect.signature(getattr(SessionListener, event)).parameters)[1:]
    return [mock.sentinel.__getattr__(f"{event}_{name}") for name in parameters]


def test_the_events_cover_holds_repetitions_and_the_whole_session():
    assert {"tick", "get_ready", "reading", "repetition", "response_stopped"} <= set(EVENTS)


@pytest.mark.parametrize("event", EVENTS)
def test_each_event_reaches_every_listener_with_its_arguments(event):
    display = mock.Mock(spec=SessionListener)
    diary = mock.Mock(spec=SessionListener)
    arguments = _distinct_arguments(event)
    getattr(Listeners(display, diary), event)(*arguments)
    for listener in (display, diary):
        assert listener.method_calls == [getattr(mock.call, event)(*arguments)]
