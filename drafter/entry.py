"""What a command line asks for, the window or a sub-command, decided before either is imported."""

from __future__ import annotations

import gc
import importlib
import os
import sys

# The sub-commands' names (cli.COMMANDS holds what runs them; a test keeps the two the same). Knowing them here
# lets `drafter` open its window without first importing every command's code (~15 ms of the start).
COMMAND_NAMES = frozenset({"templates", "new", "fields", "set", "label", "export", "import", "check", "assign",
                           "collect", "roll", "review"})


EXIT_BAD_INPUT = 2


def wants_window(argv: list[str]) -> bool:
    """No arguments, or a project file to open (anything that is neither a sub-command nor an option)."""
    return not argv or (argv[0] not in COMMAND_NAMES and not argv[0].startswith("-"))


def mistyped(first: str) -> str | None:
    """What to tell a user whose first argument is neither a sub-command nor a file (`drafter exprot x.drafter`);
    None when it names a file, or when there is no console to say it on (the windowed program on Windows, started
    from a stale shortcut, says it in the window instead)."""
    if sys.stderr is None or os.path.exists(first):
        return None
    import difflib  # only on this error's path

    close = difflib.get_close_matches(first, sorted(COMMAND_NAMES), n=1, cutoff=0.5)
    hint = f"您是不是要用 drafter {close[0]}？" if close else "子命令见 drafter --help。"
    return f"错误：“{first}”既不是子命令，也不是已有的项目文件。{hint}"


def keep_parsed_projects() -> None:
    """Projects read or saved by the program keep a parsed copy in the user's cache folder: a big report then opens
    and exports without reading its YAML again (drafter.core.report.project.keep_parsed_copies)."""
    from drafter import paths
    from drafter.core.report.project import keep_parsed_copies

    keep_parsed_copies(paths.cache_dir())


def start_gui(project: str | None) -> int:
    # The core the window runs on, imported before PySide6: once imported, PySide reads the source of every module
    # an import statement names (looking for its own name), PyYAML's and the standard library's inner modules too.
    for core in ("drafter.core.actions", "drafter.core.report.document"):
        importlib.import_module(core)

    try:
        from drafter.gui.app import run_app
    except ImportError as error:
        print(f"图形界面无法启动（{error}）。可以使用子命令，见 drafter --help。", file=sys.stderr)
        return 0
    return run_app(project)


def window(argv: list[str]) -> int:
    """The window, on the project argv names; a mistyped sub-command is said so instead (exit 2, no window)."""
    problem = mistyped(argv[0]) if argv else None
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    return start_gui(argv[0] if argv else None)


def run(argv: list[str]) -> int:
    """The window, or the sub-command through drafter.cli; returns the exit code."""
    keep_parsed_projects()
    if wants_window(argv):
        return window(argv)
    from drafter.cli import run as run_command

    gc.enable()  # off while starting (see __main__); the window turns it on once it is painted
    return run_command(argv)
