"""Importing last year's document: the sample, round trips, encodings, names left alone, bad files."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import docx
import pytest

from drafter.cli import run
from drafter.core import actions
from drafter.core.lastyear import ImportFailed
from import_helpers import build_project, import_last_year, zip_bytes
from drafter.core.lastyear import SourceParagraph, read_docx_bytes
from drafter.core.rendering.render import render

SLOGANS = ["二十大", "“两个确立”", "“七个一”", "三会一课", "“双创双建”", "“五型”", "一屏掌控",
           "“六个一”", "“四融三联两走进”"]


@pytest.fixture(scope="module")
def sample(request):
    from conftest_paths import SAMPLE

    if not SAMPLE.exists():
        pytest.skip(f"sample not found at {SAMPLE}")
    return import_last_year(SAMPLE)


def body_text(report) -> str:
    return "\n".join(block.text for block in render(report).blocks)


def test_sample_has_four_parts_with_lead_sentences(sample):
    report = sample.report
    # The first part's “…活动;⏎在线下…” is one sentence cut by a line break, so one paragraph.
    assert [len(part.paragraphs) for part in report.parts] == [3, 3, 3, 3]
    assert "读书群活动;在线下" in report.parts[0].paragraphs[1].body
    assert report.parts[0].paragraphs[0].lead == "带头强化政治机关意识。"
    leads = [p.lead for part in report.parts for p in part.paragraphs if p.lead]
    assert len(leads) == 12 and all(lead.endswith("。") for lead in leads)
    assert len(report.opening) == 1 and len(report.closing) == 1


def test_sample_masks_become_numeric_fields_with_units(sample):
    fields = list(sample.report.fields.values())
    numeric = [f for f in fields if f.type in ("integer", "decimal", "percent") and f.previous is None]
    assert len(numeric) >= 34
    units = [f.unit for f in fields[:4]]
    assert units == ["次", "名", "名", "个"]
    assert any(f.unit == "人次" for f in fields) and any(f.qualifier == "多" for f in fields)
    assert any(f.unit == "位" and f.qualifier == "余" for f in fields)


def test_sample_name_masks_become_text_fields_and_slogans_stay(sample):
    text = body_text(sample.report)
    for slogan in SLOGANS:
        assert slogan in text
    assert not re.findall(r"[*＊]+", text)  # nothing the website masked reaches this year's text
    names = {f.label: f for f in sample.report.fields.values() if f.type == "text"}
    assert {"数字政协名称", "体系构架名称"} <= set(names) and all(f.value is None for f in names.values())
    assert "赴【待填：" in text and "《【待填：政协名称】政协》" in text


def test_sample_labels_come_from_context(sample):
    labels = [field.label for field in sample.report.fields.values()]
    assert labels[0] == "开展第一议题学习次数"
    assert "累计服务群众人次" in labels and "学习小组个数" in labels
    assert {"协商纪要份数", "民生议事堂个数", "青年干部人数", "优秀党员人数", "在职党员干部人数"} <= set(labels)


def test_sample_clutter_is_dropped_and_reported(sample):
    assert any("下面是小编" in line for line in sample.dropped)
    assert "猜你喜欢" in sample.dropped
    assert "小编" not in body_text(sample.report)


def test_sample_year_rolls_forward(sample):
    report = sample.report
    assert sample.from_year == 2022 and report.meta.year == 2023
    text = body_text(report)
    first = next(block for block in render(report).blocks if block.kind == "paragraph")
    assert first.text.startswith("2023年") and "2024年,是全面贯彻" in text
    assert "开头：2022年 → 2023年" in sample.year_changes


def test_round_trip_export_then_import(tmp_path, filled_report, style):
    path = tmp_path / "last.docx"
    actions.export_project(filled_report, style, path)
    result = import_last_year(path)
    imported = result.report
    assert imported.meta.year == filled_report.meta.year + 1
    assert [s.heading for s in imported.parts] == [s.heading for s in filled_report.parts]
    originals = list(filled_report.fields.values())
    fields = list(imported.fields.values())
    assert [(f.previous, f.unit, f.qualifier) for f in fields] == [(f.value, f.unit, f.qualifier) for f in originals]
    imported.meta.year, imported.meta.date = filled_report.meta.year, filled_report.meta.date
    for field in fields:
        field.value = field.previous
    assert body_text(imported) == body_text(filled_report)


def paragraphs(*texts):
    return [SourceParagraph(text) for text in texts]


def test_figures_years_and_names():
    result = build_project(paragraphs(
        "2023年度工作报告",
        "2023年，我们开展学习12次，走访企业20多家，服务1.2万人次，满意度达到98.5%，约300人参加。",
        "一、第一部分",
        "二是坚持“十四五”规划，落实《2021—2025年发展纲要》，2020年以来累计开展十二次检查。",
        "2024年，我们将继续努力。",
    ), None, "t.txt")
    report = result.report
    values = [(f.previous, f.unit, f.qualifier, f.type) for f in report.fields.values()]
    assert values == [(Decimal(12), "次", "", "integer"), (Decimal(20), "家", "多", "integer"),
                      (Decimal(12000), "人次", "", "integer"), (Decimal("98.5"), "", "", "percent"),
                      (Decimal(300), "人", "约", "integer"), (Decimal(12), "次", "", "integer")]
    report.meta.year = 2023
    text = body_text(report)
    assert "《2021—2025年发展纲要》" in text and "2020年以来" in text and "二是" in text
    assert "“十四五”" in text and text.splitlines()[0] == "2023年度工作报告"


def test_same_figure_twice_in_a_sentence_is_two_fields():
    result = build_project(paragraphs("2022年工作", "2022年，开展学习12次，开展调研12次。"), None, "t")
    assert len(result.report.fields) == 2


def test_a_hidden_name_is_one_field_where_it_is_the_same_name_and_two_where_nothing_says_so():
    result = build_project(paragraphs(
        "2022年工作", "一、第一部分", "赴**市调研，再赴**市座谈。", "全面推进“**”。", "认真落实“**”。",
    ), None, "t")
    texts = [f for f in result.report.fields.values() if f.type == "text"]
    assert [f.label for f in texts] == ["市名", "名称", "名称（2）"]  # 市名 twice is one city; two bare 名称 are two
    assert len({f.label for f in result.report.fields.values()}) == len(result.report.fields)


def test_a_hidden_part_of_a_quoted_name_is_labelled_by_the_quotation():
    result = build_project(paragraphs(
        "2022年工作", "一、第一部分",
        "与市委“六个新**”建设等决策部署紧密结合。", "系统构建“*+N”制度体系。",
        "召开“**数字政协”建设推进会，在全省“**数字政协”会上交流。",
    ), None, "t")
    labels = [f.label for f in result.report.fields.values() if f.type == "text"]
    # never half a word of what follows (建设等决策部署紧名称), and the same quoted name twice is one field
    assert labels == ["“六个新…”名称", "“…+N”名称", "数字政协名称"]


def test_template_syntax_in_a_document_stays_literal():
    result = build_project(paragraphs("2022年工作", "2022年，讨论了{{ 变量 }}和{% if %}的写法。"), None, "t")
    assert "{{ 变量 }}和{% if %}的写法" in body_text(result.report)


def test_signature_and_date_are_taken_and_the_date_rolls():
    result = build_project(paragraphs("2022年工作总结", "2022年，工作顺利。", "一、成绩", "做了很多事。",
                                      "示例市某某局", "2023年1月8日"), None, "t")
    assert result.report.meta.organisation == "示例市某某局" and result.report.meta.date == "2024-01-08"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_text_files_in_chinese_windows_encodings(tmp_path, encoding):
    path = tmp_path / "去年.txt"
    path.write_bytes("2022年度工作总结\n2022年，开展学习12次。\n一、主要工作\n全年走访企业20家。\n".encode(encoding))
    report = import_last_year(path).report
    assert report.meta.title == "{{ year }}年度工作总结" and len(report.fields) == 2


def make_docx(paragraph_xml: str) -> bytes:
    document = docx.Document()
    body = document.element.body
    from docx.oxml import parse_xml

    body.insert(0, parse_xml(f'<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                             f"{paragraph_xml}</w:p>"))
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def test_runs_split_anywhere_are_joined_and_bold_start_is_the_lead():
    runs = ('<w:r><w:rPr><w:b/></w:rPr><w:t>加强</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>学习。</w:t></w:r>'
            '<w:r><w:t>全年1</w:t></w:r><w:r><w:t>2次。</w:t></w:r>')
    [paragraph] = [p for p in read_docx_bytes(make_docx(runs), "x.docx") if p.text]
    assert paragraph.text == "加强学习。全年12次。" and paragraph.bold_prefix == 5


DOCUMENT_WITH_DTD = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x "boom">]>'
                     b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
BAD_FILES = [
    ("旧版.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "另存为"),
    ("旧版.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "另存为"),
    ("加密.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "加密"),
    ("富文本.docx", b"{\\rtf1\\ansi hello}", "RTF"),
    ("网页.docx", b"<html><body>hi</body></html>", "HTML"),
    ("空.docx", b"", "空文件"),
    ("截断.docx", zip_bytes({"word/document.xml": b"<x/>" * 100})[:60], "损坏"),
    ("乱码.docx", b"PK\x03\x04" + b"\x00garbage" * 20, "损坏"),
    ("无正文.docx", zip_bytes({"other.xml": b"<x/>"}), "缺少正文"),
    ("实体.docx", zip_bytes({"word/document.xml": DOCUMENT_WITH_DTD}), "DTD"),
    ("炸弹.docx", zip_bytes({"word/document.xml": b"<a>" + b" " * 40_000_000 + b"</a>"}), "压缩炸弹"),
    ("~$报告.docx", b"owner", "临时锁定文件"),
    ("图片.docx", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "不是 Word"),
]


@pytest.mark.parametrize(("name", "raw", "message"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_bad_files_get_their_own_message_exit_2_and_nothing_written(tmp_path, capsys, name, raw, message):
    source = tmp_path / name
    source.write_bytes(raw)
    output = tmp_path / "新.drafter"
    assert run(["import", str(source), "-o", str(output)]) == 2
    err = capsys.readouterr().err
    assert message in err and name in err and "Traceback" not in err
    assert not output.exists()


def test_cli_import_of_the_sample_writes_a_project(tmp_path, capsys):
    from conftest_paths import SAMPLE

    output = tmp_path / "今年.drafter"
    assert run(["import", str(SAMPLE), "-o", str(output), "--year", "2023"]) == 0
    out = capsys.readouterr().out
    assert "4 个部分" in out and "36 项统计数据" in out and "猜你喜欢" in out
    assert run(["fields", str(output)]) == 0


@pytest.mark.parametrize(("title", "rolled"), [("政协某某县委员会2023年工作报告", "政协某某县委员会{{ year }}年工作报告"),
                                             ("2023政协某某县委员会工作报告", "{{ year }}政协某某县委员会工作报告")])
def test_a_title_a_year_ahead_of_its_text_carries_the_report_s_year(title, rolled):
    result = build_project(paragraphs(title, "2022年，全县政协开展协商活动12次。",
                                      "一、主要工作", "全年组织视察调研15次。", "二、明年打算", "2023年，我们将继续努力。"),
                           None, "t")
    report = result.report
    assert (result.from_year, report.meta.year) == (2022, 2023)  # the text's year, not the title's
    assert report.meta.title == rolled  # prints 2023, not 2024
    assert report.opening[0].body.startswith("{{ year }}年")  # 2022 → 2023, no stale year left behind
    assert any("标题的年份（2023年）比正文所报告的年度（2022年）晚一年" in note for note in result.notes)


def test_a_document_without_a_year_asks_for_one(tmp_path):
    with pytest.raises(ImportFailed, match="年度"):
        build_project(paragraphs("工作总结", "做了一些工作。"), None, "t")
    assert build_project(paragraphs("工作总结", "做了一些工作。"), 2025, "t").report.meta.year == 2025


def test_word_auto_numbered_headings_take_their_level_from_the_number_form(tmp_path):
    from corpus.wordml import Flavour, Writer

    writer = Writer(Flavour())
    parts = writer.new_list([("chineseCounting", "%1、"), ("chineseCounting", "（%2）")])
    writer.add(writer.paragraph(writer.runs("2022年工作总结")))
    writer.add(writer.paragraph(writer.runs("2022年，开展工作。")))
    writer.add(writer.paragraph(writer.runs("加强理论学习"), numbering=(parts, 0)))
    writer.add(writer.paragraph(writer.runs("抓实集中学习"), numbering=(parts, 1)))
    writer.add(writer.paragraph(writer.runs("全年学习12次。")))
    writer.save(tmp_path / "n.docx")
    pieces = [p for p in read_docx_bytes((tmp_path / "n.docx").read_bytes(), "n.docx") if p.text]
    assert [p.numbered for p in pieces] == [0, 0, 1, 2, 0]
    report = import_last_year(tmp_path / "n.docx").report
    assert [s.heading for s in report.parts] == ["加强理论学习"]
    assert [s.heading for s in report.parts[0].children] == ["抓实集中学习"]


def test_the_items_of_a_word_numbered_list_stay_body_text_with_their_numbers(tmp_path):
    from corpus.wordml import Flavour, Writer

    writer = Writer(Flavour())
    levels = writer.new_list([("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")])
    writer.add(writer.paragraph(writer.runs("2022年工作总结")))
    writer.add(writer.paragraph(writer.runs("2022年，开展工作。")))
    writer.add(writer.paragraph(writer.runs("加强安全监管"), numbering=(levels, 0)))
    writer.add(writer.paragraph(writer.runs("全年检查特种设备。其中：")))
    for item in ("检查电梯1204台，督促整改问题67项；", "检查锅炉86台；", "检查压力容器430台。"):
        writer.add(writer.paragraph(writer.runs(item), numbering=(levels, 2)))
    writer.save(tmp_path / "list.docx")
    [part] = import_last_year(tmp_path / "list.docx").report.parts
    assert part.children == []  # the last item, short and ending in 。, is an item too, not a heading
    assert [p.body[:2] for p in part.paragraphs[1:]] == ["1.", "2.", "3."]


def test_recipient_is_taken_and_a_table_stays_a_table():
    table = ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc>'
             '<w:tc><w:p><w:r><w:t>次数</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    document = docx.Document()
    from docx.oxml import parse_xml

    document.element.body.insert(0, parse_xml(
        f'<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">{table}</w:body>')[0])
    stream = io.BytesIO()
    document.save(stream)
    tables = [p.rows for p in read_docx_bytes(stream.getvalue(), "t.docx") if p.rows]
    assert tables == [[["项目", "次数"]]]
    result = build_project(paragraphs("2022年度工作报告", "市委：", "2022年，开展工作。", "一、成绩", "做了事。"),
                           None, "t")
    assert result.report.meta.recipient == "市委"


def test_a_two_line_title_imports_as_one(tmp_path, filled_report, style):
    filled_report.meta.organisation = "中共示例市直属机关工作委员会"
    path = tmp_path / "two-lines.docx"
    actions.export_project(filled_report, style, path)
    report = import_last_year(path).report
    assert report.meta.title == "中共示例市直属机关工作委员会{{ year }}年度工作报告"
