"""Follow-ups and numbering: a follow-up fact older than
the fact it follows is asked again, plain mode keeps styles and a print's end, the counts
agree with their numbers, and a random check numbers its questions 1..n."""

from __future__ import annotations

import datetime as dt
import io
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from sciatica_cli.domain.question_plan import Memory, plan_questions
from sciatica_cli.domain.triage import Answer
from sciatica_cli.flows.check import Asked, ask_steps
from sciatica_cli.presentation.screen_forms import ScreenForms
from tests.test_check_properties import CAUTIONS, FLAGS, NOW, REPLIES, ScriptedScreen, memories

LISTED = [i for i in (*FLAGS, *CAUTIONS) if i.profile and not i.only_after]


def test_a_follow_up_fact_older_than_its_parent_is_asked_again():
    """Cleared by the surgeon for an old knee 200 days ago; a new hip told yesterday."""
    profile = {i.id: (Answer.NO, NOW - dt.timedelta(days=1)) for i in LISTED}
    profile["hip-replacement"] = (Answer.YES, NOW - dt.timedelta(days=1))
    profile["hip-cleared"] = (Answer.YES, NOW - dt.timedelta(days=200))
    steps = plan_questions(FLAGS, CAUTIONS, Memory(profile=profile), NOW, None)
    screen, asked = ScriptedScreen([]), Asked(None)
    ask_steps(screen, asked, steps)
    assert "profile-confirm" in screen.asked
    assert "hip-cleared" in screen.asked


def _plain_console() -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, color_system="standard", width=60)
    console.push_render_hook(ScreenForms(SimpleNamespace(plain=True), console))  # type: ignore[arg-type]
    return console, buf


def test_plain_mode_keeps_styles():
    console, buf = _plain_console()
    console.print(Text("Stop now", style="bold red"))
    assert "\x1b[" in buf.getvalue()


def test_plain_mode_keeps_what_ends_a_print():
    console, buf = _plain_console()
    console.print(Text("Answer: "), end="")
    console.print(Text("y"))
    assert buf.getvalue() == "Answer: y\n"


def test_one_question_is_said_as_one(make_env):
    from sciatica_cli.presentation.checklist import TerminalCheckUI

    env = make_env()
    TerminalCheckUI(env, env.console).intro(1)
    out = " ".join(env.stdout.getvalue().split())
    assert "1 question about warning signs (about 1 minute)" in out


class Numbered(ScriptedScreen):
    """Keeps the number and total of every question put."""

    def __init__(self, script):
        super().__init__(script)
        self.numbers: list[tuple[int, int]] = []
        self.total = 0

    def intro(self, total):
        self.total = total

    places_intro = intro

    def more_questions(self, added, total):
        assert total == self.total + added
        self.total = total

    def ask(self, number, total, item):
        self.numbers.append((number, total))
        return super().ask(number, total, item)

    def ask_profile(self, number, total, items):
        self.numbers.append((number, total))
        return super().ask_profile(number, total, items)

    def ask_profile_confirm(self, number, total, confirm):
        self.numbers.append((number, total))
        return super().ask_profile_confirm(number, total, confirm)

    def ask_listing(self, number, total, listing):
        self.numbers.append((number, total))
        return super().ask_listing(number, total, listing)


@settings(max_examples=300, deadline=None)
@given(memories(), st.lists(st.sampled_from(REPLIES), max_size=40))
def test_every_question_put_has_the_next_number_and_a_true_total(memory, script):
    steps = plan_questions(FLAGS, CAUTIONS, memory, NOW, None)
    screen, asked = Numbered(script), Asked(None)
    ask_steps(screen, asked, steps)
    assert [n for n, _ in screen.numbers] == list(range(1, len(screen.numbers) + 1))
    if not asked.ended and asked.stopped_at is None and screen.numbers:
        assert screen.numbers[-1][0] == screen.numbers[-1][1]  # the last is "N of N"
