"""数据征集: the workbooks as sent, the round trip through another program, conflicts settled only when asked."""

from __future__ import annotations

import datetime
from decimal import Decimal

import openpyxl
import pytest

from drafter.core.collect import apply_department, apply_plan, fields_by_department, plan_collection, read_workbook
from drafter.core.collect import layout
from drafter.core.collect.departments import DepartmentError
from drafter.core.collect.incoming import WorkbookError
from drafter.core.collect.merge import KEEP_PROJECT, TAKE_WORKBOOK
from drafter.core.collect.outgoing import CollectionError, write_workbooks
from drafter.core.rendering.render import render
from drafter.core.report.project import dump_project, load_project, parse_project
from collect_helpers import answer, collection_project, labels_in, through_libreoffice


@pytest.fixture
def sent(tmp_path):
    return collection_project(tmp_path)


def test_part_and_field_assignments_decide_who_gets_which_rows(sent):
    report, _project, books = sent
    groups = fields_by_department(report)
    assert list(groups) == ["宣传科", "组织科", "起草部门"]
    assert [field.name for field in groups["宣传科"]] == ["center_group_sessions"]
    assert len(groups["组织科"]) == 8 and all(field.department == "组织科" for field in groups["组织科"])
    assert labels_in(books["组织科"]) == [field.label for field in groups["组织科"]]
    assert len(labels_in(books["起草部门"])) == len(report.fields) - 9


def test_a_part_is_named_as_users_say_it_and_only_its_own_fields_move(sent):
    report, _project, _books = sent
    rendered = render(report)
    assert apply_department(report, rendered, "第四部分=纪检组") == "第四部分的 8 项统计数据由纪检组填报"
    assert {f.name for f in report.fields.values() if f.department == "纪检组"} == {
        "responsibility_letters", "integrity_talks", "warning_films", "integrity_visits", "integrity_reminders",
        "inspections", "problems_fixed", "document_reduction"}
    apply_department(report, rendered, "inspections=")
    assert report.fields["inspections"].department == ""
    with pytest.raises(DepartmentError, match="没有名为“第九部分”"):
        apply_department(report, rendered, "第九部分=办公室")


def test_the_sheet_a_department_receives(sent):
    report, _project, books = sent
    sheet = openpyxl.load_workbook(books["组织科"])[layout.DATA_SHEET]
    assert "2026年度工作报告数据征集表" in sheet["A1"].value
    assert "组织科" in sheet["A2"].value and "2026年12月20日" in sheet["A2"].value
    assert tuple(cell.value for cell in sheet[layout.HEADER_ROW]) == layout.HEADERS
    row = layout.FIRST_ROW
    assert sheet.cell(row, layout.LABEL).value == "党建专题会议次数" and sheet.cell(row, layout.UNIT).value == "次"
    assert "＿＿次" in sheet.cell(row, layout.CONTEXT).value  # the sentence it is used in, the figure left blank
    unlocked = {cell.coordinate for line in sheet.iter_rows() for cell in line if not cell.protection.locked}
    assert unlocked == {sheet.cell(r, layout.ANSWER).coordinate for r in range(row, row + 8)}
    assert sheet.protection.sheet and not sheet.protection.password
    assert sheet.freeze_panes == f"A{layout.FIRST_ROW}"
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
    rules = {rule.type: rule for rule in sheet.data_validations.dataValidation}
    assert set(rules) == {"whole", "decimal"} and rules["whole"].operator == "greaterThanOrEqual"
    assert rules["decimal"].formula2 == "100"  # 办结率 is a percentage, at most 100
    assert str(rules["decimal"].sqref) == sheet.cell(layout.FIRST_ROW + 4, layout.ANSWER).coordinate


def test_a_field_that_may_be_negative_is_checked_for_its_kind_only(sent, tmp_path):
    report, _project, _books = sent
    name = next(n for n, f in report.fields.items() if f.type == "integer" and f.department == "组织科")
    report.fields[name].minimum = None  # as the importer leaves a rate of change (增速-3.2%)
    again = write_workbooks(report, render(report), tmp_path / "again")
    sheet = openpyxl.load_workbook(next(p for p in again if "组织科" in p.name))[layout.DATA_SHEET]
    row = next(r for r in range(layout.FIRST_ROW, sheet.max_row + 1)
               if sheet.cell(r, layout.LABEL).value == report.fields[name].label)
    cell = sheet.cell(row, layout.ANSWER).coordinate
    [rule] = [rule for rule in sheet.data_validations.dataValidation if cell in rule.sqref]
    assert rule.operator == "between" and float(rule.formula1) < -1e9 and "不小于" not in rule.error


def test_the_hidden_sheet_ties_the_workbook_to_the_project(sent):
    report, _project, books = sent
    book = openpyxl.load_workbook(books["宣传科"])
    ids = book[layout.ID_SHEET]
    assert ids.sheet_state == "veryHidden"
    assert ids["B1"].value == report.meta.project_id and len(report.meta.project_id) == 32
    assert ids.cell(layout.ID_FIRST_ROW, 2).value == "center_group_sessions"


def test_round_trip_through_libreoffice_fills_every_field_with_its_source(sent, tmp_path):
    report, _project, books = sent
    typed = {}
    for department, workbook in books.items():
        labels = labels_in(workbook)
        values = {label: index + 3 for index, label in enumerate(labels)}
        if department == "组织科":  # as departments type: text, full-width, Chinese numerals, a %, a formula
            values.update({labels[0]: "１２", labels[1]: "十五", labels[2]: "=40+2", labels[4]: 0.965})
        answer(workbook, values, formats={labels[4]: "0.0%"} if department == "组织科" else {})
        typed[department] = through_libreoffice(workbook, tmp_path / department)
    taken = [read_workbook(path, report) for path in typed.values()]
    plan = plan_collection(report, taken)
    assert plan.blocking == [] and len(plan.changes) == len(report.fields)
    apply_plan(report, plan, now=datetime.datetime(2026, 12, 18, 9, 30))
    fields = report.fields
    assert [fields[name].value for name in ("party_meetings", "enterprise_visits", "residents_served")] == [
        Decimal(12), Decimal(15), Decimal(42)]
    assert fields["completion_rate"].value == Decimal("96.5")
    assert all(field.filled for field in fields.values())
    source = fields["party_meetings"].source
    assert (source.department, source.file, source.taken) == ("组织科", books["组织科"].name, "2026-12-18T09:30:00")
    assert fields["lectures"].source.department == "起草部门"
    again = parse_project(dump_project(report).encode("utf-8"))  # kept in the project file
    assert again.fields["party_meetings"].source == source and again.fields["party_meetings"].department == "组织科"


def test_a_different_value_in_the_project_is_a_conflict_until_a_side_is_chosen(sent):
    report, _project, books = sent
    report.fields["party_meetings"].value = Decimal(10)
    answer(books["组织科"], {"党建专题会议次数": 12, "走访企业家数": 30})
    taken = [read_workbook(books["组织科"], report)]
    unsettled = plan_collection(report, taken)
    assert len(unsettled.conflicts) == 1 and "项目中已是 10次" in unsettled.conflicts[0]
    with pytest.raises(ValueError):
        apply_plan(report, unsettled)
    assert report.fields["enterprise_visits"].value is None  # nothing applied, not even the undisputed figure
    kept = plan_collection(report, taken, KEEP_PROJECT)
    apply_plan(report, kept)
    assert report.fields["party_meetings"].value == 10 and report.fields["enterprise_visits"].value == 30
    apply_plan(report, plan_collection(report, taken, TAKE_WORKBOOK))
    assert report.fields["party_meetings"].value == 12


def test_two_workbooks_that_disagree_are_never_settled_by_a_flag(sent, tmp_path):
    report, _project, books = sent
    first = answer(books["组织科"], {"党建专题会议次数": 12}, tmp_path / "第一份.xlsx")
    second = answer(books["组织科"], {"党建专题会议次数": 13}, tmp_path / "第二份.xlsx")
    taken = [read_workbook(first, report), read_workbook(second, report)]
    for prefer in (None, TAKE_WORKBOOK):
        plan = plan_collection(report, taken, prefer)
        assert plan.refused and "两份表填得不一样" in plan.refused[0] and "第二份.xlsx”填 13次" in plan.refused[0]


def test_a_workbook_of_another_project_or_year_is_refused(sent, tmp_path):
    report, _project, books = sent
    (tmp_path / "other").mkdir()
    _other, _path, other_books = collection_project(tmp_path / "other")  # the same template, a new project id
    with pytest.raises(WorkbookError, match="另一个项目"):
        read_workbook(other_books["组织科"], report)
    report.meta.year = 2027
    with pytest.raises(WorkbookError, match="2026年度的征集表，本项目是2027年度"):
        read_workbook(books["组织科"], report)


def test_rows_the_program_did_not_write_block_until_a_side_is_chosen(sent):
    report, _project, books = sent
    book = openpyxl.load_workbook(books["组织科"])
    sheet = book[layout.DATA_SHEET]
    extra = sheet.max_row + 1
    sheet.cell(extra, layout.NUMBER, 99)
    sheet.cell(extra, layout.LABEL, "新增指标")
    sheet.cell(extra, layout.ANSWER, 7)
    book.save(books["组织科"])
    taken = [read_workbook(books["组织科"], report)]
    assert "新增指标" in plan_collection(report, taken).conflicts[0]
    assert "新增指标" in plan_collection(report, taken, KEEP_PROJECT).ignored[0]


def test_blank_answers_change_nothing(sent):
    report, _project, books = sent
    taken = read_workbook(books["宣传科"], report)
    assert taken.answers == {} and taken.blank == ["center_group_sessions"]


def test_writing_refuses_to_overwrite_workbooks_already_there(sent):
    report, project, books = sent
    with pytest.raises(CollectionError, match="未覆盖"):
        write_workbooks(report, render(report), project.parent)
    assert openpyxl.load_workbook(books["组织科"])  # still the one written first


def test_the_id_and_departments_need_format_2_and_old_projects_open(sent):
    report, project, _books = sent
    assert project.read_text(encoding="utf-8").startswith("format: 2")
    old = load_project(project)
    for field in old.fields.values():
        field.department = ""
    old.meta.project_id = ""
    assert dump_project(old).startswith("format: 1")
