"""`sciatica report` as a use case: one window of the diary, summed up for a clinician.

Everything is read through the diary's SQL windows (sessions, checks and goal ratings
since the first day), so a report costs what its period costs, not what the whole diary
does. The period starts on the day of first use when the diary began inside it, so a
two-week diary is not measured against 90 empty days. The numbers come from the domain
(`domain.progress`, `domain.pain`); the sections beyond pain, checks and goals come from
`report_sections`; presentation turns the `Report` into HTML, Markdown or JSON. Nothing is left out silently: rows that
could not be read are named in `damaged`, and an empty period is simply empty.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass, field

from sciatica_cli import __version__
from sciatica_cli.domain.goals import GoalChange
from sciatica_cli.domain.pain import clearly_worse
from sciatica_cli.domain.progress import (
    Week,
    WindowChange,
    regular_weeks,
    weeks,
    window_change,
)
from sciatica_cli.domain.recent_check import UNSURE, YES
from sciatica_cli.domain.trend import DayPain, daily_pain
from sciatica_cli.environment import Environment
from sciatica_cli.flows.between import BetweenReport, between_report
from sciatica_cli.flows.diary_access import open_diary
from sciatica_cli.flows.goals import GoalTrend, goal_trends
from sciatica_cli.flows.profile import stored_profile
from sciatica_cli.flows.report_sections import SECTIONS, Section, SectionSource
from sciatica_cli.storage.diary import CheckRecord, Diary, SessionRecord, diary_exists
from sciatica_cli.storage.goals import GoalBook

DISCLAIMER = (
    "Made by the person from their own diary in sciatica, a self-care guide to gentle "
    "self-massage and exercise. It is not a diagnosis and not a medical record: ratings and "
    "answers are the person's own, entered at home. Safety checks ask about warning signs "
    "and give fixed advice; they do not replace a clinical assessment."
)
STOPPED_PAIN = "stopped-pain"
COMPLETED = "completed"
Local = Callable[[dt.datetime], dt.datetime]


@dataclass(frozen=True, slots=True)
class RaisedCheck:
    at: dt.datetime  # local time
    tier: str | None
    raised: list[str]  # the questions answered yes or not sure, as asked
    raised_ids: list[str]
    advice: list[str] | None  # None: kept before the diary stored advice
    acknowledged: bool | None  # None: not asked (only "soon" advice is acknowledged)
    # Questions the check never reached (it stopped first): they count as "not sure" for
    # the gate, but nobody answered them, so they are counted, never listed as answers.
    not_asked: int = 0


@dataclass(frozen=True, slots=True)
class HurtSession:
    at: dt.datetime  # local time
    techniques: list[str]  # their names
    technique_ids: list[str]
    stopped: bool  # stopped because it hurt more (else: pain clearly worse after)
    leg: tuple[int | None, int | None]
    back: tuple[int | None, int | None]


@dataclass(frozen=True, slots=True)
class Done:
    technique: str  # its name
    id: str
    sessions: int


@dataclass(frozen=True, slots=True)
class GoalSummary:
    text: str
    points: list[tuple[dt.date, int]]
    change: GoalChange | None  # first rating to latest, as `sciatica goals` says it


@dataclass(frozen=True, slots=True)
class ProfileFacts:
    """The profile's facts that apply (yes or not sure), by their question ids."""

    applies: list[str]
    answered_on: dt.date


@dataclass(frozen=True, slots=True)
class Services:
    """The region's words for who to contact, as its content fills them in."""

    primary_care: str
    urgent_care: str
    emergency_number: str


@dataclass(frozen=True, slots=True)
class Report:
    made_at: dt.datetime
    version: str
    first_day: dt.date  # the later of the period asked for and the diary's first use
    last_day: dt.date
    asked_days: int  # --days
    name: str | None
    region: str | None  # its code; None while the person has named none
    region_name: str
    services: Services
    profile: ProfileFacts | None
    first_use: dt.date | None = None
    sessions: int = 0  # sessions where something was done (`did_something`)
    sessions_not_counted: int = 0  # started, then stopped before anything was done
    weeks: list[Week] = field(default_factory=list)
    leg_change: WindowChange | None = None
    back_change: WindowChange | None = None
    pain_days: list[DayPain] = field(default_factory=list)
    goals: list[GoalSummary] = field(default_factory=list)
    raised_checks: list[RaisedCheck] = field(default_factory=list)
    clear_checks: list[Week] = field(default_factory=list)  # clear checks per week
    hurt: list[HurtSession] = field(default_factory=list)
    done: list[Done] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)
    between: BetweenReport | None = None  # pain logged between sessions, and the plan
    disclaimer: str = DISCLAIMER

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    @property
    def made_on(self) -> dt.date:
        return self.made_at.date()

    @property
    def regular_weeks(self) -> int:
        return regular_weeks(self.weeks)

    @property
    def empty(self) -> bool:
        clear = sum(week.count for week in self.clear_checks)
        rated = any(goal.points for goal in self.goals)
        logged = self.between is not None and bool(self.between.logs)
        return not (self.sessions or self.raised_checks or clear or rated or logged)


def profile_summary(env: Environment, diary: Diary | None) -> ProfileFacts | None:
    """The facts that apply and the day they were last answered; None while none is kept."""
    if diary is None:
        return None
    entries = stored_profile(diary)
    if not entries:
        return None
    when = env.local_time(max(e.answered_at for e in entries)).date()
    return ProfileFacts([e.item for e in entries if e.applies], when)


def period_start(env: Environment, days: int) -> dt.datetime:
    """Local midnight at the start of the first of `days` calendar days ending today."""
    today = env.local_time(env.now())
    first = today - dt.timedelta(days=days - 1)
    return first.replace(hour=0, minute=0, second=0, microsecond=0)


def _services(env: Environment) -> Services:
    region = env.region
    return Services(region.primary_care, region.urgent_care, region.emergency_number)


def build_report(env: Environment, days: int, name: str | None) -> Report:
    since = period_start(env, days)
    made_at = env.local_time(env.now())
    base = Report(
        made_at=made_at,
        version=__version__,
        first_day=since.date(),
        last_day=made_at.date(),
        asked_days=days,
        name=name,
        region=env.region.id if env.region_code else None,
        region_name=env.region.name,
        services=_services(env),
        profile=None,
    )
    if not diary_exists(env.data_dir):
        return base
    with closing(open_diary(env)) as diary:
        base = _from_first_use(env, base, diary.first_entry_at())
        sessions = diary.sessions(since)
        checks = diary.checks(since)
        trends = goal_trends(GoalBook(diary), since, retired=True)  # removed ones too
        first, last = base.first_day, base.last_day
        moves = diary.movements(since)
        source = SectionSource(env, diary, first, last, since, sessions, moves)
        sections = [s for build in SECTIONS if (s := build(source)) is not None]
        profile = profile_summary(env, diary)
        between = between_report(env, diary, since, sessions)
        damaged = [row.message for row in diary.damaged]
    filled = _filled(env, base, sessions, checks, trends)
    return dataclasses.replace(
        filled, profile=profile, sections=sections, damaged=damaged, between=between
    )


def _from_first_use(env: Environment, base: Report, first: dt.datetime | None) -> Report:
    """The period starts on the day of first use when the diary began inside it."""
    if first is None or first.tzinfo is None:
        return base
    first_use = env.local_time(first).date()
    return dataclasses.replace(
        base, first_use=first_use, first_day=min(base.last_day, max(base.first_day, first_use))
    )


def _filled(
    env: Environment,
    base: Report,
    sessions: Sequence[SessionRecord],
    checks: Sequence[CheckRecord],
    trends: Sequence[GoalTrend],
) -> Report:
    local, first, last = env.local_time, base.first_day, base.last_day
    leg = [(local(s.started_at).date(), s.before.leg) for s in sessions]
    back = [(local(s.started_at).date(), s.before.back) for s in sessions]
    done = [s for s in sessions if did_something(s)]
    return dataclasses.replace(
        base,
        sessions=len(done),
        sessions_not_counted=len(sessions) - len(done),
        weeks=weeks([local(s.started_at).date() for s in done], first, last),
        leg_change=window_change([(d, v) for d, v in leg if v is not None]),
        back_change=window_change([(d, v) for d, v in back if v is not None]),
        pain_days=_pain_days(sessions, local),
        goals=[_goal_summary(t, local) for t in trends],
        raised_checks=_raised_checks(env, checks),
        clear_checks=weeks(
            [local(c.checked_at).date() for c in checks if not c.raised], first, last
        ),
        hurt=_hurt(env, sessions),
        done=_done(env, sessions),
    )


def _pain_days(sessions: Sequence[SessionRecord], local: Local) -> list[DayPain]:
    """The days with a session, each with its sessions' mean ratings before and after."""
    rated = [(local(s.started_at).date(), s.before, s.after) for s in sessions]
    with_sessions = {day for day, _, _ in rated}
    return [d for d in daily_pain(rated) if d.day in with_sessions]


def _goal_summary(trend: GoalTrend, local: Local) -> GoalSummary:
    points = [(local(r.rated_at).date(), r.rating) for r in trend.ratings]
    return GoalSummary(trend.goal.text, points, trend.change)


def _raised_checks(env: Environment, checks: Sequence[CheckRecord]) -> list[RaisedCheck]:
    """Checks that raised anything; a question no longer in the content keeps its id."""
    content = env.content
    questions = {f.id: env.say(f.question) for f in content.red_flags.values()}
    questions.update({c.id: env.say(c.question) for c in content.cautions.values()})
    return [_raised(env, check, questions) for check in checks if check.raised]


def _raised(env: Environment, check: CheckRecord, questions: dict[str, str]) -> RaisedCheck:
    acknowledged = True if check.acknowledged else (False if check.tier == "soon" else None)
    answered = _answered_raised(check)
    return RaisedCheck(
        at=env.local_time(check.checked_at),
        tier=check.tier,
        raised=[questions.get(item, item) for item in answered],
        raised_ids=answered,
        advice=check.advice,
        acknowledged=acknowledged,
        not_asked=len(check.raised) - len(answered),
    )


def _answered_raised(check: CheckRecord) -> list[str]:
    """The raised questions the person answered yes or not sure. A check kept before the
    diary stored those answers lists every raised question, as it always did."""
    answers = check.answers or {}
    if YES not in answers and UNSURE not in answers:
        return list(check.raised)
    said = {*answers.get(YES, ()), *answers.get(UNSURE, ())}
    return [item for item in check.raised if item in said]


def _hurt(env: Environment, sessions: Sequence[SessionRecord]) -> list[HurtSession]:
    names = _technique_names(env)
    return [
        HurtSession(
            at=env.local_time(s.started_at),
            techniques=[names.get(t, t) for t in reached(s)],
            technique_ids=reached(s),
            stopped=s.status == STOPPED_PAIN,
            leg=(s.before.leg, s.after.leg),
            back=(s.before.back, s.after.back),
        )
        for s in sessions
        if s.status == STOPPED_PAIN
        or clearly_worse((s.before.leg, s.after.leg), (s.before.back, s.after.back))
    ]


def _done(env: Environment, sessions: Sequence[SessionRecord]) -> list[Done]:
    names = _technique_names(env)
    count = Counter(
        technique for s in sessions if did_something(s) for technique in dict.fromkeys(reached(s))
    )
    return [Done(names.get(t, t), t, n) for t, n in count.most_common()]


def reached(session: SessionRecord) -> list[str]:
    """The techniques a session got to: every one once it was completed (or when the diary
    does not say where it stopped); else those before the one under way, and that one."""
    planned, at = list(session.techniques), session.current_technique
    if session.status == COMPLETED or at is None or at not in planned:
        return planned
    return planned[: planned.index(at) + 1]


def did_something(session: SessionRecord) -> bool:
    """Whether a session counts as one: it ran to its end, held a stretch, or got past its
    first technique. A `q` after three seconds, or Ctrl-C before the first hold, does not
    make a week regular."""
    moved_on = len(reached(session)) > 1 and session.status != COMPLETED
    return session.status == COMPLETED or session.holds_done > 0 or moved_on


def _technique_names(env: Environment) -> dict[str, str]:
    return {t.id: t.name for t in env.content.techniques.values()}
