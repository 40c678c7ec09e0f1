"""设置 → 公文字体: replace fonts this office does not have, remembered in QSettings."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFontComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout

from drafter.core.word.style import WINDOWS_SUBSTITUTES, Style, font_names

class FontDialog(QDialog):
    """One row per font of the official style: the font to use in its place (the same name = no change)."""

    def __init__(self, parent, base_style: Style, substitutions: dict[str, str]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("公文字体"))
        installed = set(QFontDatabase.families())
        self.boxes: dict[str, QFontComboBox] = {}
        form = QFormLayout()
        for font in font_names(base_style):
            box = QFontComboBox()
            box.setEditable(True)
            box.setCurrentFont(QFont(substitutions.get(font, font)))
            box.setEditText(substitutions.get(font, font))
            state = self.tr("（本机已安装）") if font in installed else self.tr("（本机未安装）")
            form.addRow(QLabel(f"{font}{state}"), box)
            self.boxes[font] = box
        windows = QPushButton(self.tr("改用 Windows 自带字体"))
        windows.clicked.connect(lambda: [self.boxes[k].setEditText(v) for k, v in WINDOWS_SUBSTITUTES.items()
                                         if k in self.boxes])
        reset = QPushButton(self.tr("恢复公文标准字体"))
        reset.clicked.connect(lambda: [box.setEditText(font) for font, box in self.boxes.items()])
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("导出的 Word 文件使用这里选择的字体。交给上级的文件通常要求仿宋_GB2312 等公文字体。")))
        layout.addLayout(form)
        layout.addWidget(windows)
        layout.addWidget(reset)
        layout.addWidget(buttons)

    def substitutions(self) -> dict[str, str]:
        return {font: box.currentText().strip() for font, box in self.boxes.items()
                if box.currentText().strip() and box.currentText().strip() != font}
