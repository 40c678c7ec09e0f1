"""The corpus: office-style .docx files of the kinds offices hand in, each written with its truth file.

Run as a script to write the corpus into a folder: python -m tests.corpus.files OUT
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

from . import texts
from .document import Composer, Line, Report
from .markup import strip
from .wordml import Flavour, write

PLAN_HEADINGS = ["{year}年工作完成情况", "存在的问题和不足", "{next}年工作思路", "下一步工作打算"]


def _with_table(report: Report) -> Report:
    """A body table after the first part's first paragraph; the years in its header roll together."""
    header = [cell.format(year=report.year, prev=report.year - 1) for cell in texts.TABLE["header"]]
    rows, figures = [header], []
    for number, row in enumerate(texts.TABLE["rows"], 1):
        printed, found = zip(*(strip(cell) for cell in row))
        rows.append([str(number), printed[0], printed[3], printed[1], printed[2]])
        figures += [figure for cells in found for figure in cells]
    at = next(i for i, line in enumerate(report.lines) if line.kind == "body" and line.place[:1] == (1,))
    place = report.lines[at].place
    report.lines.insert(at + 1, Line("table", "", place=place, rows=rows, figures=figures))
    return report


def _with_footnotes(report: Report) -> Report:
    bodies = [line for line in report.lines if line.kind == "body" and line.place and line.place[0] != "closing"]
    for line, marked in zip((bodies[1], bodies[-1]), texts.FOOTNOTES):
        line.note, figures = strip(marked.format(year=report.year))
        line.figures += figures
    return report


def _mask_figure(match: re.Match) -> str:
    """** for a figure; a year (2023年) stays, as websites leave years alone."""
    following = match.string[match.end():]
    is_year = len(match.group()) == 4 and following.startswith("年")
    in_a_phrase = following.startswith(("小时工作制", "天无理由"))  # 8小时工作制 is no figure to hide
    return match.group() if is_year or in_a_phrase else "**"


def _masked(report: Report) -> Report:
    """A website's copy: figures shown as ** and a few names masked, with the site's clutter around."""
    for line in report.lines:
        if line.kind in ("body", "heading"):
            line.text = re.sub(r"\d[\d,.]*[万亿]?", _mask_figure, line.text)
    first_body = next(line for line in report.lines if line.kind == "body")
    first_body.text = first_body.text.replace("坚持以", "在**市委的领导下，坚持以", 1)
    report.lines.insert(0, Line("clutter", "当前位置：首页 > 工作总结 > 正文"))
    report.lines.append(Line("clutter", "猜你喜欢"))
    return report


def _yearless(report: Report) -> Report:
    """A yearbook page: no NNNN年 in the text; the year is in its date line and its title."""
    report.lines = [line for line in report.lines if line.kind not in ("signature", "date")]
    report.lines[0].text = report.title = f"{report.organisation}工作综述（年鉴-{report.year}）"
    report.lines.insert(1, Line("clutter", f"发布时间：{report.year}-12-1"))
    for line in report.lines:
        if line.kind == "body" and line.place in ((), ("closing",)):
            line.text = "一年来，各项工作稳步推进，取得了新的成效。" if line.place == () else "新的一年，我们将继续努力。"
            line.figures = []
    return report


def _flattened(report: Report) -> Report:
    """Web text run together: opening, numbered headings (with half-width (一)) and paragraphs in one line."""
    pieces, kept = [], []
    for line in report.lines:
        if line.kind in ("title", "signature", "date"):
            kept.append(line)
            continue
        pieces.append(line)
    joined = ""
    for line in pieces:
        number = line.number.replace("（", "(").replace("）", ")")
        joined += number + line.text + ("。" if line.kind == "heading" and line.level == 2 else "")
    flat = Line("flat", joined)
    report.lines = [kept[0], flat, *kept[1:]]
    report.lines_before_flattening = pieces
    return report


CORPUS: list[tuple[str, dict, Flavour, Callable[[Report], Report] | None]] = [
    ("01-标题样式", {}, Flavour(headings="styles"), None),
    ("02-手打编号加粗段首句", {}, Flavour(indent="　　"), None),
    ("03-Word多级自动编号", {}, Flavour(headings="numbering"), None),
    ("04-WPS分开的编号列表", {"items": True}, Flavour(headings="wps"), None),
    ("05-修订和批注", {}, Flavour(tracked=True), None),
    ("06-文本框", {}, Flavour(textbox=True), None),
    ("07-脚注", {}, Flavour(), _with_footnotes),
    ("08-表格", {}, Flavour(), _with_table),
    ("09-红头文号版记", {}, Flavour(redhead=True, recipient="县委、县政府"), None),
    ("10-WPS逐字分段", {}, Flavour(per_char=True, indent="　　"), None),
    ("11-LibreOffice另存", {}, Flavour(), None),
    ("12-长文带目录", {"subs": (4, 5), "per_sub": 3, "parts": 4}, Flavour(headings="styles", toc=True), None),
    ("13-去年工作问题思路下一步", {"plain_parts": (2, 3, 4), "headings": PLAN_HEADINGS, "closing": False}, Flavour(), None),
    ("14-软回车", {}, Flavour(soft_break_heading=True, pdf_breaks=True), None),
    ("15-标题接正文", {}, Flavour(run_in=True, bold_headings=False), None),
    ("16-两段标题主送机关", {}, Flavour(title_split=True, recipient="市委、市政府"), None),
    ("17-三级小标题", {"items": True}, Flavour(), None),
    ("18-网页转载遮盖数字", {}, Flavour(bold_headings=False), _masked),
    ("19-年鉴无年份", {}, Flavour(), _yearless),
    ("20-网页压成一行", {"leads": False}, Flavour(bold_headings=False), _flattened),
    ("21-LibreOffice另存自动编号", {}, Flavour(headings="numbering"), None),
    ("22-综合", {"items": True}, Flavour(headings="styles", tracked=True, textbox=True), _with_table),
    ("23-无段首句加粗", {"leads": False}, Flavour(bold_headings=False), _with_footnotes),
    ("24-版记表格和打算部分", {"plan_last": True, "extra": tuple(texts.PARAGRAPHS[-3:])}, Flavour(record_table=True),
     None),
    ("25-加粗条目和全角数字", {"items": True, "item_bodies": True, "extra": tuple(texts.FULL_WIDTH)},
     Flavour(bold_items=True), _with_table),
]
LIBREOFFICE = {"11-LibreOffice另存", "21-LibreOffice另存自动编号"}


def compose(index: int, options: dict, change) -> Report:
    year = 2019 + index % 6
    report = Composer(seed=index * 7919, year=year).report(**options)
    return change(report) if change else report


def truth(report: Report, flavour: Flavour) -> dict:
    """What a right import gives: frame, parts and their sub-items, figures with places, the printed text."""
    lines = getattr(report, "lines_before_flattening", None) or report.lines
    parts = []
    for line in lines:
        if line.kind == "heading" and line.level == 1:
            parts.append({"heading": line.text, "subs": []})
        elif line.kind == "heading":
            parts[-1]["subs"].append([line.level, line.text])
    figures = [{"value": None if "*" in line.text else str(figure.value), "unit": figure.unit,
                "place": list(line.place)} for line in lines for figure in line.figures]
    printed = []
    for line in lines:
        if line.kind in ("body", "heading"):
            printed.append(line.number + line.text)
        elif line.kind == "table":  # the year before's column becomes last year's values: not compared
            before = f"{report.year - 1}年"
            printed += [cell for row in line.rows for cell, head in zip(row, line.rows[0]) if head != before]
        if line.note:
            printed.append(line.note)
    by_kind = {line.kind: line.text for line in report.lines}
    return {"year": report.year, "title": report.title if "title" in by_kind else "",
            "organisation": by_kind.get("signature", ""), "date": by_kind.get("date", ""),
            "recipient": flavour.recipient, "parts": parts, "figures": figures, "text": printed}


def build(folder: Path) -> list[Path]:
    """Every corpus file (.docx) with its .truth.json beside it; LibreOffice copies only where soffice is."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index, (name, options, flavour, change) in enumerate(CORPUS, 1):
        report = compose(index, options, change)
        path = folder / f"{name}-{report.year}.docx"
        if name.startswith("19-"):
            path = folder / f"{name}.docx"
        _write_lines(report, flavour, path)
        if name in LIBREOFFICE and not _resave(path):
            path.unlink()
            continue
        path.with_suffix(".truth.json").write_text(json.dumps(truth(report, flavour), ensure_ascii=False, indent=1),
                                                   encoding="utf-8")
        written.append(path)
    return written


def _write_lines(report: Report, flavour: Flavour, path: Path) -> None:
    lines = report.lines
    report.lines = [line if line.kind != "clutter" else Line("body", line.text) for line in lines]
    write(report, flavour, path)  # the writer adds what a tracked insertion puts into a line's text
    report.lines = lines


def _resave(path: Path) -> bool:
    """Open and save the file in LibreOffice, as an office without Word does; False when there is none."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return False
    with tempfile.TemporaryDirectory() as out:
        profile = Path(out) / "profile"
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                        "docx:MS Word 2007 XML", "--outdir", out, str(path)], capture_output=True, timeout=180,
                       check=False)
        converted = Path(out) / path.name
        if not converted.exists():
            return False
        shutil.copy(converted, path)
    return True


if __name__ == "__main__":
    for written_path in build(Path(sys.argv[1])):
        print(written_path)
