"""Draw the app icon (a red seal-like square with 文) and write resources/icons/drafter.png and .ico.

Run once after changing the design: QT_QPA_PLATFORM=offscreen python packaging/make_icon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    margin = size * 0.06
    path = QPainterPath()
    path.addRoundedRect(QRectF(margin, margin, size - 2 * margin, size - 2 * margin), size * 0.16, size * 0.16)
    painter.fillPath(path, QColor("#c81e1e"))
    font = QFont(["Noto Serif CJK SC", "SimSun", "serif"])
    font.setPixelSize(int(size * 0.62))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, -size * 0.03, size, size), Qt.AlignCenter, "文")
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(ICONS / "drafter.png"))
    if not draw(256).save(str(ICONS / "drafter.ico")):
        print("this Qt has no ICO writer; drafter.ico not written", file=sys.stderr)
        return 1
    print(f"wrote {ICONS / 'drafter.png'} and {ICONS / 'drafter.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
