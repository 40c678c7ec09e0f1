"""What the user waits for, as whole processes: `drafter export | check | fields` on a ~250-page report
imported from text with every field filled, beside docxtpl rendering the same text in a process of its own.

Run: python benchmarks/bench_process.py   (docxtpl: pip install -e ".[bench]")
Each case runs 5 times, alternating with its anchor in the same loop; medians are printed with the ratio.
Goals (issue “fast where users feel it”): export ≤ 1.0× docxtpl (aim 0.7×); check and fields < 0.5 s.
"""

from __future__ import annotations

import compileall
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_export import docxtpl_template  # noqa: E402

from drafter import paths  # noqa: E402
from drafter.core.lastyear import import_last_year  # noqa: E402
from drafter.core.report.project import load_project, save_project  # noqa: E402
from drafter.core.text.numbers import format_number  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "sample" / "annual-report-2022-sample.txt"
REPEATS = 5
ANCHOR = """
import json, sys
from docxtpl import DocxTemplate
template = DocxTemplate(sys.argv[1])
with open(sys.argv[2], encoding="utf-8") as stream:
    template.render(json.load(stream))
template.save(sys.argv[3])
"""


def long_text(folder: Path, parts: int = 200) -> Path:
    """The sample's four parts repeated to `parts` parts (about 250 pages once exported)."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("一、"))
    end = max(i for i, line in enumerate(lines) if line.startswith("2023年"))
    body = [line for line in lines[start:end] if line.strip()]
    head = ["2022年度工作报告", next(line for line in lines if line.startswith("2022年"))]
    path = folder / "big.txt"
    path.write_text("\n".join(head + body * (parts // 4) + [lines[end], "示例市政协机关", "2023年1月8日"]),
                    encoding="utf-8")
    return path


def filled_project(folder: Path, parts: int = 200) -> Path:
    """The long text imported and every field filled: ~250 pages at 200 parts, ~25 at 20."""
    report = import_last_year(long_text(folder, parts), lexicon=paths.lexicon()).report
    for index, field in enumerate(report.fields.values()):
        field.value = "某地" if field.type == "text" else Decimal(index % 90 + 3)
    report.meta.organisation, report.meta.date = "示例市政协机关", "2024-01-08"
    path = folder / "big.drafter"
    save_project(report, path)
    return path


def anchor_files(project: Path, folder: Path) -> tuple[Path, Path]:
    """docxtpl's template (the same paragraphs with the same {{ tags }}) and its context, as JSON."""
    import json

    report = load_project(project)
    template = folder / "template.docx"
    template.write_bytes(docxtpl_template(report))
    context = {name: format_number(f.value, f.type, f.unit, f.qualifier, f.notation) for name, f in report.fields.items()}
    context.update(year=report.meta.year, next_year=report.meta.year + 1, organisation=report.meta.organisation)
    data = folder / "context.json"
    data.write_text(json.dumps(context, ensure_ascii=False), encoding="utf-8")
    return template, data


def seconds(command: list[str], folder: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, cwd=folder, env=dict(os.environ, PYTHONUTF8="1"))
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):  # check answers 1 when it finds problems; anything else is a failure
        raise SystemExit(f"{command[:4]} failed: {done.stderr.decode('utf-8', 'replace')[-500:]}")
    return elapsed


ROOT = Path(paths.__file__).resolve().parents[1]
# Found on sys.path as an installed package is, not through the development install's import finder, which takes
# ~8 ms of every process to find `drafter` the first time (a wheel or the frozen program has no such finder).
AS_INSTALLED = (f"import sys; sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f)]; "
                f"sys.path.insert(0, {str(ROOT)!r})")
PROGRAM = f"{AS_INSTALLED}; import runpy; runpy.run_module('drafter', run_name='__main__', alter_sys=True)"


def compile_as_installed() -> None:
    """Bytecode for every drafter module, as pip and the installer leave it: on a machine with
    PYTHONDONTWRITEBYTECODE=1 an edited module would otherwise be compiled again in every timed process."""
    compileall.compile_dir(str(Path(paths.__file__).parent), quiet=1)


def main() -> int:
    compile_as_installed()
    if importlib.util.find_spec("docxtpl") is None:
        print("docxtpl 未安装：pip install -e \".[bench]\"", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        project = filled_project(folder)
        template, context = anchor_files(project, folder)
        drafter = [sys.executable, "-c", PROGRAM]  # `drafter …` as installed
        cases = {
            "drafter export": drafter + ["export", str(project), "-o", "out.docx"],
            "docxtpl（同文，独立进程）": [sys.executable, "-c", ANCHOR, str(template), str(context), "anchor.docx"],
            "drafter check": drafter + ["check", str(project)],
            "drafter fields": drafter + ["fields", str(project)],
            "python -c pass": [sys.executable, "-c", "pass"],
        }
        samples: dict[str, list[float]] = {case: [] for case in cases}
        for _ in range(REPEATS):  # alternating, so the machine's moods fall on every case alike
            for case, command in cases.items():
                samples[case].append(seconds(command, folder))
        medians = {case: statistics.median(values) for case, values in samples.items()}
    anchor = medians["docxtpl（同文，独立进程）"]
    print(f"{'case（约250页，字段全填）':<30}{'median s':>10}{'x docxtpl':>11}")
    for case, value in medians.items():
        print(f"{case:<30}{value:>10.2f}{value / anchor:>11.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
