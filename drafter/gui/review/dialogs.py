"""The list of what a reviewed file changes, its conflicts and notes, with one button to take all of it in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from drafter.core.review.changes import KINDS, Review

_CONFLICT = QColor("#fee2e2")
COLUMNS = ("种类", "位置", "修改", "修改人")


class ReviewPreview(QDialog):
    """Every change in its place, old beside new, each ticked to be taken in (untick one to leave it); conflicts in
    red below them, never taken in."""

    def __init__(self, found: Review, name: str, parent=None, show_change=None):
        super().__init__(parent)
        self.show_change = show_change  # a change → the page shows it in place
        self.setWindowTitle(self.tr("收回修改稿：%1").replace("%1", name))
        self.table = QTableWidget(len(found.changes) + len(found.conflicts), len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(column) for column in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setToolTip(self.tr("选中一行，页面转到那里，标出这处修改"))
        self.table.verticalHeader().setVisible(False)
        self.found = found
        for row, change in enumerate(found.changes):
            kind = KINDS[change.kind] + ("" if change.tracked else self.tr("（未开修订）"))
            self._row(row, [kind, change.place, _old_to_new(change.old, change.new), change.author],
                      tip=f"{change.author} {change.date[:16].replace('T', ' ')}".strip())
            self.table.item(row, 0).setFlags(self.table.item(row, 0).flags() | Qt.ItemIsUserCheckable)
            self.table.item(row, 0).setCheckState(Qt.Checked)
        for row, conflict in enumerate(found.conflicts, len(found.changes)):
            self._row(row, [self.tr("冲突"), conflict.place, _old_to_new(conflict.old, conflict.new), ""], _CONFLICT,
                      tip=conflict.reason)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(2, QHeaderView.Stretch)  # old → new takes what the panel has left
        for column, width in ((0, 120), (1, 120), (3, 70)):
            self.table.setColumnWidth(column, width)
        said = [*found.notes]
        if found.conflicts:
            said.append(self.tr("有 %1 处冲突（红色）：导出之后项目中又改过这些地方，或这类改动需在程序中进行；它们不会收回，"
                                "其余勾选的修改可以收回。").replace("%1", str(len(found.conflicts))))
        if not found.changes and not found.conflicts:
            said.append(self.tr("这份文件与项目没有不同之处。"))
        self.notes = QLabel("\n".join(said))
        self.notes.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.accept_button = buttons.button(QDialogButtonBox.Ok)
        self._count()
        self.table.itemChanged.connect(lambda _item: self._count())
        self.table.cellDoubleClicked.connect(self._show_place)
        self.table.currentCellChanged.connect(lambda row, column, _row, _column: self._show_place(row, column))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notes)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(980, 520)

    def _show_place(self, row: int, _column: int) -> None:
        """The page beside the list goes to the change and marks it there (the window gave show_change)."""
        if 0 <= row < len(self.found.changes) and self.show_change is not None:
            self.show_change(self.found.changes[row])

    def chosen(self) -> set:
        """The keys of the changes ticked (core.review.changes.only takes them)."""
        return {change.key for row, change in enumerate(self.found.changes)
                if self.table.item(row, 0).checkState() == Qt.Checked}

    def _count(self) -> None:
        count, every = len(self.chosen()), len(self.found.changes)
        label = self.tr("全部接受（%1 处）") if count == every else self.tr("接受所选（%1 处）")
        self.accept_button.setText(label.replace("%1", str(count)))
        self.accept_button.setEnabled(count > 0)

    def _row(self, row: int, cells: list[str], colour: QColor | None = None, tip: str = "") -> None:
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text.replace("\n", " "))
            item.setToolTip("\n".join(part for part in (text, tip) if part))
            if colour is not None:
                item.setBackground(colour)
            self.table.setItem(row, column, item)


def _old_to_new(old: str, new: str) -> str:
    """3次 → 9次; a paragraph added or struck out, or a comment, shows its one side."""
    if old and new:
        return f"{old} → {new}"
    return new or f"删去：{old}"
