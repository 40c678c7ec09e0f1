"""Time the export of the built-in report and a synthetic 300-page one, beside docxtpl on the same text.

Run: python benchmarks/bench_export.py  (needs `pip install -e ".[bench]"`)
Prints milliseconds (best of several runs, after imports) and the ratio docxtpl / drafter.
"""

from __future__ import annotations

import copy
import importlib.util
import io
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import docx

from drafter import paths
from drafter.core.rendering.render import render
from drafter.core.report.project import TEMPLATE_FILE, load_project
from drafter.core.word.export import build_docx, export_docx
from drafter.core.word.style import load_style

# One copy of the built-in report's four parts fills about 2.7 pages (LibreOffice: 75 copies, 203 pages).
PAGES_PER_COPY = 2.7


def filled_annual_report():
    report = load_project(paths.templates_dir() / "年度工作报告" / TEMPLATE_FILE)
    report.meta.organisation = "示例单位"
    report.meta.date = f"{report.meta.year + 1}-01-08"
    for index, field in enumerate(report.fields.values()):
        field.value = Decimal("95.5") if field.type == "percent" else Decimal(index * 7 % 90 + 3)
    return report


def long_report(pages: int):
    """The built-in report's parts repeated until it is about `pages` pages long."""
    report = filled_annual_report()
    parts = report.parts
    report.parts = [copy.deepcopy(part) for _ in range(round(pages / PAGES_PER_COPY)) for part in parts]
    return report


def time_best(action, repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return min(samples) * 1000


def drafter_export(report, style, folder: Path):
    target = folder / "drafter.docx"
    return lambda: export_docx(render(report), style, target)


def template_sources(report) -> list[str]:
    """Every printed paragraph's source text with its {{ field }} tags, as a Word template would hold it."""
    sources = [report.meta.title, ""]
    sources += [p.lead + p.body for p in report.opening]
    for path, section in report.walk_sections():
        sources.append(section.heading)
        sources += [p.lead + p.body for p in section.paragraphs]
    sources += [p.lead + p.body for p in report.closing]
    return sources + ["", report.meta.organisation, report.meta.date]


def docxtpl_template(report) -> bytes:
    """The report's text as a .docx template with Jinja tags, the way a docxtpl user would keep it."""
    document = docx.Document()
    for source in template_sources(report):
        document.add_paragraph(source)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def docxtpl_export(report, folder: Path):
    from docxtpl import DocxTemplate

    from drafter.core.text.numbers import format_number

    context = {name: format_number(f.value, f.type, f.unit, f.qualifier) for name, f in report.fields.items()}
    context.update(year=report.meta.year, next_year=report.meta.year + 1, organisation=report.meta.organisation)
    template_bytes = docxtpl_template(report)
    target = folder / "docxtpl.docx"

    def run():
        template = DocxTemplate(io.BytesIO(template_bytes))
        template.render(context)
        template.save(target)

    return run


def main() -> int:
    if importlib.util.find_spec("docxtpl") is None:
        print("docxtpl 未安装：pip install -e \".[bench]\"", file=sys.stderr)
        return 2
    style = load_style(paths.official_style_file())
    cases = [("内置年度工作报告", filled_annual_report(), 20), ("合成 300 页报告", long_report(300), 3)]
    print(f"{'case':<16}{'paragraphs':>12}{'drafter ms':>12}{'docxtpl ms':>12}{'docxtpl/drafter':>17}")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for name, report, repeats in cases:
            paragraphs = len(render(report).blocks)
            ours = time_best(drafter_export(report, style, folder), repeats)
            theirs = time_best(docxtpl_export(report, folder), repeats)
            print(f"{name:<16}{paragraphs:>12}{ours:>12.1f}{theirs:>12.1f}{theirs / ours:>17.2f}")
        build_only = time_best(lambda: build_docx(render(cases[0][1]), style), 20)
        print(f"内置报告仅在内存中生成（不写盘）：{build_only:.1f} ms；中位数见多次运行，目标 < 100 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
