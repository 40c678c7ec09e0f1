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
STRUCK = "#b91c1c"  # the red of words a reviewer's change strikes out
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
        self._fitted: dict[tuple, dict[int, str]] = {}  # a block's marks as fitted (shown), by its state
        self.struck: set[int] = set()  # positions of atoms a reviewer's change strikes out (review.in_place)

    def intrinsicSize(self, doc, position, fmt):
        fmt = fmt.toCharFormat()
        metrics = QFontMetricsF(fmt.font())
        text, _ = self.shown(doc, position, fmt)
        return QSizeF(metrics.horizontalAdvance(text) + 2, metrics.height())

    def drawObject(self, painter, rect, doc, position, fmt):
        fmt = fmt.toCharFormat()
        text, colour = self.shown(doc, position, fmt)
        background, foreground = _COLOURS[colour]
        painter.save()
        if background != "#ffffff":
            # drawRect, not fillRect: fillRect's overloads make PySide build QGradient's 170 presets on first use
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor(background))
            painter.drawRect(QRectF(rect).adjusted(0, 1, 0, -1))
        struck = position in self.struck
        painter.setPen(QColor(STRUCK if struck else foreground))
        font = fmt.font()
        font.setStrikeOut(struck)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        painter.drawText(QPointF(rect.left() + 1, rect.top() + metrics.ascent()), text)
        painter.restore()

    def shown(self, doc, position: int, fmt) -> tuple[str, str]:
        """What the atom at `position` shows: atom_text, with an unfilled field's name cut to the room left on its
        line (fitted_marks). A block is fitted once for each state of its text and width (the layout asks for every
        atom's size, and a report just rolled forward has thousands of unfilled fields); forget() drops what was
        fitted when fields or the page change under unchanged text."""
        text, colour = atom_text(self.view, fmt)
        if colour != "missing" or fmt.property(KIND) != FIELD:
            return text, colour
        block = doc.findBlock(position)
        key = (block.position(), block.revision(), doc.textWidth())
        fitted = self._fitted.get(key)
        if fitted is None:
            fitted = self._fitted[key] = fitted_marks(self.view, doc, block)
        return fitted.get(position, text), colour

    def forget(self) -> None:
        self._fitted.clear()


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


def fitted_marks(view, doc, block) -> dict[int, str]:
    """What each unfilled field's mark in the block shows, by position.

    An atom never breaks, so a 【待填：…】 wider than what is left of its line would go down whole and leave the line
    above stretched across the gap (justified), letter by letter. Laying the block out as the page does (characters
    one after another, a new line where one does not fit: Chinese breaks between any two), each mark shows as much of
    its name as fits where it falls, down to 【待填】; where not even that fits, it starts the next line whole. SLACK
    allows for what the sum cannot see (a 。 kept off a line's start, a Latin word kept whole)."""
    block_format = block.blockFormat()
    width = doc.textWidth() - 2 * doc.documentMargin() - block_format.leftMargin() - block_format.rightMargin()
    x, fitted = block_format.textIndent(), {}
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        fmt = fragment.charFormat()
        metrics = QFontMetricsF(fmt.font())
        advances = _ADVANCES.setdefault(fmt.font().key(), {})
        if fmt.objectType() == ATOM:
            for offset in range(fragment.length()):
                text, colour = atom_text(view, fmt)
                if colour == "missing" and fmt.property(KIND) == FIELD:
                    x, text = _fit_mark(view.fields[fmt.property(NAME)].label, metrics, advances, x, width)
                    fitted[fragment.position() + offset] = text
                x = _placed(x, metrics.horizontalAdvance(text) + 2, width)
        else:
            em = _advance("中", metrics, advances)
            for character in fragment.text():
                # every ideograph is one em wide: Qt is asked about the others only, once each
                advance = em if "\u4e00" <= character <= "\u9fff" else advances.get(character)
                if advance is None:
                    advance = advances[character] = metrics.horizontalAdvance(character)
                x = advance if x + advance > width else x + advance  # _placed, inline: the loop over every character
        iterator += 1
    return fitted


_ADVANCES: dict[str, dict[str, float]] = {}  # font → character (or a mark's fixed piece) → width: a handful of fonts


def _placed(x: float, advance: float, width: float) -> float:
    """Where the line stands after one more character (on a new line where it does not fit)."""
    return advance if x + advance > width else x + advance


SLACK = 1.5  # characters


def _fit_mark(label: str, metrics: QFontMetricsF, advances: dict, x: float, width: float) -> tuple[float, str]:
    """Where the line stands before the mark (x: a new line's 0 where it goes down whole) and what it shows."""
    slack = SLACK * _advance("中", metrics, advances)
    shortest = "【待填】"
    if width - x - slack < _advance(shortest, metrics, advances) + 2:
        x = 0.0  # not even 【待填】 fits: the mark starts the next line, whose room it then fits
    room = width - x - (slack if x else 0) - 2
    whole = f"【待填：{label}】"
    if metrics.horizontalAdvance(whole) <= room:
        return x, whole
    used, kept = _advance("【待填：…】", metrics, advances), 0
    for character in label[:-1]:
        used += _advance(character, metrics, advances)
        if used > room:
            break
        kept += 1
    # a name cut to one character says nothing
    return x, f"【待填：{label[:kept]}…】" if kept >= 2 else shortest


def _advance(text: str, metrics: QFontMetricsF, advances: dict) -> float:
    """The width of a character or a fixed piece of a mark, asked of Qt once per font."""
    width = advances.get(text)
    if width is None:
        width = advances[text] = metrics.horizontalAdvance(text)
    return width
