"""The workbook's shape, shared by writing and reading: sheet names, header words, the id sheet's keys."""

from __future__ import annotations

from drafter.core.errors import UserFacingError


class MissingOpenpyxl(UserFacingError, ImportError):
    """The installation lacks openpyxl; said in Chinese, never as a traceback."""


def openpyxl():
    """The openpyxl package, loaded when a collection first needs it."""
    try:
        import openpyxl as package
    except ImportError:
        raise MissingOpenpyxl("本程序缺少读写 Excel 的组件 openpyxl，安装不完整；请重新安装本程序"
                              "（用 pip 安装的，运行 pip install openpyxl）") from None
    return package

DATA_SHEET = "征集表"
# The id sheet is "very hidden": Excel and WPS offer no way to show or rename it, so it comes back as written.
ID_SHEET = "drafter"
HEADERS = ("序号", "指标", "单位", "去年数值", "本年数值", "说明", "用于")
NUMBER, LABEL, UNIT, PREVIOUS, ANSWER, HINT, CONTEXT = range(1, 8)  # 1-based columns, as openpyxl counts
HEADER_ROW = 3
FIRST_ROW = HEADER_ROW + 1
ID_KEYS = ("project", "year", "department", "sheet", "format")
ID_FIRST_ROW = len(ID_KEYS) + 2  # then one row per field: 序号, field name, label
WORKBOOK_FORMAT = 1
