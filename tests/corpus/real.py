"""Measuring an import against a real-report truth file (tests/core/lastyear/real_reports): figures found with
their value and unit, fields that are no figure, the parts, numbers inside names kept as text, and labels, both
equal to the clerk's and acceptable to a reader (label_accepted: the rule, tested on its own)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import docx

from corpus.measure import _heading_text, as_last_year
from drafter.core.rendering.render import render

REAL_REPORTS = Path(__file__).resolve().parents[1] / "core" / "lastyear" / "real_reports"
MAGNITUDES = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4}
NUMBERED = re.compile(r"（\d+）$")  # 增速比例（2）: a label told apart by a number only


@dataclass
class RealScore:
    """What one real report's import got right and wrong."""

    name: str
    figures: int = 0
    found: int = 0
    fields: int = 0
    false_positives: int = 0
    labels_equal: int = 0
    labels_accepted: int = 0
    numbered_labels: int = 0
    parts_right: bool = False
    names: int = 0
    names_kept: int = 0
    problems: list[str] = field(default_factory=list)


def label_accepted(label: str, figure: dict) -> bool:
    """A reader accepts a label that names the figure's subject (every key word the truth gives for it) and is not
    told apart from another by a number alone; the measure is the field's unit, shown beside the label anyway."""
    return not NUMBERED.search(label) and all(word in label for word in figure["accept"])


def truth_value(figure: dict) -> tuple[Decimal, str]:
    """The truth's printed value and unit as a field holds them: 12.8 亿元 is 1,280,000,000 元, 1.2 万人次 12,000 人次."""
    value, unit = Decimal(figure["value"]), figure["unit"]
    for magnitude, factor in MAGNITUDES.items():
        if unit.startswith(magnitude):  # 185万 alone is 1,850,000 of nothing named
            return value * factor, unit[len(magnitude):]
    return value, unit


def measure_real(truth_path: Path, report) -> RealScore:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    score = RealScore(truth_path.name.removesuffix(".truth.json"))
    fields = {item.name: item for item in report.fields.values() if item.type != "text"}
    score.fields = len(fields)
    headers = _table_headers(truth_path.with_name(score.name + ".txt"))
    for figure in truth["figures"]:
        if _in_the_year_before(figure, headers, truth["year"]):
            continue  # 2022年 beside 2023年: rolled, that column shows the field's last-year value
        score.figures += 1
        item = _matching(fields, figure)
        if item is None:
            score.problems.append(f"未找到 {figure['text']}")
            continue
        del fields[item.name]
        score.found += 1
        score.labels_equal += item.label == figure["label"]
        score.labels_accepted += label_accepted(item.label, figure)
        score.numbered_labels += bool(NUMBERED.search(item.label))
        if not label_accepted(item.label, figure):
            score.problems.append(f"名称 {item.label} ≠ {figure['label']}（{figure['text']}）")
    score.false_positives = len(fields)
    score.problems += [f"多出 {item.label}={item.previous}{item.unit}" for item in fields.values()]
    _outline_and_names(score, truth, report)
    return score


def _table_headers(text_path: Path) -> dict[str, list[str]]:
    """Each table row's first cell → its table's header cells (tables are lines of cells split by tabs)."""
    headers, header = {}, None
    for line in text_path.read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            header = None
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
        else:
            headers[cells[0]] = header
    return headers


def _in_the_year_before(figure: dict, headers: dict[str, list[str]], year: int) -> bool:
    if "\t" not in figure["text"]:
        return False
    cells = figure["text"].split("\t")
    header = headers.get(cells[0], [])
    column = len(cells) - 1
    # 2022年 beside 2023年, or 上年 (上年同期, 去年): that column shows the field's last-year value
    return column < len(header) and re.match(rf"\s*(?:{year - 1}\s*年|上年|去年)", header[column]) is not None


def _matching(fields: dict, figure: dict):
    """The first unused field with the figure's value and unit, as printed (a table's 12 under 万元) or as a field
    holds it (12.8亿元: 1,280,000,000 元)."""
    wanted = {(Decimal(figure["value"]), figure["unit"]), truth_value(figure)}
    for item in fields.values():
        unit = "%" if item.type == "percent" else item.unit
        if not unit and item.label.endswith("）"):  # a table cell's field: its unit is named in its label
            unit = item.label.rsplit("（", 1)[-1].rstrip("）")
        if item.previous is not None and (Decimal(item.previous), unit) in wanted:
            return item
    return None


def _outline_and_names(score: RealScore, truth: dict, report) -> None:
    last_year = as_last_year(report, truth["year"])
    blocks = render(last_year).blocks
    parts = [block.number + _heading_text(block) for block in blocks
             if block.kind in ("heading", "run_in") and block.level == 1]
    score.parts_right = parts == truth["parts"]
    if not score.parts_right:
        score.problems.append(f"部分：{parts} ≠ {truth['parts']}")
    printed = "\n".join(block.text for block in blocks) + "".join(
        cell for block in blocks for row in block.rows for cell in row)
    score.names = len(truth.get("not_figures", []))
    kept = [name for name in truth.get("not_figures", []) if name in printed]
    score.names_kept = len(kept)
    score.problems += [f"名称中的数字被拆开：{name}" for name in truth.get("not_figures", []) if name not in kept]


def as_word(text_path: Path, target: Path) -> Path:
    """The report as an office writes it in Word: parts in Heading 1, （一） items in Heading 2, tables (lines of
    cells split by tabs) as Word tables, and every figure's digits split over two runs, as editing leaves them."""
    document = docx.Document()
    lines = [line for line in text_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    index = 0
    while index < len(lines):
        line = lines[index]
        if "\t" in line:
            rows = []
            while index < len(lines) and "\t" in lines[index]:
                rows.append(lines[index].split("\t"))
                index += 1
            table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
            table.style = "Table Grid"
            for cells, row in zip(table.rows, rows):
                for cell, text in zip(cells.cells, row):
                    cell.text = text
            continue
        style = ("Heading 1" if re.match(r"^[一二三四五六七八九十]+、", line)
                 else "Heading 2" if re.match(r"^（[一二三四五六七八九十]+）[^。]{0,30}$", line) else None)
        paragraph = document.add_paragraph(style=style)
        for piece in _split_numbers(line):
            paragraph.add_run(piece)
        index += 1
    document.save(target)
    return target


def _split_numbers(line: str) -> list[str]:
    """The line in runs, each number of three or more digits cut after its first digit (12|08件)."""
    pieces, position = [], 0
    for match in re.finditer(r"[0-9]{3,}", line):
        pieces += [line[position:match.start() + 1]]
        position = match.start() + 1
    return pieces + [line[position:]]
