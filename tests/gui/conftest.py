"""GUI tests run offscreen with their own settings and data folders, never the user's."""

from __future__ import annotations

import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
_HOME = tempfile.mkdtemp(prefix="drafter-gui-tests-")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A modal dialog nobody answers would hang the run; a test that expects one patches its ask_ method."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

    def refuse(*args, **kwargs):
        raise AssertionError("unexpected modal dialog in a test")

    for owner, names in ((QMessageBox, ("question", "warning", "information", "critical", "exec")),
                         (QInputDialog, ("getText", "getItem", "getInt")),
                         (QFileDialog, ("getSaveFileName", "getOpenFileName", "getOpenFileNames", "getExistingDirectory"))):
        for name in names:
            monkeypatch.setattr(owner, name, refuse)


@pytest.fixture
def make(qtbot, settings, tmp_path, monkeypatch):
    """Builds windows the way the app does; each is closed unprompted after the test."""
    from drafter.gui import app

    monkeypatch.setattr(app, "recovery_dir", lambda: tmp_path / "recovery")
    made = []

    def build():
        window = app.make_window(settings=settings)
        window.show()
        made.append(window)
        return window

    yield build
    for window in made:
        window.undo_stack.setClean()
        window.close()
        window.deleteLater()


@pytest.fixture
def window(make):
    return make()
