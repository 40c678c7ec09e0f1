"""The drafting window driven as a user drives it: offscreen, real widgets, dialogs answered by the test."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent

from drafter.core.project import load_project
from drafter.gui import files


def select(window, node):
    window.select_node(node)
    assert window.editor.node is node


def type_with_input_method(widget, text):
    """What a Chinese IME sends when the user picks a candidate: a commit string, not key presses."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(widget, event)


def test_first_start_opens_a_new_annual_report(window):
    assert window.report.kind == "年度工作报告"
    labels = [window.outline_model.index(row, 0).data() for row in range(window.outline_model.rowCount())]
    assert labels[0] == "开头" and labels[-1] == "结尾"
    assert [label[:2] for label in labels[1:5]] == ["一、", "二、", "三、", "四、"]


def test_outline_model_passes_qt_model_tester(window, qtmodeltester):
    qtmodeltester.check(window.outline_model)


def test_typing_with_an_input_method_edits_the_paragraph(window):
    paragraph = window.report.parts[0].paragraphs[0]
    select(window, paragraph)
    window.editor.body.moveCursor(window.editor.body.textCursor().MoveOperation.End)
    type_with_input_method(window.editor.body, "全年共有新变化。")
    assert paragraph.body.endswith("全年共有新变化。")
    assert "{{ center_group_sessions }}" in paragraph.body  # tokens went back to references


def test_insert_a_field_from_the_list(window, monkeypatch):
    paragraph = window.report.parts[1].paragraphs[0]
    select(window, paragraph)
    window.editor.body.moveCursor(window.editor.body.textCursor().MoveOperation.End)
    monkeypatch.setattr("drafter.gui.editing.pick_field", lambda parent, fields: fields["lectures"])
    window.insert_field()
    assert paragraph.body.endswith("{{ lectures }}")
    assert "【专题讲座场次】" in window.editor.body.toPlainText()


def test_field_from_a_selected_figure(window, monkeypatch):
    paragraph = window.report.opening[0]
    select(window, paragraph)
    window.editor.body.setPlainText("全年开展走访300余名群众。")
    cursor = window.editor.body.textCursor()
    start = "全年开展走访".__len__()
    cursor.setPosition(start)
    cursor.setPosition(start + len("300余名"), cursor.MoveMode.KeepAnchor)
    window.editor.body.setTextCursor(cursor)
    monkeypatch.setattr(window, "ask_field_label", lambda selected: "走访群众人数")
    window.field_from_selection()
    field = window.report.fields["figure_1"]
    assert (field.value, field.unit, field.qualifier, field.label) == (Decimal(300), "名", "余", "走访群众人数")
    assert paragraph.body == "全年开展走访{{ figure_1 }}群众。"


def form_input(window, name):
    return window.form.rows[name].input


def test_form_accepts_full_width_and_chinese_numerals(window):
    box = form_input(window, "seminars")
    box.setText("１２")
    box.textEdited.emit("１２")
    assert window.report.fields["seminars"].value == 12
    box.setText("二十")
    box.textEdited.emit("二十")
    assert window.report.fields["seminars"].value == 20


def test_a_bad_entry_shows_its_reason_and_is_kept(window):
    box = form_input(window, "seminars")
    box.setText("-3")
    box.textEdited.emit("-3")
    row = window.form.rows["seminars"]
    assert "负" in row.error.text() and row.error.isVisible()
    assert box.text() == "-3"
    assert window.report.fields["seminars"].value is None


def test_counter_and_status_count_filled_fields(window, qtbot):
    box = form_input(window, "lectures")
    box.setText("5")
    box.textEdited.emit("5")
    assert window.form.counter.text() == "已填 1 / 36 项"
    qtbot.waitUntil(lambda: window.filled_label.text() == "已填 1/36", timeout=3000)


def test_moving_a_part_renumbers_at_once(window):
    second = window.report.parts[1]
    select(window, second)
    window.move_selected(-1)
    assert window.report.parts[0] is second
    assert window.outline_model.index(1, 0).data().startswith("一、聚焦中心大局")
    assert window.outline_model.index(2, 0).data().startswith("二、突出政治引领")


def test_undo_and_redo_across_text_outline_and_fields(window):
    report = window.report
    first_part, paragraph = report.parts[0], report.parts[0].paragraphs[0]
    original_body = paragraph.body
    select(window, paragraph)
    window.push_text_edit(paragraph, "body", "改写后的正文。")
    select(window, report.parts[2])
    window.move_selected(-1)
    box = form_input(window, "seminars")
    box.setText("7")
    box.textEdited.emit("7")
    assert (paragraph.body, report.parts[1].heading[:2], report.fields["seminars"].value) == ("改写后的正文。", "夯实", 7)
    for _ in range(3):
        window.undo_stack.undo()
    assert paragraph.body == original_body and report.parts[0] is first_part
    assert report.parts[1].heading.startswith("聚焦") and report.fields["seminars"].value is None
    for _ in range(3):
        window.undo_stack.redo()
    assert paragraph.body == "改写后的正文。" and report.fields["seminars"].value == 7


def test_add_and_remove_paragraph_with_undo(window):
    part = window.report.parts[3]
    select(window, part.paragraphs[-1])
    window.add_paragraph()
    assert len(part.paragraphs) == 4
    window.remove_selected()
    assert len(part.paragraphs) == 3
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert len(part.paragraphs) == 3


def test_save_and_reopen(window, tmp_path, monkeypatch, settings):
    path = tmp_path / "我的报告.drafter"
    monkeypatch.setattr(window, "ask_save_path", lambda: str(path))
    window.push_text_edit(window.report.opening[0], "body", "开头改过了。")
    assert window.save()
    assert window.undo_stack.isClean() and "我的报告.drafter" in window.windowTitle()
    assert load_project(path).opening[0].body == "开头改过了。"
    assert window.recent_files()[0] == str(path.resolve())
    assert window.open_path(path)
    assert window.report.opening[0].body == "开头改过了。"


def test_export_with_unfilled_fields_marks_them(window, tmp_path, monkeypatch):
    target = tmp_path / "导出.docx"
    monkeypatch.setattr(window, "ask_export_anyway", lambda missing, open_errors=(): len(missing) == 38)
    monkeypatch.setattr(window, "ask_export_path", lambda default: str(target))
    assert window.export_dialog()
    assert "【待填：" in "".join(p.text for p in docx.Document(target).paragraphs)


def test_export_default_name_comes_from_the_title(window, monkeypatch):
    seen = []
    monkeypatch.setattr(window, "ask_export_anyway", lambda missing, open_errors=(): True)
    monkeypatch.setattr(window, "ask_export_path", lambda default: seen.append(default) or "")
    window.report.meta.organisation = "示例局:办公室"
    window.export_dialog()
    assert seen[0].name == f"示例局_办公室{window.report.meta.year}年度工作报告.docx"


def test_export_to_a_file_open_in_word_offers_another_name(window, tmp_path, monkeypatch):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old")
    (tmp_path / "~$报告.docx").write_bytes(b"lock")
    answers = iter([str(target), str(tmp_path / "报告2.docx")])
    errors = []
    monkeypatch.setattr(window, "ask_export_anyway", lambda missing, open_errors=(): True)
    monkeypatch.setattr(window, "ask_export_path", lambda default: next(answers))
    monkeypatch.setattr(window, "show_error", lambda title, message: errors.append(message))
    assert window.export_dialog()
    assert "Word" in errors[0] and target.read_bytes() == b"old"
    assert (tmp_path / "报告2.docx").exists()


def test_autosave_writes_a_recovery_file_that_the_next_start_restores(window, qtbot, make, monkeypatch):
    window.push_text_edit(window.report.opening[0], "body", "崩溃前最后输入的一句。")
    qtbot.waitUntil(lambda: window.recovery_path().exists(), timeout=6000)
    assert "已自动保存" in window.autosave_label.text()
    monkeypatch.setattr(files.FileActions, "ask_restore", lambda self, copy, original: True)
    from drafter.gui import app

    monkeypatch.setattr(app, "recovery_in_use", lambda copy: False)  # as if the writer had crashed
    restored = make()
    assert restored.report.opening[0].body == "崩溃前最后输入的一句。"
    assert not restored.undo_stack.isClean()


@pytest.mark.parametrize(("answer", "closes"), [(files.CANCEL, False), (files.DISCARD, True)])
def test_closing_with_unsaved_changes_asks(window, monkeypatch, answer, closes):
    window.push_text_edit(window.report.opening[0], "body", "未保存的修改。")
    asked = []
    monkeypatch.setattr(window, "ask_save_changes", lambda: asked.append(1) or answer)
    assert window.close() is closes
    assert asked == [1]


def test_changed_on_disk_is_not_silently_overwritten(window, tmp_path, monkeypatch):
    path = tmp_path / "p.drafter"
    monkeypatch.setattr(window, "ask_save_path", lambda: str(path))
    window.push_text_edit(window.report.opening[0], "body", "第一版。")
    window.save()
    path.write_text(path.read_text(encoding="utf-8").replace("第一版。", "别人改的。"), encoding="utf-8")
    window.push_text_edit(window.report.opening[0], "body", "我的第二版。")
    monkeypatch.setattr(window, "ask_overwrite_changed_file", lambda: False)
    monkeypatch.setattr(window, "ask_save_path", lambda: "")
    assert not window.save()
    assert "别人改的。" in path.read_text(encoding="utf-8")


def test_second_instance_is_warned_by_the_lock(window, make, tmp_path, monkeypatch):
    path = tmp_path / "shared.drafter"
    monkeypatch.setattr(window, "ask_save_path", lambda: str(path))
    window.push_text_edit(window.report.opening[0], "body", "共享的报告。")
    window.save()
    from drafter.core import document

    # as if another copy of the app, alive, had taken the lock
    lock = document.lock_path(path)
    lock.write_text(lock.read_text(encoding="utf-8").replace(f'"pid": {os.getpid()}', '"pid": 1'), encoding="utf-8")
    monkeypatch.setattr(document, "_pid_alive", lambda pid: True)
    other = make()
    warnings = []
    monkeypatch.setattr(other, "show_error", lambda title, message: warnings.append(title))
    other.open_path(path)
    assert warnings == ["项目已在别处打开"]


def test_clicking_a_preview_paragraph_selects_it_in_the_outline(window, qtbot):
    window.refresh_preview()
    paragraph = window.report.parts[2].paragraphs[1]
    number = window.preview.sources.index(paragraph.id)
    block = window.preview.document().findBlockByNumber(number)
    rect = window.preview.document().documentLayout().blockBoundingRect(block)
    window.preview.verticalScrollBar().setValue(int(rect.top()))
    offset = window.preview.verticalScrollBar().value()
    point = rect.center().toPoint()
    point.setY(point.y() - offset)
    qtbot.mouseClick(window.preview.viewport(), Qt.LeftButton, pos=point)
    assert window.selected_node() is paragraph


def test_preview_shows_filled_and_missing_fields(window, qtbot):
    box = form_input(window, "center_group_sessions")
    box.setText("12")
    box.textEdited.emit("12")
    qtbot.waitUntil(lambda: "会12次" in window.preview.toPlainText(), timeout=3000)
    assert "【待填：“第一议题”学习次数】" in window.preview.toPlainText()


def test_open_a_bad_file_shows_a_message_and_keeps_the_draft(window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.drafter"
    bad.write_bytes(b"format: 1\nkind: a\nkind: b\n")
    messages = []
    monkeypatch.setattr(window, "show_error", lambda title, message: messages.append(message))
    before = window.report
    assert not window.open_path(bad)
    assert "第3行" in messages[0] and window.report is before


def test_recent_menu_lists_saved_projects(window, tmp_path, monkeypatch):
    path = tmp_path / "recent.drafter"
    monkeypatch.setattr(window, "ask_save_path", lambda: str(path))
    window.save_as()
    window.fill_recent_menu()
    assert [action.text() for action in window.recent_menu.actions()] == [str(Path(path).resolve())]


def test_drafter_project_hands_the_project_to_the_window(tmp_path, monkeypatch):
    from drafter.cli import run
    from drafter.gui import app

    path = tmp_path / "给定的.drafter"
    opened = []
    monkeypatch.setattr(app, "make_window", lambda project=None: opened.append(project) or type(
        "Shown", (), {"show": lambda self: None})())
    monkeypatch.setattr(app, "application", lambda: type("App", (), {"exec": staticmethod(lambda: 0)})())
    assert run([str(path)]) == 0
    assert opened == [str(path)]


def test_window_opened_with_a_project_shows_it(make, tmp_path, settings, monkeypatch):
    from drafter.cli import run
    from drafter.gui import app

    path = tmp_path / "p.drafter"
    run(["new", "--template", "个人述职报告", "--year", "2024", "-o", str(path)])
    window = app.make_window(str(path), settings=settings)
    try:
        assert window.report.kind == "个人述职报告" and window.document.path == path
    finally:
        window.close()


def test_drag_and_drop_reorders_parts_as_one_undo_step(window):
    model = window.outline_model
    fourth = window.report.parts[3]
    data = model.mimeData([model.index_of(fourth)])
    model.dropMimeData(data, Qt.MoveAction, 1, 0, model.index_of(None))  # before the first part
    assert window.report.parts[0] is fourth
    assert model.index(1, 0).data().startswith("一、从严正风肃纪")
    window.undo_stack.undo()
    assert window.report.parts[3] is fourth


def test_renaming_in_the_outline_is_undoable(window):
    model = window.outline_model
    part = window.report.parts[0]
    assert model.setData(model.index_of(part), "新的部分标题")
    assert model.index_of(part).data() == "一、新的部分标题"
    window.undo_stack.undo()
    assert part.heading == "突出政治引领，理论武装走深走实"


def test_import_last_years_draft_from_the_menu(window, monkeypatch):
    from conftest_paths import SAMPLE

    shown = []
    monkeypatch.setattr(window, "ask_import_path", lambda: str(SAMPLE))
    monkeypatch.setattr(window, "show_import_summary", lambda lines: shown.extend(lines))
    assert window.import_dialog()
    assert len(window.report.parts) == 4 and len(window.report.fields) == 36
    assert not window.undo_stack.isClean() and window.document.path is None
    assert any("36 项统计数据" in line for line in shown)
    assert len(window.form.rows) == 36


def test_import_of_a_bad_file_explains_and_keeps_the_draft(window, tmp_path, monkeypatch):
    bad = tmp_path / "旧.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    errors = []
    monkeypatch.setattr(window, "ask_import_path", lambda: str(bad))
    monkeypatch.setattr(window, "show_error", lambda title, message: errors.append(message))
    before = window.report
    assert not window.import_dialog()
    assert "另存为" in errors[0] and window.report is before


def test_checks_panel_lists_jumps_and_fixes_with_undo(window, qtbot):
    paragraph = window.report.parts[0].paragraphs[1]
    window.push_text_edit(paragraph, "body", "全年学习,效果明显。")
    window.refresh_checks()
    items = [window.checks.list.item(row) for row in range(window.checks.list.count())]
    findings = [item.data(Qt.UserRole) for item in items]
    assert findings[0].severity == "error"
    punctuation = next(i for i, f in enumerate(findings) if f.kind == "half_width_punctuation")
    window.checks.list.setCurrentRow(punctuation)
    assert window.checks.fix_button.isEnabled()
    window.checks.jump_requested.emit(findings[punctuation])
    assert window.selected_node() is paragraph
    window.checks.fix_button.click()
    assert paragraph.body == "全年学习，效果明显。"
    window.undo_stack.undo()
    assert paragraph.body == "全年学习,效果明显。"


def test_unfilled_finding_jumps_to_the_form_row(window):
    window.refresh_checks()
    finding = window.checks.list.item(0).data(Qt.UserRole)
    window.checks.jump_requested.emit(finding)
    assert window.side_tabs.currentWidget() is window.form


def test_export_dialog_lists_leftover_masks_too(window, monkeypatch):
    window.push_text_edit(window.report.opening[0], "body", "赴**参观。")
    seen = []
    monkeypatch.setattr(window, "ask_export_anyway", lambda missing, open_errors=(): seen.extend(open_errors))
    window.export_dialog()
    assert [f.kind for f in seen] == ["leftover_mask"]


def test_chart_and_side_by_side_for_an_imported_report(window, monkeypatch):
    from conftest_paths import SAMPLE

    monkeypatch.setattr(window, "ask_import_path", lambda: str(SAMPLE))
    monkeypatch.setattr(window, "show_import_summary", lambda lines: None)
    window.import_dialog()
    field = window.report.fields["figure_01"]
    field.previous = Decimal(10)
    box = form_input(window, "figure_01")
    box.setText("12")
    box.textEdited.emit("12")
    assert window.chart.rows == [(field.label, 20.0, "20%")]
    paragraph = window.report.parts[0].paragraphs[0]
    select(window, paragraph)
    assert "尚未改写" in window.compare.caption.text()
    window.push_text_edit(paragraph, "body", paragraph.body.replace("首要政治任务", "头等大事"))
    window.show_node(paragraph)
    assert "头等大事" in window.compare.new.toHtml() and "#bbf7d0" in window.compare.new.toHtml()


def test_unexpected_error_is_logged_autosaved_and_explained(window, monkeypatch, tmp_path):
    import logging
    import sys

    from PySide6.QtWidgets import QMessageBox

    from drafter.gui import about

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(about, "log_file", lambda: tmp_path / "drafter.log")
    handler = logging.FileHandler(tmp_path / "drafter.log", encoding="utf-8")
    about.log.addHandler(handler)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    about.install_error_handler(lambda: window)
    try:
        raise RuntimeError("模拟的错误")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    finally:
        about.log.removeHandler(handler)
        handler.close()
    assert "模拟的错误" in shown[0] and "drafter.log" in shown[0] and "已自动保存" in shown[0]
    assert window.recovery_path().exists()
    assert "RuntimeError" in (tmp_path / "drafter.log").read_text(encoding="utf-8")


def test_standard_buttons_are_translated_to_chinese(window):
    from PySide6.QtWidgets import QDialogButtonBox

    from drafter.gui import app

    app.application()  # what run_app does before any window
    box = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
    texts = [button.text() for button in box.buttons()]
    assert any("保存" in text for text in texts), texts


def test_chosen_fonts_are_remembered_and_used_for_export(window, make, tmp_path, monkeypatch):
    window.set_font_substitutions({"仿宋_GB2312": "仿宋"})
    assert window.style.styles["body"].font == "仿宋"
    again = make()
    assert again.style.styles["body"].font == "仿宋" and again.style.styles["heading1"].font == "黑体"
    target = tmp_path / "fonts.docx"
    monkeypatch.setattr(again, "ask_export_anyway", lambda missing, open_errors=(): True)
    monkeypatch.setattr(again, "ask_export_path", lambda default: str(target))
    again.export_dialog()
    from docx.oxml.ns import qn

    body = docx.Document(target).styles["公文正文"].element
    assert body.find(f"{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:eastAsia")) == "仿宋"


def test_missing_fonts_are_listed_as_info_in_the_checks(window):
    window.refresh_checks()
    findings = [window.checks.list.item(row).data(Qt.UserRole) for row in range(window.checks.list.count())]
    assert any(f.kind == "missing_font" and f.severity == "info" for f in findings)


def test_a_running_copys_recovery_file_is_not_offered(window, make, monkeypatch):
    window.push_text_edit(window.report.opening[0], "body", "另一个窗口正在编辑。")
    window.autosave()
    asked = []
    monkeypatch.setattr(files.FileActions, "ask_restore", lambda self, copy, original: asked.append(copy) or True)
    second = make()  # same process, so the writer is alive
    assert asked == [] and second.report.opening[0].body != "另一个窗口正在编辑。"
    assert window.recovery_path().exists()


def test_undo_keeps_the_cursor_near_where_it_was(window):
    paragraph = window.report.parts[0].paragraphs[0]
    select(window, paragraph)
    body = window.editor.body
    cursor = body.textCursor()
    cursor.setPosition(10)
    body.setTextCursor(cursor)
    type_with_input_method(body, "新增")
    window.undo_stack.undo()
    assert window.editor.body.textCursor().position() in (10, 12)


def test_report_information_is_edited_in_the_form_and_undone(window, qtbot):
    meta = window.form.meta
    meta.organisation.setText("示例市统计局")
    meta.organisation.textEdited.emit("示例市统计局")
    meta.date.setText("2027年1月8日")
    meta.date.textEdited.emit("2027年1月8日")
    meta.year.setValue(2030)
    assert (window.report.meta.organisation, window.report.meta.date, window.report.meta.year) == (
        "示例市统计局", "2027-01-08", 2030)
    qtbot.waitUntil(lambda: "示例市统计局2030年度工作报告" in window.preview.toPlainText(), timeout=3000)
    assert meta.title.text() == "【单位名称】【本年度】年度工作报告"
    window.undo_stack.undo()
    assert window.report.meta.year != 2030 and meta.year.value() == window.report.meta.year


def test_a_bad_date_is_explained_and_kept(window):
    meta = window.form.meta
    meta.date.setText("明年一月")
    meta.date.textEdited.emit("明年一月")
    assert meta.date_error.isVisible() and "日期" in meta.date_error.text()
    assert meta.date.text() == "明年一月" and window.report.meta.date == ""


def test_unfilled_signature_finding_jumps_to_its_box(window):
    window.refresh_checks()
    findings = [window.checks.list.item(row).data(Qt.UserRole) for row in range(window.checks.list.count())]
    signature = next(f for f in findings if f.node_id == "organisation")
    window.checks.jump_requested.emit(signature)
    assert window.side_tabs.currentWidget() is window.form


def test_drag_a_paragraph_into_another_part_and_undo(window, qtmodeltester):
    model = window.outline_model
    paragraph = window.report.parts[0].paragraphs[2]
    target = window.report.parts[3]
    data = model.mimeData([model.index_of(paragraph)])
    model.dropMimeData(data, Qt.MoveAction, 0, 0, model.index_of(target))
    assert target.paragraphs[0] is paragraph and len(window.report.parts[0].paragraphs) == 2
    qtmodeltester.check(model)
    window.undo_stack.undo()
    assert window.report.parts[0].paragraphs[2] is paragraph and len(target.paragraphs) == 3


def test_drag_a_part_under_another_becomes_its_subsection(window):
    model = window.outline_model
    fourth, first = window.report.parts[3], window.report.parts[0]
    model.dropMimeData(model.mimeData([model.index_of(fourth)]), Qt.MoveAction, -1, 0, model.index_of(first))
    assert first.children == [fourth] and len(window.report.parts) == 3
    assert model.index_of(fourth).data().startswith("（一）从严正风肃纪")
    model.dropMimeData(model.mimeData([model.index_of(first)]), Qt.MoveAction, -1, 0, model.index_of(fourth))
    assert fourth.children == []  # a part cannot go inside its own subsection


def test_form_groups_are_titled_by_their_part(window):
    from PySide6.QtWidgets import QGroupBox

    titles = [box.title() for box in window.form.scroll.widget().findChildren(QGroupBox)]
    assert titles[:2] == ["一、突出政治引领，理论武装走深走实", "二、聚焦中心大局，服务发展成效明显"]
