"""Rolling a project on one year (years/rollforward.py), one behaviour per row: every text's years with the
place each change is listed under, the values' move into the history, the date and the collection's id."""

from __future__ import annotations

from decimal import Decimal

import pytest

from drafter.core.report.model import Field, Meta, Paragraph, Past, Report, Section, Source
from drafter.core.years.rollforward import TYPED, roll_forward, value_origin


def _report(**meta) -> Report:
    meta = {"year": 2025, "title": "2025年度工作报告", **meta}
    return Report(
        meta=Meta(**meta),
        opening=[Paragraph(body="2025年，我局开展学习。", lead="2025年回顾。", notes=["2025年数据"],
                           rows=[["项目", "2025年"], ["学习", "12次"]])],
        parts=[Section("一、2025年主要工作", [Paragraph(body="2026年继续。")])])


def test_each_text_rolls_and_each_change_names_its_place():
    rolled, changes = roll_forward(_report(attachments=["2025年工作台账"]))
    opening = rolled.opening[0]
    assert rolled.meta.title == "{{ year }}年度工作报告"
    assert (opening.lead, opening.body) == ("{{ year }}年回顾。", "{{ year }}年，我局开展学习。")
    assert opening.notes == ["{{ year }}年数据"]
    assert opening.rows == [["项目", "{{ year }}年"], ["学习", "12次"]]
    assert rolled.meta.attachments == ["2026年工作台账"]  # printed as typed: the year itself, moved on
    assert rolled.parts[0].heading == "一、{{ year }}年主要工作"
    assert rolled.parts[0].paragraphs[0].body == "{{ next_year }}年继续。"
    assert changes == ["标题：2025年 → 2026年", "开头第1段：2025年 → 2026年", "开头第1段：2025年 → 2026年",
                       "开头第1段：2025年 → 2026年", "开头第1段：2025年 → 2026年",
                       "第一部分第1段：2026年 → 2027年", "小标题：2025年 → 2026年"]
    assert rolled.meta.year == 2026


def test_each_paragraph_remembers_this_years_words():
    report = _report()
    rolled, _ = roll_forward(report)
    assert rolled.opening[0].origin == rolled.opening[0].source
    assert rolled.parts[0].paragraphs[0].origin == "{{ next_year }}年继续。"
    assert report.opening[0].body == "2025年，我局开展学习。"  # the year's own report is left as it was


@pytest.mark.parametrize("date, rolled_date", [("2025-01-08", "2026-01-08"), ("2024-02-29", "2025-02-28"),
                                               ("2023-12-31", "2024-12-31")])
def test_the_date_moves_on_a_year_and_asks_to_be_set(date, rolled_date):
    rolled, changes = roll_forward(_report(date=date))
    assert rolled.meta.date == rolled_date
    assert changes[-1] == f"成文日期：{date} → {rolled_date}（请按实际日期修改）"


def test_no_date_stays_none_and_the_collection_starts_anew():
    rolled, changes = roll_forward(_report(project_id="abc123"))
    assert rolled.meta.date == ""
    assert not any(change.startswith("成文日期") for change in changes)
    assert rolled.meta.project_id == ""


def test_values_move_into_the_history_with_where_they_came_from():
    typed = Field("typed", "学习次数", value=Decimal(14), previous=Decimal(12), previous_origin="导入")
    collected = Field("collected", "党员人数", value=Decimal(300), previous=Decimal(280),
                      source=Source("组织科", "组织科.xlsx", "2025-12-18T09:30:00"))
    empty = Field("empty", "走访次数", previous=Decimal(5), history={2022: Past(Decimal(3))})
    report = _report()
    report.fields = {field.name: field for field in (typed, collected, empty)}
    rolled, _ = roll_forward(report)
    typed, collected, empty = (rolled.fields[name] for name in ("typed", "collected", "empty"))
    assert (typed.previous, typed.previous_origin, typed.value) == (Decimal(14), TYPED, None)
    assert typed.history == {2024: Past(Decimal(12), "导入")}
    assert (collected.previous_origin, collected.source) == ("组织科（组织科.xlsx）", None)
    assert (empty.previous, empty.previous_origin) == (None, "")  # nothing typed this year: nothing to say of it
    assert list(empty.history) == [2022, 2024]  # in year order


def test_a_typed_value_says_so():
    assert value_origin(Field("x", "次数")) == "填写"
