"""帮助 → 使用说明: the user guide that ships with the program, shown in a window (no browser, no network)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QImage, QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from drafter import paths
from drafter.core.report import fileio

IMAGE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)$")
GUIDE_WIDTH = 760


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
            _wrap_code_blocks(self.browser.document())
            _fit_images(self.browser.document(), guide.parent, GUIDE_WIDTH - 80)
        except OSError:
            self.browser.setPlainText(self.tr("找不到使用说明文件，安装可能不完整；请重新安装本程序。"))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(GUIDE_WIDTH, 680)


def _wrap_code_blocks(document: QTextDocument) -> None:
    """The command lines wrap at the window's edge like the prose: a code block kept whole made the guide scroll
    sideways at its default size."""
    block = document.begin()
    while block.isValid():
        shape = block.blockFormat()
        if shape.nonBreakableLines():
            shape.setNonBreakableLines(False)
            QTextCursor(block).setBlockFormat(shape)
        block = block.next()


def _fit_images(document: QTextDocument, folder: Path, width: int) -> None:
    """Screenshots shown at most `width` wide, their shape kept: at their own 1400 px the guide scrolled sideways."""
    block = document.begin()
    while block.isValid():
        for fragment in _fragments(block):
            if not fragment.charFormat().isImageFormat():
                continue
            picture = fragment.charFormat().toImageFormat()
            size = QImage(str(folder / picture.name())).size()
            if size.width() > width:
                picture.setWidth(width)
                picture.setHeight(size.height() * width / size.width())
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.KeepAnchor)
                cursor.setCharFormat(picture)
        block = block.next()


def _fragments(block):
    pieces = block.begin()
    while not pieces.atEnd():
        yield pieces.fragment()
        pieces += 1


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
