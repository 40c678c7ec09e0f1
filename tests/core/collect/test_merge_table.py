"""Lining up returned workbooks with the project (collect.merge), one behaviour per test: what is taken, kept,
confirmed, refused, left out and doubted, and the value each change carries."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from drafter.core.collect.incoming import WorkbookAnswers
from drafter.core.collect.merge import KEEP_PROJECT, TAKE_WORKBOOK, apply_plan, plan_collection
from drafter.core.report.model import Field, Report


def _report(value=None, previous=Decimal(100)):
    report = Report()
    report.fields["x"] = Field(name="x", label="学习次数", type="integer", unit="次", value=value, previous=previous)
    return report


def _book(name, department="组织科", **answers):
    return WorkbookAnswers(Path(name), department, dict(answers))


def test_every_workbooks_problems_and_cells_left_out_are_listed_not_only_the_last_ones():
    first = WorkbookAnswers(Path("甲.xlsx"), problems=["表头被改"], unreadable=["第4行：abc"])
    second = WorkbookAnswers(Path("乙.xlsx"), problems=["缺行"], unreadable=["第5行：—"])
    plan = plan_collection(_report(), [first, second])
    assert plan.refused == ["“甲.xlsx”表头被改", "“乙.xlsx”缺行"]
    assert plan.left_out == ["“甲.xlsx”第4行：abc", "“乙.xlsx”第5行：—"]


def test_two_workbooks_that_disagree_are_refused_unless_the_project_is_kept_and_then_its_value_stays():
    books = [_book("甲.xlsx", x=Decimal(12)), _book("乙.xlsx", x=Decimal(13))]
    plan = plan_collection(_report(), books)
    assert plan.refused == ["“学习次数”两份表填得不一样：“甲.xlsx”填 12次，“乙.xlsx”填 13次；请核实后改正其中一份"]
    kept = plan_collection(_report(value=Decimal(9)), books, KEEP_PROJECT).kept
    assert [(c.name, c.label, c.old, c.new, c.file) for c in kept] == [("x", "学习次数", 9, 9, "甲.xlsx")]
    # with nothing in the project to keep, the disagreement stands
    assert plan_collection(_report(), books, KEEP_PROJECT).refused and not plan_collection(
        _report(), books, TAKE_WORKBOOK).kept


@pytest.mark.parametrize("project, prefer, where, conflict", [
    (None, None, "changes", False),  # nothing there yet: taken
    (Decimal(12), None, "confirmed", False),  # the same value: confirmed
    (Decimal(9), TAKE_WORKBOOK, "changes", True),  # taken over a different value: a conflict settled
    (Decimal(9), KEEP_PROJECT, "kept", False),
    (Decimal(9), None, "changes", True),  # unsettled: shown, and blocking until a side is chosen
])
def test_one_answer_against_the_project(project, prefer, where, conflict):
    plan = plan_collection(_report(value=project), [_book("甲.xlsx", x=Decimal(12))], prefer)
    [change] = getattr(plan, where)
    assert (change.old, change.new, change.department, change.conflict) == (project, Decimal(12), "组织科", conflict)
    assert bool(plan.conflicts) is (where == "changes" and conflict and prefer is None)


def test_an_unsettled_conflict_says_both_values():
    plan = plan_collection(_report(value=Decimal(9)), [_book("甲.xlsx", x=Decimal(12))])
    assert plan.conflicts == ["“学习次数”项目中已是 9次，“甲.xlsx”填 12次"]


@pytest.mark.parametrize("value, previous, doubted", [
    (Decimal(1000), Decimal(100), True),  # ten times: a unit slipped
    (Decimal(10), Decimal(100), True),  # a tenth
    (Decimal(999), Decimal(100), False),
    (Decimal(11), Decimal(100), False),
    (Decimal(0), Decimal(100), False),  # nothing to compare by a ratio
    (Decimal(12), Decimal(0), False),
    (Decimal(12), None, False),
])
def test_a_value_ten_times_from_last_years_is_doubted(value, previous, doubted):
    plan = plan_collection(_report(previous=previous), [_book("甲.xlsx", x=value)])
    expected = [f"“学习次数”填 {value}次，去年是 {previous}次，相差十倍以上，请核对单位和小数点"] if doubted else []
    assert plan.doubtful == expected


def test_a_plan_is_applied_only_when_nothing_blocks_it_and_its_values_carry_their_source():
    report = _report(value=Decimal(9))
    blocked = plan_collection(report, [_book("甲.xlsx", x=Decimal(12))])
    with pytest.raises(ValueError, match="^a plan with unsettled conflicts or refused workbooks is not applied$"):
        apply_plan(report, blocked)
    plan = plan_collection(report, [_book("甲.xlsx", x=Decimal(12))], TAKE_WORKBOOK)
    assert apply_plan(report, plan, datetime.datetime(2026, 12, 7, 9, 30, 15, 999)) == 1
    field = report.fields["x"]
    assert (field.value, field.source.department, field.source.file, field.source.taken) == (
        Decimal(12), "组织科", "甲.xlsx", "2026-12-07T09:30:15")


def test_a_text_answer_is_never_doubted_against_a_number():
    report = _report()
    report.fields["x"].type = "text"  # a figure that became a name since last year
    assert plan_collection(report, [_book("甲.xlsx", x="某地")]).doubtful == []


@pytest.mark.parametrize("field, value, printed", [
    (Field(name="x", label="学习次数", type="integer", unit="次"), None, "（空）"),
    (Field(name="x", label="合格率", type="percent"), Decimal("96.5"), "96.5%"),
    (Field(name="x", label="党员人数", type="integer", unit="名", qualifier="余"), Decimal(300), "300余名"),
])
def test_a_value_is_shown_as_the_report_prints_it(field, value, printed):
    from drafter.core.collect.merge import shown

    assert shown(field, value) == printed
