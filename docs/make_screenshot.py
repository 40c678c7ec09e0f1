"""Take the README's screenshot: the real window under Xvfb with the built-in report, half filled in.

Run: xvfb-run -a -s "-screen 0 1600x1000x24" python docs/make_screenshot.py docs/screenshot.png
     (with a second argument, last year's draft to import, it shows the 检查 tab instead:
      ... docs/make_screenshot.py docs/screenshot-checks.png ../shared/sample/annual-report-2022-sample.txt)
(Debian packages: xvfb xauth libxcb-cursor0 libxkbcommon-x11-0 libegl1; fonts-noto-cjk for the text.)
"""

from __future__ import annotations

import os
import sys
import tempfile
from decimal import Decimal

os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
os.environ.setdefault("XDG_DATA_HOME", tempfile.mkdtemp())  # no recovery prompt from earlier runs
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp())

from PySide6.QtCore import QTimer  # noqa: E402

from drafter import paths  # noqa: E402
from drafter.gui.app import application, make_window  # noqa: E402


def main(target: str, last_year: str | None = None) -> int:
    app = application()
    window = make_window()
    if last_year:
        from drafter.core.lastyear import import_last_year
        from drafter.core.report.document import DraftDocument

        window.replace_document(DraftDocument(import_last_year(last_year, lexicon=paths.lexicon()).report))
        window.side_tabs.setCurrentWidget(window.checks)
    report = window.report
    report.meta.organisation = "中共示例市直属机关工作委员会"
    for index, field in enumerate(list(report.fields.values())[:20]):
        field.value = Decimal("96.5") if field.type == "percent" else Decimal(index * 7 % 90 + 3)
    window.fields_changed()
    window.select_node(report.parts[0].paragraphs[0])
    window.resize(1560, 940)
    window.show()

    def shoot():
        image = window.screen().grabWindow(window.winId())
        image.save(target)
        print(f"saved {target}: {image.width()}x{image.height()}")
        app.quit()

    QTimer.singleShot(1500, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png", *sys.argv[2:3]))
