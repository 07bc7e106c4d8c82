"""`sciatica check-symptoms` as a person (or a script) uses it: answers in, advice and exit code out."""

from __future__ import annotations

import io
import json

import pytest

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from sciatica_cli.domain.question_plan import Memory, ProfileList, plan_questions
from sciatica_cli.domain.triage import checklist
from sciatica_cli.environment import Environment
from tests.fakes import FakeClock, asked_in_order

CONTENT = ContentSet([builtin_content_dir()])
ORDER = asked_in_order(CONTENT)  # check-symptoms, answering "no" throughout
IDS = [item.id for item in ORDER]
# Every step of check-symptoms, the follow-ups too (asked only after a parent not "no").
PLAN = plan_questions(
    CONTENT.red_flags.values(), CONTENT.cautions.values(), Memory(), FakeClock().now(), None
)
PROFILE = next(step for step in PLAN if isinstance(step, ProfileList))
FOLLOW_UPS = [step.id for step in PLAN if getattr(step, "only_after", ())]
QUESTION_PROMPT = "y / n / ? > "
PROFILE_PROMPT = "Numbers, n or ? > "  # the one list of facts about the person


def answers(replies: dict[str, str] | None = None, *, upto: str | None = None) -> str:
    """One line per question in the order asked: "n" unless `replies` says otherwise; a
    follow-up only when one of its parents was not a clear "n".

    A reply may hold its follow-up too ("y\\nleft"). `upto` stops after that question.
    """
    replies = replies or {}
    listed = [item.id for item in PROFILE.items]
    unknown = set(replies) - set(IDS) - set(listed) - set(FOLLOW_UPS)
    assert not unknown, unknown
    lines = []
    for step in PLAN:
        parents = getattr(step, "only_after", ())
        if parents and all(replies.get(parent, "n") == "n" for parent in parents):
            continue
        if step.id == "profile":  # the list: the numbers answered yes ("3") or not sure ("?3")
            marks = {"y": "", "?": "?"}
            said = [
                marks[replies[i]] + str(n)
                for n, i in enumerate(listed, 1)
                if replies.get(i, "n") != "n"
            ]
            lines.append(" ".join(said) or "n")
        else:
            lines.append(replies.get(step.id, "n"))
        if step.id == upto:
            break
    return "\n".join(lines) + "\n"


def first(tier: str) -> str:
    return next(item.id for item in ORDER if getattr(item, "tier", None) == tier)


def question(item_id: str) -> str:
    return next(step.question for step in PLAN if step.id == item_id)


def flat(text: str) -> str:
    """Output with its line wrapping undone, for finding sentences."""
    return " ".join(text.split())


# -- each exit code ----------------------------------------------------------------------------


@pytest.mark.parametrize("width", [40, 80])
def test_all_no_lets_massage_go_on(run, width):
    result = run("check-symptoms", input=answers(), width=width)
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert f"Question {len(IDS)} of {len(IDS)}" in out
    assert "No warning signs were found." in out
    assert "Massage and exercise may go on, gently." in out
    assert all(len(line.rstrip()) <= width for line in result.stdout.splitlines())
    assert "\x1b[" not in result.stdout


WHERE_TO_GO = {
    # No region known: never one number alone, examples instead.
    None: ("emergency department now", "999 in the UK"),
    "GB": ("A&E now", "999"),
    "us": ("911", "emergency room"),
}


@pytest.mark.parametrize("width", [40, 80])
@pytest.mark.parametrize("reply", ["y", "?", "YES", "Not sure"])
@pytest.mark.parametrize("region", list(WHERE_TO_GO))
def test_an_emergency_sign_stops_the_questions_at_once(run, width, reply, region):
    emergencies = [item.id for item in ORDER if getattr(item, "tier", None) == "emergency"]
    second, third = emergencies[1], emergencies[2]
    where = ("--region", region) if region else ()
    result = run(*where, "check-symptoms", input=answers({second: reply}), width=width)
    assert result.exit_code == 4
    out = flat(result.stdout)
    # The panel, in plain words: stop, no massage, where to go, and why.
    for words in ("Emergency: get help now", "Stop. Do not massage.", *WHERE_TO_GO[region]):
        assert words in out
    assert flat(question(second)) in out
    assert ("You said yes to" in out) == (reply.lower() in ("y", "yes"))
    # And nothing after it: not the next question, not another prompt.
    assert flat(question(third)) not in out
    assert "Question 3 of" not in out
    assert result.stdout.count(QUESTION_PROMPT) == 2
    assert "Your result" not in out
    assert all(len(line.rstrip()) <= width for line in result.stdout.splitlines())


@pytest.mark.parametrize("reply", ["y", "?"])
def test_an_urgent_sign_means_a_doctor_today(run, reply):
    result = run("check-symptoms", input=answers({first("urgent"): reply}))
    assert result.exit_code == 3
    out = flat(result.stdout)
    assert "No massage or exercises from this guide now." in out
    assert "Gentle walking is fine" in out or "rest" in out
    assert "Contact a doctor today" in out
    assert flat(question(first("urgent"))) in out
    # An urgent sign does not stop the questions: the doctor will want the whole picture.
    assert result.stdout.count(QUESTION_PROMPT) + result.stdout.count(PROFILE_PROMPT) == len(IDS)


def test_soon_advice_acknowledged_lets_massage_go_on(run):
    result = run("check-symptoms", input=answers({first("soon"): "y"}) + "y\n")
    assert result.exit_code == 0
    out = flat(result.stdout)
    assert "Book a visit to your doctor (you said yes)" in out
    assert "Have you read the advice above" in out
    assert "Massage and exercise may go on, gently." in out


@pytest.mark.parametrize("ack", ["n\n", "?\n", "no\n", ""])
def test_soon_advice_not_acknowledged_means_no_massage(run, ack):
    result = run("check-symptoms", input=answers({first("soon"): "?"}) + ack)
    assert result.exit_code == 7
    out = flat(result.stdout)
    assert "No massage or exercise now." in out
    assert "Massage and exercise may go on, gently." not in out


def test_acknowledgement_is_not_asked_when_a_doctor_is_needed_today(run):
    replies = {first("soon"): "y", first("urgent"): "y"}
    result = run("check-symptoms", input=answers(replies) + "y\n")
    assert result.exit_code == 3
    assert "Have you read the advice above" not in result.stdout


def test_interrupted_exits_130(run):
    class CtrlC(io.StringIO):
        def readline(self, *args: object) -> str:
            raise KeyboardInterrupt

    env = Environment(
        stdin=CtrlC(),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        stdin_isatty=True,
        stdout_isatty=False,
    )
    result = run("check-symptoms", obj=env)
    assert result.exit_code == 130
    assert env.stderr.getvalue().endswith("\nInterrupted.\n")  # the run's stderr, as errors
    assert "Traceback" not in result.output


def test_check_symptoms_asks_everything_one_by_one_every_time(run, make_env, clock):
    # Never the kept profile, a listing of slow signs, nor a check reused: a second run
    # minutes later asks the same questions as the first.
    for _ in range(2):
        env = make_env(stdin=answers())
        assert run("check-symptoms", obj=env).exit_code == 0
        out = flat(env.stdout.getvalue())
        assert f"Question {len(IDS)} of {len(IDS)}" in out
        assert "Which of these apply to you?" in out
        assert flat(question("weight-loss")) in out  # a slow sign, one by one
        assert "Has any of" not in out
        clock.advance(600)


@pytest.mark.parametrize("reply", ["y", "?"])
def test_numb_skin_is_asked_only_after_lasting_numbness_was_not_a_clear_no(run, reply):
    numb_skin = flat(question("numb-skin"))
    assert numb_skin not in flat(run("check-symptoms", input=answers()).stdout)
    result = run("check-symptoms", input=answers({"lasting-numbness": reply}) + "y\n")
    assert result.exit_code == 0  # a soon sign, acknowledged
    assert numb_skin in flat(result.stdout)
    asked = result.stdout.count(QUESTION_PROMPT) + result.stdout.count(PROFILE_PROMPT)
    assert asked == len(IDS) + 1


# -- cautions: follow-up questions and blocked techniques --------------------------------------


def test_broken_skin_on_the_calf_skips_only_the_calf(run):
    result = run("check-symptoms", "--json", input=answers({"skin-or-injury": "y\n4"}))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["blocked"] == [
        {"technique": "calf", "side": "left", "because": "skin-or-injury"},
        {"technique": "calf", "side": "right", "because": "skin-or-injury"},
    ]
    assert data["may_massage"] is True
    assert "Calf (back of the lower leg): both sides" in flat(result.stderr)


def test_not_sure_where_the_broken_skin_is_leaves_no_massage_but_keeps_exercise(run):
    # Broken skin is a reason to skip massage there (NCCIH), not to stop moving (NICE-NG59).
    result = run("check-symptoms", "--json", input=answers({"skin-or-injury": "y\n?"}))
    data = json.loads(result.stdout)
    assert (result.exit_code, data["massage_possible"]) == (0, False)
    blocked = {b["technique"] for b in data["blocked"]}
    assert {"piriformis", "calf", "hamstring", "lower-back"} <= blocked
    assert "walking" not in blocked
    text = flat(run("check-symptoms", input=answers({"skin-or-injury": "y\n?"})).stdout)
    assert "Exercise may go on, gently. No massage for now." in text


def test_clot_signs_ask_which_leg_and_send_to_a_doctor(run):
    result = run("check-symptoms", "--json", input=answers({"clot-signs": "y\nsideways\nleft"}))
    assert result.exit_code == 3
    assert "Please answer l (left), r (right), b (both) or ? (not sure)." in result.stderr
    data = json.loads(result.stdout)
    assert data["tier"] == "urgent"
    assert {(b["technique"], b["side"]) for b in data["blocked"]} == {
        ("calf", "left"),
        ("hamstring", "left"),
    }
    assert data["cautions"][0]["applies_to"] == ["left"]


def test_blood_thinners_mean_light_pressure(run):
    result = run("check-symptoms", input=answers({"blood-thinners": "y"}))
    assert result.exit_code == 0
    assert "Use light pressure only." in result.stdout


# -- JSON --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stdin", "code", "tier"),
    [
        (answers(), 0, None),
        (answers({first("urgent"): "y"}), 3, "urgent"),
        (answers({first("emergency"): "y"}), 4, "emergency"),
        (answers({first("soon"): "y"}) + "n\n", 7, "soon"),
        (answers({first("soon"): "y"}) + "y\n", 0, "soon"),
    ],
)
def test_json_is_the_only_thing_on_stdout(run, stdin, code, tier):
    result = run("check-symptoms", "--json", input=stdin)
    assert result.exit_code == code
    data = json.loads(result.stdout)  # nothing else on stdout
    assert data["tier"] == tier
    assert data["exit_code"] == code
    assert data["may_massage"] is (code == 0)
    assert "Question 1 of" in result.stderr  # the questions went to stderr
    if tier is not None:
        raised = data["flags"][0]
        assert raised["tier"] == tier and raised["answer"] == "yes" and raised["answered"]
    if tier == "soon":
        assert data["needs_acknowledgement"] is True
        assert data["acknowledged"] is (code == 0)
    else:
        assert data["acknowledged"] is None


def test_json_reports_unanswered_questions(run):
    result = run("check-symptoms", "--json", input="n\n")
    data = json.loads(result.stdout)
    # Unfinished, not an emergency: nothing is cleared, and nothing was reported (exit 7).
    assert result.exit_code == 7
    assert data["verdict"] == "unfinished" and data["finished"] is False
    assert data["tier"] is None and data["may_massage"] is False
    every = [i for i in checklist(CONTENT.red_flags.values(), CONTENT.cautions.values())]
    main = [i.id for i in every if not i.only_after]
    assert len(main) < len(every)  # there are follow-ups, and they are not listed:
    assert sorted(data["unanswered"]) == sorted(main[1:])  # a follow-up counts with its parent
    assert data["flags"][0] == {
        "id": IDS[1],
        "tier": "emergency",
        "answer": "unsure",
        "answered": False,
    }


# -- input that ends early or is not understood -----------------------------------------------


@pytest.mark.parametrize("count", range(len(IDS)))
def test_input_that_ends_early_is_never_safe(run, count):
    stdin = answers(upto=IDS[count - 1]) if count else ""
    result = run("check-symptoms", input=stdin)
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "Massage and exercise may go on, gently." not in result.stdout
    assert "No more answers came." in result.stdout
    # An unfinished check is said plainly, never shown as the emergency panel (exit 7).
    assert result.exit_code == 7
    assert "Emergency: get help now" not in result.stdout
    assert "The check was not finished" in flat(result.stdout)


def test_ending_during_a_follow_up_covers_both_legs(run):
    result = run("check-symptoms", "--json", input=answers({"clot-signs": "y"}, upto="clot-signs"))
    data = json.loads(result.stdout)
    assert result.exit_code == 3
    assert {b["side"] for b in data["blocked"]} == {"left", "right"}


def test_a_bad_answer_is_asked_again_with_a_hint(run):
    result = run("check-symptoms", input="maybe\n" + answers())
    assert result.exit_code == 0
    assert result.stdout.count("Please answer y (yes), n (no) or ? (not sure).") == 1
    asked = result.stdout.count(QUESTION_PROMPT) + result.stdout.count(PROFILE_PROMPT)
    assert asked == len(IDS) + 1


def test_a_bad_answer_is_never_taken_as_no(run):
    result = run("check-symptoms", input="maybe\n")
    # "maybe" is asked again; then the input ends: unfinished, never cleared (exit 7).
    assert result.exit_code == 7
    assert "Please answer y (yes), n (no) or ? (not sure)." in result.stdout
    # counted in questions (the profile list is one), every one of them unanswered
    questions = len(ORDER)
    assert f"The check was not finished: {questions} questions not answered" in flat(result.stdout)


def test_piped_answers_that_stay_unclear_count_as_not_sure(run):
    result = run("check-symptoms", input="maybe\nperhaps\nhmm\n" + answers())
    assert result.exit_code == 4
    assert "No clear answer was given, so this counts as 'not sure'." in flat(result.stdout)
    assert "You were not sure" in flat(result.stdout) or "not answered" in flat(result.stdout)


def test_an_unclear_piped_answer_counts_as_not_sure_and_the_check_goes_on(run):
    urgent = first("urgent")
    before = answers(upto=IDS[IDS.index(urgent) - 1])
    after = answers()[len(before) + 2 :]  # every answer after the urgent question
    result = run("check-symptoms", "--json", input=before + "maybe\nperhaps\nhmm\n" + after)
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert data["unanswered"] == []
    assert data["flags"] == [{"id": urgent, "tier": "urgent", "answer": "unsure", "answered": True}]


def test_empty_lines_are_asked_again(run):
    result = run("check-symptoms", input="\n\n" + answers())
    assert result.exit_code == 0


def test_answers_in_any_case_and_words(run):
    words = ["N", "No", "NO", "no."] * len(IDS)
    result = run("check-symptoms", input="\n".join(words[: len(IDS)]) + "\n")
    assert result.exit_code == 0


def test_help_lists_the_exit_codes(run):
    result = run("check-symptoms", "--help")
    assert result.exit_code == 0
    for line in (
        "  0  success",
        "  3  an urgent sign",
        "  4  an emergency sign",
        "  7  no massage",
    ):
        assert line in result.stdout
    assert "130  interrupted" in result.stdout
    assert "  7  no massage" in run("--help").stdout


def test_the_readme_pipes_one_answer_per_question():
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"printf 'n\\n%.0s' {{1..{len(IDS)}}} | sciatica check-symptoms" in readme
