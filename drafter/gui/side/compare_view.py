"""Last year's paragraph beside this year's, with the changed words highlighted."""

from __future__ import annotations

import difflib
from html import escape

from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from drafter.core.report.model import Paragraph
from drafter.core.text.fieldtext import to_display


def diff_html(old: str, new: str) -> tuple[str, str]:
    """Both texts as HTML: deletions red on the left, insertions green on the right."""
    left, right = [], []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            left.append(escape(old[a1:a2]))
            right.append(escape(new[b1:b2]))
            continue
        if a2 > a1:
            left.append(f"<span style='background:#fecaca'>{escape(old[a1:a2])}</span>")
        if b2 > b1:
            right.append(f"<span style='background:#bbf7d0'>{escape(new[b1:b2])}</span>")
    return "".join(left), "".join(right)


class CompareView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.old, self.new = QTextBrowser(), QTextBrowser()
        columns = QHBoxLayout()
        for title, browser in ((self.tr("去年"), self.old), (self.tr("今年"), self.new)):
            column = QVBoxLayout()
            column.addWidget(QLabel(f"<b>{title}</b>"))
            column.addWidget(browser, 1)
            columns.addLayout(column)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addLayout(columns, 1)
        self.show_paragraph(None, {})

    def show_paragraph(self, node, fields) -> None:
        if not isinstance(node, Paragraph) or not node.origin:
            self.caption.setText(self.tr("选中一个从去年文稿导入的段落，这里并排显示去年和今年的文字。"))
            self.old.setHtml("")
            self.new.setHtml("")
            return
        old, new = to_display(node.origin, fields), to_display(node.source, fields)
        self.caption.setText(self.tr("与去年相同，尚未改写") if old == new else self.tr("红色为删去的文字，绿色为新写的文字"))
        left, right = diff_html(old, new)
        self.old.setHtml(left)
        self.new.setHtml(right)
