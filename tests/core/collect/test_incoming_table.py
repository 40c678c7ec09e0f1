"""A file given as a returned workbook that is none (collect.incoming), each refused with these words exactly: what
the user reads is the test."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from drafter.core.collect import incoming
from drafter.core.collect.incoming import WorkbookError, read_workbook
from drafter.core.report.model import Report


def _refusal(path) -> str:
    with pytest.raises(WorkbookError) as refused:
        read_workbook(path, Report())
    return str(refused.value)


def _zip(tmp_path, name: str, members: dict[str, bytes]):
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    path = tmp_path / name
    path.write_bytes(stream.getvalue())
    return path


@pytest.mark.parametrize("name", ["~$组织科.xlsx", ".~lock.组织科.xlsx#"])
def test_a_temporary_file_left_by_an_open_workbook(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"PK")
    assert _refusal(path) == f"“{name}”是 Excel 或 WPS 打开文件时留下的临时文件，不是征集表；请选择旁边的正式文件"


def test_a_file_that_is_not_there_or_is_a_folder(tmp_path):
    assert _refusal(tmp_path / "没有.xlsx") == f"找不到文件“{tmp_path / '没有.xlsx'}”"
    folder = tmp_path / "文件夹.xlsx"
    folder.mkdir()
    assert _refusal(folder) == f"“{folder}”是文件夹，请选择 .xlsx 文件"


def test_a_file_far_too_big_says_its_size_in_whole_megabytes(tmp_path, monkeypatch):
    monkeypatch.setattr(incoming, "MAX_FILE", 3 * 1024 * 1024)
    path = tmp_path / "大.xlsx"
    path.write_bytes(b"PK" + bytes(5 * 1024 * 1024 + 100))
    assert _refusal(path) == "“大.xlsx”有 5 MB，不像是征集表（通常只有几十 KB）"
    exactly = tmp_path / "正好.xlsx"
    exactly.write_bytes(b"PK" + bytes(3 * 1024 * 1024 - 2))  # at the limit: read (and refused for what it is)
    assert "不像是征集表" not in _refusal(exactly)


def test_an_empty_file_and_one_that_is_no_zip(tmp_path):
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    assert _refusal(empty) == "“空.xlsx”是空文件（0 字节），可能没有保存完整；请让填报部门重新交回"
    text = tmp_path / "文字.xlsx"
    text.write_bytes("开展学习12次".encode("utf-8"))
    assert _refusal(text) == "“文字.xlsx”不是 Excel 工作簿（.xlsx）"


def test_what_a_zip_that_is_no_workbook_is_said_to_be(tmp_path):
    word = tmp_path / "文档.xlsx"
    docx.Document().save(word)
    assert _refusal(word) == "“文档.xlsx”不是 Excel 工作簿（.xlsx），而是 Word 文件；请选择交回的 Excel 表"
    ods = _zip(tmp_path, "表格.xlsx", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"})
    assert _refusal(ods) == ("“表格.xlsx”不是 Excel 工作簿（.xlsx），而是 LibreOffice 或 WPS 的 .ods 表格；"
                             "请在其中“另存为”Excel 工作簿（.xlsx）后再导入")
    big_mimetype = _zip(tmp_path, "怪.xlsx", {"mimetype": b"opendocument.spreadsheet" + bytes(300)})
    assert _refusal(big_mimetype).endswith("无法读取；请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再导入")
    other = _zip(tmp_path, "其他.xlsx", {"readme.txt": b"hello"})
    assert _refusal(other) == "“其他.xlsx”不是 Excel 工作簿（.xlsx），无法读取；请在 Excel 或 WPS 中“另存为”Excel 工作簿（.xlsx）后再导入"


def test_a_damaged_workbook_names_what_openpyxl_found(tmp_path):
    broken = _zip(tmp_path, "坏.xlsx", {"xl/workbook.xml": b"<not a workbook"})
    message = _refusal(broken)
    assert message.startswith("“坏.xlsx”已损坏，无法读取（") and message.endswith("）；请让填报部门重新保存后交回")
    assert "None" not in message
