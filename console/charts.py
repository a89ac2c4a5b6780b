"""Small bar charts drawn on the server as inline SVG (no script, no outside request)."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 480
BAR_AREA = 150
TOP = 12
LEFT = 34
MAX_BAR = 48


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float
    series: int


@dataclass(frozen=True)
class Chart:
    title: str
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, str], ...]
    """(y, label) of the horizontal grid lines."""
    labels: tuple[tuple[float, str], ...]
    """(x, text) under each group of bars."""
    legend: tuple[str, ...]
    width: int = WIDTH
    height: int = TOP + BAR_AREA + 40


def bar_chart(
    title: str, groups: list[tuple[str, tuple[float, ...]]], legend: tuple[str, ...] = ()
) -> Chart:
    """One group of bars per label, one bar per series; values of zero or more."""
    top = max([v for _, values in groups for v in values] + [1])
    step = _nice_step(top)
    ceiling = step * -(-top // step)
    series = max((len(values) for _, values in groups), default=1)
    slot = (WIDTH - LEFT - 4) / max(len(groups), 1)
    bar_width = min(MAX_BAR, max(2.0, (slot * 0.8) / series))
    bars, labels = [], []
    for i, (label, values) in enumerate(groups):
        x0 = LEFT + i * slot + (slot - bar_width * series) / 2
        for k, value in enumerate(values):
            height = BAR_AREA * value / ceiling
            bars.append(
                Bar(label, value, x0 + k * bar_width, TOP + BAR_AREA - height, bar_width, height, k)
            )
        labels.append((LEFT + i * slot + slot / 2, label))
    ticks = tuple(
        (TOP + BAR_AREA - BAR_AREA * n * step / ceiling, f"{n * step:g}")
        for n in range(int(ceiling // step) + 1)
    )
    return Chart(title, tuple(bars), ticks, tuple(labels), legend)


def _nice_step(top: float) -> float:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000):
        if top / step <= 5:
            return step
    return 10_000
