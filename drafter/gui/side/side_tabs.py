"""A side tab whose widget is made the first time it is shown or used, so the window shows without it."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTab:
    """Holds an empty page in its tab until `get()` (or choosing the tab) makes the widget and puts it there.

    `make` returns the widget callers use and the page the tab shows (the same, or a scroll area around it)."""

    def __init__(self, tabs: QTabWidget, title: str, make: Callable[[], tuple[QWidget, QWidget]]):
        self._tabs, self._title, self._make = tabs, title, make
        self._placeholder = QWidget()
        tabs.addTab(self._placeholder, title)
        self.widget: QWidget | None = None
        tabs.currentChanged.connect(self._chosen)

    def get(self) -> QWidget:
        if self.widget is None:
            self.widget, page = self._make()
            index, current = self._tabs.indexOf(self._placeholder), self._tabs.currentIndex()
            with QSignalBlocker(self._tabs):  # the user stays on the tab they are on; nothing "changed"
                self._tabs.removeTab(index)
                self._tabs.insertTab(index, page, self._title)
                self._tabs.setCurrentIndex(current)
            self._placeholder.deleteLater()
        return self.widget

    def _chosen(self, index: int) -> None:
        if self.widget is None and self._tabs.widget(index) is self._placeholder:
            self.get()
