"""The 数据征集 dialogs: where to write the workbooks, and what taking returned ones in would change."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QRadioButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from drafter.core.collect import plan_collection
from drafter.core.collect.merge import KEEP_PROJECT, TAKE_WORKBOOK, CollectionPlan, shown

_CONFLICT = QColor("#fef3c7")


class CollectExportDialog(QDialog):
    """The folder for the workbooks and an optional deadline printed in their heading."""

    def __init__(self, folder: str, departments: dict[str, int], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出征集表"))
        self.folder = QLineEdit(folder)
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        self.has_deadline = QCheckBox(self.tr("请于"))
        self.deadline = QDateEdit(QDate.currentDate().addDays(7))
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy年M月d日")
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.deadline.setEnabled(False)
        due = QHBoxLayout()
        for widget in (self.has_deadline, self.deadline, QLabel(self.tr("前交回"))):
            due.addWidget(widget)
        due.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("存放到："), where)
        form.addRow(self.tr("交回日期："), due)
        listing = "、".join(f"{name}（{count} 项）" for name, count in departments.items())
        who = QLabel(self.tr("每个部门一份 Excel 表：%1").replace("%1", listing))
        who.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("导出"))
        buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(who)
        layout.addWidget(buttons)
        self.resize(560, 0)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("征集表存放的文件夹"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def chosen_deadline(self) -> str:
        return self.deadline.date().toString("yyyy-MM-dd") if self.has_deadline.isChecked() else ""


class CollectionPreview(QDialog):
    """Every value the returned workbooks would change, conflicts marked; 导入 only once nothing is unsettled."""

    def __init__(self, report, books, unreadable: list[str], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入征集表：将要修改的数值"))
        self.report, self.books, self.unreadable = report, books, unreadable
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("统计数据"), self.tr("原值"), self.tr("新值"), self.tr("来自")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b91c1c;")
        self.problems.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.choice = self._choice_buttons()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("导入"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.why = QLabel()  # beside 导入: why it cannot be pressed yet, and what to do
        self.why.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.why, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.table, self.choice, self.problems):
            layout.addWidget(widget)
        layout.addLayout(bottom)
        self.plan: CollectionPlan | None = None
        self.replan()
        self.resize(820, 520)

    def _choice_buttons(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("与项目中已有数值不同时：")))
        self.side = QButtonGroup(self)
        for text, key in ((self.tr("逐项核实，先不导入"), None), (self.tr("保留项目中的数值"), KEEP_PROJECT),
                          (self.tr("采用征集表中的数值"), TAKE_WORKBOOK)):
            button = QRadioButton(text)
            button.setProperty("side", key)
            self.side.addButton(button)
            row.addWidget(button)
            button.setChecked(key is None)
        self.side.buttonToggled.connect(lambda _button, checked: checked and self.replan())
        row.addStretch(1)
        return box

    def choose_side(self, key: str | None) -> None:
        for button in self.side.buttons():
            if button.property("side") == key:
                button.setChecked(True)

    def replan(self) -> None:
        prefer = self.side.checkedButton().property("side") if self.side.checkedButton() else None
        self.plan = plan_collection(self.report, self.books, prefer)
        self._fill_table()
        blocking = self.unreadable + self.plan.blocking
        notes = ([self.tr("未导入（填写有误，请填报部门改正后再导入这份表）：%1").replace("%1", line)
                  for line in self.plan.left_out]
                 + [f"忽略：{line}" for line in self.plan.ignored] + [f"请核对：{line}" for line in self.plan.doubtful])
        self.problems.setText("\n".join(f"• {line}" for line in blocking + notes))
        self.choice.setVisible(any(change.conflict for change in self.plan.changes) or bool(self.plan.kept)
                               or any("不是本程序写入的行" in line for line in self.plan.conflicts + self.plan.ignored))
        can_import = not blocking and bool(self.plan.changes or self.plan.confirmed)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(can_import)
        self.why.setText("" if can_import else self._why_not(blocking))
        self.summary.setText(self.tr("修改 %1 项，%2 项与项目一致，%3 个问题").replace("%1", str(len(self.plan.changes)))
                             .replace("%2", str(len(self.plan.confirmed)))
                             .replace("%3", str(len(blocking) + len(self.plan.left_out))))  # a cell left out is one

    def _why_not(self, blocking: list[str]) -> str:
        """Said beside the greyed 导入: what stops it and what the user can do about it."""
        if self.plan.conflicts and not self.plan.refused and not self.unreadable:
            return self.tr("有数值与项目中的不同：请在上面选择保留项目中的数值或采用征集表中的数值")
        if blocking:
            return self.tr("有 %1 个问题须先解决（见上）：请填报部门改正后交回，或不选这份表")\
                .replace("%1", str(len(blocking)))
        return self.tr("交回的表中没有可导入的数值")

    def _fill_table(self) -> None:
        fields = self.report.fields
        rows = [(change, False) for change in self.plan.changes] + [(change, True) for change in self.plan.kept]
        self.table.setRowCount(len(rows))
        for index, (change, kept) in enumerate(rows):
            field = fields[change.name]
            cells = [change.label, shown(field, change.old), self.tr("保留原值") if kept else shown(field, change.new),
                     f"{change.department}（{change.file}）"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if change.conflict or kept:
                    item.setBackground(_CONFLICT)
                    item.setToolTip(self.tr("项目中已有不同的数值"))
                self.table.setItem(index, column, item)

