"""A mistyped topic, technique, tool, place or region gets a guess in plain words, and
nothing is asked before it (issue 23, item 6)."""

from __future__ import annotations

import pytest

from sciatica_cli.domain.suggest import did_you_mean, guesses


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("learn", "sciatca"), "Did you mean 'understanding-sciatica' or 'moving-with-sciatica'?"),
        (("learn", "evidnce"), "Did you mean 'what-the-evidence-says'?"),
        (("guide", "pirifomis"), "No technique 'pirifomis'. Did you mean 'piriformis'?"),
        (("guide", "calf", "--tool", "roller"), "No tool 'roller'. Did you mean 'foam-roller'?"),
        (("techniques", "--area", "calff"), "Did you mean 'calf'?"),
        (("--region", "germny", "techniques"), "Did you mean DE (Germany)?"),
        (("--region", "usa", "techniques"), "Did you mean US?"),
    ],
)
def test_each_kind_of_name_gets_a_guess(run, make_env, args, said):
    env = make_env()
    result = run(*args, obj=env)
    assert result.exit_code == 2
    errors = " ".join((env.stderr.getvalue() + result.output).split())
    assert said in errors
    assert "Traceback" not in errors
    assert "y / n / ? > " not in env.stdout.getvalue()  # no question before the error


def test_a_known_tool_the_technique_is_not_done_with_names_the_ones_it_is(run, make_env):
    env = make_env()
    assert run("guide", "piriformis", "--tool", "foam-roller", obj=env).exit_code == 2
    assert "is not done with 'foam-roller'. Choose from: hands, massage-ball." in (
        env.stderr.getvalue()
    )


def test_equally_close_guesses_are_all_offered():
    assert guesses("sciatca", ["understanding-sciatica", "tools", "moving-with-sciatica"]) == [
        "understanding-sciatica",
        "moving-with-sciatica",
    ]
    assert guesses("zzzz", ["tools"]) == []
    assert did_you_mean(["a", "b", "c"]) == "Did you mean 'a', 'b' or 'c'?"
    assert did_you_mean([]) == ""
