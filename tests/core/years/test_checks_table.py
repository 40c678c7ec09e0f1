"""Every kind of finding on one small report, exactly: kind, severity, place, message and fix (a table written for
the mutants of checks.py that survived the scenario tests)."""

from __future__ import annotations

from decimal import Decimal as D

from drafter.core.report.model import Field, Meta, Paragraph, Report, Section
from drafter.core.years.checks import check_report


def _report():
    report = Report(meta=Meta(title="{{ year }}年度报告", year=2024, organisation="某局", date="2023-01-08"))
    report.fields["a"] = Field("a", "学习次数", unit="次", value=D(12), previous=D(12))
    report.fields["b"] = Field("b", "走访家数", unit="家", value=D(30), previous=D(10))
    report.fields["c"] = Field("c", "培训人数", unit="人")
    report.opening = [Paragraph(body='2023年开展学习{{ a }},走访{{ b }}。。他说"好"。')]
    numbered = Paragraph(body="1.第一项工作。", origin="1.第一项工作。")
    masked = Paragraph(body="很" * 151 + "。**某某{{ c }}《2023年规划》2022年")
    report.parts = [Section("一、加强学习。", [numbered]), Section("第二部分", [masked])]
    return report


EXPECTED = [
    ("unfilled", "error", "第二部分第1段", "“培训人数”还未填写", None),
    ("leftover_mask", "error", "第二部分第1段", "残留的遮盖符或占位符“**”，请换成实际内容", None),
    ("leftover_mask", "error", "第二部分第1段", "残留的遮盖符或占位符“某某”，请换成实际内容", None),
    ("same_as_last_year", "warning", "统计数据“学习次数”", "“学习次数”与去年相同，是否忘了更新？", None),
    ("out_of_line", "warning", "统计数据“走访家数”", "“走访家数”比去年增长200%，变化较大，请核对", None),
    ("stale_year", "warning", "开头第1段", "写的是2023年，本报告是2024年度的，是否是去年的年份没改？", "year_roll"),
    ("mixed_quotes", "warning", "开头第1段", "中文中用了英文引号 \"，应为“”", None),
    ("doubled_punctuation", "warning", "开头第1段", "标点重复“。。”", "punctuation"),
    ("stale_year", "warning", "第二部分第1段", "写的是2022年，本报告是2024年度的，是否是去年的年份没改？", None),
    ("manual_number", "warning", "第一部分标题", "标题“一、加强学习。”自带编号；编号由提纲自动生成，应删去", "heading_number"),
    ("heading_punctuation", "warning", "第一部分标题", "一级标题末尾不加标点", "heading_punctuation"),
    ("mixed_numbering", "warning", "第一部分第1段", "段落以手写编号开头，与自动编号的标题混用；如是标题，请在提纲中设为标题", None),
    ("date_year", "warning", "成文日期", "成文日期是2023年，不在报告年度2024年或次年", None),
    ("unchanged_part", "warning", "第一部分", "整个部分与去年的文稿相同，尚未改写", None),
    ("long_sentence", "info", "第二部分第1段", "有一句长达151字，读起来吃力，可考虑拆分", None),
    ("unchanged_paragraph", "info", "第一部分第1段", "这一段与去年的文稿相同，尚未改写", None),
]


def test_every_kind_of_finding_exactly_and_in_order_of_severity():
    report = _report()
    findings = check_report(report)
    assert [(f.kind, f.severity, f.where, f.message, f.fix) for f in findings] == EXPECTED
    ids = {f.kind: f.node_id for f in findings}
    assert ids["unfilled"] == "c" and ids["manual_number"] == report.parts[0].id
    assert ids["mixed_numbering"] == report.parts[0].paragraphs[0].id and ids["date_year"] == ""
    assert all("node_id" not in f.as_json() and "excerpt" not in f.as_json() for f in findings)


def test_what_is_not_a_finding():
    report = _report()
    report.meta.date = "2025-01-08"  # the year after the report's: when reports are written
    report.opening = [Paragraph(body="全年，工作有序。", origin="全年,工作有序。")]  # only punctuation width changed
    report.parts = [Section("加强学习", [Paragraph(body="正文" * 40 + "。" + "正文" * 70 + "。")])]
    report.fields = {"b": Field("b", "走访家数", unit="家", value=D(15), previous=D(10))}  # +50%: not out of line
    kinds = [f.kind for f in check_report(report)]
    assert kinds == ["unchanged_paragraph"]


def test_each_finding_points_at_its_place():
    report = _report()
    findings = check_report(report)
    opening, numbered = report.opening[0].id, report.parts[0].paragraphs[0].id
    masked, part = report.parts[1].paragraphs[0].id, report.parts[0].id
    assert [f.node_id for f in findings] == ["c", masked, masked, "", "", opening, opening, opening, masked, part, part,
                                              numbered, "", part, masked, numbered]


def test_the_edges_of_punctuation_sentences_headings_and_unfilled_places():
    report = Report(meta=Meta(year=2024, organisation="某局", date="2025-01-08"))
    report.fields["c"] = Field("c", "培训人数", unit="人")
    report.fields["d"] = Field("d", "备用数字", unit="个")  # used nowhere
    report.opening = [Paragraph(body="学习,好;再学习。" + "很" * 150 + "。{{ c }}"),
                      Paragraph(body="另有{{ c }}。")]
    report.parts = [Section("加强学习。 ", [Paragraph(body="正文。")])]  # a mark before trailing spaces still counts
    found = {(f.kind, f.where): f.message for f in check_report(report)}
    assert found[("half_width_punctuation", "开头第1段")] == "中文之间用了半角标点“,”“;”，应为全角"
    assert ("long_sentence", "开头第1段") not in found  # 150 characters is not yet too long
    assert found[("heading_punctuation", "第一部分标题")] == "一级标题末尾不加标点"
    assert found[("unfilled", "开头第1段；开头第2段")] == "“培训人数”还未填写"
    assert found[("unfilled", "统计数据")] == "“备用数字”还未填写"
