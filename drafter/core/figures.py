"""Recognising a written figure (12次, 300余名, 1.2万人次, 35.6%) and making a field of it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from drafter.core.model import Field
from drafter.core.numbers import NumberError, parse_number

# Measure words and units a report counts with; longer ones first so 人次 wins over 人.
UNITS = sorted(
    ["次", "名", "个", "场", "份", "期", "家", "条", "人次", "人", "篇", "项", "支", "位", "批", "件", "所", "处",
     "万元", "亿元", "元", "户", "村", "天", "小时", "学时", "轮", "类", "部", "本", "册", "座", "台"],
    key=len, reverse=True,
)
# Websites that repost reports hide the figures: 先后**次, ***名, ＊个, XX人.
MASK = r"[*＊×XＸ]{1,6}"
FIGURE = re.compile(
    rf"(?P<about>约)?(?:(?P<mask>{MASK})|(?P<number>[0-9０-９]+(?:[.．][0-9０-９]+)?)(?P<scale>万|亿)?)"
    rf"(?:(?P<percent>[%％])|(?P<qualifier>余|多)?(?P<unit>{'|'.join(map(re.escape, UNITS))}))"
)


class FigureError(ValueError):
    """Selected text that is not a figure; the message says what a figure looks like."""


@dataclass
class Figure:
    value: Decimal | None  # None where the figure was masked
    type: str
    unit: str
    qualifier: str


def figure_from_match(match: re.Match) -> Figure:
    """The figure a FIGURE match stands for; raises NumberError for digits that are no number."""
    value = None
    if match.group("number"):
        value = parse_number(match.group("number"))
        if match.group("scale"):
            value *= Decimal(10_000 if match.group("scale") == "万" else 100_000_000)
    if match.group("percent"):
        return Figure(value, "percent", "", "")
    qualifier = "约" if match.group("about") else (match.group("qualifier") or "")
    kind = "decimal" if value is not None and value != value.to_integral_value() else "integer"
    return Figure(value, kind, match.group("unit"), qualifier)


def parse_figure(text: str) -> Figure:
    """The one written figure that makes up `text`, e.g. 300余名 → 300, 名, 余."""
    match = FIGURE.fullmatch(text.strip())
    if not match or match.group("mask"):
        raise FigureError(f"“{text}”不是一个带单位的数字，如 12次、300余名、35.6%")
    try:
        return figure_from_match(match)
    except NumberError as error:
        raise FigureError(str(error)) from None


def new_field_name(existing: set[str], stem: str = "figure") -> str:
    """figure_1, figure_2, … the first one not yet used."""
    number = 1
    while f"{stem}_{number}" in existing:
        number += 1
    return f"{stem}_{number}"


def field_from_figure(figure: Figure, name: str, label: str) -> Field:
    return Field(name=name, label=label, type=figure.type, unit=figure.unit, qualifier=figure.qualifier,
                 value=figure.value, minimum=Decimal(0))
