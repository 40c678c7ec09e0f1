"""The 检查 panel: findings listed by severity; double-click jumps to the place, 修正 applies a certain fix."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from drafter.core.checks import Finding

_COLOURS = {"error": "#b91c1c", "warning": "#a16207", "info": "#1d4ed8"}


class ChecksPanel(QWidget):
    jump_requested = Signal(object)  # a Finding
    fix_requested = Signal(object)  # a Finding with a fix

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.fix_button = QPushButton(self.tr("自动修正所选"))
        self.fix_button.setEnabled(False)
        self.refresh_button = QPushButton(self.tr("重新检查"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.itemDoubleClicked.connect(lambda item: self.jump_requested.emit(item.data(Qt.UserRole)))
        self.list.currentItemChanged.connect(self._selection_changed)
        self.fix_button.clicked.connect(self._fix_selected)

    def show_findings(self, findings: list[Finding]) -> None:
        self.list.clear()
        names = {"error": self.tr("错误"), "warning": self.tr("警告"), "info": self.tr("提示")}
        for finding in findings:
            item = QListWidgetItem(f"[{names[finding.severity]}] {finding.where}：{finding.message}")
            item.setForeground(QColor(_COLOURS[finding.severity]))
            item.setData(Qt.UserRole, finding)
            self.list.addItem(item)
        counts = [sum(f.severity == key for f in findings) for key in ("error", "warning", "info")]
        self.summary.setText(self.tr("错误 %1 项，警告 %2 项，提示 %3 项（双击定位）")
                             .replace("%1", str(counts[0])).replace("%2", str(counts[1])).replace("%3", str(counts[2])))

    def _selection_changed(self, current, _previous) -> None:
        finding = current.data(Qt.UserRole) if current is not None else None
        self.fix_button.setEnabled(bool(finding and finding.fix))

    def _fix_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(Qt.UserRole).fix:
            self.fix_requested.emit(item.data(Qt.UserRole))
