"""Read a returned collection workbook: refuse what is not one of ours, then each answer as the form parses it."""

from __future__ import annotations

import datetime
import io
import zipfile
from dataclasses import dataclass, field as dc_field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from drafter.core.collect import layout
from drafter.core.collect.departments import DRAFTING_OFFICE
from drafter.core.errors import UserFacingError
from drafter.core.report import fileio
from drafter.core.report.model import Field, Report, Value
from drafter.core.text.fieldtext import quoted
from drafter.core.text.numbers import NumberError, check_bounds, parse_value

LARGEST = Decimal(10) ** 13  # no figure in a report comes near ten trillion; 1e20 is a typing slip
MAX_FILE = 20 * 1024 * 1024  # a collection workbook is a few dozen kilobytes
MAX_UNPACKED = 100 * 1024 * 1024  # what its parts may expand to; a zip bomb claims far more
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")  # the stream a password-protected .xlsx is wrapped in


class WorkbookError(UserFacingError, ValueError):
    """A workbook that cannot be taken in at all; the message names the file and says why, in Chinese."""


@dataclass
class WorkbookAnswers:
    """What one returned workbook says: its department's answers by field name, and what is wrong in it.
    A workbook with problems (its layout changed, rows gone) is taken in not at all; a cell that cannot be read as
    its figure (abc, a formula with no result) is left out and listed, and the workbook's other answers count.
    Foreign rows are rows this program did not write."""

    path: Path
    department: str = ""
    answers: dict[str, Value] = dc_field(default_factory=dict)
    blank: list[str] = dc_field(default_factory=list)  # fields asked for and left empty
    problems: list[str] = dc_field(default_factory=list)
    unreadable: list[str] = dc_field(default_factory=list)  # answers left out: the cell is not its figure
    foreign: list[str] = dc_field(default_factory=list)

    @property
    def who(self) -> str:
        return self.department or DRAFTING_OFFICE


def read_workbook(path: Path, report: Report) -> WorkbookAnswers:
    """A returned workbook's answers for this report; raises WorkbookError when the file is not one to read."""
    path = Path(path)
    raw = _checked_bytes(path)
    load_workbook = layout.openpyxl().load_workbook

    try:
        formulas = load_workbook(io.BytesIO(raw), data_only=False)
        cached = load_workbook(io.BytesIO(raw), data_only=True)
    except Exception as error:  # openpyxl raises many kinds for damaged parts; each means the same to a user
        raise WorkbookError(f"“{path.name}”已损坏，无法读取（{type(error).__name__}）；请让填报部门重新保存后交回") from None
    ids = _id_sheet(formulas, path, report)
    return _answers(path, formulas, cached, ids, report)


def _checked_bytes(path: Path) -> bytes:
    if path.name.startswith(("~$", ".~lock.")):
        raise WorkbookError(f"“{path.name}”是 Excel 或 WPS 打开文件时留下的临时文件，不是征集表；请选择旁边的正式文件")
    lock = fileio.owner_file(path) or _libreoffice_lock(path)
    if lock is not None:
        raise WorkbookError(f"“{path.name}”正在被另一个程序打开（有“{lock.name}”），其中未保存的内容不会被读到；"
                            f"请先保存并关闭它再导入（若它早已关闭，例如 Excel 曾意外退出，可删除“{lock.name}”）")
    try:
        size = path.stat().st_size
        if size > MAX_FILE:
            raise WorkbookError(f"“{path.name}”有 {size // (1024 * 1024)} MB，不像是征集表（通常只有几十 KB）")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise WorkbookError(f"找不到文件“{path}”") from None
    except IsADirectoryError:
        raise WorkbookError(f"“{path}”是文件夹，请选择 .xlsx 文件") from None
    except OSError as error:
        raise WorkbookError(f"无法读取“{path}”：{fileio.read_reason(error)}") from None
    _check_package(path, raw)
    return raw


def _libreoffice_lock(path: Path) -> Path | None:
    lock = path.with_name(f".~lock.{path.name}#")
    return lock if lock.exists() else None


def _check_package(path: Path, raw: bytes) -> None:
    name = path.name
    if raw.startswith(OLE_MAGIC):
        if ENCRYPTED in raw:
            raise WorkbookError(f"“{name}”设置了打开密码，无法读取；请让填报部门取消密码后重新交回")
        raise WorkbookError(f"“{name}”是旧版 Excel 97-2003 格式（.xls）；请在 Excel 或 WPS 中“另存为”.xlsx 后再导入")
    if not raw:
        raise WorkbookError(f"“{name}”是空文件（0 字节），可能没有保存完整；请让填报部门重新交回")
    if not raw.startswith(b"PK"):
        raise WorkbookError(f"“{name}”不是 Excel 工作簿（.xlsx）")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            members = package.infolist()
            small = [m for m in members if m.filename == "mimetype" and m.file_size < 200]  # never unpack a bomb
            kind = package.read(small[0]) if small else b""
    except (zipfile.BadZipFile, ValueError, OSError, RuntimeError):
        raise WorkbookError(f"“{name}”已损坏（压缩包不完整），无法读取；请让填报部门重新保存后交回") from None
    names = {member.filename for member in members}
    if "xl/workbook.xml" not in names:
        raise WorkbookError(f"“{name}”不是 Excel 工作簿（.xlsx），{_what_it_is(kind, names)}")
    if sum(member.file_size for member in members) > MAX_UNPACKED:
        raise WorkbookError(f"“{name}”解压后过大，不是正常的征集表，已拒绝读取")


def _what_it_is(mimetype: bytes, names: set[str]) -> str:
    if "word/document.xml" in names:
        return "而是 Word 文件；请选择交回的 Excel 表"
    if b"opendocument.spreadsheet" in mimetype:
        return "而是 LibreOffice 或 WPS 的 .ods 表格；请在其中“另存为”Excel 工作簿（.xlsx）后再导入"
    return "无法读取；请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再导入"


def _id_sheet(book, path: Path, report: Report) -> dict:
    """The hidden sheet's project id, year, department and 序号 → (field name, label); checked against the report."""
    if layout.ID_SHEET not in book.sheetnames:
        raise WorkbookError(f"“{path.name}”不是本程序导出的征集表（缺少标识信息），无法对应到统计数据")
    sheet = book[layout.ID_SHEET]
    info = {sheet.cell(row, 1).value: sheet.cell(row, 2).value for row in range(1, len(layout.ID_KEYS) + 1)}
    if info.get("project") != report.meta.project_id or not report.meta.project_id:
        raise WorkbookError(f"“{path.name}”是为另一个项目导出的征集表，不是本项目的，未导入")
    if str(info.get("year")) != str(report.meta.year):
        raise WorkbookError(f"“{path.name}”是{info.get('year')}年度的征集表，本项目是{report.meta.year}年度，未导入")
    rows = {}
    for row in sheet.iter_rows(min_row=layout.ID_FIRST_ROW, max_col=3, values_only=True):
        if row[0] is not None:
            rows[str(row[0])] = (str(row[1]), str(row[2]))
    return {"department": str(info.get("department") or ""), "sheet": str(info.get("sheet") or ""), "rows": rows}


def _data_sheet(book, path: Path, name: str):
    """The answers' sheet by the name it was written with, or, if renamed, the one sheet with its header."""
    if name in book.sheetnames:
        return book[name]
    for sheet in book.worksheets:
        if sheet.title != layout.ID_SHEET and _header(sheet) == layout.HEADERS:
            return sheet
    raise WorkbookError(f"“{path.name}”中找不到“{name}”工作表（可能被删除或改了表头），无法读取")


def _header(sheet) -> tuple:
    return tuple(sheet.cell(layout.HEADER_ROW, column).value for column in range(1, len(layout.HEADERS) + 1))


def _answers(path: Path, formulas, cached, ids: dict, report: Report) -> WorkbookAnswers:
    sheet = _data_sheet(formulas, path, ids["sheet"])
    values = cached[sheet.title]
    result = WorkbookAnswers(path, department=ids["department"])
    if _header(sheet) != layout.HEADERS:
        result.problems.append(f"“{sheet.title}”工作表的表头被改动，无法确定各列的含义")
        return result
    _merged(sheet, result)
    seen: set[str] = set()
    for row in range(layout.FIRST_ROW, sheet.max_row + 1):
        number, label = sheet.cell(row, layout.NUMBER).value, sheet.cell(row, layout.LABEL).value
        answer = sheet.cell(row, layout.ANSWER)
        if number is None and label is None and answer.value is None:
            continue
        known = ids["rows"].get(_number_text(number))
        if known is None or str(label) != known[1]:
            if answer.value is not None:
                result.foreign.append(f"第{row}行“{label or ''}”不是本程序写入的行（填了“{answer.value}”）")
            continue
        name = known[0]
        seen.add(name)
        _read_answer(result, report.fields.get(name), row, answer, values.cell(row, layout.ANSWER))
    for number, (name, label) in ids["rows"].items():
        if name not in seen:
            result.problems.append(f"第{number}项{quoted(label)}的行被删除或改动，找不到")
    return result


def _number_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else str(value).strip()


def _merged(sheet, result: WorkbookAnswers) -> None:
    for cells in sheet.merged_cells.ranges:
        if cells.max_row >= layout.HEADER_ROW:
            result.problems.append(f"单元格 {cells.coord} 被合并，各行的数值无法分清；请取消合并后交回")


def _read_answer(result: WorkbookAnswers, field: Field | None, row: int, formula_cell, value_cell) -> None:
    where = f"第{row}行“{formula_cell.parent.cell(row, layout.LABEL).value}”"
    if field is None:
        result.problems.append(f"{where}对应的统计数据已不在项目中")
        return
    raw = value_cell.value
    if formula_cell.data_type == "f" or (isinstance(formula_cell.value, str) and formula_cell.value.startswith("=")):
        if raw is None:
            result.unreadable.append(f"{where}的本年数值是公式（{formula_cell.value}），且没有保存计算结果；请填写数值")
            return
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        result.blank.append(field.name)
        return
    try:
        value = _parse_cell(raw, field, value_cell.number_format or "")
        if field.type in ("integer", "decimal", "percent"):
            check_bounds(value, field.minimum, field.maximum)
    except NumberError as error:
        result.unreadable.append(f"{where}：{error}")
        return
    result.answers[field.name] = value


def _parse_cell(raw, field: Field, number_format: str) -> Value:
    """A cell's value as the form would take it: numbers as numbers (12.5% typed in Excel is 0.125 shown as a
    percentage), dates as dates, text through the form's parser (１２, 十二, 1,200)."""
    if isinstance(raw, bool):
        raise NumberError(f"填的是“{'是' if raw else '否'}”（{'TRUE' if raw else 'FALSE'}），这一项应是数值")
    if isinstance(raw, (datetime.datetime, datetime.date)):
        if field.type != "date":
            raise NumberError(f"填的是日期（{raw:%Y-%m-%d}），这一项应是数值")
        return raw.strftime("%Y-%m-%d")
    if isinstance(raw, (int, float)):
        try:
            number = Decimal(repr(raw)) if isinstance(raw, float) else Decimal(raw)
        except InvalidOperation:
            raise NumberError(f"“{raw}”不是数值") from None
        if "%" in number_format:
            if field.type != "percent":
                raise NumberError(f"填的是百分数（{number * 100:f}%），这一项应是{field.unit or '数值'}数")
            number = (number * 100).normalize()
        if abs(number) >= LARGEST:
            raise NumberError(f"“{raw}”过大，请核对是否多填了位数")
        text = format(number, "f")
        return parse_value(f"{text}%" if field.type == "percent" and "%" in number_format else text, field.type)
    return parse_value(_without_unit(str(raw), field), field.type)


def _without_unit(text: str, field: Field) -> str:
    """12次 in a row whose unit is 次 is 12: the department wrote the unit the sheet already shows."""
    text = text.strip()
    for ending in (f"{field.qualifier}{field.unit}", field.unit):
        if ending and field.type not in ("text", "date", "percent") and text.endswith(ending) and len(text) > len(ending):
            return text[: -len(ending)]
    return text
