"""The 同比变化 tab: per field, its trend over the years the project knows and this year's change against last."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from drafter.core.years.compare import change, signed
from drafter.core.years.history import SHOWN_YEARS, series, turn_description, turns

BAR_HEIGHT = 18
LABEL_WIDTH = 140  # the least the names get; more when they need it, up to LABEL_SHARE of the chart
LABEL_SHARE = 0.45
TREND_WIDTH = 96  # the small line of 3 to 5 years, drawn when some field knows three years or more
CAP_PERCENT = 100  # bars beyond ±100% are drawn at the edge with their figure
LEAST_SCALE = 20  # the bars' full length stands for the largest change shown, but never less than ±20%
TEXT_WIDTH = 100  # the change as a figure (+12.5%, +3.5个百分点), right of the bars
HEADER = 18
TURN_COLOUR = QColor("#d97706")


@dataclass
class ChartRow:
    """One field's line: its label, this year's percent change (None when last year was 0), the years drawn."""

    label: str
    percent: float | None
    text: str
    points: list[tuple[int, float]]
    turning: str = ""  # why the writer should explain it (此前连续两年增长，今年回落), or empty


class ChangeChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[ChartRow] = []
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Minimum)

    def show_fields(self, fields, year: int) -> None:
        self.rows = []
        for field in fields.values():
            result = change(field)
            if result is None:
                continue
            points = [(y, float(v)) for y, v in list(series(field, year).items())[-SHOWN_YEARS:]]
            if field.type == "percent":  # a rate changes by points: its bar and figure are those points
                percent, text = float(result.delta), f"{signed(result.delta)}个百分点"
            elif result.percent is not None:
                percent, text = float(result.percent), f"{signed(result.percent)}%"
            else:
                percent, text = None, result.phrase
            turning = turn_description(field, year) if turns(field, year) else ""
            self.rows.append(ChartRow(field.label, percent, text, points, turning))
        self.setMinimumHeight(max(60, HEADER + (len(self.rows) + 1) * (BAR_HEIGHT + 4)))
        self.setToolTip("\n".join(f"{row.label}：{row.turning}，文中宜说明原因" for row in self.rows if row.turning))
        self.update()

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if not self.rows:
            painter.drawText(self.rect(), Qt.AlignCenter, self.tr("填写了今年和去年的数值后，这里显示同比变化"))
            return
        trend = TREND_WIDTH if any(len(row.points) > 2 for row in self.rows) else 0
        metrics = painter.fontMetrics()
        names = self.label_width(metrics)
        left, right = names + trend, self.width() - TEXT_WIDTH
        middle = (left + right) / 2
        self._header(painter, names, trend, left, right)
        painter.setPen(QColor("#9ca3af"))
        painter.drawLine(int(middle), HEADER, int(middle), self.height())
        scale = self.scale()
        for index, row in enumerate(self.rows):
            top = HEADER + 4 + index * (BAR_HEIGHT + 4)
            painter.setPen(TURN_COLOUR if row.turning else QColor("#111827"))
            painter.drawText(QRectF(4, top, names - 8, BAR_HEIGHT), Qt.AlignRight | Qt.AlignVCenter,
                             self.label_text(row, metrics))
            if trend and len(row.points) > 1:
                _draw_trend(painter, QRectF(names + 4, top + 3, trend - 14, BAR_HEIGHT - 6), row)
            if row.percent is not None:
                length = max(-1.0, min(1.0, row.percent / scale)) * (right - left - 8) / 2
                colour = QColor("#16a34a") if row.percent >= 0 else QColor("#dc2626")
                painter.fillRect(QRectF(min(middle, middle + length), top + 3, abs(length), BAR_HEIGHT - 6), colour)
            painter.setPen(QColor("#111827"))
            painter.drawText(QRectF(right + 4, top, TEXT_WIDTH - 8, BAR_HEIGHT), Qt.AlignRight | Qt.AlignVCenter,
                             row.text)

    def scale(self) -> float:
        """The percent a full bar stands for: the largest change shown (a year of +11% changes drew slivers against
        ±100%), between LEAST_SCALE and CAP_PERCENT."""
        largest = max((abs(row.percent) for row in self.rows if row.percent is not None), default=0.0)
        return max(LEAST_SCALE, min(CAP_PERCENT, largest))

    def label_width(self, metrics) -> int:
        """The names' column: as wide as the longest name wants (cut short, 开展第…题学习次数 left half the chart
        empty), but no more than LABEL_SHARE of the chart, the bars keeping the rest."""
        wanted = max((metrics.horizontalAdvance(self._marked(row)) + 12 for row in self.rows), default=LABEL_WIDTH)
        return int(max(LABEL_WIDTH, min(wanted, self.width() * LABEL_SHARE)))

    def label_text(self, row: ChartRow, metrics) -> str:
        """The name as drawn: whole when it fits, else cut in the middle."""
        return metrics.elidedText(self._marked(row), Qt.ElideMiddle, self.label_width(metrics) - 8)

    @staticmethod
    def _marked(row: ChartRow) -> str:
        return f"▲ {row.label}" if row.turning else row.label

    def _header(self, painter: QPainter, names: int, trend: int, left: float, right: float) -> None:
        painter.setPen(QColor("#6b7280"))
        if trend:
            years = sorted({year for row in self.rows for year, _value in row.points})
            span = f"{years[0]}–{years[-1]}" if years else ""
            painter.drawText(QRectF(names, 0, trend, HEADER), Qt.AlignCenter, span)
        painter.drawText(QRectF(left, 0, right - left, HEADER), Qt.AlignCenter, self.tr("同比"))


def _draw_trend(painter: QPainter, box: QRectF, row: ChartRow) -> None:
    """The years as a small line, scaled to the field's own range, with a dot for each year."""
    values = [value for _year, value in row.points]
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    step = box.width() / max(1, len(values) - 1)
    points = [QPointF(box.left() + i * step, box.bottom() - (value - low) / span * box.height())
              for i, value in enumerate(values)]
    painter.setPen(QPen(TURN_COLOUR if row.turning else QColor("#2563eb"), 1.5))
    for start, end in zip(points, points[1:]):
        painter.drawLine(start, end)
    for point in points:
        painter.drawEllipse(point, 2, 2)
