"""A table in last year's body kept as a table: numbers in cells as fields (unit from the header or a 单位
column), year columns rolled together (2023年 | 2022年 → this year | last year, last year's from the field)."""

from __future__ import annotations

import re

from drafter.core.lastyear.finder import FieldMaker
from drafter.core.report.model import Paragraph
from drafter.core.text.spans import escape_template_syntax
from drafter.core.text.yearroll import YearRoller

YEAR_HEADER = re.compile(r"^\s*(\d{4})\s*年?度?\s*(?:[（(][^（）()]{1,4}[）)])?\s*$")  # 2023年, 2023年（万元）
YEAR_IN_HEADER = re.compile(r"(?:19|20)\d{2}")  # a year's column (2021年 too), not one measured anew
# Last year's column named as such (2023年 | 上年): shown from the field, as a 2022年 column is
PREVIOUS_HEADER = re.compile(r"^\s*(?:上年|去年|上年度|上年同期)\s*(?:[（(][^（）()]{1,4}[）)])?\s*$")
UNIT_HEADERS = ("单位", "计量单位")
LABEL_HEADER = re.compile(r"指标|项目|名称|内容|事项|类别")
SERIAL_HEADER = re.compile(r"^\s*(?:序号|编号|序|No\.?|NO\.?)\s*$")  # 1, 2, 3 down the side: no quantity
NUMBER_CELL = re.compile(r"^[0-9０-９.．,，%％]*$")
BRACKETED_UNIT = re.compile(r"[（(]([^（）()]{1,4})[）)]\s*$")


def table_paragraph(rows: list[list[str]], maker: FieldMaker, roller: YearRoller, place: str) -> Paragraph:
    header = rows[0] if rows else []
    years = {index: int(match.group(1)) for index, cell in enumerate(header) if (match := YEAR_HEADER.match(cell))}
    unit_column = next((index for index, cell in enumerate(header) if cell.strip() in UNIT_HEADERS), None)
    current = next((index for index, year in years.items() if year == roller.from_year), None)
    before = next((index for index, year in years.items() if year == roller.from_year - 1),
                  next((index for index, cell in enumerate(header) if PREVIOUS_HEADER.match(cell)), None))
    serials = {index for index, cell in enumerate(header) if SERIAL_HEADER.match(cell)}
    label_column = _label_column(header, rows[1:], set(years) | {unit_column, before} | serials)
    if current is None and unit_column is not None:  # 项目 | 单位 | 数量: the quantities stand in a column of their own
        current = _quantity_column(header, rows[1:], set(years) | {unit_column, label_column, before} | serials)
    taken = set(years) | {unit_column, label_column, current, before} | serials
    # 项目 | 单位 | 基金收入 | 基金支出 | 上年基金支出: each quantity column its own measure, 上年… that column's last year
    others = _quantity_columns(header, rows[1:], taken) if unit_column is not None and not years else []
    last_years = {index: other for index in others for other in [current, *others]
                  if other is not None and header[index].strip() == "上年" + header[other].strip()}
    others = [index for index in others if index not in last_years]
    measures = _measure_columns(header, taken | set(others) | set(last_years), roller.from_year)
    # 本年收入（万元） | 上年收入（万元）: the 上年 column is the other's last year, shown from its field
    for index, (what, unit) in list(measures.items()):
        this = next((other for other, (named, same) in measures.items() if same == unit and what.startswith("上年")
                     and named in (what[2:], "本年" + what[2:], "今年" + what[2:])), None)
        if this is not None:
            last_years[index] = this
            del measures[index]
    table = [[_year_cell(cell, years.get(index), roller, place) for index, cell in enumerate(header)]]
    for row in rows[1:]:
        unit = _unit(row, header, unit_column, current)
        label = BRACKETED_UNIT.sub("", row[label_column]).strip() if label_column < len(row) else ""
        name = label or "表格数据"
        # A cell prints its number alone (the unit is in the header), so the unit goes into the label. This
        # year's cells first: last year's column may stand before them (2022年 | 2023年) and shows their value.
        made = {}
        for index in ([current] if current is not None else []) + others:
            what = header[index].strip() if others else ""  # one quantity column: its header (数量) says nothing
            if index < len(row) and unit:
                made[index] = maker.cell_field(row[index], "", f"{name}{what}（{unit}）")
        if before is not None and made.get(current):
            last_years[before] = current
        for index, (what, measured_unit) in measures.items():
            if index < len(row):
                made[index] = maker.cell_field(row[index], "", f"{name}{what}（{measured_unit}）")
        cells = []
        for index, cell in enumerate(row):
            if made.get(index):
                cells.append(made[index])
            elif made.get(last_years.get(index)):
                cells.append(made[last_years[index]].replace(" }}", "|previous }}"))
            else:
                cells.append(roller.roll(maker.replace_figures(escape_template_syntax(cell)), place))
        table.append(cells)
    return Paragraph(rows=table)


def _measure_columns(header: list[str], taken: set, year: int) -> dict[int, tuple[str, str]]:
    """Columns of this year's figures other than the year's own, by their header's unit (增长（%）, 金额（万元）,
    2023年产量（吨）): index → (what the header measures, unit). A column of another year is no measure of this one."""
    measures = {}
    for index, cell in enumerate(header):
        match = BRACKETED_UNIT.search(cell)
        if index in taken or not match or any(int(found) != year for found in YEAR_IN_HEADER.findall(cell)):
            continue
        what = re.sub(rf"^\s*{year}\s*年度?", "", BRACKETED_UNIT.sub("", cell)).strip()
        measures[index] = (what, match.group(1))
    return measures


def _quantity_column(header: list[str], rows: list[list[str]], taken: set) -> int | None:
    """The first column, of those not taken, whose every filled cell is a number: where a table with a 单位 column
    and no year's column keeps its quantities."""
    for index in range(len(header)):
        cells = [row[index].strip() for row in rows if index < len(row) and row[index].strip()]
        if index not in taken and cells and all(NUMBER_CELL.match(cell) for cell in cells):
            return index
    return None


def _quantity_columns(header: list[str], rows: list[list[str]], taken: set) -> list[int]:
    """Every column, of those not taken, whose every filled cell is a number."""
    found = []
    for index in range(len(header)):
        cells = [row[index].strip() for row in rows if index < len(row) and row[index].strip()]
        if index not in taken and cells and all(NUMBER_CELL.match(cell) for cell in cells):
            found.append(index)
    return found


def _label_column(header: list[str], rows: list[list[str]], taken: set) -> int:
    """The column naming each row: 指标/项目/名称 in the header, else the first that is not numbers (序号 is)."""
    for index, cell in enumerate(header):
        if index not in taken and LABEL_HEADER.search(cell):
            return index
    for index in range(len(header)):
        cells = [row[index] for row in rows if index < len(row)]
        if index not in taken and cells and not all(NUMBER_CELL.match(cell.strip()) for cell in cells):
            return index
    return 0


def _year_cell(cell: str, year: int | None, roller: YearRoller, place: str) -> str:
    if year in (roller.from_year, roller.from_year - 1):
        shift = roller.to_year - roller.from_year
        roller.changes.append(f"表格表头：{year}年 → {year + shift}年")
        return cell.replace(str(year), "{{ year }}" if year == roller.from_year else "{{ previous_year }}")
    if YEAR_IN_HEADER.search(cell):  # 2023年产量（吨）: the year's words roll as the text's do
        return roller.roll(escape_template_syntax(cell), place)
    return escape_template_syntax(cell)


def _unit(row: list[str], header: list[str], unit_column: int | None, current: int | None) -> str:
    if unit_column is not None and unit_column < len(row) and row[unit_column].strip():
        return row[unit_column].strip()
    for text in (row[0] if row else "", header[current] if current is not None and current < len(header) else ""):
        match = BRACKETED_UNIT.search(text)
        if match:
            return match.group(1)
    return ""

