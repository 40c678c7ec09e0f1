"""A project already open in another copy of the program, by the same person on the same machine: that copy is
asked to bring its window forward instead of a second, editable window opening over it.

The request is a file named for the running copy's process id in a folder every copy watches; the copy that shows
its window removes the file, which is the answer."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject

from drafter.core.report.document import project_holder
from drafter.gui.about import data_dir

ANSWER_WAIT_S = 3.0


def requests_dir() -> Path:
    return data_dir() / "requests"


def _request_file(pid: int) -> Path:
    return requests_dir() / f"{pid}.show"


def handed_over(project: Path) -> bool:
    """True when this person's other running copy has the project open and has brought its window forward."""
    holder = project_holder(project)
    return holder is not None and holder.here and ask_to_show(holder.pid, project)


def ask_to_show(pid: int, project: Path) -> bool:
    """Ask the running copy `pid` to bring its window forward; True once it has answered."""
    request = _request_file(pid)
    try:
        request.parent.mkdir(parents=True, exist_ok=True)
        request.write_text(str(project), encoding="utf-8")
    except OSError:
        return False
    _let_it_come_forward(pid)
    deadline = time.monotonic() + ANSWER_WAIT_S
    while time.monotonic() < deadline:
        if not request.exists():
            return True
        time.sleep(0.05)
    request.unlink(missing_ok=True)  # it did not answer (hung, or a copy too old to watch): open here instead
    return False


def _let_it_come_forward(pid: int) -> None:
    """Windows lets only the program the user is using take the foreground: this one hands that right on."""
    if os.name == "nt":
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(pid)


class ShowRequests(QObject):
    """Watches for requests addressed to this copy and brings `window` forward for each."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        folder = requests_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # no data folder: other copies will open the project read-only instead
        self.watcher = QFileSystemWatcher([str(folder)], self)
        self.watcher.directoryChanged.connect(self.answer)
        self.answer()  # a request made while this copy was starting

    def answer(self, _folder: str = "") -> None:
        request = _request_file(os.getpid())
        if not request.exists() or not self.window.isVisible():  # a closed window has nothing to bring forward
            return
        request.unlink(missing_ok=True)
        self.window.bring_forward()
