"""This year against last (years/compare.py), one row per phrase: the words, the sign, the rounding and when a
percentage says nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from drafter.core.report.model import Field
from drafter.core.years.compare import change, short_change, signed


def _field(kind: str, value, previous, unit: str = "次") -> Field:
    return Field("x", "次数", kind, unit, value=None if value is None else Decimal(str(value)),
                 previous=None if previous is None else Decimal(str(previous)))


@pytest.mark.parametrize("kind, value, previous, phrase, short", [
    ("integer", 15, 12, "增长25%", "+3（+25%）"),
    ("integer", 9, 12, "减少25%", "−3（−25%）"),
    ("integer", 12, 12, "与上年持平", "±0（±0%）"),
    ("decimal", 3.3, 3, "增长10%", "+0.3（+10%）"),
    ("decimal", 0.6, 0.5, "增长20%", "+0.1（+20%）"),  # a base under one still has a percentage
    ("integer", 17, 16, "增长6.3%", "+1（+6.3%）"),  # 6.25: half rounds up
    ("integer", 15, 16, "减少6.3%", "−1（−6.3%）"),
    ("integer", 3, 0, "增加3次", "+3"),  # from nothing a percentage says nothing: the change is told
    ("integer", 2, -3, "增加5次", "+5"),
    ("integer", -5, -3, "减少2次", "−2"),
    ("percent", 21, 17.5, "提高3.5个百分点", "+3.5个百分点"),
    ("percent", 15, 17.5, "下降2.5个百分点", "−2.5个百分点"),
    ("percent", 17.5, 17.5, "与上年持平", "±0个百分点"),
])
def test_the_change_in_words_and_for_the_form(kind, value, previous, phrase, short):
    field = _field(kind, value, previous)
    assert change(field).phrase == phrase
    assert short_change(field) == short


@pytest.mark.parametrize("field", [_field("integer", None, 12), _field("integer", 12, None),
                                   _field("text", 1, 2), _field("date", 1, 2)])
def test_nothing_to_compare_says_nothing(field):
    assert change(field) is None
    assert short_change(field) == ""


def test_the_change_keeps_its_figures():
    result = change(_field("decimal", 2.5, 2))
    assert (result.delta, result.percent) == (Decimal("0.5"), Decimal("25.0"))
    assert change(_field("integer", 3, 0)).percent is None


@pytest.mark.parametrize("number, text", [(Decimal(2), "+2"), (Decimal(-2), "−2"), (Decimal(0), "±0"),
                                          (Decimal("0.5"), "+0.5"), (Decimal("-0.5"), "−0.5")])
def test_one_sign_for_each_direction(number, text):
    assert signed(number) == text
