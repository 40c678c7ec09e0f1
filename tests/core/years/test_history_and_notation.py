"""Tables of behaviour for the small functions mutation testing found thinly covered: how a figure prints in
every notation, the trend phrase and turn of a field over the years, and the year a report is about."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from drafter.core.report.model import Field, Past
from drafter.core.text.numbers import format_number
from drafter.core.text.yearroll import YearRoller, detect_report_year
from drafter.core.years.history import history_of, series, streak, trend_phrase, turn_description, turns, value_in

NOTATIONS = [
    (D(12), "integer", "次", "", "", "12次"),
    (D(300), "integer", "名", "余", "", "300余名"),
    (D(300), "integer", "人", "约", "", "约300人"),
    (D(12000), "integer", "人次", "", "", "1.2万人次"),
    (D(1260), "integer", "人", "", "grouped", "1,260人"),
    (D("1260.5"), "decimal", "万元", "", "grouped", "1,260.5万元"),
    (D(23000), "integer", "人", "", "万", "2.3万人"),
    (D(186000000), "decimal", "元", "", "亿", "1.86亿元"),
    (D(23165000), "decimal", "元", "", "万,", "2,316.5万元"),
    (D(2300000), "integer", "元", "余", "余万", "230余万元"),
    (D(300000000), "integer", "元", "余", "余亿", "3余亿元"),
    (D(12), "integer", "次", "", "chinese", "十二次"),
    (D(10000), "integer", "人", "余", "chinese_bare", "万余人"),
    (D(10000), "integer", "人", "余", "chinese", "一万余人"),
    (D("12.5"), "integer", "次", "", "chinese", "12.5次"),
    (D(126), "integer", "个", "", "fullwidth", "１２６个"),
    (D("97.6"), "percent", "", "", "％", "97.6％"),
    (D(15), "percent", "", "", "chinese", "百分之十五"),
    (D("12.5"), "percent", "", "", "chinese", "百分之十二点五"),
    (D(100), "percent", "", "", "chinese_bare", "百分之百"),
    (D(100), "percent", "", "", "chinese", "百分之一百"),
    (D(12000), "integer", "次", "", "plain", "12000次"),
    (D("3.50"), "decimal", "万元", "", "", "3.5万元"),
    ("2024-01-08", "date", "", "", "", "2024年1月8日"),
    ("某某", "text", "局", "", "", "某某局"),
]


@pytest.mark.parametrize(("value", "kind", "unit", "qualifier", "notation", "printed"), NOTATIONS)
def test_every_notation_prints_as_last_years_text_wrote_it(value, kind, unit, qualifier, notation, printed):
    assert format_number(value, kind, unit, qualifier, notation) == printed


def _field(values: list, kind: str = "integer") -> Field:
    """A field of the 2024 report whose values, oldest first, end with this year's (None: not reported)."""
    *earlier, this_year = [None if v is None else D(str(v)) for v in values]
    *older, last_year = earlier
    history = {2023 - len(older) + i: Past(v) for i, v in enumerate(older) if v is not None}
    return Field("f", "走访家数", type=kind, unit="家", value=this_year, previous=last_year, history=history)


TRENDS = [
    ([10, 12], "增长20%"),
    ([10, 12, 14], "连续两年增长"),
    ([9, 10, 12, 14], "连续三年增长"),
    (list(range(1, 13)), "连续11年增长"),
    ([14, 12, 10], "连续两年下降"),
    ([12, 14, 10], "较前两年有所回落"),
    ([12, 14, 13], "较上年有所回落"),
    ([14, 10, 16], "高于前两年"),
    ([14, 10, 12], "较上年有所回升"),
    ([10, 12, 12], "与上年持平"),
    ([10, None, 12, 14], "增长16.7%"),  # a year not reported breaks the run
    ([10, 12, 12, 14], "高于前两年"),  # a flat year ends a run of rises
]


@pytest.mark.parametrize(("values", "phrase"), TRENDS)
def test_trend_phrase(values, phrase):
    assert trend_phrase(_field(values), 2024) == phrase


def test_a_percentage_rises_and_falls_in_points():
    assert trend_phrase(_field([90, 92, 95], "percent"), 2024) == "连续两年提高"
    assert trend_phrase(_field([95, 92, 90], "percent"), 2024) == "连续两年下降"


def test_no_trend_without_this_years_value():
    assert trend_phrase(_field([10, 12, None]), 2024) is None and streak(_field([10, 12, None]), 2024) == 0


TURNS = [
    ([10, 12, 11], "去年增长，今年回落"),
    ([10, 11, 12, 11], "此前连续两年增长，今年回落"),
    ([12, 10, 11], "去年下降，今年回升"),
    ([13, 12, 11, 10, 11], "此前连续三年下降，今年回升"),
]


@pytest.mark.parametrize(("values", "said"), TURNS)
def test_a_turn_and_how_it_is_said(values, said):
    field = _field(values)
    assert turns(field, 2024) and turn_description(field, 2024) == said


@pytest.mark.parametrize("values", [[10, 12, 12], [10, 12, 14], [12, 10, 12, 11], [10, 11], [12, 12, 10]])
def test_no_turn(values):
    assert not turns(_field(values), 2024)


def test_streaks_and_the_years_known():
    assert [streak(_field(v), 2024) for v in ([10, 12, 14], [14, 12, 14], [10, 10])] == [2, 1, 0]
    field = _field([8, None, 10, 12])
    assert series(field, 2024) == {2021: 8, 2023: 10, 2024: 12} and history_of(field, 2024) == {2021: 8, 2023: 10}
    assert [value_in(field, 2024, year) for year in (2021, 2022, 2023, 2024)] == [8, None, 10, 12]


YEARS = [
    (["示例局2023年度工作报告", "正文"], 2023),
    (["工作总结", "2022年，我局……", "2023年工作打算"], 2022),
    (["总结", "正文", "正文", "正文", "回顾2021年和2021年的工作与2020年"], 2021),
    (["总结", "没有年份"], None),
    (["1985年的往事"], None),  # out of the range a report can be about
    (["1990年度总结"], 1990),
    (["总结", "一", "二", "三", "2019年的事", "2018年", "2018年"], 2018),  # only the first four lines lead
]


@pytest.mark.parametrize(("texts", "year"), YEARS)
def test_the_year_a_report_is_about(texts, year):
    assert detect_report_year(texts) == year


def test_the_roll_keeps_other_years_and_lists_each_change():
    roller = YearRoller(2023)
    assert roller.roll("2023年成绩，2024年打算，2019年以来", "第一段") == "{{ year }}年成绩，{{ next_year }}年打算，2019年以来"
    assert roller.changes == ["第一段：2023年 → 2024年", "第一段：2024年 → 2025年"]
    assert roller.roll("“2023年目标”不变", "第二段") == "“2023年目标”不变"  # quotations keep their years
    assert YearRoller(2023, 2025).roll_as_text("附件：2023年、2024年和2020年数据") == "附件：2025年、2026年和2020年数据"
    assert YearRoller(2023).roll("《2023-2025》2023", "标题") == "《2023-2025》{{ year }}"
