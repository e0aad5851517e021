"""Small horizontal bar charts drawn with Unicode block characters (eighths of a cell).

`bar()` and `chart_text()` are pure; `BarChart` draws them at the width it has, so the longest
bar of each chart fills the space left after the labels and figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

# Index n draws n eighths of a cell.
EIGHTHS = ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")
FULL = "█"
MIN_BAR_WIDTH = 10


def bar(value: float, maximum: float, width: int) -> str:
    """`value` out of `maximum` as a bar at most `width` cells long, to an eighth of a cell.

    A value above zero always shows at least a sliver; zero, negative or missing shows nothing.
    """
    if width <= 0 or maximum <= 0 or value <= 0:
        return ""
    eighths = round(min(1.0, value / maximum) * width * 8)
    full, rest = divmod(max(1, eighths), 8)
    return FULL * full + EIGHTHS[rest]


@dataclass(frozen=True)
class Measure:
    label: str  # e.g. the backend's name
    value: float | None  # None: not measured, drawn as "n/a"
    text: str  # the figure as people read it, e.g. "42.1 tok/s"


@dataclass(frozen=True)
class Chart:
    title: str
    measures: tuple[Measure, ...]
    higher_is_better: bool

    def best(self) -> Measure | None:
        measured = [m for m in self.measures if m.value is not None and m.value > 0]
        if len(measured) < 2:
            return None  # nothing to compare against
        pick = max if self.higher_is_better else min
        return pick(measured, key=lambda m: m.value or 0.0)


@dataclass(frozen=True)
class Palette:
    bar: str = "blue"
    best: str = "bold green"


def chart_text(
    chart: Chart, width: int, palette: Palette = Palette(), best_word: str = "fastest"
) -> Text:
    """The chart as lines: a title, then `label  ████▌  figure` for each measure."""
    text = Text(chart.title, style="bold")
    if not chart.measures:
        return text.append("\n  nothing measured yet", style="dim")
    label_width = max(len(m.label) for m in chart.measures)
    figure_width = max(len(m.text) for m in chart.measures)
    bar_width = max(MIN_BAR_WIDTH, width - label_width - figure_width - len(best_word) - 8)
    maximum = max((m.value or 0.0) for m in chart.measures)
    best = chart.best()
    for measure in chart.measures:
        text.append(f"\n  {measure.label.ljust(label_width)}  ")
        drawn = bar(measure.value or 0.0, maximum, bar_width) if measure.value else ""
        style = palette.best if measure is best else palette.bar
        text.append(drawn, style=style if drawn else "")
        text.append(" " * (bar_width - len(drawn)) + "  ")
        text.append(measure.text.rjust(figure_width), style="" if measure.value else "dim")
        if measure is best:
            text.append(f"  {best_word}", style="bold")
    return text


class BarChart(Static):
    """Draws its charts one under the other, each at the widget's current width."""

    DEFAULT_CSS = """
    BarChart { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.charts: tuple[Chart, ...] = ()

    def show(self, charts: Sequence[Chart]) -> None:
        self.charts = tuple(charts)
        self.refresh(layout=True)

    def render(self) -> Text:
        width = self.content_size.width or 80
        theme = self.app.current_theme
        palette = Palette(bar=theme.primary, best=f"bold {theme.success or 'green'}")
        parts = [chart_text(chart, width, palette) for chart in self.charts]
        return Text("\n\n").join(parts) if parts else Text("")
