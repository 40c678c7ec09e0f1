"""Time the command line's start: `drafter templates` beside a bare `python -c pass`, so the interpreter's own
start is visible as the baseline. The window's start is timed by bench_gui.py (the real entry point beside a bare
PySide6 window).

Run: python benchmarks/bench_startup.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

def median_ms(command: list[str], repeats: int = 5) -> float:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=tempfile.gettempdir(),
                       env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def main() -> int:
    baseline = median_ms([sys.executable, "-c", "pass"])
    cases = [("python -c pass（基线）", baseline),
             ("drafter templates", median_ms([sys.executable, "-m", "drafter", "templates"]))]
    print(f"{'case':<28}{'median ms':>11}{'x baseline':>12}")
    for name, value in cases:
        print(f"{name:<28}{value:>11.0f}{value / baseline:>12.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
