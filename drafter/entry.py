"""What a command line asks for, the window or a sub-command, decided before either is imported."""

from __future__ import annotations

import gc
import importlib
import sys

# The sub-commands' names (cli.COMMANDS holds what runs them; a test keeps the two the same). Knowing them here
# lets `drafter` open its window without first importing every command's code (~15 ms of the start).
COMMAND_NAMES = frozenset({"templates", "new", "fields", "set", "label", "export", "import", "check", "assign",
                           "collect", "roll"})


def wants_window(argv: list[str]) -> bool:
    """No arguments, or a project file to open (anything that is neither a sub-command nor an option)."""
    return not argv or (argv[0] not in COMMAND_NAMES and not argv[0].startswith("-"))


def start_gui(project: str | None) -> int:
    # The core the window runs on, imported before PySide6: once imported, PySide reads the source of every module
    # an import statement names (looking for its own name), PyYAML's and the standard library's inner modules too.
    for core in ("drafter.core.actions", "drafter.core.document"):
        importlib.import_module(core)

    try:
        from drafter.gui.app import run_app
    except ImportError as error:
        print(f"图形界面无法启动（{error}）。可以使用子命令，见 drafter --help。", file=sys.stderr)
        return 0
    return run_app(project)


def run(argv: list[str]) -> int:
    """The window, or the sub-command through drafter.cli; returns the exit code."""
    if wants_window(argv):
        return start_gui(argv[0] if argv else None)
    from drafter.cli import run as run_command

    gc.enable()  # off while starting (see __main__); the window turns it on once it is painted
    return run_command(argv)
