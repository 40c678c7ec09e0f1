"""数据征集 in the window: departments chosen in the form, workbooks written, answers previewed and undone as one."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from drafter.core.collect.merge import TAKE_WORKBOOK
from drafter.core.report.project import load_project
from collect_helpers import answer


@pytest.fixture
def saved(window, tmp_path, monkeypatch):
    path = tmp_path / "报告.drafter"
    monkeypatch.setattr(window, "ask_save_path", lambda: str(path))
    assert window.save()
    return window, path


@pytest.mark.parametrize("label", ["“六个新”工作名称", '"六个新"工作名称'])
def test_the_department_question_nests_a_label_s_own_quotes(window, monkeypatch, label):
    from PySide6.QtWidgets import QInputDialog

    asked = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args: asked.append(args[2]) or ("组织科", True))
    field = window.report.fields["party_meetings"]
    field.label = label
    assert window.ask_department([field]) == "组织科"
    assert asked == ["“‘六个新’工作名称”由哪个部门填报："]


def test_choosing_a_department_in_the_form_is_shown_and_undoable(window, monkeypatch):
    field = window.report.fields["party_meetings"]
    monkeypatch.setattr(window, "ask_department", lambda fields: "组织科")
    shown = window.form.rows["party_meetings"].department
    assert not shown.isVisibleTo(window.form)  # no department yet: nothing takes room in the row
    window.form.rows["party_meetings"].label.actions()[1].trigger()  # 填报部门…
    assert field.department == "组织科"
    assert shown.text() == "组织科" and shown.isVisibleTo(window.form)
    assert shown.palette().windowText().color().name() == "#6b7280"  # grey beside the figures
    assert "填报部门：组织科" in window.form.rows["party_meetings"].label.toolTip()
    window.undo_stack.undo()
    assert field.department == "" and shown.text() == "" and not shown.isVisibleTo(window.form)


def test_a_whole_group_gets_one_department(window, monkeypatch):
    monkeypatch.setattr(window, "ask_department", lambda fields: "纪检组")
    window.form.rows["inspections"].label.actions()[2].trigger()  # 本组全部由…填报
    asked = {name for name, field in window.report.fields.items() if field.department == "纪检组"}
    assert "inspections" in asked and "responsibility_letters" in asked and "party_meetings" not in asked


def _export(window, folder, monkeypatch):
    folder.mkdir(parents=True)
    monkeypatch.setattr(window, "ask_collect_export", lambda: (str(folder), "2026-12-20"))
    assert window.collect_export_dialog()
    return {path.stem.split("-", 1)[1]: path for path in folder.glob("*.xlsx")}


def test_the_import_dialog_opens_where_the_workbooks_were_written(saved, tmp_path, monkeypatch):
    window, path = saved
    assert window.collect_folder() == str(path.parent)  # nothing sent out yet: the project's folder
    _export(window, tmp_path / "发出" / "征集表", monkeypatch)
    assert window.collect_folder() == str((tmp_path / "发出" / "征集表").resolve())


def test_export_saves_the_id_the_workbooks_carry(saved, tmp_path, monkeypatch):
    window, path = saved
    window.report.fields["party_meetings"].department = "组织科"
    books = _export(window, tmp_path / "征集表", monkeypatch)
    assert set(books) == {"组织科", "起草部门"}
    assert load_project(path).meta.project_id == window.report.meta.project_id != ""
    assert window.undo_stack.isClean()


def test_import_previews_then_applies_as_one_undo_step(saved, tmp_path, monkeypatch):
    window, _path = saved
    window.report.fields["party_meetings"].department = "组织科"
    books = _export(window, tmp_path / "征集表", monkeypatch)
    answer(books["起草部门"], {"中心组集体学习次数": 12, "专题研讨次数": "十五"})
    answer(books["组织科"], {"党建专题会议次数": 6})
    seen = {}

    def confirm(preview):
        seen["rows"] = preview.table.rowCount()
        seen["first"] = [preview.table.item(0, column).text() for column in range(4)]
        seen["ok"] = preview.buttons.button(QDialogButtonBox.Ok).isEnabled()
        return True

    monkeypatch.setattr(window, "ask_collect_files", lambda: [str(books["组织科"]), str(books["起草部门"])])
    monkeypatch.setattr(window, "confirm_collection", confirm)
    assert window.collect_import_dialog()
    assert seen == {"rows": 3, "ok": True, "first": ["党建专题会议次数", "（空）", "6次", f"组织科（{books['组织科'].name}）"]}
    fields = window.report.fields
    assert (fields["party_meetings"].value, fields["seminars"].value) == (Decimal(6), Decimal(15))
    assert fields["party_meetings"].source.department == "组织科"
    assert window.form.rows["seminars"].input.text() == "15"
    window.undo_stack.undo()
    assert all(fields[name].value is None and fields[name].source is None
               for name in ("party_meetings", "seminars", "center_group_sessions"))
    assert window.form.rows["seminars"].input.text() == ""
    window.undo_stack.redo()
    assert fields["seminars"].value == Decimal(15) and fields["seminars"].source.file == books["起草部门"].name


def test_a_conflict_keeps_import_disabled_until_a_side_is_chosen(saved, tmp_path, monkeypatch):
    window, _path = saved
    books = _export(window, tmp_path / "征集表", monkeypatch)
    window.report.fields["seminars"].value = Decimal(9)
    answer(books["起草部门"], {"专题研讨次数": 15})
    states = []

    def confirm(preview):
        states.append(preview.buttons.button(QDialogButtonBox.Ok).isEnabled())
        assert "请在上面选择保留项目中的数值或采用征集表中的数值" in preview.why.text()
        assert not preview.choice.isHidden()  # the choice of side is offered only when there is a conflict
        preview.choose_side(TAKE_WORKBOOK)
        states.append(preview.buttons.button(QDialogButtonBox.Ok).isEnabled())
        return True

    monkeypatch.setattr(window, "ask_collect_files", lambda: [str(books["起草部门"])])
    monkeypatch.setattr(window, "confirm_collection", confirm)
    assert window.collect_import_dialog()
    assert states == [False, True] and window.report.fields["seminars"].value == Decimal(15)


def test_a_bad_workbook_is_listed_and_nothing_changes(saved, tmp_path, monkeypatch):
    window, _path = saved
    bad = tmp_path / "坏表.xlsx"
    bad.write_bytes(b"plain text")
    shown = {}

    def confirm(preview):
        shown["problems"] = preview.problems.text()
        shown["ok"] = preview.buttons.button(QDialogButtonBox.Ok).isEnabled()
        return False

    monkeypatch.setattr(window, "ask_collect_files", lambda: [str(bad)])
    monkeypatch.setattr(window, "confirm_collection", confirm)
    index = window.undo_stack.index()
    assert not window.collect_import_dialog()
    assert "“坏表.xlsx”不是 Excel 工作簿" in shown["problems"] and shown["ok"] is False
    assert window.undo_stack.index() == index


def test_one_bad_cell_stays_listed_while_the_good_values_are_imported(saved, tmp_path, monkeypatch):
    window, _path = saved
    books = _export(window, tmp_path / "征集表", monkeypatch)
    answer(books["起草部门"], {"中心组集体学习次数": "abc", "专题研讨次数": 15, "专题讲座场次": 7})
    shown = {}

    def confirm(preview):
        shown.update(ok=preview.buttons.button(QDialogButtonBox.Ok).isEnabled(), problems=preview.problems.text(),
                     rows=preview.table.rowCount(), summary=preview.summary.text())
        return True

    monkeypatch.setattr(window, "ask_collect_files", lambda: [str(books["起草部门"])])
    monkeypatch.setattr(window, "confirm_collection", confirm)
    assert window.collect_import_dialog()
    assert shown["ok"] is True and shown["rows"] == 2 and shown["summary"].endswith("1 个问题")
    assert "未导入" in shown["problems"] and "“中心组集体学习次数”" in shown["problems"]
    assert "1 项填写有误，未导入" in window.statusBar().currentMessage()
    fields = window.report.fields
    assert (fields["seminars"].value, fields["lectures"].value) == (Decimal(15), Decimal(7))
    assert fields["center_group_sessions"].value is None
