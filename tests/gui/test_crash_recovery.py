"""kill -9 of a real GUI process, while editing and while autosaving: the next start restores the draft."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafter.core.report.document import read_recovery

CHILD = r"""
import itertools, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QTimer
from drafter.gui import app
qapp = app.application()
window = app.make_window()
mode = sys.argv[1]
counter = itertools.count(1)

def type_once():
    number = next(counter)
    window.push_text_edit(window.report.opening[0], "body", f"第{number}次输入的内容。")
    if mode == "autosaving":
        window.autosave()  # write recovery copies back to back, to be killed in the middle of one
        print(number, flush=True)
        QTimer.singleShot(5, type_once)
    else:
        QTimer.singleShot(window.autosave_timer.interval() + 1500, lambda: print("typed", flush=True))

QTimer.singleShot(100, type_once)
qapp.exec()
"""


def start_child(tmp_path: Path, mode: str) -> subprocess.Popen:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen([sys.executable, "-c", CHILD, mode], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, encoding="utf-8", env=env)


def recovery_files(tmp_path: Path) -> list[Path]:
    return list((tmp_path / "data" / "drafter" / "drafter" / "recovery").glob("*.drafter"))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_while_editing_the_next_start_restores(tmp_path, make, monkeypatch):
    child = start_child(tmp_path, "editing")
    try:
        assert child.stdout.readline().strip() == "typed"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    [copy] = recovery_files(tmp_path)
    from drafter.gui import app, files

    monkeypatch.setattr(app, "recovery_dir", lambda: copy.parent)
    monkeypatch.setattr(files.FileActions, "ask_restore", lambda self, c, original: True)
    window = make()
    assert window.report.opening[0].body == "第1次输入的内容。"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_while_autosaving_leaves_a_whole_recovery_copy(tmp_path):
    child = start_child(tmp_path, "autosaving")
    try:
        deadline = time.monotonic() + 60
        while int(child.stdout.readline() or 0) < 40 and time.monotonic() < deadline:
            pass
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    copies = recovery_files(tmp_path)
    assert len(copies) == 1  # a temp file cut off by the kill may lie beside it; the next start removes it
    report, _ = read_recovery(copies[0])
    assert report.opening[0].body.startswith("第") and report.opening[0].body.endswith("次输入的内容。")
