"""Who answers for which figure (collect.departments): FIELD=部门 and 第二部分=部门 read, refused and applied, and
which places lie within a part; one behaviour per row."""

from __future__ import annotations

import copy

import pytest

from drafter.core.collect.departments import DRAFTING_OFFICE, DepartmentError, _within, apply_department
from drafter.core.rendering.render import render


@pytest.mark.parametrize("used, place, within", [
    ("第二部分", "第二部分", True),
    ("第二部分第3段", "第二部分", True),
    ("第二部分（一）第1段", "第二部分", True),
    ("第二部分（一）1第1段", "第二部分（一）", True),  # a sub-item of （一）
    ("第二部分（一）12第1段", "第二部分（一）1", False),  # 12 is not within 1
    ("第二部分（一）1", "第二部分（一）1", True),
    ("第二部分3", "第二部分", False),  # a digit after a part (not after its sub-head) starts no place within it
    ("第三部分第1段", "第二部分", False),
    ("第二部分X", "第二部分", False),
])
def test_which_places_lie_within_a_part(used, place, within):
    assert _within(used, place) is within


def test_an_assignment_splits_at_its_first_equals_sign_and_the_office_means_no_department(annual_template):
    report = copy.deepcopy(annual_template)  # the template is the session's: changed here, only in a copy
    rendered = render(report)
    name = next(iter(report.fields))
    apply_department(report, rendered, f"{name}=组织科=二组")  # the department is all after the first =
    assert report.fields[name].department == "组织科=二组"
    said = apply_department(report, rendered, f" {name} = {DRAFTING_OFFICE} ")
    assert report.fields[name].department == "" and said == f"{report.fields[name].label}（{name}）由{DRAFTING_OFFICE}填报"


@pytest.mark.parametrize("assignment, message", [
    ("组织科", "“组织科”应写成 字段名=部门 或 第二部分=部门，例如 study_sessions=组织科"),  # no =
    ("=组织科", "“=组织科”应写成 字段名=部门 或 第二部分=部门，例如 study_sessions=组织科"),  # nothing before it
    ("第九部分=组织科", "没有名为“第九部分”的字段或部分；字段名可用 drafter fields 查看，部分写作 二 或 第二部分"),
])
def test_an_assignment_that_cannot_be_applied_says_why(annual_template, assignment, message):
    with pytest.raises(DepartmentError) as refused:
        apply_department(annual_template, render(annual_template), assignment)
    assert str(refused.value) == message


def test_a_part_without_figures_says_so(annual_template):
    report = copy.deepcopy(annual_template)
    for paragraph in report.parts[1].paragraphs:
        paragraph.body = "没有数字的一段。"
    for section in report.parts[1].children:
        for paragraph in section.paragraphs:
            paragraph.body = "没有数字的一段。"
    with pytest.raises(DepartmentError) as refused:
        apply_department(report, render(report), "二=组织科")
    assert str(refused.value) == "第二部分中没有统计数据"
