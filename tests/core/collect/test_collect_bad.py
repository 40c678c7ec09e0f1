"""Returned workbooks that cannot be taken in: each gets a clear message naming the file, and nothing changes."""

from __future__ import annotations

import io
import zipfile

import docx
import openpyxl
import pytest

from drafter.cli import run
from drafter.core.collect import layout, plan_collection, read_workbook
from drafter.core.collect.incoming import OLE_MAGIC, WorkbookError
from collect_helpers import answer, collection_project
from import_helpers import zip_bytes


@pytest.fixture
def sent(tmp_path):
    return collection_project(tmp_path)


def _refused(path, report, *words):
    with pytest.raises(WorkbookError) as raised:
        read_workbook(path, report)
    message = str(raised.value)
    assert path.name in message and all(word in message for word in words), message


def test_an_old_xls_is_told_to_be_saved_as_xlsx(sent, tmp_path):
    report, _project, _books = sent
    path = tmp_path / "组织科.xlsx"
    path.write_bytes(OLE_MAGIC + bytes(4096))
    _refused(path, report, ".xls", "另存为")


def test_a_password_protected_workbook_says_so(sent, tmp_path):
    report, _project, _books = sent
    path = tmp_path / "加密.xlsx"  # Excel wraps an encrypted workbook in a compound file with this stream
    path.write_bytes(OLE_MAGIC + bytes(1000) + "EncryptedPackage".encode("utf-16-le") + bytes(1000))
    _refused(path, report, "密码")


def test_a_word_file_renamed_to_xlsx(sent, tmp_path):
    report, _project, _books = sent
    path = tmp_path / "其实是文档.xlsx"
    docx.Document().save(path)
    _refused(path, report, "Word 文件")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(sent, tmp_path):
    report, _project, _books = sent
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", bytes(120 * 1024 * 1024))
    path = tmp_path / "炸弹.xlsx"
    path.write_bytes(stream.getvalue())
    assert path.stat().st_size < 1024 * 1024
    _refused(path, report, "解压后过大")


def test_a_truncated_workbook_is_damaged(sent, tmp_path):
    report, _project, books = sent
    path = tmp_path / "半截.xlsx"
    path.write_bytes(books["组织科"].read_bytes()[:3000])
    _refused(path, report, "损坏")


def test_a_workbook_without_the_id_sheet_is_not_ours(sent, tmp_path):
    report, _project, _books = sent
    path = tmp_path / "自制.xlsx"
    openpyxl.Workbook().save(path)
    _refused(path, report, "不是本程序导出的征集表")


def test_a_workbook_open_in_excel_or_libreoffice_waits_to_be_closed(sent):
    report, _project, books = sent
    workbook = books["组织科"]
    owner = workbook.with_name("~$" + workbook.name[2:])
    owner.write_bytes(b"\x00" * 165)
    _refused(workbook, report, "正在被另一个程序打开", owner.name)
    _refused(owner, report, "临时文件")
    owner.unlink()
    lock = workbook.with_name(f".~lock.{workbook.name}#")
    lock.write_text("x", encoding="utf-8")
    _refused(workbook, report, "正在被另一个程序打开")


def _problems(path, report):
    return read_workbook(path, report).problems


def _left_out(path, report):
    """Cells not read as their figure: listed, and the workbook's other answers still taken."""
    return read_workbook(path, report).unreadable


def test_a_formula_without_a_saved_result_names_its_row(sent):
    report, _project, books = sent
    answer(books["组织科"], {"走访企业家数": "=SUM(1,2)"})  # openpyxl, like a script, saves no result
    problems = _left_out(books["组织科"], report)
    assert problems == [f"第{layout.FIRST_ROW + 1}行“走访企业家数”的本年数值是公式（=SUM(1,2)），且没有保存计算结果；请填写数值"]


def test_text_that_is_not_a_number_names_row_and_reason(sent):
    report, _project, books = sent
    answer(books["组织科"], {"走访企业家数": "三十来家", "党建专题会议次数": "12.5"})
    problems = _left_out(books["组织科"], report)
    assert len(problems) == 2
    assert problems[0].startswith(f"第{layout.FIRST_ROW}行“党建专题会议次数”：") and "整数" in problems[0]
    assert problems[1].startswith(f"第{layout.FIRST_ROW + 1}行“走访企业家数”：")


def test_merged_answer_cells_are_refused(sent):
    report, _project, books = sent
    book = openpyxl.load_workbook(books["组织科"])
    book[layout.DATA_SHEET].merge_cells(f"E{layout.FIRST_ROW}:E{layout.FIRST_ROW + 1}")
    book.save(books["组织科"])
    assert any("被合并" in problem for problem in _problems(books["组织科"], report))


def test_a_deleted_row_is_named(sent):
    report, _project, books = sent
    book = openpyxl.load_workbook(books["组织科"])
    book[layout.DATA_SHEET].delete_rows(layout.FIRST_ROW + 2)
    book.save(books["组织科"])
    assert _problems(books["组织科"], report) == ["第3项“联系服务群众人次”的行被删除或改动，找不到"]


def test_a_renamed_sheet_is_still_read_but_a_changed_header_is_not(sent):
    report, _project, books = sent
    book = openpyxl.load_workbook(books["组织科"])
    book[layout.DATA_SHEET].title = "组织科填报"
    book["组织科填报"].cell(layout.FIRST_ROW, layout.ANSWER, 12)
    book.save(books["组织科"])
    assert read_workbook(books["组织科"], report).answers == {"party_meetings": 12}
    book["组织科填报"].cell(layout.HEADER_ROW, layout.ANSWER, "数值")
    book.save(books["组织科"])
    _refused(books["组织科"], report, "找不到")


def test_cli_takes_in_nothing_when_one_workbook_is_bad(sent, tmp_path, capsys):
    report, project, books = sent
    answer(books["宣传科"], {"中心组集体学习次数": 12})
    bad = tmp_path / "坏表.xlsx"
    bad.write_bytes(b"not a workbook at all")
    before = project.read_bytes()
    assert run(["collect", "import", str(project), str(books["宣传科"]), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "“坏表.xlsx”不是 Excel 工作簿" in err and "项目未改动" in err
    assert project.read_bytes() == before
    assert plan_collection(report, [read_workbook(books["宣传科"], report)]).blocking == []


def test_cells_a_department_fills_oddly_are_read_or_named(sent):
    report, _project, books = sent
    answer(books["组织科"], {"党建专题会议次数": "12次", "走访企业家数": True, "联系服务群众人次": 1e20,
                            "收集意见建议条数": 0.5}, formats={"收集意见建议条数": "0%"})
    taken = read_workbook(books["组织科"], report)
    assert taken.answers == {"party_meetings": 12}  # the row's own unit written after the figure
    problems = "\n".join(taken.unreadable)
    assert "填的是“是”（TRUE），这一项应是数值" in problems and "过大" in problems
    assert "填的是百分数（50.0%），这一项应是条数" in problems


def test_an_ods_and_an_empty_file_say_what_they_are(sent, tmp_path):
    report, _project, _books = sent
    ods = tmp_path / "表格.xlsx"
    ods.write_bytes(zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"}))
    _refused(ods, report, ".ods", "另存为")
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    _refused(empty, report, "空文件")


def test_a_value_ten_times_last_years_is_applied_but_pointed_out(sent):
    from decimal import Decimal

    report, _project, books = sent
    report.fields["enterprise_visits"].previous = Decimal(42000000)
    answer(books["组织科"], {"走访企业家数": 4800})
    plan = plan_collection(report, [read_workbook(books["组织科"], report)])
    assert plan.blocking == [] and len(plan.changes) == 1
    assert plan.doubtful == ["“走访企业家数”填 4800余家，去年是 4200万余家，相差十倍以上，请核对单位和小数点"]
