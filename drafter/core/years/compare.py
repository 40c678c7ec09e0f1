"""Year-over-year change of a field: absolute, percent and a ready phrase (增长12.5% / 与上年持平)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from drafter.core.report.model import Field
from drafter.core.text.numbers import plain_digits


@dataclass(frozen=True)
class Change:
    """This year against last: the difference, the percent (None when last year was zero or below), the phrase."""

    delta: Decimal
    percent: Decimal | None  # None when last year was zero or below
    phrase: str


def change(field: Field) -> Change | None:
    """The change from last year's value, or None when either value is missing or not a number."""
    if field.type not in ("integer", "decimal", "percent"):
        return None
    if not isinstance(field.value, Decimal) or not isinstance(field.previous, Decimal):
        return None
    delta = field.value - field.previous
    percent = None
    if field.previous > 0:  # from a negative base (a loss last year) a percentage says nothing: the change is told
        percent = (delta / field.previous * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return Change(delta, percent, _phrase(field, delta, percent))


def _phrase(field: Field, delta: Decimal, percent: Decimal | None) -> str:
    if delta == 0:
        return "与上年持平"
    rise = delta > 0
    if field.type == "percent":
        return f"{'提高' if rise else '下降'}{plain_digits(abs(delta))}个百分点"
    if percent is not None:
        return f"{'增长' if rise else '减少'}{plain_digits(abs(percent))}%"
    return f"{'增加' if rise else '减少'}{plain_digits(abs(delta))}{field.unit}"


def short_change(field: Field) -> str:
    """+2（+20.0%） for the form, +3.5个百分点 for a rate; empty when there is nothing to compare."""
    result = change(field)
    if result is None:
        return ""
    if field.type == "percent":  # a rate's change is in points (17.5% → 21%: +3.5个百分点, not +20%)
        return f"{signed(result.delta)}个百分点"
    text = signed(result.delta)
    if result.percent is not None:
        text += f"（{signed(result.percent)}%）"
    return text


def signed(number) -> str:
    """+2, −2 (the minus sign, as wide as the plus), ±0: one sign for the change and its percentage alike."""
    sign = "+" if number > 0 else ("−" if number < 0 else "±")
    return f"{sign}{plain_digits(abs(number))}"
