"""The corpus's figure markup: [shown|unit] → the text a page shows and the figure the truth records."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

FIGURE_MARK = re.compile(r"\[([^|\]]*)\|([^\]]*)\]")
SCALES = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}


@dataclass(frozen=True)
class TruthFigure:
    """A figure last year's file states: its value in plain units (1.2万 → 12000) and its unit."""

    value: Decimal
    unit: str


def figure_of(shown: str, unit: str) -> TruthFigure:
    """[约86万|人次] → 860000 人次; [一万二千=12000|余剂次] → 12000 剂次; [98.5|%] → 98.5 %."""
    if "=" in shown:
        value = Decimal(shown.split("=")[1])
    else:
        digits = re.sub("[余多,]", "", shown.removeprefix("约"))
        scale = SCALES.get(digits[-1], Decimal(1)) if digits else Decimal(1)
        value = Decimal(digits.rstrip("万亿")) * scale
    unit = unit.lstrip("=").lstrip("余多").replace("％", "%")
    if len(unit) > 1 and unit[0] in SCALES:  # 8,620万元 is 86,200,000 元
        value, unit = value * SCALES[unit[0]], unit[1:]
    return TruthFigure(value, unit)


def shown_text(shown: str, unit: str) -> str:
    """What the page prints for a figure: the digits as written, then the unit unless it is only implied."""
    digits = shown.split("=")[0]
    return digits + ("" if unit.startswith("=") else unit)


def strip(text: str) -> tuple[str, list[TruthFigure]]:
    """The printed text and the figures marked in it, in reading order."""
    figures = [figure_of(*match.groups()) for match in FIGURE_MARK.finditer(text)]
    return FIGURE_MARK.sub(lambda match: shown_text(*match.groups()), text), figures
