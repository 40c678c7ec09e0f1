"""The page's text: the report laid out block by block (a paragraph or heading per block, with its atoms), read
back into lead, body and heading, and kept in step when the report changes from elsewhere (undo, fixes)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QTextBlockFormat, QTextCharFormat, QTextCursor

from drafter.core.report.model import Section
from drafter.core.report.outline import Outline
from drafter.core.text.fieldtext import BUILT_IN_LABELS, built_in_values, token
from drafter.core.text.pieces import CODE, FIELD, TEXT, split_pieces
from drafter.core.word.style import Style
from drafter.gui.page.page_atoms import (ATOM, KIND, LEAD, NUMBER, OBJECT_CHARACTER, SOURCE, atom_format,
                                    unfilled_format)
from drafter.gui.page.page_plan import Planned, Slot, plan_blocks
from drafter.gui.page.printed_lines import FixedLine, TailLines

CHARS_PER_LINE = 28
# A newly opened report lays out this many blocks before the window shows (a screen holds about fifteen) and the
# rest in steps of as many between events: a 250-page report would keep the window from showing for half a second.
FIRST_BLOCKS = 60
BLOCKS_PER_STEP = 60
CODE_ATOMS = "{code}"  # redraw key of the atoms showing the year, the organisation and other template code
_FAMILIES = {
    "方正小标宋简体": ["方正小标宋简体", "SimSun", "Noto Serif CJK SC"],
    "黑体": ["黑体", "SimHei", "Noto Sans CJK SC"],
    "楷体_GB2312": ["楷体_GB2312", "KaiTi", "楷体", "Noto Serif CJK SC"],
    "仿宋_GB2312": ["仿宋_GB2312", "FangSong", "仿宋", "Noto Serif CJK SC"],
}


@cache
def installed_families() -> frozenset[str]:
    """The font families of this computer, asked once: Qt lists them all each time."""
    return frozenset(QFontDatabase.families())


@cache
def page_families(font: str) -> list[str]:
    """The families the page shows a style's font in: its stand-ins installed here, in order (all of them when none
    is). A family Qt cannot find costs a search for a fallback in every block that names it."""
    stand_ins = _FAMILIES.get(font, [font])
    return [family for family in stand_ins if family in installed_families()] or stand_ins


_ALIGN = {"both": Qt.AlignJustify, "center": Qt.AlignHCenter, "right": Qt.AlignRight, "left": Qt.AlignLeft}


class PageLayout:
    """Mixed into PageView (a QTextEdit): everything about what the blocks hold, nothing about keys."""

    def show_report(self, outline: Outline, fields: dict, style: Style, title: FixedLine = (),
                    tail: TailLines = (), gradual: bool = False) -> None:
        """Lay the whole report out again (a new project, or a change of structure); keeps the cursor's place.
        gradual: only the first pages now, the rest in steps between events (a newly opened long report)."""
        self.outline, self.fields, self.style_ = outline, fields, style
        self._focused = None
        self.meta = outline.report.meta
        self.fixed_lines = (title, list(tail))
        keep = self.textCursor().position()
        body = style.styles["body"]
        px = max(self.logicalDpiX(), 1) / 72
        width = round(CHARS_PER_LINE * body.size * self.scale * px) + 4
        if self.lineWrapColumnOrWidth() != width:  # setting it, even unchanged, lays the whole page out again
            self.setLineWrapColumnOrWidth(width)
            self.center_page()
        self._building = True
        try:
            self.document().clear()
            self.painter.forget()
        finally:
            self._building = False
        self.slots, self.blocks, self.field_slots = [], [], {}
        self._end = QTextCursor(self.document())
        self._steps = self._blocks_of(outline, title, tail)
        self._lay_out(FIRST_BLOCKS if gradual else None)
        cursor = self.textCursor()
        cursor.setPosition(min(keep, self.document().characterCount() - 1))
        self.setTextCursor(cursor)

    def _start_gradual_layout(self) -> None:
        self._steps = None  # the blocks a gradual layout still has to put in (a generator), or None
        self._end = None  # where they go: a cursor at the end of the page
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self._more_blocks)

    def finish_layout(self) -> None:
        """Lay out what a gradual show_report left for later (before anything needs every block)."""
        if self._steps is not None:
            self._more.stop()
            self._lay_out(None)

    def _lay_out(self, limit: int | None) -> None:
        """The next blocks (all with no limit) in one edit block, after those already there; the reader's cursor
        stays where it was even at the very end, where text going in would carry it along."""
        user = self.textCursor()
        anchor, position = user.anchor(), user.position()
        self._building = True
        self._end.beginEditBlock()  # one layout for the whole step, not one per insertion
        try:
            done = 0
            for _ in self._steps:
                done += 1
                if limit is not None and done >= limit:
                    break
            else:
                self._steps = None
        finally:
            self._end.endEditBlock()
            if (user.anchor(), user.position()) != (anchor, position):
                user.setPosition(anchor)
                user.setPosition(position, QTextCursor.KeepAnchor)
                self.setTextCursor(user)
            self._building = False
        if self._steps is not None:
            self._more.start()

    def _more_blocks(self) -> None:
        if self._steps is not None:
            self._lay_out(BLOCKS_PER_STEP)

    def _blocks_of(self, outline: Outline, title: FixedLine, tail: TailLines):
        """Each block of the page in reading order, put in as the generator goes (one yield per block)."""
        for index, item in enumerate(plan_blocks(outline, title, tail)):
            self._insert(self._end, item, first=index == 0)
            yield

    def _insert(self, cursor, item: Planned, first: bool = False) -> None:
        """One planned block after the cursor (or as the page's first block)."""
        if item.kind == "fixed":
            self._fixed(cursor, item.node, item.detail, first)
        elif item.kind == "paragraph":
            self._paragraph(cursor, item.node, item.detail)
        else:
            self._heading(cursor, item.node, item.detail)
        self.slots[-1].key = item.key

    def _new_block(self, cursor: QTextCursor, kind: str, level: int, slot: Slot, first: bool = False,
                   first_line_chars: float | None = None, align_left: bool = False):
        """first_line_chars, align_left: the first line's indent and the alignment, where they are not the style's."""
        text_style = self.style_.for_block(kind, level)
        block = QTextBlockFormat()
        block.setAlignment(Qt.AlignLeft if align_left else _ALIGN.get(text_style.align, Qt.AlignJustify))
        block.setLineHeight(150, QTextBlockFormat.ProportionalHeight.value)
        size = text_style.size * self.scale
        indent = text_style.first_line_chars if first_line_chars is None else first_line_chars
        if indent:
            block.setTextIndent(indent * size * max(self.logicalDpiX(), 1) / 72)
        char = QTextCharFormat()
        font = QFont()
        font.setFamilies(page_families(text_style.font))
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

    def _fixed(self, cursor, kind: str, line: FixedLine, first: bool = False) -> None:
        note = kind == "attachment_note"  # 附件：… starts two characters in at the left, as it prints
        char = self._new_block(cursor, "paragraph" if kind == "blank" else kind, 0, Slot("fixed"), first,
                               first_line_chars=2 if note else None, align_left=note)
        grey = QTextCharFormat(char)
        grey.setForeground(Qt.darkGray)
        unfilled = unfilled_format(char)
        for text, is_unfilled in line:
            cursor.insertText(text, unfilled if is_unfilled else grey)

    def _paragraph(self, cursor, paragraph, container) -> None:
        table = bool(paragraph.rows)
        char = self._new_block(cursor, "paragraph", 0, Slot("fixed" if table else "paragraph", paragraph, container))
        if table:
            cursor.insertText(f"（表格，{len(paragraph.rows)} 行）", char)
        else:
            self._pieces(cursor, paragraph.lead, char, lead=True)
            self._pieces(cursor, paragraph.body, char, lead=False)

    def _heading(self, cursor, section: Section, level: int) -> None:
        number = self.outline.number(section)
        char = self._new_block(cursor, "heading", level, Slot("heading", section))
        cursor.insertText(OBJECT_CHARACTER, atom_format(char, NUMBER, number))
        self._pieces(cursor, section.heading, char, lead=False)

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

    def refresh_node(self, node) -> None:
        """Redraw one paragraph or heading after an undo or a fix changed it from outside."""
        number = self.slot_number(node)
        if number is None:
            return
        slot, block = self.slots[number], self._block_of(number)
        wanted = ("", node.heading) if slot.kind == "heading" else (node.lead, node.body)
        if block.isValid() and (self.block_source(block) != wanted or not self._numbered(block, slot)):
            self._rewrite(block, slot)

    def slot_number(self, node, editable: bool = True) -> int | None:
        """The slot showing this paragraph or heading (or table, unless editable), laying out the rest of the page
        if it is not there yet."""
        for attempt in range(2):
            for number, slot in enumerate(self.slots):
                if slot.node is node and (slot.kind != "fixed" or not editable):
                    return number
            if attempt == 0 and self._steps is None:
                return None
            self.finish_layout()
        return None

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
        old, user = block.text(), self.textCursor()
        caret_here = user.block() == block and not user.hasSelection()
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
        if caret_here:  # an undo or a fix in the paragraph being written: the caret goes to where it changed
            caret = QTextCursor(block)
            caret.setPosition(block.position() + _end_of_change(old, block.text()))
            self.setTextCursor(caret)

    def _level(self, slot: Slot) -> int:
        return self.outline.level(slot.node) if slot.kind == "heading" else 0

    def redraw_atoms(self, name: str | None = None) -> None:
        """A field's value changed (or, with no name, any field's): the blocks showing it lay out again."""
        self.painter.forget()  # a mark's name or its place on the line may change with any field's value
        if name is None:
            self.document().markContentsDirty(0, self.document().characterCount())
            return
        for index in self.field_slots.get(name, ()):
            block = self.blocks[index]
            if block.isValid():
                self.document().markContentsDirty(block.position(), block.length())

    def show_node(self, node, source_offset: int = 0, length: int = 0) -> None:
        """Put the cursor in this paragraph or heading (at a place in its source, default its start; selecting
        `length` characters of the source from there) and show it."""
        number = self.slot_number(node, editable=False)
        if number is None:
            return
        slot, block = self.slots[number], self._block_of(number)
        offsets = self._source_offsets(block)

        def column(at: int) -> int:
            return next((i for i, offset in enumerate(offsets) if offset >= at and (slot.kind != "heading" or i > 0)),
                        len(offsets))

        cursor = self.textCursor()
        cursor.setPosition(block.position() + column(source_offset))
        if length:
            cursor.setPosition(block.position() + column(source_offset + length), QTextCursor.KeepAnchor)
        self.setTextCursor(cursor)
        self.reveal_cursor()

    def reveal_cursor(self) -> None:
        """Scroll the cursor to the middle of the page when it is near an edge or out of sight: a place gone to (a
        finding, a new heading) stood on the last visible line, easy to miss."""
        self.ensureCursorVisible()  # first within reach, so its rectangle is known
        where, height = self.cursorRect().center().y(), self.viewport().height()
        if not height // 4 <= where <= height * 3 // 4:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + where - height // 2)

    def select_words(self, node, words: str) -> bool:
        """Select where these words first stand in the paragraph's or heading's text (a finding's excerpt);
        False, the cursor left alone, when they are not there as written (they run across a field, say)."""
        source = node.heading if isinstance(node, Section) else node.lead + node.body
        start = source.find(words) if words else -1
        if start < 0:
            return False
        self.show_node(node, start, len(words))
        return True

    def painter_texts(self, block) -> list[str]:
        """What the atoms of a block show, in order (the heading number, field values, 【待填：…】, 注)."""
        shown, iterator = [], block.begin()
        while not iterator.atEnd():
            fmt = iterator.fragment().charFormat()
            if fmt.objectType() == ATOM:
                start = iterator.fragment().position()
                shown += [self.painter.shown(self.document(), start + offset, fmt)[0]
                          for offset in range(len(iterator.fragment().text()))]
            iterator += 1
        return shown

    def current_slot(self) -> Slot | None:
        return self.slot_at(self.textCursor().block())

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

    def code_text(self, source: str) -> str:
        """Template code as a reader understands it: {{ year }} shows the year."""
        inner = source.strip("{}% ").strip()
        if self.meta is not None and inner in BUILT_IN_LABELS:
            return str(built_in_values(self.meta).get(inner, token(BUILT_IN_LABELS[inner])))  # 【单位名称】 unfilled
        return source


def _end_of_change(old: str, new: str) -> int:
    """Where the changed stretch of a line ends in its new text (after what was put back, or where it was taken)."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return len(new) - suffix
