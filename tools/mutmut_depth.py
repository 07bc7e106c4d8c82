"""mutmut's `max_stack_depth` walk, made cheap enough to use (installed by tests/conftest.py).

With `max_stack_depth` set, mutmut 3.8 decides for every call of every mutated function which
test reached it within that many frames of our code, and for every frame of every call it
resolves the frame's file on disk. On this suite that made the stats run (the whole suite
once, before any mutant) take well over an hour. This does the same walk and counts the same
frames (a frame with no file on disk is not ours, where mutmut's walk fails), with each file's verdict remembered, so the stats run costs minutes again.

It replaces one function of mutmut's and only under the versions it was written against; with
any other mutmut it does nothing and the run is merely slow.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

WRITTEN_FOR = "3.8."


def install() -> bool:
    """Put the cached walk in place of mutmut's; False (nothing done) for another mutmut."""
    if not version("mutmut").startswith(WRITTEN_FOR):
        return False
    from mutmut.configuration import config
    from mutmut.mutation import trampoline
    from mutmut.state import state

    ours = list(config().resolved_mutated_source_paths)
    depth = config().max_stack_depth

    @cache
    def stops(filename: str) -> bool:
        # Where mutmut's own walk stops: the test runner's frames.
        return "pytest" in filename or "hammett" in filename or "unittest" in filename

    @cache
    def is_ours(filename: str) -> bool:
        try:
            path = Path(filename).resolve(strict=True)
        except OSError:  # code with no file: "<frozen runpy>", what cog runs from the README
            return False
        return any(root in path.parents for root in ours)

    def within_depth() -> bool:
        frame: Any = sys._getframe(2)  # the trampoline: what called it is counted from here
        left = depth
        while left and frame is not None:
            filename = frame.f_code.co_filename
            frame = frame.f_back
            if stops(filename):
                break
            if is_ours(filename):
                left -= 1
        return bool(left)

    def record_trampoline_hit(name: str, caller: str | None = None) -> None:
        if depth != -1 and not within_depth():
            return
        state()._stats.add(name)
        if caller is not None and config().track_dependencies:
            state().function_dependencies[name].add(caller)

    trampoline.record_trampoline_hit = record_trampoline_hit  # type: ignore[assignment]
    return True
