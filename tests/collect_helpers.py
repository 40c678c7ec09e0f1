"""A collection round as the tests need it: a project with departments, its workbooks, answers typed into them."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from drafter import paths
from drafter.core import actions
from drafter.core.collect import apply_department, write_workbooks
from drafter.core.collect import layout
from drafter.core.rendering.render import render
from drafter.core.report.project import save_project

ANNUAL = "年度工作报告"


def collection_project(folder: Path, year: int = 2026):
    """The built-in report with part 二 asked of 组织科 and one field of 宣传科, its workbooks written to folder;
    returns (report, project path, {department: workbook path})."""
    report = actions.new_project(ANNUAL, year, [paths.templates_dir()])
    rendered = render(report)
    apply_department(report, rendered, "二=组织科")
    apply_department(report, rendered, "center_group_sessions=宣传科")
    written = write_workbooks(report, rendered, folder, deadline=f"{year}-12-20")
    project = folder / "报告.drafter"
    save_project(report, project)
    return report, project, {_department(path): path for path in written}


def _department(path: Path) -> str:
    return path.stem.split("-", 1)[1]


def answer(workbook: Path, values: dict[str, object], target: Path | None = None, formats: dict[str, str] | None = None) -> Path:
    """Type values into the 本年数值 cells of the rows whose 指标 is the key (as a person would); save to target."""
    book = openpyxl.load_workbook(workbook)
    sheet = book[layout.DATA_SHEET]
    rows = {sheet.cell(row, layout.LABEL).value: row for row in range(layout.FIRST_ROW, sheet.max_row + 1)}
    for label, value in values.items():
        cell = sheet.cell(rows[label], layout.ANSWER)
        cell.value = value
        if label in (formats or {}):
            cell.number_format = formats[label]
    target = target or workbook
    book.save(target)
    return target


def labels_in(workbook: Path) -> list[str]:
    sheet = openpyxl.load_workbook(workbook)[layout.DATA_SHEET]
    return [sheet.cell(row, layout.LABEL).value for row in range(layout.FIRST_ROW, sheet.max_row + 1)]


def calc() -> str:
    """soffice with its spreadsheet part, or a skip locally (CI installs it, so there a lack is a failure)."""
    soffice = shutil.which("soffice")
    if soffice and (Path(soffice).resolve().parent / "libsclo.so").exists():
        return soffice
    reason = "LibreOffice Calc 未安装：apt-get install libreoffice-calc-nogui"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def through_libreoffice(workbook: Path, workdir: Path) -> Path:
    """The workbook opened and saved again by LibreOffice Calc, as a department using it would return it."""
    soffice = calc()
    outdir = workdir / "returned"
    subprocess.run([soffice, f"-env:UserInstallation={(workdir / 'lo-profile').as_uri()}", "--headless",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(workbook)],
                   check=True, capture_output=True, timeout=300)
    result = outdir / workbook.name
    assert result.exists(), f"LibreOffice did not write {result.name}"
    return result
