"""The window's 文件 → 收回修改稿…: choose the reviewed file, look at its changes beside the page, take the ticked ones
in as one undo step."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand

from drafter import paths
from drafter.core.errors import UserFacingError
from drafter.gui import dialogs


class ApplyReview(QUndoCommand):
    """A reviewed file's changes taken in: undone and redone as one step, the whole report before and after."""

    def __init__(self, window, found, rendered, path: Path):
        super().__init__(window.tr("收回修改稿"))
        self.window, self.found, self.rendered, self.path = window, found, rendered, path
        self.before = copy.deepcopy(window.report)
        self.after = None

    def redo(self):
        if self.after is None:
            from drafter.core.review.taking import accept_review

            accept_review(self.window.report, self.rendered, self.found, self.path, paths.lexicon())
            self.after = copy.deepcopy(self.window.report)
            self.window.report_replaced()
        else:
            self._put(self.after)

    def undo(self):
        self._put(self.before)

    def _put(self, state) -> None:
        self.window.report.__dict__.update(copy.deepcopy(state).__dict__)
        self.window.report_replaced()


class ReviewActions:
    """Mixed into MainWindow; each question to the user is one small method so tests can answer it."""

    def show_margin_notes(self) -> None:
        """The comments not yet done beside the page (nothing is made for a report that has none)."""
        nodes = self.report.nodes()
        notes = getattr(self, "_margin_notes", None)
        if notes is None and not any(node.remarks for node in nodes):
            return
        if notes is None:
            from drafter.gui.review.notes import MarginNotes

            notes = self._margin_notes = MarginNotes(self.page)
        notes.show(nodes)

    def show_change(self, found, rendered, change) -> None:
        """A change of the list on the page: its paragraph or heading selected there and in the outline, the words it
        strikes out struck through, what it puts there said under them."""
        from drafter.core.review.exported import printed_text
        from drafter.core.review.in_place import in_place
        from drafter.gui.review.in_place import InPlaceView

        shown = in_place(found, rendered, change)
        if not 0 <= shown.block < len(rendered.blocks) or not rendered.blocks[shown.block].source:
            return
        node = self.outline.find(rendered.blocks[shown.block].source)
        if node is None:
            return
        self.select_node(node)
        view = getattr(self, "_in_place", None) or InPlaceView(self.page)
        self._in_place = view
        number = self.page.slot_number(node, editable=False)
        view.show(self.page.blocks[number] if number is not None else None,
                  printed_text(rendered.blocks[shown.block]), shown)

    def report_replaced(self) -> None:
        """The report's contents replaced in place (a reviewed file taken in, or that undone): outline, form and
        page shown again, the undo history kept."""
        self.stop_background_checks()
        self._show_report()
        self.fields_changed()
        self.show_node(None)

    def ask_review_file(self) -> str:
        folder = str(self.document.path.parent) if self.document.path else ""
        name, _ = dialogs.QFileDialog.getOpenFileName(self, self.tr("收回修改稿"), folder, self.tr("Word 文档 (*.docx)"))
        return name

    def confirm_review(self, preview) -> bool | None:
        """The list goes beside the page, in a side tab, and its buttons decide later (None); the page stays in
        reach, to look at each change in place. (Tests answer at once instead.)"""
        self._close_review_panel(getattr(self, "_review_panel", None))  # one reviewed file at a time
        self._review_panel = preview
        preview.setWindowFlags(Qt.Widget)
        self.side_tabs.setCurrentIndex(self.side_tabs.addTab(preview, self.tr("修改稿")))
        return None

    def review_dialog(self) -> bool:
        """Read the reviewed file against the report and list its changes beside the page; the ticked ones are taken
        in when the user says so."""
        name = self.ask_review_file()
        if not name:
            return False
        from drafter.core.review.taking import review_file
        from drafter.gui.review.dialogs import ReviewPreview

        try:
            found, rendered = review_file(self.report, Path(name), paths.cache_dir())
        except UserFacingError as error:
            self.show_error(self.tr("无法收回修改稿"), str(error))
            return False
        preview = ReviewPreview(found, Path(name).name, self, lambda change: self.show_change(found, rendered, change))
        answer = self.confirm_review(preview)
        if answer is None:
            preview.accepted.connect(lambda: self.take_review(preview, rendered, Path(name)))
            preview.rejected.connect(lambda: self._close_review_panel(preview))
            return True
        return self.take_review(preview, rendered, Path(name)) if answer else False

    def take_review(self, preview, rendered, path: Path) -> bool:
        """The changes ticked in the list, taken in as one undo step."""
        from drafter.core.review.changes import only

        self._close_review_panel(preview)
        if not preview.chosen():
            return False
        chosen = only(preview.found, preview.chosen())
        try:
            self.undo_stack.push(ApplyReview(self, chosen, rendered, path))
        except UserFacingError as error:
            self.show_error(self.tr("无法收回修改稿"), str(error))
            return False
        said = self.tr("已收回修改稿：%1 处修改（可撤销）").replace("%1", str(len(chosen.changes)))
        self.statusBar().showMessage(said, 8000)
        return True

    def _close_review_panel(self, preview) -> None:
        if preview is None:
            return
        if getattr(self, "_in_place", None) is not None:
            self._in_place.clear()
        index = self.side_tabs.indexOf(preview)
        if index >= 0:
            self.side_tabs.removeTab(index)
        preview.deleteLater()  # after its own signal is done with it
        if getattr(self, "_review_panel", None) is preview:
            self._review_panel = None
