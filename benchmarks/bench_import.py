"""Time importing last year's draft: the shared sample (.txt) and a synthetic 300-page .docx.

Run: python benchmarks/bench_import.py   Targets: sample < 200 ms, 300 pages < 3 s.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_export import long_report, time_best as best_ms  # noqa: E402

from drafter import paths  # noqa: E402
from drafter.core import lastyear  # noqa: E402
from drafter.core.rendering.render import render  # noqa: E402
from drafter.core.word.export import export_docx  # noqa: E402
from drafter.core.word.style import load_style  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "sample" / "annual-report-2022-sample.txt"


def import_last_year(path: Path):
    return lastyear.import_last_year(path, lexicon=paths.lexicon())


def main() -> int:
    print(f"{'case':<22}{'fields':>8}{'best ms':>10}{'target ms':>11}{'target/actual':>15}")
    if SAMPLE.exists():
        fields = len(import_last_year(SAMPLE).report.fields)
        sample_ms = best_ms(lambda: import_last_year(SAMPLE), 20)
        print(f"{'样例 (.txt)':<22}{fields:>8}{sample_ms:>10.1f}{200:>11}{200 / sample_ms:>15.1f}")
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "long.docx"
        export_docx(render(long_report(300)), load_style(paths.official_style_file()), target)
        fields = len(import_last_year(target).report.fields)
        long_ms = best_ms(lambda: import_last_year(target), 3)
        print(f"{'合成 300 页 (.docx)':<22}{fields:>8}{long_ms:>10.1f}{3000:>11}{3000 / long_ms:>15.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
