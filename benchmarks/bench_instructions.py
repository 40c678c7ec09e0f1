"""The window's start counted in machine instructions (valgrind's callgrind), beside a bare PySide6 window: a figure
that does not move with this virtual machine's speed, which moves the timed start by up to half between runs.

Run: python benchmarks/bench_instructions.py   (needs valgrind; each process takes about a minute under it)
All run as bench_gui runs them, each ending once its window is painted: drafter through its own entry point until
run_app has painted the window, and between the two the same content built with PySide6 alone (plain_window.py). Under
valgrind everything is ~50× slower, so the window's pauses (the checks' 0.7 s) would fall due within the first
paint's turn of the event loop, which they never do in a real start: drafter's run puts them off (BENCH_TIMERS_LATE,
see bench_gui).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_gui import BARE, DRAFTER, PAINTED  # noqa: E402
from bench_process import compile_as_installed  # noqa: E402
from plain_window import PLAIN, describe_window  # noqa: E402

_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def instructions(arguments: list[str], home: Path) -> int:
    """Instructions one whole process runs (hash seed fixed, so two runs of the same code agree closely)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONHASHSEED="0", XDG_DATA_HOME=f"{home}/data",
               XDG_CONFIG_HOME=f"{home}/config", BENCH_TIMERS_LATE="1")
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, *arguments],
                          capture_output=True, text=True, encoding="utf-8", env=env, check=True)
    return int(_COLLECTED.search(done.stderr).group(1))


def main() -> int:
    if shutil.which("valgrind") is None:
        print("需要 valgrind（apt-get install valgrind）", file=sys.stderr)
        return 2
    compile_as_installed()
    with tempfile.TemporaryDirectory() as name:
        # reading what the window shows is a first start: it also keeps the built-in template and style parsed
        # in the cache folder, as after installing, before the counted start
        shown = describe_window(Path(name))
        bare = instructions(["-c", BARE], Path(name) / "bare")
        plain = instructions(["-c", PLAIN + PAINTED, str(shown)], Path(name) / "plain")
        drafter = instructions(["-c", DRAFTER], Path(name) / "drafter")
    print(f"{'裸 PySide6 窗口（进程）':<28}{bare / 1e6:>10.0f} M 条指令{1:>8.2f}")
    print(f"{'同样内容的朴素 PySide6 窗口':<28}{plain / 1e6:>10.0f} M 条指令{plain / bare:>8.2f}")
    print(f"{'起草窗口，无项目（进程）':<28}{drafter / 1e6:>10.0f} M 条指令{drafter / bare:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
