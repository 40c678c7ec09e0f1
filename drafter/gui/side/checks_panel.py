"""The 检查 panel: findings listed by severity; double-click jumps to the place, 修正 applies certain fixes —
to the selected findings, or to every finding of the current one's kind — keeping the list where it was."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from drafter.core.years.checks import Finding

_COLOURS = {"error": "#b91c1c", "warning": "#a16207", "info": "#1d4ed8"}


class ChecksPanel(QWidget):
    jump_requested = Signal(object)  # a Finding
    fix_requested = Signal(object)  # a list of Findings, each with a fix

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel()
        self._shown: list[Finding] | None = None
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.fix_button = QPushButton(self.tr("修正所选"))
        self.fix_button.setEnabled(False)
        self.fix_kind_button = QPushButton(self.tr("全部修正此类"))
        self.fix_kind_button.setEnabled(False)
        self.refresh_button = QPushButton(self.tr("重新检查"))
        buttons = QHBoxLayout()
        for button in (self.fix_button, self.fix_kind_button, self.refresh_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.itemDoubleClicked.connect(lambda item: self.jump_requested.emit(item.data(Qt.UserRole)))
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.fix_button.clicked.connect(self._fix_selected)
        self.fix_kind_button.clicked.connect(self._fix_kind)

    def findings(self) -> list[Finding]:
        return [self.list.item(row).data(Qt.UserRole) for row in range(self.list.count())]

    def show_findings(self, findings: list[Finding]) -> None:
        """List the findings, keeping the scroll position and the current row (or the one now in its place).
        The same findings again (most pauses in typing change none) leave the list as it is: refilling 2000 rows
        took 26 ms."""
        if findings == self._shown:
            return
        self._shown = findings
        scroll, row = self.list.verticalScrollBar().value(), self.list.currentRow()
        self.list.clear()
        names = {"error": self.tr("错误"), "warning": self.tr("警告"), "info": self.tr("提示")}
        for finding in findings:
            item = QListWidgetItem(f"[{names[finding.severity]}] {finding.where}：{finding.message}")
            item.setForeground(QColor(_COLOURS[finding.severity]))
            item.setData(Qt.UserRole, finding)
            self.list.addItem(item)
        if findings and row >= 0:
            self.list.setCurrentRow(min(row, len(findings) - 1))
        self.list.verticalScrollBar().setValue(scroll)
        counts = [sum(f.severity == key for f in findings) for key in ("error", "warning", "info")]
        self.summary.setText(self.tr("错误 %1 项，警告 %2 项，提示 %3 项（双击定位）")
                             .replace("%1", str(counts[0])).replace("%2", str(counts[1])).replace("%3", str(counts[2])))

    def show_error(self, message: str) -> None:
        """The report cannot be checked (its template has an error): say why; the next findings are listed anew."""
        self._shown = None
        self.summary.setText(message)

    def _selected(self) -> list[Finding]:
        return [item.data(Qt.UserRole) for item in self.list.selectedItems()]

    def _selection_changed(self) -> None:
        selected = self._selected()
        self.fix_button.setEnabled(any(finding.fix for finding in selected))
        current = selected[0] if len(selected) == 1 else None
        same_kind = [f for f in self.findings() if current is not None and f.fix and f.kind == current.kind]
        self.fix_kind_button.setEnabled(len(same_kind) > 1)
        self.fix_kind_button.setText(self.tr("全部修正此类（%1 处）").replace("%1", str(len(same_kind)))
                                     if len(same_kind) > 1 else self.tr("全部修正此类"))

    def _fix_selected(self) -> None:
        fixable = [finding for finding in self._selected() if finding.fix]
        if fixable:
            self.fix_requested.emit(fixable)

    def _fix_kind(self) -> None:
        selected = self._selected()
        if len(selected) == 1:
            self.fix_requested.emit([f for f in self.findings() if f.fix and f.kind == selected[0].kind])
