"""帮助 → 使用说明: the user guide that ships with the program, shown in a window (no browser, no network)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from drafter import paths
from drafter.core import fileio

IMAGE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)$")


class GuideDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用说明"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        try:
            guide = paths.user_guide_file()
            self.browser.setSearchPaths([str(guide.parent)])
            self.browser.setMarkdown(_with_images_present(fileio.read_text(guide), guide.parent))
        except OSError:
            self.browser.setPlainText(self.tr("找不到使用说明文件，安装可能不完整；请重新安装本程序。"))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(760, 680)


def _with_images_present(text: str, folder: Path) -> str:
    """The guide without screenshots that are not installed (they live in the source tree's docs/)."""
    def present(line: str) -> bool:
        match = IMAGE.match(line.strip())
        return match is None or (folder / match.group(1)).is_file()

    return "\n".join(line for line in text.splitlines() if present(line))


def show_guide(parent) -> GuideDialog:
    """Open the guide beside the window (not modal: people read it while they work)."""
    dialog = GuideDialog(parent)
    dialog.show()
    return dialog
