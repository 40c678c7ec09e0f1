"""Small helpers the window tests share: selecting a node, typing as an input method does, a form box."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication


def select(window, node):
    """Select a node in the outline: the page's cursor goes into it."""
    window.select_node(node)
    assert window.page.current_slot().node is node


def type_with_input_method(widget, text):
    """What a Chinese IME sends when the user picks a candidate: a commit string, not key presses."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def form_input(window, name):
    return window.form.rows[name].input
