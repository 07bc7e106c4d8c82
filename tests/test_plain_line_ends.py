"""In plain mode no line ends in spaces: a braille display or a screen reader meets words."""

from __future__ import annotations

from sciatica_cli.content.loader import ContentSet
from sciatica_cli.content.paths import builtin_content_dir
from tests.fakes import places_of, questions_when_all_no

CONTENT = ContentSet([builtin_content_dir()])


def test_plain_output_at_40_columns_has_no_spaces_at_line_ends(run, make_env, clock):
    first = questions_when_all_no(CONTENT, places_of(CONTENT, "piriformis"))
    env = make_env(stdin="n\n" * first, width=40)
    assert run("--plain", "guide", "piriformis", "--auto", obj=env).exit_code == 0
    clock.advance(13 * 3600)  # a later check: the listing and the profile shown back
    later = make_env(stdin="n\n" * first, width=40)
    assert run("--plain", "guide", "piriformis", "--auto", obj=later).exit_code == 0
    for out in (env.stdout.getvalue(), later.stdout.getvalue()):
        lines = out.splitlines()
        assert len(lines) > 100
        assert [line for line in lines if line != line.rstrip()] == []
        assert max(len(line) for line in lines) <= 40
