"""Write one collection workbook per department: its fields, last year's value, a box for this year's."""

from __future__ import annotations

import io
import uuid
import warnings
from decimal import Decimal
from pathlib import Path

from drafter.core.collect import layout
from drafter.core.collect.context import context_sentences
from drafter.core.collect.departments import fields_by_department
from drafter.core.errors import UserFacingError
from drafter.core.rendering.render import Rendered
from drafter.core.report import fileio
from drafter.core.report.model import Field, Report
from drafter.core.report.names import safe_file_name
from drafter.core.text.numbers import format_date, plain_digits

TYPE_HINTS = {"integer": "填整数", "decimal": "可带小数", "percent": "填百分数，如 12.5 或 12.5%",
              "text": "填文字", "date": "填日期，如 2024-12-31"}


class CollectionError(UserFacingError, ValueError):
    """Workbooks that cannot be written where asked; nothing was written."""


def _make_folder(folder: Path) -> None:
    """The folder named is made, parents too, as `git clone DIR` makes its DIR."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CollectionError(f"无法建立文件夹“{folder}”：{error.strerror or error}") from None


def write_workbooks(report: Report, rendered: Rendered, folder: Path, deadline: str = "",
                    overwrite: bool = False) -> list[Path]:
    """One .xlsx per department in `folder`; gives the project an id first if it has none (save it after).
    Refuses to overwrite a workbook already there unless asked: it may be one that came back filled in."""
    folder = Path(folder)
    if folder.is_file():
        raise CollectionError(f"“{folder}”是文件，不是文件夹；请给出存放征集表的文件夹")
    Workbook = layout.openpyxl().Workbook
    if not report.fields:
        raise CollectionError("项目中没有统计数据，无需征集")
    _make_folder(folder)
    report.meta.project_id = report.meta.project_id or uuid.uuid4().hex
    groups = fields_by_department(report)
    targets = {department: folder / workbook_name(report, department) for department in groups}
    existing = [path.name for path in targets.values() if path.exists()]
    if existing and not overwrite:
        raise CollectionError(f"“{folder}”中已有{'、'.join(existing)}，未覆盖（可能是已交回的表）；请换一个文件夹")
    sentences = context_sentences(rendered, report.fields)
    for department, fields in groups.items():
        book = Workbook()
        _fill_data_sheet(book.active, report, rendered.title, department, fields, sentences, deadline)
        _fill_id_sheet(book.create_sheet(layout.ID_SHEET), report, department, fields)
        buffer = io.BytesIO()
        with warnings.catch_warnings():
            # openpyxl makes an empty text-mode temporary file without an encoding, then writes it in binary
            # (UTF-8 XML) by name: the locale's encoding is never used, so its EncodingWarning is noise here.
            warnings.simplefilter("ignore", EncodingWarning)
            book.save(buffer)
        fileio.atomic_write(targets[department], buffer.getvalue(), keep_backup=False)
    return list(targets.values())


def workbook_name(report: Report, department: str) -> str:
    return safe_file_name(f"{report.meta.year}年度数据征集表-{department}") + ".xlsx"


def _fill_data_sheet(sheet, report: Report, title: str, department: str, fields: list[Field],
                     sentences: dict[str, str], deadline: str) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

    sheet.title = layout.DATA_SHEET
    sheet.cell(1, 1, f"{title}数据征集表").font = Font(bold=True, size=16)
    note = f"填报部门：{department}"
    if deadline:
        note += f"　　请于{format_date(deadline)}前交回"
    sheet.cell(2, 1, note + "　　只需填写“本年数值”一列（黄色），其余内容请勿改动")
    for column in (1, 2):
        sheet.merge_cells(start_row=column, start_column=1, end_row=column, end_column=len(layout.HEADERS))
    line = Side(style="thin", color="808080")
    box = Border(left=line, right=line, top=line, bottom=line)
    for column, header in enumerate(layout.HEADERS, 1):
        cell = sheet.cell(layout.HEADER_ROW, column, header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center")
        cell.border = box
    answer_fill = PatternFill("solid", fgColor="FFF9C4")
    for index, field in enumerate(fields, 1):
        row = layout.FIRST_ROW + index - 1
        values = (index, field.label, _unit(field), _cell_value(field.previous), _cell_value(field.value),
                  _hint(field), sentences.get(field.name, ""))
        for column, value in enumerate(values, 1):
            cell = sheet.cell(row, column, value)
            cell.border = box
            cell.alignment = Alignment(vertical="top", horizontal="center" if column == layout.NUMBER else None,
                                       wrap_text=column in (layout.LABEL, layout.HINT, layout.CONTEXT))
        sheet.row_dimensions[row].height = ROW_LINE * _lines(values) + 3
        answer = sheet.cell(row, layout.ANSWER)
        answer.protection = Protection(locked=False)
        answer.fill = answer_fill
        if field.type in ("text", "date"):
            answer.number_format = "@"
    _validate(sheet, fields)
    _page_setup(sheet, len(fields))


ROW_LINE = 15  # points per line of wrapped text at Excel's default 11-point font
WIDTHS = (6, 24, 8, 12, 14, 22, 60)  # column widths in Excel's units, about half a Chinese character each


def _lines(values) -> int:
    """Rows do not grow to fit wrapped text when a program other than Excel opens the file: set their height."""
    return max(1, *(-(-len(str(value or "")) * 2 // (width - 4)) for value, width in zip(values, WIDTHS)))


def _unit(field: Field) -> str:
    return "%" if field.type == "percent" else f"{field.qualifier}{field.unit}" if field.qualifier != "约" else field.unit


def _cell_value(value):
    """Numbers as numbers (a department's Excel can sum them), text as text."""
    if isinstance(value, Decimal):
        digits = plain_digits(value)
        return int(digits) if "." not in digits else float(digits)
    return value


def _hint(field: Field) -> str:
    hint = TYPE_HINTS[field.type]
    if field.minimum is not None:
        hint += f"，不小于{plain_digits(field.minimum)}"
    if field.maximum is not None:
        hint += f"，不大于{plain_digits(field.maximum)}"
    return hint


def _validate(sheet, fields: list[Field]) -> None:
    """Excel's own check on the answer cells; a warning rather than a stop, so 十二 or 1.2万 can still be typed
    (the import reads those as the form does)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    rules: dict[tuple, DataValidation] = {}
    for index, field in enumerate(fields):
        if field.type not in ("integer", "decimal", "percent"):
            continue
        kind = "whole" if field.type == "integer" else "decimal"
        low = plain_digits(field.minimum) if field.minimum is not None else None
        high = plain_digits(field.maximum) if field.maximum is not None else None
        key = (kind, low, high)
        if key not in rules:
            rules[key] = DataValidation(type=kind, **_bounds(low, high), allow_blank=True, showErrorMessage=True,
                                        errorStyle="warning", errorTitle="数值有误",
                                        error=f"这一项应{_hint(field)}")
            sheet.add_data_validation(rules[key])
        rules[key].add(sheet.cell(layout.FIRST_ROW + index, layout.ANSWER).coordinate)


# Excel's rule needs a bound on each side it checks: a field without one (a rate of change, which may fall below
# zero) is checked for its kind of number only, between bounds no report's figure reaches.
_FAR = "1000000000000000"


def _bounds(low: str | None, high: str | None) -> dict:
    if low is not None and high is not None:
        return {"operator": "between", "formula1": low, "formula2": high}
    if low is not None:
        return {"operator": "greaterThanOrEqual", "formula1": low}
    if high is not None:
        return {"operator": "lessThanOrEqual", "formula1": high}
    return {"operator": "between", "formula1": "-" + _FAR, "formula2": _FAR}


def _page_setup(sheet, count: int) -> None:
    """A4 landscape, one page wide, the header repeated and frozen, the layout protected without a password."""
    for letter, width in zip("ABCDEFG", WIDTHS):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = sheet.cell(layout.FIRST_ROW, 1)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{layout.HEADER_ROW}:{layout.HEADER_ROW}"
    sheet.print_area = f"A1:G{layout.HEADER_ROW + count}"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # widening a column to read a long sentence is allowed
    sheet.protection.formatRows = False


def _fill_id_sheet(sheet, report: Report, department: str, fields: list[Field]) -> None:
    sheet.sheet_state = "veryHidden"
    values = (report.meta.project_id, report.meta.year, department, layout.DATA_SHEET, layout.WORKBOOK_FORMAT)
    for row, (key, value) in enumerate(zip(layout.ID_KEYS, values), 1):
        sheet.cell(row, 1, key)
        sheet.cell(row, 2, value)
    for index, field in enumerate(fields, 1):
        row = layout.ID_FIRST_ROW + index - 1
        sheet.cell(row, 1, index)
        sheet.cell(row, 2, field.name)
        sheet.cell(row, 3, field.label)
    sheet.protection.sheet = True
