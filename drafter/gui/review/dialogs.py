"""The list of what a reviewed file changes, its conflicts and notes, with one button to take all of it in."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from drafter.core.review.changes import KINDS, Review

_CONFLICT = QColor("#fee2e2")
COLUMNS = ("种类", "位置", "原文", "修改为", "修改人", "日期")


class ReviewPreview(QDialog):
    """Every change in its place, old beside new; conflicts in red below them, which keep 全部接受 off."""

    def __init__(self, found: Review, name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("收回修改稿：%1").replace("%1", name))
        self.table = QTableWidget(len(found.changes) + len(found.conflicts), len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(column) for column in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for row, change in enumerate(found.changes):
            kind = KINDS[change.kind] + ("" if change.tracked else self.tr("（未开修订）"))
            self._row(row, [kind, change.place, change.old, change.new, change.author, change.date[:10]])
        for row, conflict in enumerate(found.conflicts, len(found.changes)):
            self._row(row, [self.tr("冲突"), conflict.place, conflict.old, conflict.new, conflict.reason, ""], _CONFLICT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        for column, width in enumerate((130, 130, 250, 250, 90, 90)):
            self.table.setColumnWidth(column, width)
        said = [*found.notes]
        if found.conflicts:
            said.append(self.tr("有 %1 处冲突：导出之后项目中又改过这些地方，或这类改动需在程序中进行。先处理冲突，"
                                "再收回修改稿。").replace("%1", str(len(found.conflicts))))
        if not found.changes and not found.conflicts:
            said.append(self.tr("这份文件与项目没有不同之处。"))
        self.notes = QLabel("\n".join(said))
        self.notes.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.accept_button = buttons.button(QDialogButtonBox.Ok)
        self.accept_button.setText(self.tr("全部接受（%1 处）").replace("%1", str(len(found.changes))))
        self.accept_button.setEnabled(bool(found.changes) and not found.conflicts)
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notes)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(980, 520)

    def _row(self, row: int, cells: list[str], colour: QColor | None = None) -> None:
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text.replace("\n", " "))
            item.setToolTip(text)
            if colour is not None:
                item.setBackground(colour)
            self.table.setItem(row, column, item)
