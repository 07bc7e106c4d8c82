"""What help and footers say about the safety check is true (issue 14 item 11)."""

from __future__ import annotations

import re

from tests.fakes import flat
from tests.test_guide import ALL_CLEAR


def test_the_catalogue_footer_names_the_real_number_of_questions(run, make_env):
    env = make_env()
    run("techniques", obj=env)
    footer = flat(env.stdout.getvalue())
    said = int(re.search(r"It first asks (\d+) (?:yes/no )?questions", footer).group(1))
    check = make_env(stdin=ALL_CLEAR)
    run("--region", "GB", "guide", "calf", "--auto", "--hold", "1", obj=check)
    # Each question is numbered as it is asked (the profile list is one, answered with
    # numbers); a run answered "no" throughout meets every one of them.
    numbered = re.findall(r"Question (\d+) of (\d+)", check.stdout.getvalue())
    assert {int(total) for _, total in numbered} == {said}
    assert [int(n) for n, _ in numbered] == list(range(1, said + 1))
    assert "a few safety questions" not in footer


def test_guide_help_makes_no_claim_of_a_short_check(run):
    text = flat(run("guide", "--help").output)
    assert "short safety check" not in text and "short check" not in text
    assert "a yes/no question about each warning sign" in text
