"""A reviewer's comments beside the page: a small note in the margin right of each paragraph or heading that has
one not yet done, level with it, following the page as it scrolls; hidden where the window leaves no margin."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel

NOTE_WIDTH = 200  # pixels, at most; the margin beside a centred page is often narrower, then the note is too
LEAST_WIDTH = 90  # narrower than this a note says nothing readable: not shown


class MarginNotes(QObject):
    """Notes as labels over the page widget's right margin (outside its viewport, so they never cover text)."""

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.labels: list[tuple[QLabel, object]] = []  # (label, the paragraph or section it is about)
        self.shown: list = []  # what the labels say, to make them again only when that changes
        page.verticalScrollBar().valueChanged.connect(lambda _value: self.place())
        page.document().documentLayout().documentSizeChanged.connect(lambda _size: self.place())
        page.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Resize:  # the page is centred anew: the margin moves
            self.place()
        return False

    def show(self, nodes: list) -> None:
        """One note for each node with comments not yet done (nodes: every paragraph and section of the report)."""
        wanted = [(node, [remark.text for remark in node.remarks if not remark.done]) for node in nodes]
        wanted = [(node, texts) for node, texts in wanted if texts]
        if [(id(node), texts) for node, texts in wanted] == self.shown:
            self.place()
            return
        self.shown = [(id(node), texts) for node, texts in wanted]
        for label, _node in self.labels:
            label.deleteLater()
        self.labels = []
        for node in nodes:
            open_remarks = [remark for remark in getattr(node, "remarks", []) if not remark.done]
            if not open_remarks:
                continue
            label = QLabel("\n".join(_line(remark) for remark in open_remarks), self.page)
            label.setObjectName("margin-note")
            label.setWordWrap(True)
            label.setStyleSheet("QLabel#margin-note { background: #fef9c3; border-left: 3px solid #eab308;"
                                " padding: 3px 5px; color: #3f3f46; }")
            label.setToolTip(label.text())
            label.setAttribute(Qt.WA_TransparentForMouseEvents)
            self.labels.append((label, node))
        self.page.keep_right_room("comments", NOTE_WIDTH + 16 if self.labels else 0)
        self.place()

    def place(self) -> None:
        viewport = self.page.viewport().geometry()
        scroll_bar = self.page.verticalScrollBar().width() if self.page.verticalScrollBar().isVisible() else 0
        width = min(NOTE_WIDTH, self.page.width() - viewport.right() - scroll_bar - 16)
        for label, node in self.labels:
            top = self._top_of(node)
            if width < LEAST_WIDTH or top is None:
                label.hide()
                continue
            label.setFixedWidth(width)
            label.adjustSize()
            label.move(viewport.right() + 8, viewport.top() + top)
            label.setVisible(-label.height() < top < viewport.height())

    def _top_of(self, node) -> int | None:
        """Where the node's block starts, in viewport pixels; None when it is not laid out on the page yet."""
        number = next((index for index, slot in enumerate(self.page.slots) if slot.node is node), None)
        if number is None or number >= len(self.page.blocks):
            return None
        block = self.page.blocks[number]
        if not block.isValid():
            return None
        rect = self.page.document().documentLayout().blockBoundingRect(block)
        return int(rect.top() - self.page.verticalScrollBar().value())


def _line(remark) -> str:
    who = f"{remark.author}：" if remark.author else ""
    return f"批注 {who}{remark.text}"
