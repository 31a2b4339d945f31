"""The tables the benchmark prints, as Markdown that reads well in a terminal and on GitHub."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        lines = [f"### {self.title}", "", _row(self.columns), _row(["---"] * len(self.columns))]
        lines += [_row(row) for row in self.rows]
        if self.notes:
            lines += ["", *self.notes]
        return "\n".join(lines) + "\n"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def micros(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    value = seconds * 1e6
    return f"{value:,.1f} µs" if value < 100 else f"{value:,.0f} µs"


def millis(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f} ms"


def times(numerator: float | None, denominator: float | None) -> str:
    if numerator is None or not denominator:
        return "—"
    return f"{numerator / denominator:.2f}×"


def verdict(value: float | None, limit: float, unit: str = "×") -> str:
    """The target and whether `value` meets it."""
    if value is None:
        return f"≤ {limit:g}{unit}"
    return f"≤ {limit:g}{unit}: {'met' if value <= limit else 'missed'}"
