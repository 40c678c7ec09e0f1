"""The window's 数据征集: choose departments, write the workbooks, take returned ones in as one undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from drafter.core.collect.departments import DRAFTING_OFFICE, departments, fields_by_department
from drafter.core.errors import UserFacingError
from drafter.core.rendering.render import RenderError, render
from drafter.core.text.fieldtext import quoted
from drafter.gui import commands, dialogs


def _folder_key(report) -> str:
    """The settings key for where a project's workbooks went, by the id they carry (a copy of the project shares it)."""
    return f"collect/folder/{report.meta.project_id}"


class CollectActions:
    """Mixed into MainWindow; each question to the user is one small method so tests can answer it."""

    def ask_department(self, fields) -> str | None:
        current = fields[0].department or DRAFTING_OFFICE
        choices = list(dict.fromkeys([current, *departments(self.report), DRAFTING_OFFICE]))
        title = fields[0].label if len(fields) == 1 else self.tr("%1 项统计数据").replace("%1", str(len(fields)))
        name, ok = dialogs.QInputDialog.getItem(
            self, self.tr("填报部门"), self.tr("%1由哪个部门填报：").replace("%1", quoted(title)), choices, 0, True)
        return name.strip() if ok else None

    def assign_department(self, fields) -> None:
        name = self.ask_department(fields)
        if name is None:
            return
        name = "" if name in ("", DRAFTING_OFFICE) else name
        if any(field.department != name for field in fields):
            self.undo_stack.push(commands.SetDepartment(self, fields, name))

    def ask_collect_export(self) -> tuple[str, str] | None:
        from drafter.gui.collect.dialogs import CollectExportDialog  # the workbook code loads when first used

        counts = {name: len(fields) for name, fields in fields_by_department(self.report).items()}
        dialog = CollectExportDialog(str(self.document.path.parent), counts, self)
        if dialog.exec() != QDialog.Accepted:
            return None
        return dialog.folder.text(), dialog.chosen_deadline()

    def collect_export_dialog(self) -> bool:
        """The workbooks carry the project's id, so the project is saved before and after writing them."""
        if self.read_only_holder is not None:  # the workbooks' id is saved into the project: not someone else's
            self.refuse_edit()
            return False
        if not self.report.fields:
            self.show_error(self.tr("导出征集表"), self.tr("项目中没有统计数据，无需征集。"))
            return False
        if self.document.path is None or not self.undo_stack.isClean():
            if not self.ask_save_before_collect() or not self.save():
                return False
        chosen = self.ask_collect_export()
        if chosen is None:
            return False
        folder, deadline = chosen
        from drafter.core.collect.outgoing import write_workbooks

        try:
            written = write_workbooks(self.report, render(self.report), Path(folder), deadline)
        except (UserFacingError, RenderError, OSError) as error:
            self.show_error(self.tr("无法导出征集表"), str(error))
            return False
        if not self._save_to(None):
            return False
        self.settings.setValue(_folder_key(self.report), str(Path(folder).resolve()))
        self.statusBar().showMessage(self.tr("已导出 %1 份征集表到 %2").replace("%1", str(len(written)))
                                     .replace("%2", folder), 8000)
        return True

    def ask_save_before_collect(self) -> bool:
        answer = dialogs.QMessageBox.question(self, self.tr("导出征集表"), self.tr(
            "征集表要对应到已保存的项目文件，交回后才能导入。现在保存项目吗？"), dialogs.QMessageBox.Save | dialogs.QMessageBox.Cancel)
        return answer == dialogs.QMessageBox.Save

    def ask_collect_files(self) -> list[str]:
        paths, _ = dialogs.QFileDialog.getOpenFileNames(self, self.tr("导入交回的征集表"), self.collect_folder(),
                                                self.tr("Excel 工作簿 (*.xlsx)"))
        return paths

    def collect_folder(self) -> str:
        """Where this project's workbooks were written (the answers usually come back beside them), else its folder."""
        written = self.settings.value(_folder_key(self.report), "")
        if written and Path(written).is_dir():
            return written
        return str(self.document.path.parent) if self.document.path else ""

    def confirm_collection(self, preview) -> bool:
        return preview.exec() == QDialog.Accepted

    def collect_import_dialog(self) -> bool:
        """Read every chosen workbook, show what would change, apply it as one undo step."""
        names = self.ask_collect_files()
        if not names:
            return False
        from drafter.core.collect.incoming import WorkbookError, read_workbook
        from drafter.gui.collect.dialogs import CollectionPreview

        books, unreadable = [], []
        for name in names:
            try:
                books.append(read_workbook(Path(name), self.report))
            except WorkbookError as error:
                unreadable.append(str(error))
        preview = CollectionPreview(self.report, books, unreadable, self)
        if not self.confirm_collection(preview) or preview.plan.blocking or unreadable:
            return False
        self.undo_stack.push(commands.ApplyCollection(self, preview.plan))
        said = self.tr("已导入征集表：修改 %1 项").replace("%1", str(len(preview.plan.changes)))
        if preview.plan.left_out:  # the cells that could not be read wait for a corrected table
            said += self.tr("；%1 项填写有误，未导入").replace("%1", str(len(preview.plan.left_out)))
        self.statusBar().showMessage(said, 8000)
        return True
