"""The bars above the work area: a line of words with one button beside it (fonts missing, a project read-only)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class Bar(QWidget):
    """Hidden until there is something to say; `button` is the one thing to do about it."""

    def __init__(self, button_text: str, colour: str):
        super().__init__()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(button_text)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.setStyleSheet(f"background:{colour};")
        self.hide()
