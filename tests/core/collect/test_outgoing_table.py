"""The workbook a department is sent (collect.outgoing), read back with openpyxl: its words, its figures' cells, its
checks on answers, its look on paper and its protection; one behaviour per test."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from drafter.core.collect import layout
from drafter.core.collect.outgoing import CollectionError, _bounds, _lines, write_workbooks
from drafter.core.rendering.render import render
from drafter.core.report.model import Field, Paragraph, Report, Section


def _report():
    report = Report()
    report.meta.year, report.meta.organisation = 2026, "示例局"
    report.parts = [Section(heading="一、工作", paragraphs=[Paragraph(
        body="开展学习{{ a }}，覆盖{{ b }}党员，合格率{{ c }}，约{{ d }}人，地点{{ e }}。")])]
    report.fields = {
        "a": Field(name="a", label="学习次数", type="integer", unit="次", previous=Decimal(12), minimum=Decimal(0)),
        "b": Field(name="b", label="党员人数", type="integer", unit="名", qualifier="余", previous=Decimal(300)),
        "c": Field(name="c", label="合格率", type="percent", previous=Decimal("96.5"), value=Decimal("97.5"),
                   minimum=Decimal(0), maximum=Decimal(100)),
        "d": Field(name="d", label="参训人数", type="decimal", unit="人", qualifier="约"),
        "e": Field(name="e", label="地点名称", type="text"),
    }
    return report


@pytest.fixture
def sheet(tmp_path):
    report = _report()
    [path] = write_workbooks(report, render(report), tmp_path / "表", deadline="2026-12-20")
    return openpyxl.load_workbook(path)[layout.DATA_SHEET]


def _row(sheet, index):
    return [sheet.cell(layout.FIRST_ROW + index, column).value for column in range(1, len(layout.HEADERS) + 1)]


def test_the_heading_lines_say_whose_table_it_is_and_what_to_fill(sheet):
    assert sheet.cell(1, 1).value.endswith("数据征集表") and sheet.cell(1, 1).font.b and sheet.cell(1, 1).font.sz == 16
    assert sheet.cell(2, 1).value == "填报部门：起草部门　　请于2026年12月20日前交回　　只需填写“本年数值”一列（黄色），其余内容请勿改动"
    assert {str(merged) for merged in sheet.merged_cells.ranges} == {"A1:G1", "A2:G2"}
    assert [sheet.cell(layout.HEADER_ROW, column).value for column in range(1, 8)] == list(layout.HEADERS)
    assert all(sheet.cell(layout.HEADER_ROW, column).font.b for column in range(1, 8))


def test_each_figure_gives_its_unit_with_its_qualifier_and_last_years_as_a_number(sheet):
    rows = [_row(sheet, index) for index in range(5)]
    assert [row[:5] for row in rows] == [
        [1, "学习次数", "次", 12, None], [2, "党员人数", "余名", 300, None], [3, "合格率", "%", 96.5, 97.5],
        [4, "参训人数", "人", None, None], [5, "地点名称", None, None, None]]  # 约 says nothing of the unit
    assert rows[0][5].endswith("，不小于0") and rows[2][5].endswith("，不小于0，不大于100")
    assert "＿＿" in rows[0][6]  # the sentence the figure is used in


def test_only_the_answers_are_open_yellow_and_a_text_answer_is_kept_as_text(sheet):
    answers = [sheet.cell(layout.FIRST_ROW + index, layout.ANSWER) for index in range(5)]
    assert all(not cell.protection.locked and cell.fill.fgColor.rgb.endswith("FFF9C4") for cell in answers)
    assert sheet.cell(layout.FIRST_ROW, layout.LABEL).protection.locked
    assert [cell.number_format for cell in answers][3:] == ["General", "@"]
    assert sheet.protection.sheet and not sheet.protection.formatColumns and not sheet.protection.formatRows


def test_answers_are_checked_by_kind_and_bounds_with_a_warning_not_a_stop(sheet):
    rules = {str(rule.sqref): rule for rule in sheet.data_validations.dataValidation}
    first, rate, rough = (rules[f"E{layout.FIRST_ROW + index}"] for index in (0, 2, 3))
    assert (first.type, first.operator, first.formula1, first.errorStyle) == ("whole", "greaterThanOrEqual", "0", "warning")
    assert (rate.type, rate.operator, rate.formula1, rate.formula2) == ("decimal", "between", "0", "100")
    assert (rough.type, rough.operator) == ("decimal", "between") and rough.formula1.startswith("-")
    assert first.errorTitle == "数值有误" and first.error.startswith("这一项应") and first.allow_blank
    assert f"E{layout.FIRST_ROW + 4}" not in rules  # a name is not checked as a number


@pytest.mark.parametrize("low, high, rule", [
    ("0", "100", {"operator": "between", "formula1": "0", "formula2": "100"}),
    ("0", None, {"operator": "greaterThanOrEqual", "formula1": "0"}),
    (None, "100", {"operator": "lessThanOrEqual", "formula1": "100"}),
])
def test_a_rule_on_each_side_that_has_a_bound(low, high, rule):
    assert _bounds(low, high) == rule


def test_the_page_prints_a4_landscape_one_page_wide_with_the_header_on_every_page(sheet):
    assert (sheet.page_setup.orientation, sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == ("landscape", 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.freeze_panes == f"A{layout.FIRST_ROW}"
    assert sheet.print_title_rows == f"${layout.HEADER_ROW}:${layout.HEADER_ROW}"
    assert sheet.print_area == f"'{layout.DATA_SHEET}'!$A$1:$G${layout.HEADER_ROW + 5}"
    assert [sheet.column_dimensions[letter].width for letter in "ABCDEFG"] == [6, 24, 8, 12, 14, 22, 60]


@pytest.mark.parametrize("values, lines", [
    (("", "", "", "", "", "", ""), 1),
    ((1, "字" * 10, "", "", "", "", ""), 1),  # 20 half-widths in a column of 24
    ((1, "字" * 11, "", "", "", "", ""), 2),
    ((1, "", "", "", "", "", "字" * 29), 2),  # the sentence's column: 56 half-widths a line
])
def test_a_rows_height_follows_its_longest_wrapped_cell(values, lines):
    assert _lines(values) == lines


def test_a_report_without_figures_has_nothing_to_collect_and_a_file_is_no_folder(tmp_path):
    report = _report()
    empty = Report()
    with pytest.raises(CollectionError, match="^项目中没有统计数据，无需征集$"):
        write_workbooks(empty, render(empty), tmp_path / "空")
    plain = tmp_path / "一个文件"
    plain.write_text("x", encoding="utf-8")
    with pytest.raises(CollectionError, match="是文件，不是文件夹；请给出存放征集表的文件夹"):
        write_workbooks(report, render(report), plain)
