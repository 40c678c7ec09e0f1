"""报告信息: title, year, signature, 成文日期 and 主送机关, edited like the figures and undone the same way."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QSpinBox

from drafter.core.actions import split_attachment_names
from drafter.core.report.model import Meta
from drafter.core.text import fieldtext
from drafter.core.text.numbers import NumberError, format_date, parse_value

_EMPTY_STYLE = "QLineEdit { background: #fef9c3; }"
_BAD_STYLE = "QLineEdit { border: 2px solid #dc2626; }"


class MetaForm(QGroupBox):
    """Emits meta_entered(key, value) with a value the core accepts; a bad date keeps its text and says why."""

    meta_entered = Signal(str, object)

    def __init__(self, parent=None):
        super().__init__(self.tr("报告信息"), parent)
        self.fields, self.meta = {}, Meta()
        self.title = QLineEdit()
        self.title.setToolTip(self.tr("标题中的年份随“年度”变化，落款单位的名称随“落款单位”变化"))
        self.year = QSpinBox()
        self.year.setRange(1900, 2999)
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText(self.tr("落款的单位名称"))
        self.date = QLineEdit()
        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText(self.tr("可不填，如：市委"))
        self.sealed = QCheckBox(self.tr("加盖印章（成文日期右空四字，落款以日期居中）"))
        self.attachments = QLineEdit()
        self.attachments.setPlaceholderText(self.tr("可不填，多个用；分开"))
        self.date_error = QLabel()
        self.date_error.setStyleSheet("color: #dc2626;")
        self.date_error.hide()
        layout = QFormLayout(self)
        for label, widget in ((self.tr("标题"), self.title), (self.tr("年度"), self.year),
                              (self.tr("落款单位"), self.organisation), (self.tr("成文日期"), self.date),
                              ("", self.date_error), ("", self.sealed), (self.tr("主送机关"), self.recipient),
                              (self.tr("附件"), self.attachments)):
            layout.addRow(label, widget)
        self.title.textEdited.connect(
            lambda text: self.meta_entered.emit("title", fieldtext.title_from_display(text, self.meta, self.fields)))
        self.year.valueChanged.connect(self._year_changed)
        self.organisation.textEdited.connect(lambda text: self.meta_entered.emit("organisation", text.strip()))
        self.recipient.textEdited.connect(lambda text: self.meta_entered.emit("recipient", text.strip()))
        self.date.textEdited.connect(self._date_edited)
        self.sealed.toggled.connect(lambda on: self._loading or self.meta_entered.emit("sealed", on))
        self.attachments.textEdited.connect(lambda text: self.meta_entered.emit("attachments", split_attachment_names(text)))
        self._loading = False

    def show_meta(self, meta, fields) -> None:
        self._loading = True
        try:
            self.fields, self.meta = fields, meta
            for box, text in ((self.title, fieldtext.title_to_display(meta, fields)),
                              (self.organisation, meta.organisation), (self.recipient, meta.recipient)):
                if box.text() != text and not box.hasFocus():
                    box.setText(text)
            shown = "；".join(meta.attachments)
            if split_attachment_names(self.attachments.text()) != meta.attachments and not self.attachments.hasFocus():
                self.attachments.setText(shown)
            self.sealed.setChecked(meta.sealed)
            if self.year.value() != meta.year:
                self.year.setValue(meta.year)
            if not self.date.hasFocus() and not self.date_error.isVisible():
                self.date.setText(format_date(meta.date) if meta.date else "")
            # an example in the report's own time: early in the year after it, when such reports are signed
            self.date.setPlaceholderText(self.tr("如 %1年1月8日").replace("%1", str(meta.year + 1)))
            self.organisation.setStyleSheet("" if meta.organisation.strip() else _EMPTY_STYLE)
            if not self.date_error.isVisible():
                self.date.setStyleSheet("" if meta.date else _EMPTY_STYLE)
        finally:
            self._loading = False

    def _year_changed(self, value: int) -> None:
        if not self._loading:
            self.meta_entered.emit("year", value)

    def _date_edited(self, text: str) -> None:
        if not text.strip():
            self._date_problem("")
            self.meta_entered.emit("date", "")
            return
        try:
            value = parse_value(text, "date")
        except NumberError as error:
            self._date_problem(str(error))
            return
        self._date_problem("")
        self.meta_entered.emit("date", value)

    def _date_problem(self, message: str) -> None:
        self.date_error.setText(message)
        self.date_error.setVisible(bool(message))
        self.date.setStyleSheet(_BAD_STYLE if message else "")
