"""What a start of the window loads: from the second start on, neither PyYAML nor datetime (the built-in template
and style are kept parsed)."""

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
print(json.dumps({'loaded': loaded, 'fields': len(window.report.fields)}))
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
