"""A change of the reviewed file shown on the page where it lands: the words it strikes out struck through in red on
the page itself, and what it puts there in a green note level with them in the margin (under them where the window
leaves no margin). The report is not touched until the change is taken in."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLabel, QTextEdit

from drafter.core.review.in_place import InPlace
from drafter.gui.page.page_atoms import ATOM, STRUCK

NOTE_ROOM = 216  # pixels kept right of the page while a change is shown, as for comments (review.notes)
LEAST_MARGIN = 110  # a narrower margin could not hold a readable note: it goes under the line instead
NOTE_STYLE = ("QLabel#in-place { background: #dcfce7; border: 1px solid #16a34a; border-radius: 3px;"
              " padding: 2px 6px; color: #14532d; }")


class InPlaceView(QObject):
    """The page's red strike-through and green note for one change at a time; gone with the next one, when the
    list is closed, or as soon as the page's text changes (its places would no longer be the change's)."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.note = QLabel(page)
        self.note.setObjectName("in-place")
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setWordWrap(True)
        self.note.hide()
        self._block = None  # the page's block the change is shown on, None when nothing is shown
        self._anchor = 0  # the page position the note stands beside
        page.document().contentsChange.connect(lambda *_: self.clear())
        page.verticalScrollBar().valueChanged.connect(lambda _value: self._place())

    def show(self, block, printed: str, shown: InPlace) -> None:
        """`block`: the page's block for the change's printed block, whose printed text is `printed`."""
        self.clear()
        if block is None or not block.isValid():
            return
        self._block = block
        self.page.keep_right_room("change in place", NOTE_ROOM)
        positions = page_positions(self.page, block)
        spans = []
        if shown.whole:
            spans.append((block.position(), block.position() + block.length() - 1))
        elif len(positions) == len(printed):  # else the page shows it otherwise (a mark cut short): the note only
            spans += [(positions[start], positions[end - 1] + 1) for start, end, _new in shown.struck if end > start]
        self.page.setExtraSelections([_struck(self.page, start, end) for start, end in spans])
        # an atom draws itself: the painter strikes the ones inside these spans
        self.page.painter.struck = {position for start, end in spans for position in range(start, end)}
        self.page.viewport().update()
        self._anchor = spans[0][0] if spans else block.position()
        self.note.setText(shown.said)
        self.note.setVisible(bool(shown.said))
        self._place()

    def clear(self) -> None:
        if self._block is None:
            return
        self._block = None
        self.page.setExtraSelections([])
        self.page.painter.struck = set()
        self.page.viewport().update()
        self.note.hide()
        self.page.keep_right_room("change in place", 0)

    def _place(self) -> None:
        """The note level with the line the change starts on, in the margin right of the page; under that line,
        from its left edge, where the margin is too narrow."""
        if self._block is None or not self.note.isVisible():
            return
        cursor = QTextCursor(self.page.document())
        cursor.setPosition(self._anchor)
        line: QRect = self.page.cursorRect(cursor)
        viewport = self.page.viewport().geometry()
        scroll_bar = self.page.verticalScrollBar().width() if self.page.verticalScrollBar().isVisible() else 0
        margin = self.page.width() - viewport.right() - scroll_bar - 16
        if margin >= LEAST_MARGIN:
            self.note.setFixedWidth(min(margin, NOTE_ROOM - 16))
            self.note.adjustSize()
            self.note.move(viewport.right() + 8, viewport.top() + line.top())
        else:
            self.note.setMinimumWidth(0)
            self.note.setMaximumWidth(max(120, viewport.width() - line.left() - 12))
            self.note.adjustSize()
            self.note.move(viewport.left() + line.left(), viewport.top() + line.bottom() + 2)
        self.note.raise_()

def page_positions(page, block) -> list[int]:
    """For each character of the block as the page shows it, its page position (an atom shows several: a field's
    value, a heading's number)."""
    positions = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        fmt = fragment.charFormat()
        for offset in range(fragment.length()):
            position = fragment.position() + offset
            if fmt.objectType() == ATOM:
                text, _colour = page.painter.shown(page.document(), position, fmt)
                positions += [position] * len(text)
            else:
                positions.append(position)
        iterator += 1
    return positions


def _struck(page, start: int, end: int) -> QTextEdit.ExtraSelection:
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(page.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.KeepAnchor)
    selection.cursor = cursor
    fmt = QTextCharFormat()
    fmt.setFontStrikeOut(True)
    fmt.setForeground(QColor(STRUCK))
    fmt.setBackground(QColor("#fee2e2"))
    fmt.setProperty(QTextFormat.FullWidthSelection, False)
    selection.format = fmt
    return selection
