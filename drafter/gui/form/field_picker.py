"""A searchable list of the report's fields, for inserting one into the text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from drafter.core.report.model import Field


class FieldPicker(QDialog):
    def __init__(self, parent, fields: dict[str, Field]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("插入统计数据"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("输入文字筛选，如：学习"))
        self.list = QListWidget()
        for field in fields.values():
            item = QListWidgetItem(f"{field.label}（{field.qualifier}{field.unit}）" if field.unit else field.label)
            item.setData(Qt.UserRole, field)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _: self.accept())
        self.search.textChanged.connect(self.filter)
        self.search.returnPressed.connect(self.accept)  # Enter takes the row moved to, not the first
        self.search.installEventFilter(self)  # ↑ ↓ PgUp PgDn in the filter box move through the list
        layout = QVBoxLayout(self)
        for widget in (self.search, self.list, buttons):
            layout.addWidget(widget)

    MOVES = (Qt.Key_Up, Qt.Key_Down, Qt.Key_PageUp, Qt.Key_PageDown)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search and event.type() == QEvent.KeyPress and event.key() in self.MOVES:
            # a copy, sent to the list: it moves its current row and skips the hidden ones
            QApplication.sendEvent(self.list, QKeyEvent(QEvent.KeyPress, event.key(), event.modifiers()))
            return True
        return super().eventFilter(watched, event)

    def filter(self, text: str) -> None:
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            field = item.data(Qt.UserRole)
            hidden = bool(text) and text not in field.label and text not in field.name
            item.setHidden(hidden)
            if not hidden and first is None:
                first = row
        if first is not None:
            self.list.setCurrentRow(first)

    def chosen(self) -> Field | None:
        item = self.list.currentItem()
        return item.data(Qt.UserRole) if item is not None and not item.isHidden() else None


def pick_field(parent, fields: dict[str, Field]) -> Field | None:
    dialog = FieldPicker(parent, fields)
    return dialog.chosen() if dialog.exec() == QDialog.Accepted else None
