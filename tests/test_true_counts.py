"""What help and footers say about the safety check is true (issue 14 item 11)."""

from __future__ import annotations

import re

from tests.fakes import flat
from tests.test_guide import ALL_CLEAR, CONTENT


def test_the_catalogue_footer_names_the_real_number_of_questions(run, make_env, tmp_path):
    env = make_env()
    run("techniques", obj=env)
    footer = flat(env.stdout.getvalue())
    found = re.search(r"first safety check asks (\d+)(?: to (\d+))? questions", footer)
    low, high = int(found.group(1)), int(found.group(2) or found.group(1))
    # A first `guide` for each technique, in a diary of its own: how many it really asks.
    asked = {}
    for technique in CONTENT.techniques:
        check = make_env(stdin=ALL_CLEAR, data_dir_override=tmp_path / technique)
        run("--region", "GB", "guide", technique, "--auto", "--hold", "1", obj=check)
        # Each question is numbered as it is asked (the profile list is one, answered with
        # numbers); a run answered "no" throughout meets every one of them.
        numbered = re.findall(r"Question (\d+) of (\d+)", check.stdout.getvalue())
        [total] = {int(total) for _, total in numbered}
        assert [int(n) for n, _ in numbered] == list(range(1, total + 1)), technique
        asked[technique] = total
    assert (low, high) == (min(asked.values()), max(asked.values())), asked
    assert "a few safety questions" not in footer


def test_guide_help_makes_no_claim_of_a_short_check(run):
    text = flat(run("guide", "--help").output)
    assert "short safety check" not in text and "short check" not in text
    assert "yes/no questions the first time" in text
