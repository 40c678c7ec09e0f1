"""The page: the whole report laid out like the printed page, written in directly. Every change goes to the
window as an edit of one paragraph or heading (or a split, join or paste), and the page redraws from the report."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QFont, QKeySequence, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextFormat,
)
from PySide6.QtWidgets import QTextEdit, QToolTip

from drafter.core.model import Paragraph, Section
from drafter.core.numbers import format_number
from drafter.core.outline import Group, Outline
from drafter.core.pieces import CODE, FIELD, NOTE, TEXT, field_source, split_pieces
from drafter.core.style import Style
from drafter.gui.page_atoms import ATOM, KIND, LEAD, NAME, NUMBER, OBJECT_CHARACTER, SOURCE, AtomPainter, atom_format, atom_text

CHARS_PER_LINE = 28
CODE_ATOMS = "{code}"  # redraw key of the atoms showing the year, the organisation and other template code
_FAMILIES = {
    "方正小标宋简体": ["方正小标宋简体", "SimSun", "Noto Serif CJK SC"],
    "黑体": ["黑体", "SimHei", "Noto Sans CJK SC"],
    "楷体_GB2312": ["楷体_GB2312", "KaiTi", "楷体", "Noto Serif CJK SC"],
    "仿宋_GB2312": ["仿宋_GB2312", "FangSong", "仿宋", "Noto Serif CJK SC"],
}
_ALIGN = {"both": Qt.AlignJustify, "center": Qt.AlignHCenter, "right": Qt.AlignRight, "left": Qt.AlignLeft}


@dataclass
class Slot:
    """What one block of the page is: a paragraph or heading to edit, or a line shown as it prints."""

    kind: str  # paragraph, heading or fixed
    node: object = None
    container: object = None  # a paragraph's section or group


class PageView(QTextEdit):
    """Emits edited(node, attribute, text) for typing, and structure requests the window turns into commands."""

    edited = Signal(object, str, str)
    lead_changed = Signal(object, str, str)  # paragraph, new lead, new body (Ctrl+B)
    split_requested = Signal(object, str, str)  # paragraph, its text before the cursor, the text after
    join_requested = Signal(object, object)  # the paragraph kept, the one joined onto its end
    heading_enter = Signal(object)  # Enter at a heading: a first paragraph for it
    paste_requested = Signal(object, str, str, list)  # paragraph, before, after, pasted lines
    node_focused = Signal(object)
    field_activated = Signal(str)
    message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setUndoRedoEnabled(False)  # one undo stack: the window's
        self.setAcceptRichText(False)
        self.slots: list[Slot] = []
        self.blocks: list = []  # the QTextBlock of each slot
        self.field_slots: dict[str, set[int]] = {}  # field name → slots whose blocks show it
        self.fields: dict = {}
        self.meta = None
        self.style_: Style | None = None
        self.outline: Outline | None = None
        self.scale = 0.9
        self.fixed_lines: tuple[str, list[str]] = ("", [])
        self._focused = None
        self._building = False
        self.painter = AtomPainter(self)
        self.document().documentLayout().registerHandler(ATOM, self.painter)
        self.document().contentsChange.connect(self._contents_changed)
        self.cursorPositionChanged.connect(self._cursor_moved)
        self.setLineWrapMode(QTextEdit.FixedPixelWidth)

    # Building the page from the report

    def show_report(self, outline: Outline, fields: dict, style: Style, title: str = "", tail: list[str] = ()) -> None:
        """Lay the whole report out again (a new project, or a change of structure); keeps the cursor's place."""
        self.outline, self.fields, self.style_ = outline, fields, style
        self._focused = None
        self.meta = outline.report.meta
        self.fixed_lines = (title, list(tail))
        keep = self.textCursor().position()
        body = style.styles["body"]
        px = max(self.logicalDpiX(), 1) / 72
        self.setLineWrapColumnOrWidth(round(CHARS_PER_LINE * body.size * self.scale * px) + 4)
        self._building = True
        try:
            self.document().clear()
            self.slots, self.blocks, self.field_slots = [], [], {}
            cursor = QTextCursor(self.document())
            cursor.beginEditBlock()  # one layout for the whole page, not one per insertion
            self._fixed(cursor, "title", title, first=True)
            self._paragraphs(cursor, outline.opening)
            for section in outline.report.parts:
                self._section(cursor, section, 1)
            self._paragraphs(cursor, outline.closing)
            for line in tail:
                self._fixed(cursor, "signature", line)
            cursor.endEditBlock()
        finally:
            self._building = False
        cursor = self.textCursor()
        cursor.setPosition(min(keep, self.document().characterCount() - 1))
        self.setTextCursor(cursor)

    def _new_block(self, cursor: QTextCursor, kind: str, level: int, slot: Slot, first: bool = False):
        text_style = self.style_.for_block(kind, level)
        block = QTextBlockFormat()
        block.setAlignment(_ALIGN.get(text_style.align, Qt.AlignJustify))
        block.setLineHeight(150, QTextBlockFormat.ProportionalHeight.value)
        size = text_style.size * self.scale
        if text_style.first_line_chars:
            block.setTextIndent(text_style.first_line_chars * size * max(self.logicalDpiX(), 1) / 72)
        char = QTextCharFormat()
        font = QFont()
        font.setFamilies(_FAMILIES.get(text_style.font, [text_style.font]))
        font.setPointSizeF(size)
        font.setBold(text_style.bold)
        char.setFont(font)
        if first:
            cursor.setBlockFormat(block)
            cursor.setBlockCharFormat(char)
        else:
            cursor.insertBlock(block, char)
        cursor.block().setUserState(len(self.slots))
        self.slots.append(slot)
        self.blocks.append(cursor.block())
        return char

    def _fixed(self, cursor, kind: str, text: str, first: bool = False) -> None:
        char = self._new_block(cursor, kind, 0, Slot("fixed"), first)
        grey = QTextCharFormat(char)
        grey.setForeground(Qt.darkGray)
        cursor.insertText(text, grey)

    def _paragraphs(self, cursor, container) -> None:
        for paragraph in container.paragraphs:
            char = self._new_block(cursor, "paragraph", 0, Slot("paragraph", paragraph, container))
            if paragraph.rows:
                self.slots[-1].kind = "fixed"
                cursor.insertText(f"（表格，{len(paragraph.rows)} 行）", char)
                continue
            self._pieces(cursor, paragraph.lead, char, lead=True)
            self._pieces(cursor, paragraph.body, char, lead=False)

    def _section(self, cursor, section: Section, level: int) -> None:
        char = self._new_block(cursor, "heading", level, Slot("heading", section))
        number = self.outline.number(section)
        cursor.insertText(OBJECT_CHARACTER, atom_format(char, NUMBER, number))
        self._pieces(cursor, section.heading, char, lead=False)
        self._paragraphs(cursor, section)
        for child in section.children:
            self._section(cursor, child, level + 1)

    def _pieces(self, cursor, source: str, char: QTextCharFormat, lead: bool) -> None:
        fmt = QTextCharFormat(char)
        if lead:
            fmt.setFontWeight(QFont.Bold)
            fmt.setProperty(LEAD, 1)  # an int: a Python bool in a QVariant trips a PySide refcount bug
        for piece in split_pieces(source, self.fields):
            if piece.kind == TEXT:
                cursor.insertText(piece.text, fmt)
            else:
                cursor.insertText(OBJECT_CHARACTER, atom_format(fmt, piece.kind, piece.text, piece.name))
                if piece.kind in (FIELD, CODE):  # which blocks to redraw when this field (or the year…) changes
                    key = piece.name if piece.kind == FIELD else CODE_ATOMS
                    self.field_slots.setdefault(key, set()).add(cursor.block().userState())

    # Reading a block back into the report's terms

    def slot_at(self, block) -> Slot | None:
        index = block.userState()
        return self.slots[index] if 0 <= index < len(self.slots) else None

    def block_source(self, block) -> tuple[str, str]:
        """(lead, body) of a paragraph block, or ("", heading) of a heading block, as the model keeps them."""
        lead, body, in_lead = [], [], True
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            if fmt.objectType() == ATOM:
                text = "" if fmt.property(KIND) == NUMBER else fmt.property(SOURCE) * len(fragment.text())
            else:
                text = fragment.text()
            is_lead = fmt.property(LEAD) == 1 and in_lead
            if text:
                (lead if is_lead else body).append(text)
                in_lead = is_lead
            iterator += 1
        return "".join(lead), "".join(body)

    def _contents_changed(self, position: int, removed: int, added: int) -> None:
        if self._building:
            return
        block = self.document().findBlock(position)
        slot = self.slot_at(block)
        if slot is None or slot.kind == "fixed":
            return
        lead, body = self.block_source(block)
        if slot.kind == "heading":
            self.edited.emit(slot.node, "heading", body)
            return
        if lead != slot.node.lead:
            self.edited.emit(slot.node, "lead", lead)
        if body != slot.node.body:
            self.edited.emit(slot.node, "body", body)

    # Keeping the page in step with the report

    def refresh_node(self, node) -> None:
        """Redraw one paragraph or heading after an undo or a fix changed it from outside."""
        for number, slot in enumerate(self.slots):
            if slot.node is node and slot.kind != "fixed":
                block = self._block_of(number)
                wanted = ("", node.heading) if slot.kind == "heading" else (node.lead, node.body)
                if block.isValid() and (self.block_source(block) != wanted or not self._numbered(block, slot)):
                    self._rewrite(block, slot)
                return

    @staticmethod
    def _numbered(block, slot: Slot) -> bool:
        """A heading block still starts with its drawn number (a selection from the line's start can delete it)."""
        if slot.kind != "heading":
            return True
        iterator = block.begin()
        return not iterator.atEnd() and iterator.fragment().charFormat().property(KIND) == NUMBER

    def _block_of(self, slot_index: int):
        return self.blocks[slot_index]

    def _rewrite(self, block, slot: Slot) -> None:
        self._building = True
        try:
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.EndOfBlock, QTextCursor.KeepAnchor)
            cursor.removeSelectedText()
            char = block.charFormat()
            char.clearProperty(LEAD)
            char.setFontWeight(QFont.Bold if self.style_.for_block(
                "heading" if slot.kind == "heading" else "paragraph", self._level(slot)).bold else QFont.Normal)
            if slot.kind == "heading":
                cursor.insertText(OBJECT_CHARACTER, atom_format(char, NUMBER, self.outline.number(slot.node)))
                self._pieces(cursor, slot.node.heading, char, lead=False)
            else:
                self._pieces(cursor, slot.node.lead, char, lead=True)
                self._pieces(cursor, slot.node.body, char, lead=False)
        finally:
            self._building = False

    def _level(self, slot: Slot) -> int:
        return self.outline.level(slot.node) if slot.kind == "heading" else 0

    def redraw_atoms(self, name: str | None = None) -> None:
        """A field's value changed (or, with no name, any field's): the blocks showing it lay out again."""
        if name is None:
            self.document().markContentsDirty(0, self.document().characterCount())
            return
        for index in self.field_slots.get(name, ()):
            block = self.blocks[index]
            if block.isValid():
                self.document().markContentsDirty(block.position(), block.length())

    def show_node(self, node, source_offset: int = 0) -> None:
        """Put the cursor in this paragraph or heading (at a place in its source, default its start) and show it."""
        for number, slot in enumerate(self.slots):
            if slot.node is node:
                block = self._block_of(number)
                offsets = self._source_offsets(block)
                column = next((i for i, at in enumerate(offsets) if at >= source_offset and
                               (slot.kind != "heading" or i > 0)), len(offsets))
                cursor = self.textCursor()
                cursor.setPosition(block.position() + column)
                self.setTextCursor(cursor)
                self.ensureCursorVisible()
                return

    def painter_texts(self, block) -> list[str]:
        """What the atoms of a block show, in order (the heading number, field values, 【待填：…】, 注)."""
        shown, iterator = [], block.begin()
        while not iterator.atEnd():
            fmt = iterator.fragment().charFormat()
            if fmt.objectType() == ATOM:
                shown += [atom_text(self, fmt)[0]] * len(iterator.fragment().text())
            iterator += 1
        return shown

    def current_slot(self) -> Slot | None:
        return self.slot_at(self.textCursor().block())

    # Where the cursor may go and what keys do

    def _cursor_moved(self) -> None:
        if self._building:  # text going in before the cursor moves it; nobody moved it
            return
        cursor = self.textCursor()
        slot = self.slot_at(cursor.block())
        if slot is not None and slot.kind == "heading" and cursor.positionInBlock() == 0 and not cursor.hasSelection():
            cursor.movePosition(QTextCursor.NextCharacter)  # the number is drawn, not typed over
            self.setTextCursor(cursor)
            return
        if slot is not None and slot.node is not None and slot.node is not self._focused:
            self._focused = slot.node  # said once per paragraph entered, not on every cursor step
            self.node_focused.emit(slot.node)

    def event(self, event):
        # Ctrl+Z and Ctrl+Y belong to the window's undo stack, not to the text box.
        if event.type() == QEvent.ShortcutOverride and (event.matches(QKeySequence.Undo) or event.matches(QKeySequence.Redo)):
            event.ignore()
            return False
        if event.type() == QEvent.ToolTip:
            self._tooltip(event)
            return True
        return super().event(event)

    def inputMethodEvent(self, event):
        slot = self.current_slot()
        if event.commitString() and (slot is None or slot.kind == "fixed" or self._spans_blocks(self.textCursor())):
            self.message.emit("标题、落款、成文日期和表格不在页面上修改；跨段落的选择请分段修改")
            event.accept()
            return
        super().inputMethodEvent(event)

    def keyPressEvent(self, event):
        cursor = self.textCursor()
        slot = self.slot_at(cursor.block())
        key = event.key()
        if key == Qt.Key_B and event.modifiers() & Qt.ControlModifier:
            self._toggle_lead(cursor, slot)
            return
        if event.matches(QKeySequence.Undo) or event.matches(QKeySequence.Redo):
            event.ignore()
            return
        if self._spans_blocks(cursor) and (event.text() or key in (Qt.Key_Backspace, Qt.Key_Delete, Qt.Key_Return)):
            self.message.emit("选中的文字跨了段落，请分段修改")
            return
        if slot is None or slot.kind == "fixed":
            if event.text() or key in (Qt.Key_Backspace, Qt.Key_Delete, Qt.Key_Return, Qt.Key_Enter):
                self.message.emit("标题、落款和成文日期在右侧“报告信息”中修改")
                return
            super().keyPressEvent(event)
            return
        if key in (Qt.Key_Return, Qt.Key_Enter):
            self._enter(cursor, slot)
            return
        if key == Qt.Key_Backspace and not cursor.hasSelection() and self._at_start(cursor, slot):
            self._join_previous(cursor, slot)
            return
        if key == Qt.Key_Delete and not cursor.hasSelection() and cursor.atBlockEnd():
            self._join_next(cursor, slot)
            return
        super().keyPressEvent(event)

    def _spans_blocks(self, cursor: QTextCursor) -> bool:
        if not cursor.hasSelection():
            return False
        doc = self.document()
        return doc.findBlock(cursor.selectionStart()) != doc.findBlock(cursor.selectionEnd())

    @staticmethod
    def _at_start(cursor: QTextCursor, slot: Slot) -> bool:
        return cursor.positionInBlock() <= (1 if slot.kind == "heading" else 0)

    def _enter(self, cursor: QTextCursor, slot: Slot) -> None:
        atom = self._atom_before_or_after(cursor)
        if atom is not None and atom.property(KIND) == FIELD and cursor.hasSelection():
            self.field_activated.emit(atom.property(NAME))
            return
        if slot.kind == "heading":
            if cursor.atBlockEnd():
                self.heading_enter.emit(slot.node)
            return
        before, after = self.split_at(cursor)
        self.split_requested.emit(slot.node, before, after)

    def split_at(self, cursor: QTextCursor) -> tuple[str, str]:
        """A paragraph's source cut at the cursor: (lead and body before, body after), lead kept with the first."""
        block = cursor.block()
        lead, body = self.block_source(block)
        offset = cursor.positionInBlock()
        shown = self._source_offsets(block)
        cut = shown[offset] if offset < len(shown) else len(lead) + len(body)
        whole = lead + body
        return whole[:cut], whole[cut:]

    def _source_offsets(self, block) -> list[int]:
        """For each position in the block, where it falls in lead + body."""
        offsets, position = [], 0
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            for _ in fragment.text():
                offsets.append(position)
                if fmt.objectType() == ATOM:
                    position += 0 if fmt.property(KIND) == NUMBER else len(fmt.property(SOURCE))
                else:
                    position += 1
            iterator += 1
        return offsets

    def _neighbour(self, block, step: int):
        other = block.previous() if step < 0 else block.next()
        return other, self.slot_at(other) if other.isValid() else None

    def _join_previous(self, cursor: QTextCursor, slot: Slot) -> None:
        previous, other = self._neighbour(cursor.block(), -1)
        if slot.kind == "paragraph" and other and other.kind == "paragraph" and other.container is slot.container:
            self.join_requested.emit(other.node, slot.node)
        else:
            self.message.emit("段首的退格只能并入同一部分的上一段")

    def _join_next(self, cursor: QTextCursor, slot: Slot) -> None:
        following, other = self._neighbour(cursor.block(), 1)
        if slot.kind == "paragraph" and other and other.kind == "paragraph" and other.container is slot.container:
            self.join_requested.emit(slot.node, other.node)

    def _toggle_lead(self, cursor: QTextCursor, slot: Slot | None) -> None:
        """Ctrl+B: the selected opening words become the lead (bold); on the lead itself, it stops being one."""
        if slot is None or slot.kind != "paragraph":
            return
        block = cursor.block()
        start, end = cursor.selectionStart() - block.position(), cursor.selectionEnd() - block.position()
        lead, body = self.block_source(block)
        shown = self._source_offsets(block) + [len(lead) + len(body)]
        if start != 0 or end == 0:
            if lead:
                self.lead_changed.emit(slot.node, "", lead + body)
            else:
                self.message.emit("选中段首的一句，按 Ctrl+B 设为段首句（加粗）")
            return
        whole = lead + body
        cut = shown[min(end, len(shown) - 1)]
        new_lead = "" if whole[:cut] == lead else whole[:cut]
        self.lead_changed.emit(slot.node, new_lead, whole[len(new_lead):])

    # Fields

    def _atom_before_or_after(self, cursor: QTextCursor) -> QTextCharFormat | None:
        for position in (cursor.selectionStart(), max(0, cursor.selectionEnd() - 1)):
            probe = QTextCursor(self.document())
            probe.setPosition(position)
            probe.movePosition(QTextCursor.NextCharacter, QTextCursor.KeepAnchor)
            fmt = probe.charFormat()
            if fmt.objectType() == ATOM:
                return fmt
        return None

    def atom_at(self, point) -> QTextCharFormat | None:
        cursor = self.cursorForPosition(point)
        for step in (QTextCursor.NextCharacter, QTextCursor.PreviousCharacter):
            probe = QTextCursor(cursor)
            probe.movePosition(step, QTextCursor.KeepAnchor)
            if probe.selectedText() == OBJECT_CHARACTER and probe.charFormat().objectType() == ATOM:
                return probe.charFormat()
        return None

    def mouseDoubleClickEvent(self, event):
        atom = self.atom_at(event.position().toPoint())
        if atom is not None and atom.property(KIND) == FIELD:
            self.field_activated.emit(atom.property(NAME))
            return
        super().mouseDoubleClickEvent(event)

    def _tooltip(self, event) -> None:
        atom = self.atom_at(event.pos())
        field = self.fields.get(atom.property(NAME)) if atom is not None else None
        if field is None:
            QToolTip.hideText()
            return
        previous = ("去年 " + format_number(field.previous, field.type, field.unit, field.qualifier)
                    if field.previous is not None else "去年：无")
        QToolTip.showText(event.globalPos(), f"{field.label}\n{previous}\n双击到统计数据中填写", self)

    def insert_field(self, name: str) -> bool:
        """Put a field at the cursor (Ctrl+I); only inside a paragraph or heading."""
        slot = self.current_slot()
        if slot is None or slot.kind == "fixed" or name not in self.fields:
            return False
        cursor = self.textCursor()
        cursor.insertText(OBJECT_CHARACTER, atom_format(cursor.charFormat(), FIELD, field_source(name), name))
        return True

    def selection_source(self) -> tuple[str, str, str] | None:
        """(before, selected, after) of the current paragraph's source around a selection within it."""
        cursor = self.textCursor()
        slot = self.current_slot()
        if slot is None or slot.kind != "paragraph" or not cursor.hasSelection() or self._spans_blocks(cursor):
            return None
        block = cursor.block()
        lead, body = self.block_source(block)
        shown = self._source_offsets(block) + [len(lead) + len(body)]
        start = shown[cursor.selectionStart() - block.position()]
        end = shown[cursor.selectionEnd() - block.position()]
        whole = lead + body
        return whole[:start], whole[start:end], whole[end:]

    def code_text(self, source: str) -> str:
        """Template code as a reader understands it: {{ year }} shows the year."""
        inner = source.strip("{}% ").strip()
        if self.meta is not None:
            values = {"year": self.meta.year, "next_year": self.meta.year + 1, "previous_year": self.meta.year - 1,
                      "organisation": self.meta.organisation or "【单位名称】"}
            if inner in values:
                return str(values[inner])
        return source

    # Paste: plain text; several lines become several paragraphs

    def insertFromMimeData(self, source):
        text = source.text().replace("\r\n", "\n").replace("\r", "\n")
        slot = self.current_slot()
        if slot is None or slot.kind == "fixed" or not text:
            return
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if slot.kind == "heading" or not lines:
            self.textCursor().insertText(" ".join(lines))
            return
        cursor = self.textCursor()
        if cursor.hasSelection():
            if self._spans_blocks(cursor):
                self.message.emit("选中的文字跨了段落，请分段修改")
                return
            cursor.removeSelectedText()
        before, after = self.split_at(cursor)
        self.paste_requested.emit(slot.node, before, after, lines)

    def canInsertFromMimeData(self, source):
        return source.hasText()
