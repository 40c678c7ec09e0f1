"""Qt's dialog classes, looked up when a dialog first opens rather than when the window starts."""

# `from PySide6.QtWidgets import QFileDialog` builds every enum type of the class (and of its bases) then and there:
# the dialogs' 25 enum types cost the window's start ~2% (benchmarks/bench_instructions.py), for dialogs that may
# never open. Modules take them as `dialogs.QMessageBox`; the first lookup imports the class, later ones find it.

from __future__ import annotations

from importlib import import_module

_HOMES = {
    "QFileDialog": "PySide6.QtWidgets", "QInputDialog": "PySide6.QtWidgets", "QMessageBox": "PySide6.QtWidgets",
    "QDesktopServices": "PySide6.QtGui", "QUrl": "PySide6.QtCore",
}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    found = getattr(import_module(home), name)
    globals()[name] = found  # the next lookup is a plain module attribute
    return found
