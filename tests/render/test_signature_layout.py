"""The end of the page as a clerk checks it in a real renderer: 落款 and 成文日期 placed for short and long
names and dates, sealed and unsealed, never alone on a page; the 附件说明 and the attachment page."""

from __future__ import annotations

import copy
import subprocess

import pytest

from drafter.core import actions
from drafter.core.report.model import Paragraph
from render.pdf_layout import read_lines, require_tools

MM = 72 / 25.4
RIGHT = (210 - 26) * MM
LEFT = 28 * MM
TOP = 37 * MM
PITCH = 579 / 20
CHAR = 15.75  # a 16 pt character condensed by 0.25 pt
SIGNATURES = {4: "示例县局", 8: "嘉峪关市政协机关", 19: "中共示例市直属机关工作委员会办公室秘书"}
DATES = {"short": "2027-01-08", "long": "2027-12-28"}
CASES = [(length, date, sealed) for length in SIGNATURES for date in DATES for sealed in (False, True)]


@pytest.fixture(scope="module")
def pages(tmp_path_factory, filled_report, style):
    """Every case exported, converted by one LibreOffice run, and read back: name → (lines, page count)."""
    soffice, _ = require_tools()
    workdir = tmp_path_factory.mktemp("signatures")
    paths = []
    for length, date, sealed in CASES:
        report = copy.deepcopy(filled_report)
        report.meta.organisation, report.meta.date, report.meta.sealed = SIGNATURES[length], DATES[date], sealed
        path = workdir / f"s{length}-{date}-{int(sealed)}.docx"
        actions.export_project(report, style, path)
        paths.append(path)
    subprocess.run([soffice, f"-env:UserInstallation={(workdir / 'profile').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(workdir), *map(str, paths)], check=True, capture_output=True, timeout=600)
    return {path.stem: read_lines(path.with_suffix(".pdf")) for path in paths}


@pytest.fixture(scope="module")
def filled_report(annual_template, fill):
    return fill(annual_template)


def signature_and_date(lines):
    last_page = max(line.page for line in lines)
    body = [line for line in lines if line.page == last_page and line.y_min < (297 - 35) * MM]
    return body[-2], body[-1]


@pytest.mark.parametrize(("length", "date", "sealed"), CASES, ids=[f"{n}字-{d}-{'盖章' if s else '不盖章'}" for n, d, s in CASES])
def test_signature_and_date_sit_where_gb_t_9704_puts_them(pages, length, date, sealed):
    lines, _ = pages[f"s{length}-{date}-{int(sealed)}"]
    signature, date_line = signature_and_date(lines)
    assert signature.text.replace(" ", "") == SIGNATURES[length] and date_line.text.replace(" ", "").endswith("日")
    # LibreOffice puts about 3 pt between Chinese and digits whatever the style says (Word does not), so where a
    # line is placed from the date's width, the date's start may sit up to that much further right.
    spacing = 5 * 3.5
    if sealed:  # 7.3.5.1: the date 4 characters from the right, the signature centred on it
        assert RIGHT - date_line.x_max == pytest.approx(4 * 16, abs=3)
        if length == 19:  # too long to centre on the date: it stays 2 characters from the right
            assert RIGHT - signature.x_max == pytest.approx(2 * 16, abs=3)
            return
        centre = lambda line: (line.x_min + line.x_max) / 2  # noqa: E731
        assert -spacing / 2 - 3 <= centre(date_line) - centre(signature) <= 3
        return
    # 7.3.5.2: the date starts 2 characters right of the signature's start; whichever is longer ends 2 from the right
    offset = date_line.x_min - signature.x_min
    assert date_line.x_max <= RIGHT + 1  # never past the margin, never wrapped
    assert offset == pytest.approx(2 * CHAR, abs=2)  # both placed by their start, LibreOffice's spacing or not
    if RIGHT - signature.x_max != pytest.approx(2 * 16, abs=3):  # a longer date: it ends about 2 from the right
        assert 2 * 16 - spacing - 3 <= RIGHT - date_line.x_max <= 2 * 16 + 3


def test_signature_and_date_never_stand_alone_on_a_page(tmp_path, filled_report, style):
    """The body grows a line at a time; the signature and date always share a page with body text."""
    soffice, _ = require_tools()
    paths = []
    for extra in range(0, 22, 3):
        report = copy.deepcopy(filled_report)
        report.closing += [Paragraph(body="补充说明。" * 6) for _ in range(extra)]
        path = tmp_path / f"grow{extra:02d}.docx"
        actions.export_project(report, style, path)
        paths.append(path)
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), *map(str, paths)], check=True, capture_output=True, timeout=600)
    for path in paths:
        lines, count = read_lines(path.with_suffix(".pdf"))
        last = [line for line in lines if line.page == count and line.y_min < (297 - 35) * MM]
        assert len(last) >= 3, f"{path.name}: the last page holds only {[line.text for line in last]}"


def test_attachment_note_and_the_attachment_page(tmp_path, filled_report, style):
    soffice, _ = require_tools()
    report = copy.deepcopy(filled_report)
    report.meta.attachments = ["2026年度党建工作考核细则"]
    path = tmp_path / "attachments.docx"
    actions.export_project(report, style, path, comparison_table=True)
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=300)
    lines, _ = read_lines(path.with_suffix(".pdf"))
    index = next(i for i, line in enumerate(lines) if line.text.startswith("附件：1."))
    first, second = lines[index], lines[index + 1]
    assert second.text.startswith("2.主要数据对比表")
    assert first.x_min - LEFT == pytest.approx(2 * 16, abs=3)  # 左空二字
    assert second.x_min - LEFT == pytest.approx(5 * 16, abs=3)  # numbers under numbers
    label = next(line for line in lines if line.text == "附件2")
    page = [line for line in lines if line.page == label.page]
    title = next(line for line in page if line.text == "主要数据对比表")
    assert page[0] is label and label.x_min == pytest.approx(LEFT, abs=2) and label.page > first.page
    assert title.y_min > label.y_min + 1.5 * PITCH and abs((title.x_min + title.x_max) / 2 - (LEFT + RIGHT) / 2) < 4


def test_the_personal_report_keeps_its_last_lines_with_signature_and_date(tmp_path, style, fill):
    """个人述职报告 used to end with 落款 and 成文日期 alone on page 2."""
    from drafter import paths
    from drafter.core.report.project import TEMPLATE_FILE, load_project

    soffice, _ = require_tools()
    report = fill(load_project(paths.templates_dir() / "个人述职报告" / TEMPLATE_FILE))
    path = tmp_path / "personal.docx"
    actions.export_project(report, style, path)
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=300)
    lines, count = read_lines(path.with_suffix(".pdf"))
    last = [line.text for line in lines if line.page == count and line.y_min < (297 - 35) * MM]
    assert len(last) >= 4, last  # at least two body lines, the signature and the date


def test_a_long_title_takes_two_grid_lines_broken_between_words(tmp_path, filled_report, style):
    """Off the grid, each 22 pt title line takes one 28.95 pt line in LibreOffice as in Word (it took two)."""
    soffice, _ = require_tools()
    report = copy.deepcopy(filled_report)
    report.meta.title = "2024政协机关党组理论学习中心组年度工作报告"
    path = tmp_path / "title.docx"
    actions.export_project(report, style, path)
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(path)], check=True, capture_output=True, timeout=300)
    lines, _ = read_lines(path.with_suffix(".pdf"))
    first, second = lines[0], lines[1]
    assert (first.text, second.text) == ("2024政协机关党组", "理论学习中心组年度工作报告")
    assert second.y_min - first.y_min == pytest.approx(PITCH, abs=1)
    centre = (LEFT + RIGHT) / 2
    assert all(abs((line.x_min + line.x_max) / 2 - centre) < 4 for line in (first, second))
