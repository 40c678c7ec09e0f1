"""What a start of the window loads: from the second start on, neither PyYAML nor datetime (the built-in template
and style are kept parsed); and only the widget classes it uses."""

from __future__ import annotations

import json
import os
import subprocess
import sys

STARTED = """
import json, sys
from drafter.gui import app

app.application()
window = app.make_window(None)
window.show()
app.application().processEvents()
loaded = [name for name in ('yaml', 'datetime') if name in sys.modules]
# PySide makes a class's Python type (and all its enums) when first used; a module's dict holds those made so far
widgets = sys.modules['PySide6.QtWidgets'].__dict__
typed = [name for name in ('QWizard', 'QColorDialog', 'QCalendarWidget', 'QMdiArea') if name in widgets]
print(json.dumps({'loaded': loaded, 'fields': len(window.report.fields), 'typed': typed}))
"""


def _start(tmp_path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DRAFTER_CACHE=str(tmp_path / "cache"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", STARTED], capture_output=True, text=True, encoding="utf-8", env=env,
                          check=True, timeout=120)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_from_the_second_start_on_the_window_needs_neither_pyyaml_nor_datetime(tmp_path):
    first, second = _start(tmp_path), _start(tmp_path)
    assert "yaml" in first["loaded"]  # the first start parses the template and the style, and keeps them
    assert second["loaded"] == [] and second["fields"] == first["fields"] > 0


def test_the_start_makes_no_python_type_for_widget_classes_it_does_not_use(tmp_path):
    # Asking Qt for a widget it made itself (a scroll area's own viewport) has PySide type it by making a Python type
    # for every widget class there is, a fortieth of the start; the window's scroll areas get viewports made in Python
    assert _start(tmp_path)["typed"] == []


LOADED_AFTER_START = """
import sys, threading
from PySide6.QtWidgets import QApplication
from drafter.gui import app

QApplication.exec = lambda self=None: 0  # the window shown and painted, then no event loop to wait in
assert 'jieba' not in sys.modules  # nothing before the window needs it
app.run_app(None)
loader = next(thread for thread in threading.enumerate() if thread.name == 'word-list')
loader.join(120)
import jieba
print(jieba.dt.initialized)
"""


def test_the_word_list_loads_in_the_background_once_the_window_is_shown(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DRAFTER_CACHE=str(tmp_path / "cache"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", LOADED_AFTER_START], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "True"  # the first Ctrl+Shift+I finds it loaded
