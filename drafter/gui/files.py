"""The window's file work: new, open, save, export, autosave, recent files and the close prompt."""

from __future__ import annotations

import os
import time
from pathlib import Path

from drafter import paths
from drafter.core import actions
from drafter.core.errors import UserFacingError
from drafter.core.rendering.render import RenderError, render
from drafter.core.report.document import ConflictError, DraftDocument, recovery_steps
from drafter.core.report.fileio import FileWriteError
from drafter.core.report.names import path_warning, safe_file_name
from drafter.core.report.project import PROJECT_SUFFIX, ProjectError
from drafter.gui import dialogs
from drafter.gui.handoff import ask_to_show

MAX_RECENT = 8


def recent_projects(settings) -> list[str]:
    """The projects opened or saved last, newest first (QSettings gives one path back as a plain string)."""
    value = settings.value("recent", [])
    return [value] if isinstance(value, str) else list(value or [])
SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


AUTOSAVE_TURN_S = 0.008  # the recovery copy is written this long in a turn of the event loop, then keys come in


class FileActions:
    """Mixed into MainWindow; every dialog is one small method so tests can answer it."""

    def update_title(self) -> None:
        name = self.document.path.name if self.document.path else self.tr("未命名")
        if self.read_only_holder is not None:
            name += self.tr("（只读）")
        self.setWindowTitle(f"{name}[*] — {self.tr('公文报告起草助手')}")
        self.setWindowModified(not self.undo_stack.isClean())

    # Asking the user

    def ask_save_changes(self) -> str:
        box = dialogs.QMessageBox
        answer = box.question(self, self.tr("保存修改"), self.tr("报告有未保存的修改，是否保存？"),
                              box.Save | box.Discard | box.Cancel, box.Save)
        return {box.Save: SAVE, box.Discard: DISCARD}.get(answer, CANCEL)

    def ask_save_path(self) -> str:
        default = str(self._default_folder() / (self.default_project_name() + PROJECT_SUFFIX))
        path, _ = dialogs.QFileDialog.getSaveFileName(self, self.tr("保存项目"), default,
                                              self.tr("报告项目 (*%1)").replace("%1", PROJECT_SUFFIX))
        if path and not path.endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        return path

    def default_project_name(self) -> str:
        """The report's title as a file name (2023年度工作报告), as the export names its .docx."""
        try:
            title = render(self.report).title
        except RenderError:
            title = f"{self.report.meta.year}年度{self.report.kind or '报告'}".replace("年度年度", "年度")
        return safe_file_name(title)

    def ask_open_path(self) -> str:
        path, _ = dialogs.QFileDialog.getOpenFileName(self, self.tr("打开项目"), str(self._default_folder()),
                                              self.tr("报告项目 (*%1)").replace("%1", PROJECT_SUFFIX))
        return path

    def ask_export_path(self, default: Path) -> str:
        path, _ = dialogs.QFileDialog.getSaveFileName(self, self.tr("导出 Word 文件"), str(default),
                                              self.tr("Word 文件 (*.docx)"))
        if path and not path.lower().endswith(".docx"):
            path += ".docx"
        return path

    def ask_export_anyway(self, missing, open_errors=()) -> bool:
        lines = [f"· {item.label}（{'；'.join(item.places) or '未使用'}）" for item in missing[:15]]
        if len(missing) > 15:
            lines.append(self.tr("……共 %1 项未填写").replace("%1", str(len(missing))))
        lines += [f"· {finding.where}：{finding.message}" for finding in list(open_errors)[:10]]
        box = dialogs.QMessageBox(dialogs.QMessageBox.Warning, self.tr("还有未解决的问题"),
                          self.tr("导出前还有这些问题：\n%1\n\n仍然导出时，未填处将以【待填：…】醒目标出。")
                          .replace("%1", "\n".join(lines)), parent=self)
        anyway = box.addButton(self.tr("仍然导出"), dialogs.QMessageBox.AcceptRole)
        box.addButton(self.tr("返回填写"), dialogs.QMessageBox.RejectRole)
        box.exec()
        return box.clickedButton() is anyway

    def ask_export_remarks(self, count: int) -> bool:
        box = dialogs.QMessageBox
        answer = box.question(self, self.tr("导出 Word 文件"), self.tr(
            "还有 %1 条批注尚未处理。把它们作为 Word 批注一并导出吗？（送审稿通常不带）").replace("%1", str(count)),
            box.Yes | box.No, box.No)
        return answer == box.Yes

    def ask_overwrite_changed_file(self) -> bool:
        box = dialogs.QMessageBox
        answer = box.warning(
            self, self.tr("文件已被修改"),
            self.tr("“%1”在打开后被其他程序修改过。覆盖它会丢失那些修改。\n是否仍然覆盖？（选“否”可另存为新文件）")
            .replace("%1", str(self.document.path)), box.Yes | box.No, box.No)
        return answer == box.Yes

    def ask_restore(self, copy: Path, original: Path | None) -> bool:
        where = str(original) if original else self.tr("未保存的新报告")
        answer = dialogs.QMessageBox.question(
            self, self.tr("恢复草稿"),
            self.tr("上次程序意外关闭，留下了“%1”的自动保存草稿（%2）。是否恢复？")
            .replace("%1", where).replace("%2", time.strftime("%Y-%m-%d %H:%M", time.localtime(copy.stat().st_mtime))),
            dialogs.QMessageBox.Yes | dialogs.QMessageBox.No, dialogs.QMessageBox.Yes)
        return answer == dialogs.QMessageBox.Yes

    def ask_import_paths(self) -> list[str]:
        """Last year's file, or several years' (the newest gives the text, the others their figures)."""
        paths, _ = dialogs.QFileDialog.getOpenFileNames(self, self.tr("导入去年文稿（可同时选前几年的）"),
                                                str(self._default_folder()), self.tr("去年文稿 (*.docx *.txt)"))
        return paths

    def show_import_summary(self, lines: list[str]) -> None:
        dialogs.QMessageBox.information(self, self.tr("导入完成"), "\n".join(lines[:40]))

    def show_roll_summary(self, lines: list[str]) -> None:
        dialogs.QMessageBox.information(self, self.tr("已新建下一年度"), "\n".join(lines[:40]))

    def show_error(self, title: str, message: str) -> None:
        dialogs.QMessageBox.warning(self, title, message)

    # New and open

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current draft (saved, or the user said so)."""
        if self.undo_stack.isClean():
            return True
        answer = self.ask_save_changes()
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    def new_from_template(self) -> None:
        if not self.maybe_save():
            return
        templates = [info.name for info in actions.available_templates(self.template_folders)]
        kind, ok = dialogs.QInputDialog.getItem(self, self.tr("新建报告"), self.tr("报告类型："), templates, 0, False)
        if not ok:
            return
        year, ok = dialogs.QInputDialog.getInt(self, self.tr("新建报告"), self.tr("报告年度："),
                                       actions.default_report_year(), 1900, 2999)
        if ok:
            self.replace_document(DraftDocument(actions.new_project(kind, year, self.template_folders)))

    def open_dialog(self) -> None:
        if self.maybe_save():
            path = self.ask_open_path()
            if path:
                self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        try:
            document = DraftDocument.open(path)
        except ProjectError as error:
            self.show_error(self.tr("无法打开"), str(error))
            return False
        holder = document.lock_holder()
        if holder is not None and holder.here and ask_to_show(holder.pid, path):
            self.statusBar().showMessage(self.tr("“%1”已在另一个窗口中打开，已切换到那个窗口").replace("%1", path.name), 8000)
            return False
        document.take_lock()  # only when nobody else holds it: their lock stays theirs
        self.replace_document(document)
        if holder is not None:  # someone else's, or a copy of ours that did not answer: look, do not touch
            self.enter_read_only(holder)
        self.remember_recent(path)
        return True

    def replace_document(self, document: DraftDocument) -> None:
        self.leave_read_only()
        self.remove_recovery()
        if getattr(self, "document", None) is not None:
            self.document.release_lock()
        self.set_document(document)

    def import_dialog(self) -> bool:
        """Last year's .docx or .txt becomes this year's (unsaved) project."""
        if not self.maybe_save():
            return False
        chosen = self.ask_import_paths()
        if not chosen:
            return False
        try:
            from drafter.core.lastyear import import_years  # the reader loads when it is first used

            outcome = import_years([Path(path) for path in chosen], lexicon=paths.lexicon())
        except UserFacingError as error:  # the file cannot be read, or holds no report
            self.show_error(self.tr("无法导入"), str(error))
            return False
        self.replace_document(DraftDocument(outcome.newest.report))
        self.undo_stack.resetClean()  # the imported project exists only in the window until saved
        self.update_title()
        from drafter.core.lastyear import import_summary, years_summary

        lines = import_summary(outcome.newest, outcome.newest_path.name, self.tr("新项目（尚未保存）"))
        self.show_import_summary(lines + (years_summary(outcome) if len(chosen) > 1 else []))
        return True

    def new_next_year(self) -> bool:
        """Next year's project from this one: this year's values become last year's, the years move on."""
        if not self.maybe_save():
            return False
        from drafter.core.years.rollforward import roll_forward

        rolled, changes = roll_forward(self.report)
        self.replace_document(DraftDocument(rolled))
        self.undo_stack.resetClean()  # like an import, the new year exists only in the window until saved
        self.update_title()
        kept = sum(1 for field in rolled.fields.values() if field.previous is not None)
        lines = [self.tr("已新建%1年度的报告（尚未保存）：").replace("%1", str(rolled.meta.year)),
                 self.tr("  %1 项统计数据待填，其中 %2 项有去年数值；往年数值、名称和填报部门都已保留")
                 .replace("%1", str(len(rolled.fields))).replace("%2", str(kept))]
        if changes:
            lines.append(self.tr("  年份顺延 %1 处，请核对：").replace("%1", str(len(changes))))
            lines += [f"    {change}" for change in changes]
        self.show_roll_summary(lines)
        return True

    # Save

    def save(self) -> bool:
        if self.document.path is None or self.read_only_holder is not None:  # read-only: a copy of one's own
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        path = self.ask_save_path()
        return bool(path) and self._save_to(Path(path))

    def _save_to(self, path: Path | None) -> bool:
        if self.read_only_holder is not None and (path is None or Path(path).resolve() == self.document.path.resolve()):
            self.refuse_edit()  # over the file someone else has open
            return False
        untitled_copy = self.recovery_path()  # named after the old path: saving under a new name must remove it too
        try:
            self.document.save(path)
        except ConflictError:
            if not self.ask_overwrite_changed_file():
                return self.save_as()
            self.document.save(path, force=True)
        except (FileWriteError, OSError) as error:
            self.show_error(self.tr("保存失败"), self.tr("%1\n报告仍在窗口中，没有丢失。").replace("%1", str(error)))
            return False
        self.document.take_lock()
        self.leave_read_only()  # saved under a name of one's own
        self.undo_stack.setClean()
        self.remove_recovery()
        untitled_copy.unlink(missing_ok=True)
        self.remember_recent(self.document.path)
        self.update_title()
        return True

    # Export

    def export_dialog(self) -> bool:
        from drafter.core.years.checks import export_warnings  # the checks' code is first needed well after start

        try:
            rendered = render(self.report)
            open_errors = export_warnings(self.report, rendered)
        except RenderError as error:
            self.show_error(self.tr("无法导出"), str(error))
            return False
        allow_missing = bool(rendered.missing)
        if (allow_missing or open_errors) and not self.ask_export_anyway(rendered.missing, open_errors):
            return False
        remarks = sum(len(comments) for comments in actions.open_remarks(self.report).values())
        with_remarks = bool(remarks) and self.ask_export_remarks(remarks)
        default = self._default_folder() / f"{safe_file_name(rendered.title)}.docx"
        while True:
            path = self.ask_export_path(default)
            if not path:
                return False
            try:
                actions.export_project(self.report, self.style, Path(path), allow_missing,
                                       cache_folder=paths.cache_dir(), with_remarks=with_remarks)
            except (UserFacingError, OSError) as error:  # ExportError, FileWriteError among them
                self.show_error(self.tr("导出失败"), self.tr("%1\n请换一个文件名再试。").replace("%1", str(error)))
                default = Path(path)
                continue
            warning = path_warning(Path(path))
            if warning:
                self.show_error(self.tr("路径过长"), warning)
            self.statusBar().showMessage(self.tr("已导出 %1").replace("%1", path), 8000)
            self.last_export = Path(path)
            self.open_export_button.show()
            return True

    def open_last_export(self) -> bool:
        """Open the file just exported in Word (or whatever opens .docx here)."""
        if self.last_export is None or not self.last_export.exists():
            return False
        return dialogs.QDesktopServices.openUrl(dialogs.QUrl.fromLocalFile(str(self.last_export)))

    # Autosave and recovery

    def recovery_path(self) -> Path:
        import hashlib  # loads OpenSSL: not before the window shows

        key = str(self.document.path.resolve()) if self.document.path else f"untitled-{os.getpid()}-{id(self.document)}"
        return Path(self.recovery_dir) / (hashlib.sha1(key.encode("utf-8")).hexdigest()[:16] + PROJECT_SUFFIX)

    def autosave(self, force: bool = False) -> None:
        """Copy the report now and write the copy a few items each turn of the event loop: writing 250 pages takes
        0.2 s, which every tenth second of continuous typing used to wait for. `force` (after an unexpected error)
        writes before returning: the program may not live to see the next turn."""
        self.autosave_pending_since = None
        if self.undo_stack.isClean() and not force:
            return
        try:
            Path(self.recovery_dir).mkdir(parents=True, exist_ok=True)
            steps = recovery_steps(self.report, self.document.path, self.recovery_path())
        except OSError as error:
            self._autosaved(error)
            return
        # a copy still being written is dropped: this one is newer, and nothing is written until its last step
        self._autosaving.start(steps)
        if force:
            self._autosaving.finish()

    def finish_autosave(self) -> None:
        """Write the rest of the copy now."""
        self._autosaving.finish()

    def _autosaved(self, error: Exception | None) -> None:
        if error is not None:
            self.autosave_label.setText(self.tr("自动保存失败：%1").replace("%1", str(error)))
        else:
            self.autosave_label.setText(self.tr("已自动保存 %1").replace("%1", time.strftime("%H:%M:%S")))

    def remove_recovery(self) -> None:
        if getattr(self, "document", None) is None:
            return
        self._autosaving.stop()  # a copy being written would appear after this removal
        try:
            self.recovery_path().unlink()
        except OSError:
            pass

    # Recent files and closing

    def remember_recent(self, path: Path) -> None:
        recent = [str(Path(path).resolve())] + [p for p in self.recent_files() if p != str(Path(path).resolve())]
        self.settings.setValue("recent", recent[:MAX_RECENT])

    def recent_files(self) -> list[str]:
        return recent_projects(self.settings)

    def fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_files():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda checked=False, p=path: self.maybe_save() and self.open_path(Path(p)))
        if not self.recent_files():
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)

    def closeEvent(self, event):
        if not self.maybe_save():
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.remove_recovery()
        self.document.release_lock()
        event.accept()

    def _default_folder(self) -> Path:
        if self.document.path:
            return self.document.path.parent
        return Path.home() / "Documents" if (Path.home() / "Documents").is_dir() else Path.home()

