"""The catalogue's table with figures, on a live terminal of 100 columns."""

from __future__ import annotations


def test_names_are_whole_beside_the_figures_at_100_columns(run, make_env):
    env = make_env(width=100, stdout_isatty=True, stdin_isatty=True)
    run("catalogue", obj=env, width=100)
    out = env.stdout.getvalue()
    assert "…" not in out  # no "Techniq…", no "Hamstri…"
    assert "Hamstring" in out
