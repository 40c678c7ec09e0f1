"""A project someone else has open is shown read-only: a bar says who and since when, nothing in the window can
change it, and 另存为 makes a copy of one's own to work on."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView


class GuardedStack(QUndoStack):
    """The window's undo stack. Every change to the report is a command pushed here, so while the project is
    read-only the stack takes none and says so instead."""

    refused = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.read_only = False

    def push(self, command) -> None:
        if self.read_only:
            self.refused.emit()
            return
        super().push(command)

    def beginMacro(self, text: str) -> None:
        if not self.read_only:
            super().beginMacro(text)

    def endMacro(self) -> None:
        if not self.read_only:
            super().endMacro()


class ReadOnlyMode:
    """Mixed into MainWindow: entering and leaving read-only, and coming forward when another copy asks."""

    read_only_holder: str | None = None

    def enter_read_only(self, holder) -> None:
        self.read_only_holder = str(holder)
        self.read_only_bar.label.setText(
            self.tr("只读：“%1”正由%2打开，这里不能修改，以免两处的修改互相覆盖。要修改，请等对方关闭后重新打开，"
                    "或“另存为”一份自己的。").replace("%1", self.document.path.name).replace("%2", self.read_only_holder))
        self.read_only_bar.show()
        self.apply_read_only()
        self.update_title()

    def leave_read_only(self) -> None:
        if self.read_only_holder is None:
            return
        self.read_only_holder = None
        self.read_only_bar.hide()
        self.apply_read_only()
        self.update_title()

    def apply_read_only(self) -> None:
        """Every way to edit, closed or opened again (the form's rows are re-made with each new set of fields)."""
        on = self.read_only_holder is not None
        self.undo_stack.read_only = on
        self.page.setReadOnly(on)
        self.form.meta.setEnabled(not on)
        if self.form.scroll.widget() is not None:
            self.form.scroll.widget().setEnabled(not on)  # the rows, not the scroll bar: it still scrolls
        self.tree.setEditTriggers(QAbstractItemView.NoEditTriggers if on else QAbstractItemView.DoubleClicked
                                  | QAbstractItemView.EditKeyPressed)
        self.tree.setDragDropMode(QAbstractItemView.NoDragDrop if on else QAbstractItemView.InternalMove)
        for action in self.editing_actions:
            action.setEnabled(not on)

    def refuse_edit(self) -> None:
        self.statusBar().showMessage(self.tr("只读：项目正由%1打开，不能修改；要修改请“另存为”一份")
                                     .replace("%1", self.read_only_holder or ""), 6000)

    def bring_forward(self) -> None:
        """Another copy was asked to open this project: this window comes to the front instead."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
