"""A big project as the user meets it, every row beside its anchor in one run: export, check and fields (beside
docxtpl), opening it in the window (offscreen, and under Xvfb when it is installed) and the window's start (beside a
bare PySide6 window and the same content built with PySide6 alone).

Run: python benchmarks/bench_big_project.py   (docxtpl: pip install -e ".[bench]"; Xvfb rows need Debian's xvfb)
Goals (issue "big projects open and export fast"): export ≤ 1.0× docxtpl (aim 0.7×); check and fields < 0.5 s;
the project open in the window, visible and typeable, ≤ 1.0 s; the start ≤ 1.4× the plain window.
"Copy kept" is a project the program saved or read before (its parsed copy in the cache folder); "no copy" is one
written by something else since (its YAML read again, and a copy kept for the next time).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_gui import BARE, DRAFTER, PAINTED  # noqa: E402
from bench_process import ANCHOR, PROGRAM, anchor_files, compile_as_installed, filled_project  # noqa: E402
from plain_window import PLAIN, describe_window  # noqa: E402

REPEATS = 5
# The starts take a third of a second, and this machine's speed moves such a short process by a fifth between runs:
# five runs gave 1.34x and 1.71x for the same code. They run this many times more, still alternating.
START_REPEATS = 5
DOCXTPL, BARE_WINDOW, PLAIN_WINDOW = "docxtpl（同文，独立进程）", "裸 PySide6 窗口", "朴素 PySide6 窗口（同样内容）"
ANCHORS = {"drafter export（已有解析副本）": DOCXTPL, "drafter export（文件在别处改过，无副本）": DOCXTPL,
           "打开项目到窗口（offscreen）": BARE_WINDOW, "打开项目到窗口（offscreen，无副本）": BARE_WINDOW,
           PLAIN_WINDOW: BARE_WINDOW, "起草窗口，无项目": PLAIN_WINDOW,
           "打开项目到窗口（Xvfb）": "裸 PySide6 窗口（Xvfb）"}
START_CASES = (BARE_WINDOW, PLAIN_WINDOW, "起草窗口，无项目")


def seconds(arguments: list[str], folder: Path, cache, **env: str) -> float:
    """One whole process, its settings apart from the user's; `cache`: the cache folder, or what makes it fresh for
    each run, or None for one of its own, empty."""
    cache = cache() if callable(cache) else cache
    home = Path(tempfile.mkdtemp(dir=folder))
    env = {**os.environ, "PYTHONUTF8": "1", "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "DRAFTER_CACHE": str(cache or home / "cache"), **env}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, *arguments], capture_output=True, cwd=folder, env=env)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):  # check answers 1 when it finds problems
        raise SystemExit(f"{arguments[2:5]} failed: {done.stderr.decode('utf-8', 'replace')[-800:]}")
    return elapsed


def start_xvfb() -> tuple[subprocess.Popen | None, str]:
    if not shutil.which("Xvfb"):
        return None, ""
    display = ":97"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    return server, display


def cases(folder: Path, project: Path, kept: Path, display: str) -> dict[str, tuple[list[str], object, dict]]:
    template, context = anchor_files(project, folder)
    program = ["-c", PROGRAM]

    def without_copy() -> Path:
        """The user's cache as it is when the project was written by something else: the Word shell and everything
        else kept, but no parsed copy of this file."""
        fresh = Path(tempfile.mkdtemp(dir=folder))
        shutil.copytree(kept, fresh / "cache", ignore=shutil.ignore_patterns("projects"))
        return fresh / "cache"

    shown = describe_window(folder)
    rows = {
        "drafter export（已有解析副本）": (program + ["export", str(project), "-o", "out.docx"], kept, {}),
        "drafter export（文件在别处改过，无副本）": (program + ["export", str(project), "-o", "out.docx"], without_copy, {}),
        DOCXTPL: (["-c", ANCHOR, str(template), str(context), "anchor.docx"], kept, {}),
        "drafter check": (program + ["check", str(project)], kept, {}),
        "drafter fields": (program + ["fields", str(project)], kept, {}),
        "打开项目到窗口（offscreen）": (["-c", DRAFTER, str(project)], kept, {}),
        "打开项目到窗口（offscreen，无副本）": (["-c", DRAFTER, str(project)], without_copy, {}),
        BARE_WINDOW: (["-c", BARE], kept, {}),
        PLAIN_WINDOW: (["-c", PLAIN + PAINTED, str(shown)], kept, {}),
        "起草窗口，无项目": (["-c", DRAFTER], kept, {}),
    }
    if display:
        rows["打开项目到窗口（Xvfb）"] = (["-c", DRAFTER, str(project)], kept,
                                   {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display})
        rows["裸 PySide6 窗口（Xvfb）"] = (["-c", BARE], kept, {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display})
    return rows


def main() -> int:
    compile_as_installed()
    server, display = start_xvfb()
    try:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            project, kept = filled_project(folder), folder / "kept-cache"
            table = cases(folder, project, kept, display)
            for warm in ("drafter fields", "drafter export（已有解析副本）"):  # the copy and the Word shell, untimed
                seconds(table[warm][0], folder, kept)
            samples: dict[str, list[float]] = {case: [] for case in table}
            for _ in range(REPEATS):  # alternating, so the machine's moods fall on every case alike
                for case, (arguments, cache, env) in table.items():
                    samples[case].append(seconds(arguments, folder, cache, **env))
                for _ in range(START_REPEATS - 1):
                    for case in START_CASES:
                        arguments, cache, env = table[case]
                        samples[case].append(seconds(arguments, folder, cache, **env))
            size = project.stat().st_size
    finally:
        if server:
            server.terminate()
    medians = {case: statistics.median(values) for case, values in samples.items()}
    print(f"项目：约250页，字段全填，{size / 1e6:.2f} MB；每项 {REPEATS} 次（窗口启动各 {REPEATS * START_REPEATS} 次）交替运行的中位数")
    print(f"{'case':<34}{'median s':>9}  anchor")
    for case, value in medians.items():
        anchor = ANCHORS.get(case)
        ratio = f"{value / medians[anchor]:.2f}× {anchor}" if anchor in medians else ""
        print(f"{case:<34}{value:>9.2f}  {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
