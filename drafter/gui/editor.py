"""The section editor: a heading or lead sentence line and a body where fields show as 【label】."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from drafter.core import fieldtext
from drafter.core.model import Paragraph, Section
from drafter.core.outline import Group


class FieldHighlighter(QSyntaxHighlighter):
    """Paints 【label】 tokens that name a field; a broken token loses its colour, so it shows."""

    def __init__(self, document):
        super().__init__(document)
        self.labels: set[str] = set()
        self.format = QTextCharFormat()
        self.format.setBackground(QColor("#dbeafe"))
        self.format.setForeground(QColor("#1e40af"))

    def highlightBlock(self, text):
        for match in fieldtext.TOKEN_PATTERN.finditer(text):
            if match.group(1) in self.labels:
                self.setFormat(match.start(), match.end() - match.start(), self.format)


class SectionEditor(QWidget):
    """Edits the selected node; emits (node, attribute, source text) for the window's undo stack."""

    edited = Signal(object, str, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.node = None
        self.fields = {}
        self._loading = False
        self.caption = QLabel()
        self.line = QLineEdit()
        self.body = QPlainTextEdit()
        self.body.setFont(QFont(["FangSong", "仿宋", "Noto Serif CJK SC", "serif"], 13))
        self.highlighter = FieldHighlighter(self.body.document())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.line)
        layout.addWidget(self.body, 1)
        self.line.textEdited.connect(self._line_edited)
        self.body.textChanged.connect(self._body_edited)
        self.show_node(None, {})

    def show_node(self, node, fields) -> None:
        """Show a node; the same node again only refreshes text that differs (keeps the cursor)."""
        self.node, self.fields = node, fields
        self.highlighter.labels = set(fieldtext.labels_by_name(fields).values())
        self._loading = True
        try:
            self._fill(node)
        finally:
            self._loading = False

    def _fill(self, node) -> None:
        is_paragraph, is_section = isinstance(node, Paragraph), isinstance(node, Section)
        self.line.setVisible(is_paragraph or is_section)
        self.body.setVisible(is_paragraph)
        if is_section:
            self.caption.setText(self.tr("标题（编号自动生成，不必输入）"))
            self._set_line(fieldtext.to_display(node.heading, self.fields))
        elif is_paragraph and node.rows:
            self.line.setVisible(False)
            self.body.setVisible(False)
            self.caption.setText(self.tr("表格（%1 行，导入自去年的文稿，导出时保留；表中数字在右侧统计数据中填写）")
                                 .replace("%1", str(len(node.rows))))
        elif is_paragraph:
            self.caption.setText(self.tr("段首句（加粗，可不填）与正文"))
            self.line.setPlaceholderText(self.tr("段首句，以句号结尾"))
            self._set_line(fieldtext.to_display(node.lead, self.fields))
            self._set_body(fieldtext.to_display(node.body, self.fields))
        elif isinstance(node, Group):
            self.caption.setText(self.tr("“%1”：在左侧选中一个段落进行编辑").replace("%1", node.title))
        else:
            self.caption.setText(self.tr("在左侧提纲中选择要编辑的标题或段落"))
        self.highlighter.rehighlight()

    def _set_line(self, text: str) -> None:
        if self.line.text() != text:
            self.line.setText(text)

    def _set_body(self, text: str) -> None:
        """Replace the text (after an undo, say) keeping the cursor where it was, as far as it can."""
        if self.body.toPlainText() == text:
            return
        position = self.body.textCursor().position()
        self.body.setPlainText(text)
        cursor = self.body.textCursor()
        cursor.setPosition(min(position, len(text)))
        self.body.setTextCursor(cursor)

    def _line_edited(self, text: str) -> None:
        if self._loading or self.node is None:
            return
        if isinstance(self.node, Section):
            self.edited.emit(self.node, "heading", fieldtext.from_display(text, self.fields))
        else:
            self.edited.emit(self.node, "lead", fieldtext.from_display(text, self.fields))

    def _body_edited(self) -> None:
        if self._loading or not isinstance(self.node, Paragraph):
            return
        self.edited.emit(self.node, "body", fieldtext.from_display(self.body.toPlainText(), self.fields))

    def insert_token(self, label: str) -> None:
        """Put a field token at the cursor of the body (or the lead line if that has focus)."""
        token = fieldtext.token(label)
        if self.line.hasFocus() and isinstance(self.node, Paragraph):
            self.line.insert(token)
            self._line_edited(self.line.text())
        elif isinstance(self.node, Paragraph):
            self.body.insertPlainText(token)

    def selected_figure_text(self) -> tuple[str, str]:
        """The selected text and which attribute it is in ('body' or 'lead')."""
        if self.line.hasFocus() and self.line.hasSelectedText():
            return self.line.selectedText(), "lead"
        return self.body.textCursor().selectedText(), "body"

    def selection_context(self, attribute: str) -> tuple[str, str]:
        """The display text before and after the selection, for naming the selected figure."""
        marker = "\ue0ff"
        text = self.text_with_selection_replaced(attribute, marker)
        before, _, after = text.partition(marker)
        return before, after

    def text_with_selection_replaced(self, attribute: str, replacement: str) -> str:
        """The display text of an attribute with its selection replaced, without changing the widget."""
        if attribute == "lead":
            text, start = self.line.text(), self.line.selectionStart()
            return text[:start] + replacement + text[start + len(self.line.selectedText()):]
        cursor = self.body.textCursor()
        text = self.body.toPlainText()
        return text[: cursor.selectionStart()] + replacement + text[cursor.selectionEnd():]
