"""The rough edges a day at the desk found (issue: write in the page), each held by a test."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGroupBox

from drafter.core.report import document


def test_saving_an_untitled_report_removes_its_recovery_copy(window, qtbot, tmp_path, monkeypatch):
    window.push_text_edit(window.report.opening[0], "body", "先写了一句。")
    window.autosave()
    window.finish_autosave()
    untitled_copy = window.recovery_path()
    assert untitled_copy.exists()
    monkeypatch.setattr(window, "ask_save_path", lambda: str(tmp_path / "报告.drafter"))
    assert window.save()
    assert not untitled_copy.exists() and not window.recovery_path().exists()
    window.close()
    assert list((tmp_path / "recovery").glob("*.drafter")) == []  # the next start has nothing to offer


def test_closing_a_second_window_leaves_the_first_ones_lock(window, make, tmp_path, monkeypatch):
    from drafter.gui import files

    path = tmp_path / "shared.drafter"
    monkeypatch.setattr(window, "ask_save_path", lambda: str(path))
    window.save()
    lock = document.lock_path(path)
    # the first copy is another process, alive, that does not answer a request to come forward
    lock.write_text(lock.read_text(encoding="utf-8").replace(f'"pid": {os.getpid()}', '"pid": 1'), encoding="utf-8")
    monkeypatch.setattr(document, "_pid_alive", lambda pid: True)
    monkeypatch.setattr(files, "ask_to_show", lambda pid, project: False)
    held = lock.read_text(encoding="utf-8")
    second = make()
    second.open_path(path)
    second.close()
    assert lock.exists() and lock.read_text(encoding="utf-8") == held
    third = make()
    third.open_path(path)
    assert third.read_only_holder is not None  # still held by the first

def test_the_save_dialog_proposes_the_title_without_a_doubled_word(window):
    assert window.default_project_name() == f"{window.report.meta.year}年度工作报告"


def _punctuation_everywhere(window, count=25):
    paragraphs = [p for part in window.report.parts for p in part.paragraphs][:count]
    originals = [p.body for p in paragraphs]
    for paragraph in paragraphs:
        window.push_text_edit(paragraph, "body", paragraph.body + "另外,还有一句。")
    window.refresh_checks()
    rows = [row for row, f in enumerate(window.checks.findings()) if f.kind == "half_width_punctuation"]
    return paragraphs, originals, rows


def test_fix_all_of_a_kind_is_one_undo_step_and_the_list_stays_put(window):
    paragraphs, originals, rows = _punctuation_everywhere(window)
    assert len(rows) == len(paragraphs) > 10
    window.checks.list.setCurrentRow(rows[5])
    assert window.checks.fix_kind_button.text() == f"全部修正此类（{len(rows)} 处）"
    window.checks.fix_kind_button.click()
    assert all(p.body.endswith("另外，还有一句。") for p in paragraphs)
    count = window.checks.list.count()
    assert window.checks.list.currentRow() == min(rows[5], count - 1) > 0  # where it was, not back at the top
    window.undo_stack.undo()
    assert all(p.body.endswith("另外,还有一句。") for p in paragraphs)
    window.undo_stack.undo()  # the typing before it is untouched by the one fix step
    assert paragraphs[-1].body == originals[-1]


def test_several_selected_findings_are_fixed_together(window):
    paragraphs, _originals, rows = _punctuation_everywhere(window, count=4)
    for row in rows[:3]:
        window.checks.list.item(row).setSelected(True)
    window.checks.fix_button.click()
    fixed = [p.body.endswith("另外，还有一句。") for p in paragraphs]
    assert fixed.count(True) == 3


def test_form_boxes_fit_eight_digits_at_the_default_size(window, qtbot):
    window.report.fields["center_group_sessions"].label = "党组理论学习中心组围绕主题教育开展集体学习研讨的次数"  # as imports name them
    window.fields_changed()
    qtbot.waitExposed(window)
    window.side_tabs.setCurrentWidget(window.form)
    row = window.form.rows["center_group_sessions"]
    qtbot.waitUntil(lambda: row.input.isVisible())
    needed = row.input.fontMetrics().horizontalAdvance("12,345,678")
    assert row.input.width() >= needed
    assert window.form.rows["center_group_sessions"].label.wordWrap()


def test_splitter_sizes_are_remembered(window, make):
    sizes = window.splitter.sizes()
    wanted = [sizes[0] + 60, sizes[1] - 60, *sizes[2:]]
    window.splitter.setSizes(wanted)
    wanted = window.splitter.sizes()
    window.close()
    window.settings.remove("window/geometry")  # offscreen windows do not restore their size; keep the default one
    assert make().splitter.sizes() == wanted


def test_renaming_a_part_renames_its_group_in_the_form(window):
    part = window.report.parts[1]
    window.push_text_edit(part, "heading", "改过的第二部分标题")
    window.refresh_preview()
    titles = [box.title() for box in window.form.scroll.widget().findChildren(QGroupBox)]
    assert "二、改过的第二部分标题" in titles


def _type(window, name, text):
    box = window.form.rows[name].input
    box.setFocus()
    box.selectAll()
    QTest.keyClicks(box, text)
    return box


def test_typing_a_figure_is_one_undo_step(window):
    field = window.report.fields["center_group_sessions"]
    _type(window, "center_group_sessions", "3,456")
    assert field.value == 3456 and window.form.rows["center_group_sessions"].input.text() == "3,456"
    window.undo_stack.undo()
    assert field.value is None and window.form.rows["center_group_sessions"].input.text() == ""


def test_an_entry_that_cannot_be_read_is_an_undo_step_and_checks_say_what_is_wrong(window):
    from decimal import Decimal

    field = window.report.fields["center_group_sessions"]
    window.push_field_value(field, Decimal(12))
    window.undo_stack.setClean()
    box = _type(window, "center_group_sessions", "abc")
    assert field.value is None and box.text() == "abc" and not window.undo_stack.isClean()
    window.refresh_checks()
    messages = [f.message for f in window.checks.findings() if f.node_id == "center_group_sessions"]
    assert len(messages) == 1 and messages[0].startswith("“中心组集体学习次数”填写有误：")
    window.undo_stack.undo()
    assert field.value == 12 and box.text() == "12" and window.form.rows["center_group_sessions"].error.text() == ""
    _type(window, "center_group_sessions", "-5")
    assert field.value is None and "负" in window.form.rows["center_group_sessions"].error.text()
    window.undo_stack.undo()
    assert field.value == 12 and box.text() == "12"


def test_the_field_list_moves_with_the_arrow_keys_from_the_filter_box(window):
    from drafter.gui.form.field_picker import FieldPicker

    picker = FieldPicker(window, window.report.fields)
    picker.search.setText("学习")  # as an input method commits it
    visible = [picker.list.item(row).data(Qt.UserRole) for row in range(picker.list.count())
               if not picker.list.item(row).isHidden()]
    assert len(visible) >= 3
    QTest.keyClick(picker.search, Qt.Key_Down)
    QTest.keyClick(picker.search, Qt.Key_Down)
    assert picker.chosen() is visible[2]
    QTest.keyClick(picker.search, Qt.Key_Up)
    QTest.keyClick(picker.search, Qt.Key_Return)
    assert picker.result() == picker.DialogCode.Accepted and picker.chosen() is visible[1]


def test_help_opens_the_user_guide_that_ships_with_the_program(window):
    action = next(a for menu in window.menuBar().actions() if menu.menu() and "帮助" in menu.text()
                  for a in menu.menu().actions() if "使用说明" in a.text())
    action.trigger()
    text = window.guide.browser.toPlainText()
    assert window.guide.isVisible() and "开始写今年的报告" in text and "数据征集" in text


def test_the_about_box_speaks_chinese(window, monkeypatch):
    import re

    from PySide6.QtWidgets import QMessageBox

    from drafter.gui.about import show_about

    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(re.sub("<[^>]+>", "", text)))
    show_about(window)
    text = shown[0].split("设置保存在")[0]  # the folders after it are the machine's own paths
    assert "License" not in text and "MIT 许可证" in text


def test_the_user_guide_does_not_scroll_sideways(window, qtbot):
    from drafter.gui.guide import GuideDialog

    guide = GuideDialog(window)
    qtbot.addWidget(guide)
    guide.show()
    qtbot.waitExposed(guide)
    assert guide.browser.horizontalScrollBar().maximum() == 0  # wide screenshots and command lines fit
    assert "resources/" not in guide.browser.toPlainText()  # no developer's path


def test_dialogs_keep_their_own_short_titles(window):
    from PySide6.QtGui import QGuiApplication

    from drafter.gui import app

    app.application()
    # Qt appends a display name, when one is set, to every window's title: 设为统计数据 was cut short by it
    assert QGuiApplication.applicationDisplayName() == QGuiApplication.applicationName()
    assert "公文报告起草助手" in window.windowTitle()  # the main window names the program itself
