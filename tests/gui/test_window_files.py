"""The window's file work: save, open, export, import, autosave and recovery, locks, errors."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest

from drafter.core.report.project import load_project
from drafter.gui import files


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
    qtbot.waitUntil(lambda: "已自动保存" in window.autosave_label.text(), timeout=6000)  # the timer, then the thread
    assert window.recovery_path().exists()
    monkeypatch.setattr(files.FileActions, "ask_restore", lambda self, copy, original: True)
    from drafter.gui import app

    monkeypatch.setattr(app, "recovery_in_use", lambda copy: False)  # as if the writer had crashed
    restored = make()
    assert restored.report.opening[0].body == "崩溃前最后输入的一句。"
    assert not restored.undo_stack.isClean()


def test_autosave_copies_the_report_at_once_and_writes_it_a_few_items_a_turn(window, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from drafter.core.report import project
    from drafter.core.report.document import read_recovery

    monkeypatch.setattr(window._autosaving, "slice_s", 0)  # one step a turn, so the turns can be counted
    steps = project.dump_in_steps
    monkeypatch.setattr(project, "dump_in_steps", lambda data: steps(data, items_per_step=2))
    monkeypatch.setattr("drafter.core.report.document.dump_in_steps", project.dump_in_steps)
    window.push_text_edit(window.report.opening[0], "body", "自动保存时的文字。")
    window.autosave()
    window.push_text_edit(window.report.opening[0], "body", "随后又改了。")  # while the copy is being written
    QApplication.processEvents()
    assert not window.recovery_path().exists()  # a turn went by, keys and painting with it; the file not yet
    turns = 1
    while window._autosaving.running:
        QApplication.processEvents()
        turns += 1
    report, _ = read_recovery(window.recovery_path())
    assert report.opening[0].body == "自动保存时的文字。" and turns > 3
    assert "已自动保存" in window.autosave_label.text()


def test_a_recovery_copy_being_written_is_not_left_behind_by_its_removal(window):
    from PySide6.QtWidgets import QApplication

    window.push_text_edit(window.report.opening[0], "body", "写着写着就保存了。")
    window.autosave()
    window.remove_recovery()  # saved or closed before the copy was all written
    for _ in range(20):
        QApplication.processEvents()
    assert not window.recovery_path().exists()


def test_after_an_unexpected_error_the_copy_is_written_before_autosave_returns(window):
    window.push_text_edit(window.report.opening[0], "body", "出错前的文字。")
    window.autosave(force=True)
    assert window.recovery_path().exists() and not window._autosaving.running


def test_an_autosave_that_cannot_write_says_so(window, monkeypatch):
    from drafter.core.report import document

    def refuse(*args, **kwargs):
        raise OSError("磁盘已满")
    monkeypatch.setattr(document.fileio, "write_text", refuse)
    window.push_text_edit(window.report.opening[0], "body", "写不进去。")
    window.autosave()
    window.finish_autosave()
    assert "自动保存失败：磁盘已满" in window.autosave_label.text()


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


def _held_by(path: Path, **who) -> None:
    """The project's lock as another running copy of the program writes it."""
    import json

    from drafter.core.report import document

    info = {"pid": 1, "host": "另一台电脑", "user": "张三", "time": "2026-12-07 09:00"} | who
    document.lock_path(path).write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def shared(window, tmp_path, monkeypatch):
    """A saved project and a second window, the lock then taken by someone else."""
    path = tmp_path / "shared.drafter"
    monkeypatch.setattr(window, "ask_save_path", lambda: str(path))
    window.push_text_edit(window.report.opening[0], "body", "共享的报告。")
    assert window.save()
    window.close()
    _held_by(path)
    return path


def test_a_project_someone_else_has_open_opens_read_only_naming_them(shared, make):
    other = make()
    assert other.open_path(shared)
    assert other.read_only_holder is not None and other.read_only_bar.isVisibleTo(other)
    bar = other.read_only_bar.label.text()
    assert "张三" in bar and "另一台电脑" in bar and "2026-12-07 09:00 起" in bar and "另存为" in bar
    assert other.page.isReadOnly() and "（只读）" in other.windowTitle()
    other.push_text_edit(other.report.opening[0], "body", "改了。")
    assert other.report.opening[0].body == "共享的报告。" and other.undo_stack.isClean()
    assert "只读" in other.statusBar().currentMessage()


def test_saving_a_read_only_project_makes_a_copy_of_one_s_own(shared, make, tmp_path, monkeypatch):
    other = make()
    other.open_path(shared)
    before = shared.read_bytes()
    copy = tmp_path / "我的副本.drafter"
    monkeypatch.setattr(other, "ask_save_path", lambda: str(copy))
    assert other.save()  # Ctrl+S asks for a new name rather than overwrite theirs
    assert shared.read_bytes() == before and copy.exists()
    assert other.read_only_holder is None and not other.page.isReadOnly()
    other.push_text_edit(other.report.opening[0], "body", "在副本上改。")
    assert other.report.opening[0].body == "在副本上改。"


def test_a_project_open_in_this_person_s_other_window_brings_that_window_forward(window, make, tmp_path,
                                                                                 monkeypatch):
    from drafter.core.report import document
    from drafter.gui import files

    path = tmp_path / "自己的.drafter"
    monkeypatch.setattr(window, "ask_save_path", lambda: str(path))
    assert window.save()
    _held_by(path, host=document._host(), user=document._user())
    monkeypatch.setattr(document, "_pid_alive", lambda pid: True)
    asked = []
    monkeypatch.setattr(files, "ask_to_show", lambda pid, project: asked.append((pid, project)) or True)
    other = make()
    assert not other.open_path(path)
    assert asked == [(1, path)] and other.document.path != path
    assert "已切换到那个窗口" in other.statusBar().currentMessage()

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


def test_drafter_project_opens_it_in_a_real_window(tmp_path, monkeypatch):
    """`drafter 给定的.drafter`: the real start-up path, up to the event loop (which would wait for the user)."""
    import sys

    from PySide6.QtWidgets import QApplication

    from drafter.entry import run
    from drafter.gui import app
    from drafter.gui.main_window import MainWindow

    path = tmp_path / "给定的.drafter"
    assert run(["new", "--template", "个人述职报告", "--year", "2024", "-o", str(path)]) == 0
    qt = app.application()
    shown = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_app installs its own; the test restores it
    monkeypatch.setattr(qt, "exec", lambda: shown.extend(
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()) or 0)
    assert run([str(path)]) == 0
    window = next(w for w in shown if w.document.path == path)
    assert window.report.kind == "个人述职报告"
    window.close()


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


def test_import_last_years_draft_from_the_menu(window, monkeypatch):
    from conftest_paths import SAMPLE

    shown = []
    monkeypatch.setattr(window, "ask_import_paths", lambda: [str(SAMPLE)])
    monkeypatch.setattr(window, "show_import_summary", lambda lines: shown.extend(lines))
    assert window.import_dialog()
    names = [f for f in window.report.fields.values() if f.type == "text"]  # what the website masked: **市, ***体系
    assert len(window.report.parts) == 4 and len(window.report.fields) == 36 + len(names) and len(names) >= 5
    assert not window.undo_stack.isClean() and window.document.path is None
    assert any("36 项统计数据" in line for line in shown) and any("遮盖的名称" in line for line in shown)
    assert len(window.form.rows) == len(window.report.fields)


def test_import_of_a_bad_file_explains_and_keeps_the_draft(window, tmp_path, monkeypatch):
    bad = tmp_path / "旧.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    errors = []
    monkeypatch.setattr(window, "ask_import_paths", lambda: [str(bad)])
    monkeypatch.setattr(window, "show_error", lambda title, message: errors.append(message))
    before = window.report
    assert not window.import_dialog()
    assert "另存为" in errors[0] and window.report is before


def test_export_dialog_lists_leftover_masks_too(window, monkeypatch):
    window.push_text_edit(window.report.opening[0], "body", "赴**参观。")
    seen = []
    monkeypatch.setattr(window, "ask_export_anyway", lambda missing, open_errors=(): seen.extend(open_errors))
    window.export_dialog()
    assert [f.kind for f in seen] == ["leftover_mask"]


def _unexpected_error(window, monkeypatch, message: str) -> None:
    """An exception nobody catches, as the window's error handler meets it (the hook restored after the test)."""
    import sys

    from drafter.gui import about

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    about.install_error_handler(lambda: window)
    try:
        raise RuntimeError(message)
    except RuntimeError:
        sys.excepthook(*sys.exc_info())


def test_unexpected_error_is_logged_autosaved_and_explained(window, monkeypatch, tmp_path):
    import logging

    from PySide6.QtWidgets import QMessageBox

    from drafter.gui import about

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(about, "log_file", lambda: tmp_path / "drafter.log")
    handler = logging.FileHandler(tmp_path / "drafter.log", encoding="utf-8")
    about.log.addHandler(handler)
    try:
        _unexpected_error(window, monkeypatch, "模拟的错误")
    finally:
        about.log.removeHandler(handler)
        handler.close()
    assert "模拟的错误" in shown[0] and "drafter.log" in shown[0] and "已自动保存" in shown[0]
    assert window.recovery_path().exists()
    assert "RuntimeError" in (tmp_path / "drafter.log").read_text(encoding="utf-8")


def test_an_error_before_the_log_is_opened_opens_it(window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from drafter.gui import about

    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: None)
    monkeypatch.setattr(about, "log_file", lambda: tmp_path / "logs" / "drafter.log")
    monkeypatch.setattr(about.log, "handlers", [])  # the window not yet painted: finish_starting has not run
    _unexpected_error(window, monkeypatch, "启动时的错误")
    for handler in about.log.handlers:
        handler.close()
    assert "启动时的错误" in (tmp_path / "logs" / "drafter.log").read_text(encoding="utf-8")


def test_once_painted_the_log_is_opened_and_the_collector_turned_on(monkeypatch, tmp_path):
    import gc

    from drafter.gui import about, app

    monkeypatch.setattr(about, "log_file", lambda: tmp_path / "logs" / "drafter.log")
    monkeypatch.setattr(about.log, "handlers", [])
    gc.disable()  # as drafter/__main__ leaves it while starting
    try:
        app.finish_starting()
        assert gc.isenabled()
    finally:
        gc.enable()
        for handler in about.log.handlers:
            handler.close()
    assert "start" in (tmp_path / "logs" / "drafter.log").read_text(encoding="utf-8")


def test_standard_buttons_are_translated_to_chinese(window):
    from PySide6.QtWidgets import QDialogButtonBox

    from drafter.gui import app

    app.application()  # what run_app does before any window
    box = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
    texts = [button.text() for button in box.buttons()]
    assert any("保存" in text for text in texts), texts


def test_a_running_copys_recovery_file_is_not_offered(window, make, monkeypatch):
    window.push_text_edit(window.report.opening[0], "body", "另一个窗口正在编辑。")
    window.autosave()
    window.finish_autosave()
    asked = []
    monkeypatch.setattr(files.FileActions, "ask_restore", lambda self, copy, original: asked.append(copy) or True)
    second = make()  # same process, so the writer is alive
    assert asked == [] and second.report.opening[0].body != "另一个窗口正在编辑。"
    assert window.recovery_path().exists()


def test_after_export_the_file_can_be_opened_from_the_status_bar(window, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    target = tmp_path / "开.docx"
    opened = []
    monkeypatch.setattr(window, "ask_export_anyway", lambda missing, open_errors=(): True)
    monkeypatch.setattr(window, "ask_export_path", lambda default: str(target))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    assert window.open_export_button.isHidden()
    window.export_dialog()
    assert not window.open_export_button.isHidden()
    window.open_export_button.click()
    assert opened == [str(target)]


def test_about_box_says_version_licence_and_where_things_live(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from drafter import version
    from drafter.gui import about

    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    about.show_about(window)
    assert version() in shown[0] and "MIT" in shown[0]
    assert "recovery" in shown[0] and "drafter.log" in shown[0] and "templates" in shown[0]


def test_starting_with_a_project_that_cannot_be_opened_gives_a_new_report(settings, tmp_path, monkeypatch, qtbot):
    from drafter.gui import app

    monkeypatch.setattr(app, "recovery_dir", lambda: tmp_path / "recovery")
    shown = []
    monkeypatch.setattr(files.FileActions, "show_error", lambda self, title, message: shown.append(title))
    bad = tmp_path / "坏.drafter"
    bad.write_text("format: 99\n", encoding="utf-8")
    window = app.make_window(str(bad), settings=settings)
    qtbot.addWidget(window)
    assert shown == ["无法打开"] and window.report.kind == "年度工作报告" and len(window.report.parts) == 4
    good = tmp_path / "好.drafter"
    window.report.meta.organisation = "示例单位"
    window.document.save(good)
    window.undo_stack.setClean()
    other = app.make_window(str(good), settings=settings)
    qtbot.addWidget(other)
    assert other.document.path == good and other.report.meta.organisation == "示例单位"


def _saved_and_closed(make, tmp_path, monkeypatch) -> Path:
    """A project saved in one window, which is then closed (its lock released), as at the end of a day."""
    first = make()
    path = tmp_path / "去年的报告.drafter"
    monkeypatch.setattr(first, "ask_save_path", lambda: str(path))
    assert first.save()
    first.undo_stack.setClean()
    first.close()
    return path


def test_a_bare_start_reopens_the_project_worked_on_last(make, tmp_path, monkeypatch):
    path = _saved_and_closed(make, tmp_path, monkeypatch)
    assert make().document.path == path.resolve()


def test_a_bare_start_leaves_the_last_project_to_the_copy_that_has_it_open(make, tmp_path, monkeypatch):
    import json

    from drafter.core.report.document import lock_path

    path = _saved_and_closed(make, tmp_path, monkeypatch)
    lock_path(path).write_text(json.dumps({"host": "另一台电脑", "pid": 1, "user": "张三", "time": "2026-12-07 09:00"}),
                               encoding="utf-8")
    window = make()
    assert window.document.path is None and window.report.fields  # a new report, no warning box
