"""A small bar chart of this year's change against last year's, one bar per field that has both values."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from drafter.core.compare import change
from drafter.core.numbers import plain_digits

BAR_HEIGHT = 18
LABEL_WIDTH = 150
CAP_PERCENT = 100  # bars beyond ±100% are drawn at the edge with their figure


class ChangeChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[str, float, str]] = []
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Minimum)

    def show_fields(self, fields) -> None:
        self.rows = []
        for field in fields.values():
            result = change(field)
            if result is not None and result.percent is not None:
                self.rows.append((field.label, float(result.percent), f"{plain_digits(result.percent)}%"))
        self.setMinimumHeight(max(60, (len(self.rows) + 1) * (BAR_HEIGHT + 4)))
        self.update()

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if not self.rows:
            painter.drawText(self.rect(), Qt.AlignCenter, self.tr("填写了今年和去年的数值后，这里显示同比变化"))
            return
        width = self.width() - LABEL_WIDTH - 70
        middle = LABEL_WIDTH + width / 2
        painter.setPen(QColor("#9ca3af"))
        painter.drawLine(int(middle), 0, int(middle), self.height())
        for index, (label, percent, text) in enumerate(self.rows):
            top = 4 + index * (BAR_HEIGHT + 4)
            painter.setPen(QColor("#111827"))
            painter.drawText(QRectF(4, top, LABEL_WIDTH - 8, BAR_HEIGHT), Qt.AlignRight | Qt.AlignVCenter, label)
            length = max(-1.0, min(1.0, percent / CAP_PERCENT)) * width / 2
            colour = QColor("#16a34a") if percent >= 0 else QColor("#dc2626")
            bar = QRectF(middle if length >= 0 else middle + length, top + 2, abs(length), BAR_HEIGHT - 4)
            painter.fillRect(bar, colour)
            painter.drawText(QRectF(bar.right() + 4 if length >= 0 else bar.left() - 64, top, 60, BAR_HEIGHT),
                             (Qt.AlignLeft if length >= 0 else Qt.AlignRight) | Qt.AlignVCenter, text)
