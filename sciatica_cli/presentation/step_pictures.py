"""The figure beside each step, or its words where a figure cannot be seen.

A figure is drawn only on a live terminal at least 60 columns wide; in plain mode (a
screen reader, a pipe) and on a narrow terminal the pose's alt text is said instead, once
each time the position changes, so a person listening hears every new position once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text

from sciatica_cli.content.models import Pose
from sciatica_cli.domain.figure import figure
from sciatica_cli.domain.plans import PlannedStep
from sciatica_cli.presentation.console import inert
from sciatica_cli.presentation.figure_text import MAX_COLUMNS, MAX_ROWS, figure_lines

# The narrowest terminal that gets figures, and the width from which one goes beside the
# step's words rather than above them.
FIGURE_MIN_WIDTH = 60
BESIDE_MIN_WIDTH = 100
# One colour, which NO_COLOR drops: the braille dots read the same without it.
FIGURE_STYLE = "cyan"


@dataclass
class StepPictures:
    poses: dict[str, Pose]
    width: int
    live: bool  # a live terminal (not plain mode, not a pipe)
    _last_said: str | None = field(default=None, init=False)

    @property
    def drawn(self) -> bool:
        return self.live and self.width >= FIGURE_MIN_WIDTH

    @property
    def beside(self) -> bool:
        return self.width >= BESIDE_MIN_WIDTH

    def figure(self, step: PlannedStep) -> Text | None:
        """The step's figure in braille, or None where none is drawn."""
        pose = self.poses.get(step.pose or "")
        if pose is None or not self.drawn:
            return None
        columns = MAX_COLUMNS if self.beside else min(MAX_COLUMNS, self.width - 6)
        lines = figure_lines(figure(pose, step.mark), columns=columns, rows=MAX_ROWS)
        return inert("\n".join(lines), FIGURE_STYLE)

    def position(self, step: PlannedStep) -> str | None:
        """`Position: ...` (the alt text) when no figure is drawn and the position changed."""
        pose = self.poses.get(step.pose or "")
        if pose is None or self.drawn or pose.id == self._last_said:
            return None
        self._last_said = pose.id
        return f"Position: {pose.alt}"
