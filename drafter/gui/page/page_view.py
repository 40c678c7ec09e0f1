"""The page: the whole report laid out like the printed page, written in directly. Every change goes to the
window as an edit of one paragraph or heading (or a split, join or paste), and the page redraws from the report."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QToolTip

from drafter.core.text.numbers import format_number
from drafter.core.text.pieces import FIELD, field_source
from drafter.gui.page.page_atoms import ATOM, KIND, NAME, OBJECT_CHARACTER, AtomPainter, atom_format
from drafter.gui.page.page_layout import CHARS_PER_LINE, CODE_ATOMS, PageLayout
from drafter.gui.page.page_plan import Slot
from drafter.gui.page.page_sync import PageSync
from drafter.gui.page.printed_lines import FixedLine, TailLines

__all__ = ["CHARS_PER_LINE", "CODE_ATOMS", "PageView", "Slot"]


class PageView(PageSync, PageLayout, QTextEdit):
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
        self.style_ = None  # the Style the page is laid out in
        self.outline = None  # the report's Outline
        self.scale = 0.9
        self._right_rooms: dict[str, int] = {}  # pixels kept free right of the page, by who wants them
        self.fixed_lines: tuple[FixedLine, TailLines] = ((), [])
        self._focused = None
        self._building = False
        self._start_gradual_layout()
        self.painter = AtomPainter(self)
        self.document().documentLayout().registerHandler(ATOM, self.painter)
        self.document().contentsChange.connect(self._contents_changed)
        self.cursorPositionChanged.connect(self._cursor_moved)
        self.setLineWrapMode(QTextEdit.FixedPixelWidth)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.center_page()

    @property
    def right_room(self) -> int:
        """The room kept right of the page: the most any note beside it wants (comments, a change shown in place)."""
        return max(self._right_rooms.values(), default=0)

    def keep_right_room(self, owner: str, pixels: int) -> None:
        """`owner` wants `pixels` right of the page (0: none); the page is centred again for whoever wants most."""
        self._right_rooms[owner] = pixels
        self.center_page()

    def center_page(self) -> None:
        """The page's lines in the middle of a wider pane, as a word processor shows a page, not against its left;
        moved left as far as needed for `right_room` pixels on its right (comments beside it), when there is room."""
        room = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        extra = max(0, room - self.lineWrapColumnOrWidth())
        right = max(extra // 2, min(extra, self.right_room))
        if (self.viewportMargins().left(), self.viewportMargins().right()) != (extra - right, right):
            self.setViewportMargins(extra - right, 0, right, 0)

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
        if _needs_whole_page(event):  # Enter, Delete, Ctrl+End and the like may need the blocks still to come
            self.finish_layout()
        if self.isReadOnly():  # someone else has the project open: moving about and copying only
            super().keyPressEvent(event)
            return
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
        previous = ("去年 " + format_number(field.previous, field.type, field.unit, field.qualifier, field.notation)
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

    # Paste: plain text; several lines become several paragraphs

    def insertFromMimeData(self, source):
        self.finish_layout()
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


def _needs_whole_page(event) -> bool:
    """Keys that split or join blocks, or reach the end of the report (Ctrl+End, Ctrl+A, shortcuts); typing and
    moving about in what is laid out do not wait for the rest."""
    control = event.modifiers() & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier)
    return bool(control) or event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Backspace, Qt.Key_Delete)
