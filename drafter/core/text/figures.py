"""Recognising a written figure (12次, 300余名, 1.2万人次, 1,260人次, 35.6%) and making a field of it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from drafter.core.report.model import Field
from drafter.core.text.lexicon import Lexicon
from drafter.core.text.numbers import NumberError, parse_number


FULL_WIDTH_DIGIT = re.compile("[０-９]")


class FigureError(ValueError):
    """Selected text that is not a figure; the message says what a figure looks like."""


@dataclass
class Figure:
    """A figure read from text: its value, type, unit and qualifier (余, 多) and how its number was written."""

    value: Decimal | None  # None where the figure was masked
    type: str
    unit: str
    qualifier: str
    notation: str = ""  # how the number was written: plain, grouped, 万, 亿, chinese (see numbers.format_number)


def figure_from_match(match: re.Match, lexicon: Lexicon) -> Figure:
    """The figure a lexicon.figure match stands for; raises NumberError for digits that are no number."""
    value, notation = None, ""
    scale = match.group("scale") or match.group("scale2")
    if match.group("number"):
        digits = match.group("number")
        value = parse_number(digits)
        grouped = "," in digits or "，" in digits
        notation = "grouped" if grouped else "plain"
        if scale:
            value *= lexicon.magnitudes[scale]
            notation = scale + ("," if grouped else "")
            if match.group("scale2"):  # 230余万元: the qualifier stands before the magnitude
                notation = "余" + scale
        if match.group("sign"):  # 增速-3.2%: a negative figure keeps its sign
            value = -value
        if FULL_WIDTH_DIGIT.search(digits):
            notation = "fullwidth," if grouped else "fullwidth"  # １２６人, １，２００余家, ９７.６％: kept as typed
        elif match.group("percent") == "％":
            notation = "％"  # 97.6％: half-width digits, full-width sign
    if match.group("percent"):
        return Figure(value, "percent", "", "", notation if notation in ("fullwidth", "％") else "")
    qualifier = "约" if match.group("about") else (match.group("qualifier") or "")
    kind = "decimal" if value is not None and value != value.to_integral_value() else "integer"
    return Figure(value, kind, match.group("unit") or "", qualifier, notation)


def parse_figure(text: str, lexicon: Lexicon) -> Figure:
    """The one written figure that makes up `text`, e.g. 300余名 → 300, 名, 余."""
    match = lexicon.figure.fullmatch(text.strip())
    if not match or match.group("mask"):
        chinese = lexicon.chinese_figure.fullmatch(text.strip())
        if chinese:
            return chinese_figure(chinese)
        raise FigureError(f"“{text}”不是一个带单位的数字，如 12次、300余名、35.6%")
    try:
        return figure_from_match(match, lexicon)
    except NumberError as error:
        raise FigureError(str(error)) from None


def chinese_figure(match: re.Match) -> Figure:
    """十二次 → 12 次, written in Chinese numerals; raises NumberError for what cn2an cannot read."""
    try:
        value = parse_number(match.group("number"))
    except NumberError as error:
        raise FigureError(str(error)) from None
    return Figure(value, "integer", match.group("unit"), match.group("qualifier") or "", "chinese")


def new_field_name(existing: set[str], stem: str = "figure") -> str:
    """figure_1, figure_2, … the first one not yet used."""
    number = 1
    while f"{stem}_{number}" in existing:
        number += 1
    return f"{stem}_{number}"


def field_from_figure(figure: Figure, name: str, label: str) -> Field:
    return Field(name=name, label=label, type=figure.type, unit=figure.unit, qualifier=figure.qualifier,
                 value=figure.value, minimum=least_value(figure, label), notation=figure.notation)


# A figure named by one of these words is a change, which may fall below zero another year (增速-3.2%).
CHANGE_WORDS = ("增速", "增幅", "增长", "增减", "涨幅", "变化", "变动", "同比", "环比", "利润", "差额", "结余", "净")


def least_value(figure: Figure, label: str) -> Decimal | None:
    """The minimum a figure's field gets: 0 for a count or an amount, none for a change or a figure found negative."""
    if (figure.value is not None and figure.value < 0) or any(word in label for word in CHANGE_WORDS):
        return None
    return Decimal(0)


def suggest_label(figure: Figure, before: str, after: str, lexicon: Lexicon, taken: set[str] = frozenset()) -> str:
    """The name the importer would give this figure from the words around it (开展学习次数), made unique."""
    from drafter.core.lastyear.naming.labels import make_label  # jieba loads only when a name is asked for

    label = make_label(before, after, figure.unit, lexicon)
    unique, number = label, 2
    while unique in taken:
        unique, number = f"{label}（{number}）", number + 1
    return unique
