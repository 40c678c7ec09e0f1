"""The preview: Rendered blocks as styled HTML; clicking a paragraph reports which node it came from."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser

from drafter.core.render import Block, Rendered, Run
from drafter.core.style import Style

# Windows font names first, then what Linux desktops and the CI machine have.
_FALLBACKS = {
    "方正小标宋简体": "'方正小标宋简体', 'SimSun', 'Noto Serif CJK SC', serif",
    "黑体": "'黑体', 'SimHei', 'Noto Sans CJK SC', sans-serif",
    "楷体_GB2312": "'楷体_GB2312', 'KaiTi', '楷体', 'Noto Serif CJK SC', serif",
    "仿宋_GB2312": "'仿宋_GB2312', 'FangSong', '仿宋', 'Noto Serif CJK SC', serif",
}
_ALIGN = {"both": "justify", "center": "center", "right": "right", "left": "left"}


CHARS_PER_LINE = 28  # the official grid: the preview scales its fonts so a line breaks where the page will


def page_html(paragraphs: list[tuple[str, str]]) -> str:
    return ("<html><body style='background:white;'>"
            + "".join(f"<p style=\"{css}\">{content}</p>" for css, content in paragraphs) + "</body></html>")


def _block_html(block: Block, style: Style, scale: float, px_per_point: float) -> tuple[str, str]:
    """(the paragraph's CSS, its inner HTML)."""
    text_style = style.for_block(block.kind, block.level)
    family = _FALLBACKS.get(text_style.font, f"'{text_style.font}', serif")
    size = text_style.size * scale
    align = "left" if block.placement and block.placement[0] == "start" else _ALIGN.get(text_style.align, "justify")
    css = [f"font-family:{family}", f"font-size:{size:.2f}pt", "margin:0", f"text-align:{align}", "line-height:150%"]
    if block.indent is not None:  # an 附件说明 line: names aligned on their first character
        left, hanging = block.indent
        css += [f"margin-left:{round(left * size * px_per_point)}px", f"text-indent:{-round(hanging * size * px_per_point)}px"]
    elif text_style.first_line_chars:
        css.append(f"text-indent:{round(text_style.first_line_chars * size * px_per_point)}px")
    if text_style.bold:
        css.append("font-weight:bold")
    if block.placement is not None:
        side, chars = block.placement
        if side == "right":
            css.append(f"margin-right:{round(chars * size * px_per_point)}px")
        else:  # the line is CHARS_PER_LINE characters wide at this scale; start `chars` from its right end
            css.append(f"margin-left:{round((CHARS_PER_LINE - chars) * size * px_per_point)}px")
    content = escape(block.number)
    content += "".join(_run_html(run, bold=style.lead_bold and block.kind != "run_in") for run in block.lead)
    content += "".join(_run_html(run, bold=False) for run in block.runs)
    if block.rows:  # a table stays one <p> (one block, one paragraph): a row a line, cells apart
        content = "<br>".join("　｜　".join(escape(cell) for cell in row) for row in block.rows)
    return ";".join(css), content or "&nbsp;"


def _run_html(run: Run, bold: bool) -> str:
    text = escape(run.text).replace("\n", "<br>")
    if run.kind == "note":  # a footnote shows as its mark; its text is at the foot of the printed page
        return f"<sup title='{text}'>注</sup>"
    if run.kind == "missing":
        text = f"<span style='background:#fde047;color:#991b1b;'>{text}</span>"
    elif run.kind == "field":
        text = f"<span style='color:#1e40af;'>{text}</span>"
    return f"<b>{text}</b>" if bold else text


class Preview(QTextBrowser):
    """Read-only rendering; emits the source node id of a clicked paragraph."""

    block_clicked = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.sources: list[str] = []
        self.shown: tuple[Rendered, Style] | None = None
        self.paragraphs: list[tuple[str, str]] = []  # what the document shows now, block by block
        self._laying_out = False
        self.scale = 1.0
        self.setOpenLinks(False)

    def show_rendered(self, rendered: Rendered, style: Style) -> None:
        """Show a new rendering; when only some paragraphs' words changed (typing), only those are replaced,
        so a pause in typing in a 250-page report does not lay out all 250 pages again."""
        self.shown = (rendered, style)
        self.sources = [block.source for block in rendered.blocks]
        if not self.isVisible():  # laid out when shown, at its real width: a 250-page preview once, not twice
            self.paragraphs = []
            return
        if self._laying_out:  # a resize our own layout caused (a scroll bar came or went): handled below
            return
        bar = self.verticalScrollBar().value()
        self._laying_out = True
        try:
            for _ in range(2):  # the scroll bar appearing narrows the page once; then the scale holds
                self.scale = self.fitting_scale(style)
                px = max(self.logicalDpiX(), 1) / 72
                paragraphs = [_block_html(block, style, self.scale, px) for block in rendered.blocks]
                if not self._replace_changed(paragraphs):
                    self.setHtml(page_html(paragraphs))
                self.paragraphs = paragraphs
                if abs(self.fitting_scale(style) - self.scale) <= 0.01:
                    break
        finally:
            self._laying_out = False
        self.verticalScrollBar().setValue(bar)

    def _replace_changed(self, paragraphs: list[tuple[str, str]]) -> bool:
        """Replace the inner text of paragraphs whose content alone changed; False when the layout did."""
        old = self.paragraphs
        if len(old) != len(paragraphs) or self.document().blockCount() != len(old) or any(
                a[0] != b[0] for a, b in zip(old, paragraphs)):
            return False
        changed = [index for index, (a, b) in enumerate(zip(old, paragraphs)) if a[1] != b[1]]
        if len(changed) > 20:  # a change everywhere (a field used throughout): one relayout is quicker
            return False
        for index in changed:
            block = self.document().findBlockByNumber(index)
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.EndOfBlock, QTextCursor.KeepAnchor)
            css, content = paragraphs[index]
            cursor.insertHtml(f'<span style="{css}">{content}</span>')  # the paragraph's font, on its new words
        return True

    def fitting_scale(self, style: Style) -> float:
        """The font scale at which a body line of the preview holds 28 characters, as the page does."""
        body_points = style.styles["body"].size
        usable = self.viewport().width() - 2 * self.document().documentMargin() - 4
        points = usable * 72 / max(self.logicalDpiX(), 1)
        return max(0.3, min(2.0, points / (CHARS_PER_LINE * body_points)))

    def showEvent(self, event):
        super().showEvent(event)
        if self.shown is not None and not self.paragraphs:
            self.show_rendered(*self.shown)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self.shown is not None and abs(self.fitting_scale(self.shown[1]) - self.scale) > 0.01:
            self.show_rendered(*self.shown)

    def scroll_to_source(self, source: str) -> None:
        """Bring the paragraph that came from this outline node into view."""
        if source not in self.sources:
            return
        block = self.document().findBlockByNumber(self.sources.index(source))
        cursor = self.textCursor()
        cursor.setPosition(block.position())
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def show_error(self, message: str) -> None:
        self.sources, self.paragraphs = [], []
        self.setHtml(f"<p style='color:#b91c1c'>{escape(message)}</p>")

    def mouseReleaseEvent(self, event):
        super().mouseReleaseEvent(event)
        if event.button() != Qt.LeftButton:
            return
        number = self.cursorForPosition(event.position().toPoint()).block().blockNumber()
        if 0 <= number < len(self.sources) and self.sources[number]:
            self.block_clicked.emit(self.sources[number])
