"""What the page draws as one character: a field (its value, or 【待填：…】), other template code, a footnote
mark and a heading's number. The cursor steps over each as one; the model keeps their source."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPyTextObject, QTextCharFormat, QTextFormat

from drafter.core.text.numbers import format_number
from drafter.core.text.pieces import CODE, FIELD, NOTE

ATOM = QTextFormat.UserObject + 1
KIND = QTextFormat.UserProperty + 1  # field, code, note or number
SOURCE = QTextFormat.UserProperty + 2  # the atom's source text, as the model keeps it
NAME = QTextFormat.UserProperty + 3  # a field's name
LEAD = QTextFormat.UserProperty + 4  # set on the characters of a paragraph's bold lead sentence
NUMBER = "number"
OBJECT_CHARACTER = "\ufffc"
_COLOURS = {FIELD: ("#dbeafe", "#1e40af"), "missing": ("#fde047", "#991b1b"), CODE: ("#e5e7eb", "#374151"),
            NOTE: ("#ffffff", "#1d4ed8"), NUMBER: ("#ffffff", "#111827")}


def unfilled_format(base: QTextCharFormat) -> QTextCharFormat:
    """Text marking something still to fill in (【待填：落款单位】 in the title), coloured as an unfilled field is."""
    fmt = QTextCharFormat(base)
    background, foreground = _COLOURS["missing"]
    fmt.setBackground(QColor(background))
    fmt.setForeground(QColor(foreground))
    return fmt


def atom_format(base: QTextCharFormat, kind: str, source: str, name: str = "") -> QTextCharFormat:
    """The character format of one atom, keeping the paragraph's font."""
    fmt = QTextCharFormat(base)
    fmt.setObjectType(ATOM)
    fmt.setVerticalAlignment(QTextCharFormat.AlignBaseline)  # sits on the line's baseline like the words around it
    fmt.setProperty(KIND, kind)
    fmt.setProperty(SOURCE, source)
    fmt.setProperty(NAME, name)
    return fmt


class AtomPainter(QPyTextObject):
    """Sizes and draws atoms from the report as it is now: a filled field shows its value as it will print."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view

    def intrinsicSize(self, doc, position, fmt):
        fmt = fmt.toCharFormat()
        metrics = QFontMetricsF(fmt.font())
        text, _ = atom_text(self.view, fmt)
        return QSizeF(metrics.horizontalAdvance(text) + 2, metrics.height())

    def drawObject(self, painter, rect, doc, position, fmt):
        fmt = fmt.toCharFormat()
        text, colour = atom_text(self.view, fmt)
        background, foreground = _COLOURS[colour]
        painter.save()
        if background != "#ffffff":
            # drawRect, not fillRect: fillRect's overloads make PySide build QGradient's 170 presets on first use
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor(background))
            painter.drawRect(QRectF(rect).adjusted(0, 1, 0, -1))
        painter.setPen(QColor(foreground))
        painter.setFont(fmt.font())
        metrics = QFontMetricsF(fmt.font())
        painter.drawText(QPointF(rect.left() + 1, rect.top() + metrics.ascent()), text)
        painter.restore()


def atom_text(view, fmt) -> tuple[str, str]:
    """What an atom shows and its colour key, from the report as it is now."""
    kind, source = fmt.property(KIND), fmt.property(SOURCE)
    if kind == FIELD:
        field = view.fields.get(fmt.property(NAME))
        if field is None:
            return source, CODE
        if not field.filled:
            return f"【待填：{field.label}】", "missing"
        return format_number(field.value, field.type, field.unit, field.qualifier, field.notation), FIELD
    if kind == NOTE:
        return "注", NOTE
    if kind == NUMBER:
        return source, NUMBER
    return view.code_text(source), CODE
