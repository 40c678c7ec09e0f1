"""What the user waits for in the window (offscreen Qt), as whole processes beside a bare PySide6 window (and beside
the same content built with PySide6 alone, plain_window.py), and the pause after typing in a 25- and a 250-page
report.

Run: python benchmarks/bench_gui.py
Goals: window shown ≤ 2.0× a bare PySide6 window (aim 1.5×); the 250-page project open and shown ≤ 1.0 s (its
first pages typeable; the time until every block and form row is in is printed too);
a keystroke on the page ≤ 16 ms at 25 pages (printed beside an empty QTextEdit's); the pause after typing
≤ 50 ms at 25 pages and ≤ 150 ms at 250; peak memory with it open < 300 MB.
drafter runs as installed: bytecode compiled, found on sys.path (bench_process.AS_INSTALLED), started through its
own entry point and timed until run_app has painted the window, where each timed process ends (see PAINTED).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_process import AS_INSTALLED, compile_as_installed, filled_project  # noqa: E402
from plain_window import PLAIN, describe_window  # noqa: E402

REPEATS = 5
# Every timed process ends the moment its window is painted (os._exit): tearing down the interpreter, the widgets and
# Qt is what closing costs, not the wait for the window, and it grows with what the window holds (45 ms for drafter's).
PAINTED = "\nimport os; os._exit(0)\n"
BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([]); window = QMainWindow(); window.resize(1200, 800); window.show(); app.processEvents()
""" + PAINTED
DRAFTER = AS_INSTALLED + """
import importlib.machinery, os
sys.argv = ['drafter', *sys.argv[1:]]


class EndWhenPainted:
    \"\"\"Lets drafter.gui.app load when and as the program loads it, then makes its finish_starting (called by run_app
    once the window is shown and painted) end the run, as the bare window's process ends.\"\"\"

    def find_spec(self, name, path=None, target=None):
        if name != 'drafter.gui.app':
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            module.finish_starting = lambda: finish(module)
            if os.environ.get('BENCH_TIMERS_LATE'):
                # under valgrind, ~50x slower, the window's pauses (the checks' 0.7 s) would fall due before the
                # first paint, which they never do in a real start
                window = sys.modules['drafter.gui.main_window']
                window.PREVIEW_DELAY_MS = window.CHECKS_DELAY_MS = window.AUTOSAVE_DELAY_MS = 10 ** 7
        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, EndWhenPainted())
import drafter.__main__ as program  # what the `drafter` program runs, in its order


def finish(gui):
    import gc, resource
    from PySide6.QtWidgets import QApplication
    if os.environ.get('BENCH_COMPLETE'):  # until the last page block is in, not only the first pages
        gc.enable()  # as the program has by then
        window = next(w for w in QApplication.topLevelWidgets() if hasattr(w, 'page'))
        while window.page._steps is not None:
            QApplication.processEvents()
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, flush=True)
    os._exit(0)  # as soon as painted (see PAINTED)


program.main()
"""
TYPING = AS_INSTALLED + """
import os, time, statistics
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTextEdit
from drafter.gui.app import application, make_window
app = application(); window = make_window(sys.argv[1]); window.show(); app.processEvents()
window.page.finish_layout()  # the page's later blocks are in before typing is timed
app.processEvents()


def per_key(widget):
    widget.setFocus()
    samples = []
    for _ in range(40):
        started = time.perf_counter()
        QTest.keyClick(widget, Qt.Key_A)
        app.processEvents()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


empty = QTextEdit(); empty.resize(600, 400); empty.show(); app.processEvents()
bare = per_key(empty)
paragraph = next(p for s in window.report.parts for p in s.paragraphs)
window.select_node(paragraph)
page = per_key(window.page)
started = time.perf_counter()
window.preview_timer.stop(); window.refresh_preview(); app.processEvents()  # the pause after typing
pause = (time.perf_counter() - started) * 1000
print(page, bare, pause)
"""


def seconds(arguments: list[str], home: Path, **env: str) -> tuple[float, str]:
    """One whole process; its settings and data kept in `home`, apart from the user's (made here, not timed)."""
    home = tempfile.mkdtemp(dir=home)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=f"{home}/data", XDG_CONFIG_HOME=f"{home}/config",
               **env)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, *arguments], capture_output=True, text=True, encoding="utf-8", env=env,
                          check=True)
    return time.perf_counter() - started, done.stdout.strip()


def project_of_pages(folder: Path, parts: int) -> Path:
    sub = folder / str(parts)
    sub.mkdir()
    return filled_project(sub, parts)


def main() -> int:
    compile_as_installed()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        big, small = project_of_pages(folder, 200), project_of_pages(folder, 20)
        shown = describe_window(folder)
        runs = {"bare": [], "plain": [], "start": [], "open": [], "complete": []}
        memory = []
        for _ in range(REPEATS):  # alternating, so the machine's moods fall on every case alike
            runs["bare"].append(seconds(["-c", BARE], folder)[0])
            runs["plain"].append(seconds(["-c", PLAIN + PAINTED, str(shown)], folder)[0])
            runs["start"].append(seconds(["-c", DRAFTER], folder)[0])
            elapsed, peak = seconds(["-c", DRAFTER, str(big)], folder)
            runs["open"].append(elapsed)
            elapsed, peak = seconds(["-c", DRAFTER, str(big)], folder, BENCH_COMPLETE="1")
            runs["complete"].append(elapsed)
            memory.append(int(peak))
        typing = {pages: [float(x) for x in seconds(["-c", TYPING, str(path)], folder)[1].split()]
                  for pages, path in ((25, small), (250, big))}
    bare = statistics.median(runs["bare"])
    print(f"{'case':<34}{'median':>10}{'x bare window':>15}")
    print(f"{'裸 PySide6 窗口（进程）':<30}{bare:>9.2f}s{1:>15.2f}")
    for case, label in (("plain", "同样内容的朴素 PySide6 窗口（进程）"), ("start", "起草窗口，无项目（进程）"),
                        ("open", "打开约250页项目到窗口（进程）"),
                        ("complete", "同上，直到整篇排进页面（进程）")):
        value = statistics.median(runs[case])
        print(f"{label:<30}{value:>9.2f}s{value / bare:>15.2f}")
    for pages, (page, empty, pause) in typing.items():
        print(f"{f'页面上每次按键（{pages}页）':<30}{page:>8.1f}ms  空白 QTextEdit {empty:.1f}ms  ×{page / empty:.1f}")
        print(f"{f'停顿后刷新计数（{pages}页；检查随后）':<30}{pause:>8.0f}ms")
    print(f"{'打开约250页项目的内存峰值':<30}{max(memory):>8d}MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
