"""Plain data to a Report and back, one behaviour per row: everything a project can hold comes back as it was
saved, and each shape a hand edit can break is refused with its place named."""

from __future__ import annotations

import pytest

from drafter.core.report.convert import ShapeError, report_from_data, report_to_data
from drafter.core.report.model import NOTE_MARK


def _rich() -> dict:
    """What report_to_data writes for a report using every key a project may hold."""
    return {
        "kind": "年度工作报告", "description": "示例",
        "meta": {"title": "示例局{{ year }}年工作总结", "year": 2024, "organisation": "示例局", "date": "2025-01-08",
                 "recipient": "市委", "sealed": True, "attachments": ["甲", "乙"], "id": "p-1"},
        "fields": [
            {"name": "meetings", "label": "会议次数", "type": "integer", "unit": "次", "qualifier": "余",
             "notation": "grouped", "department": "办公室", "value": 1260, "previous": 1200,
             "previous_from": "2023年度工作报告.docx", "history": {2021: 900, 2022: [1100, "2022年度工作报告.docx"]},
             "min": 0, "max": 5000, "required": False,
             "source": {"department": "办公室", "file": "办公室.xlsx", "taken": "2024-12-18T09:30:00"}},
            {"name": "share", "label": "占比", "type": "percent", "value": "35.6"},
            {"name": "day", "label": "日期", "type": "date", "value": "2024-05-01"},
            {"name": "place", "label": "地点", "type": "text", "value": None},
        ],
        "opening": ["开头一段。", {"lead": "段首句。", "body": "正文。", "origin": "去年的话。"}],
        "parts": [{"heading": "一、工作", "paragraphs": [{"body": f"甲{NOTE_MARK}乙", "notes": ["注一"]},
                                                       {"body": "", "rows": [["项目", "数量"], ["会议", "3"]]}],
                   "run_in": True,
                   "sections": [{"heading": "（一）学习", "paragraphs": ["学习。"],
                                 "sections": [{"heading": "1.专题", "paragraphs": []}]}]}],
        "closing": ["结尾。"],
    }


def test_everything_a_project_holds_comes_back_as_it_was_written():
    data = _rich()
    assert report_to_data(report_from_data(data)) == data


def test_what_comes_in_is_what_the_report_holds():
    report = report_from_data(_rich())
    part = report.parts[0]
    assert (part.heading, part.run_in, [child.heading for child in part.children]) == ("一、工作", True, ["（一）学习"])
    assert part.children[0].children[0].heading == "1.专题"
    assert part.paragraphs[0].notes == ["注一"] and part.paragraphs[1].rows == [["项目", "数量"], ["会议", "3"]]
    assert (report.opening[1].lead, report.opening[1].origin) == ("段首句。", "去年的话。")
    field = report.fields["meetings"]
    assert (field.qualifier, field.notation, field.department, field.required) == ("余", "grouped", "办公室", False)
    assert [(year, str(past.value), past.origin) for year, past in field.history.items()] == [
        (2021, "900", ""), (2022, "1100", "2022年度工作报告.docx")]
    assert (field.source.department, field.source.file, field.source.taken) == ("办公室", "办公室.xlsx",
                                                                               "2024-12-18T09:30:00")
    assert (report.meta.sealed, report.meta.attachments, report.meta.project_id) == (True, ["甲", "乙"], "p-1")


def test_a_section_without_run_in_or_children_is_plain():
    part = report_from_data({"parts": [{"heading": "一、工作"}]}).parts[0]
    assert (part.run_in, part.children, part.paragraphs) == (False, [], [])


def _with(**keys) -> dict:
    return {"meta": {"title": "t", "year": 2024}, **keys}


def _part(**keys) -> dict:
    return _with(parts=[{"heading": "h", **keys}])


@pytest.mark.parametrize("data, message", [
    (_with(parts=[{"heading": ["x"]}]), "parts 第1项.heading 应是文字"),
    (_part(paragraphs=[{"body": "b", "notes": "n"}]), "parts 第1项.paragraphs 第1段 notes 应是列表"),
    (_part(paragraphs=[{"body": "b", "notes": [["n"]]}]), "parts 第1项.paragraphs 第1段 脚注 应是文字"),
    (_part(paragraphs=[{"rows": "r"}]), "parts 第1项.paragraphs 第1段 rows 应是列表"),
    (_part(paragraphs=[{"rows": ["r"]}]), "parts 第1项.paragraphs 第1段 表格 应是列表"),
    (_part(paragraphs=[{"rows": [[["c"]]]}]), "parts 第1项.paragraphs 第1段 表格 应是文字"),
    (_part(paragraphs=[{"body": ["b"]}]), "parts 第1项.paragraphs 第1段 应是文字"),
    (_part(paragraphs=[{"lead": {"a": 1}}]), "parts 第1项.paragraphs 第1段 应是文字"),
    (_part(paragraphs=[{"origin": [1]}]), "parts 第1项.paragraphs 第1段 应是文字"),
    (_part(paragraphs=[5]), "parts 第1项.paragraphs 第1段 应是键值对"),
    (_part(paragraphs="x"), "parts 第1项.paragraphs 应是列表"),
    (_part(sections="x"), "parts 第1项.sections 应是列表"),
    (_with(parts=["x"]), "parts 第1项 应是键值对"),
    (_part(sections=[{"heading": "c", "sections": [{"heading": "d", "sections": [{"heading": "e", "sections": [
        {"heading": "f"}]}]}]}]), "parts 第1项.sections 第1项.sections 第1项.sections 第1项.sections：标题最多4级"),
    (_with(closing="x"), "closing 应是列表"),
    (_with(meta={"year": "2024年"}), "meta.year 应是四位年份，而不是“2024年”"),
    (_with(meta={"sealed": "是"}), "meta.sealed 应是 true 或 false"),
    (_with(fields=[{"name": "a"}, {"name": "a"}]), "字段名“a”重复定义（fields 第2项）"),
    (_with(fields=[{"name": "year"}]), "fields 第1项：字段名“year”不可用，应由字母、数字、下划线组成且不以数字开头"),
    (_with(fields=[{"name": "a", "history": {"去年": 1}}]), "字段“a”的 history 中“去年”不是四位年份"),
    (_with(fields=[{"name": "a", "min": "0"}]), "字段“a”的 min 应是数字"),
    (_with(fields=[{"name": "a", "value": [1]}]), "字段“a”的 value 应是一个值，而不是列表或键值对"),
    (_with(fields=[{"name": "a", "source": "办公室"}]), "字段“a”的 source 应是键值对"),
    ({"kind": ["x"]}, "kind 应是文字"), ({"description": {"a": 1}}, "description 应是文字"),
    ({"fields": "x"}, "fields 应是列表"), ({"fields": ["x"]}, "fields 第1项 应是键值对"),
    ({"meta": "x"}, "meta 应是键值对"), ({"opening": "x"}, "opening 应是列表"), ({"parts": "x"}, "parts 应是列表"),
    ({"opening": [["x"]]}, "opening 第1段 应是键值对"),
    ({"meta": {"title": [1]}}, "meta.title 应是文字"), ({"meta": {"organisation": [1]}}, "meta.organisation 应是文字"),
    ({"meta": {"recipient": [1]}}, "meta.recipient 应是文字"), ({"meta": {"id": [1]}}, "meta.id 应是文字"),
    ({"meta": {"date": "明天"}}, "meta.date：“明天”不是日期，请写成 2023年1月8日 或 2023-01-08"),
    ({"meta": {"attachments": "x"}}, "meta.attachments 应是列表"),
    ({"meta": {"attachments": [[1]]}}, "meta.attachments 应是文字"),
    ({"meta": {"year": True}}, "meta.year 应是四位年份，而不是“True”"),
    ({"meta": {"year": 1899}}, "meta.year 应是四位年份，而不是“1899”"),
    ({"meta": {"year": 3000}}, "meta.year 应是四位年份，而不是“3000”"),
    ({"fields": [{"name": "a", "type": "money"}]}, "字段“a”的类型“money”不存在，可选：integer、decimal、percent、text、date"),
    ({"fields": [{"name": "a", "qualifier": "大约"}]}, "字段“a”的限定词“大约”不可用，可选：余、多、约"),
    ({"fields": [{"name": "a", "notation": "roman"}]}, "字段“a”的写法“roman”不可用，可选：plain、grouped、万、亿、万,、亿,、"
                                                        "余万、余亿、chinese、chinese_bare、fullwidth、fullwidth,、％、bare%"),
    ({"fields": [{"name": "a", "label": [1]}]}, "字段“a”的 label 应是文字"),
    ({"fields": [{"name": "a", "unit": [1]}]}, "字段“a”的 unit 应是文字"),
    ({"fields": [{"name": "a", "department": [1]}]}, "字段“a”的 department 应是文字"),
    ({"fields": [{"name": "a", "previous_from": [1]}]}, "字段“a”的 previous_from 应是文字"),
    ({"fields": [{"name": "a", "max": True}]}, "字段“a”的 max 应是数字"),
    ({"fields": [{"name": "a", "value": "十二个"}]},
     "字段“a”的 value：“十二个”不是数字，请填写阿拉伯数字或中文数字，如 12、１２、十二"),
    ({"fields": [{"name": "a", "previous": True}]}, "字段“a”的 previous 应是一个值，而不是列表或键值对"),
    ({"fields": [{"name": "a", "source": {"file": [1]}}]}, "字段“a”的 source.file 应是文字"),
    ({"fields": [{"name": "a", "history": {2022: [1, [2]]}}]}, "字段“a”的 history 应是文字"),
    ({"fields": [{"name": "a", "history": "x"}]}, "字段“a”的 history 应是键值对"),
    ({"fields": [{"name": ["a"]}]}, "fields 第1项.name 应是文字"),
    ({"fields": [{"name": "class"}]}, "fields 第1项：字段名“class”不可用，应由字母、数字、下划线组成且不以数字开头"),
    ({"fields": [{"name": "1a"}]}, "fields 第1项：字段名“1a”不可用，应由字母、数字、下划线组成且不以数字开头"),
])
def test_a_broken_shape_is_refused_with_its_place(data, message):
    with pytest.raises(ShapeError) as raised:
        report_from_data(data)
    assert str(raised.value) == message


def test_a_paragraph_written_as_plain_text_stays_plain_text():
    data = _with(opening=["只有正文。"])
    assert report_from_data(data).opening[0].body == "只有正文。"
    assert report_to_data(report_from_data(data))["opening"] == ["只有正文。"]


def test_keys_left_out_are_empty_not_invented():
    data = _with(parts=[{"paragraphs": [{"rows": [["项目"]]}, {"lead": "只有段首句。"}]}],
                 fields=[{"name": "a", "value": "", "history": {2022: [12]},
                          "source": {"department": "办公室"}}])
    report = report_from_data(data)
    part = report.parts[0]
    assert part.heading == "" and part.paragraphs[0].body == "" and part.paragraphs[1].body == ""
    field = report.fields["a"]
    assert field.value is None and field.history[2022].origin == ""
    assert (field.source.file, field.source.taken) == ("", "")


def test_dates_written_as_yaml_dates_are_read_as_dates():
    import datetime

    data = _with(meta={"year": 2024, "date": datetime.date(2025, 1, 8)},
                 fields=[{"name": "day", "type": "date", "value": datetime.datetime(2024, 5, 1, 10, 30)},
                         {"name": "start", "type": "date", "value": datetime.date(2024, 3, 1)}])
    report = report_from_data(data)
    assert report.meta.date == "2025-01-08"
    assert (report.fields["day"].value, report.fields["start"].value) == ("2024-05-01", "2024-03-01")


@pytest.mark.parametrize("year, kept", [(1900, True), (2999, True), (1899, False), (3000, False)])
def test_a_history_year_is_a_four_digit_year(year, kept):
    data = _with(fields=[{"name": "a", "history": {year: 5}}])
    if kept:
        assert list(report_from_data(data).fields["a"].history) == [year]
    else:
        with pytest.raises(ShapeError, match=f"字段“a”的 history 中“{year}”不是四位年份"):
            report_from_data(data)


def test_a_bad_value_in_the_history_names_its_year():
    with pytest.raises(ShapeError) as raised:
        report_from_data(_with(fields=[{"name": "a", "history": {2022: "十二个"}}]))
    assert str(raised.value).startswith("字段“a”的 history 2022：")


def test_an_empty_project_is_an_empty_report_with_the_defaults():
    report = report_from_data({})
    assert (report.kind, report.description, report.meta.title, report.meta.year) == ("", "", "{{ year }}年度工作报告",
                                                                                      2023)
    assert (report.fields, report.opening, report.parts, report.closing) == ({}, [], [], [])
    field = report_from_data({"fields": [{"name": "a"}]}).fields["a"]
    assert (field.label, field.type, field.unit, field.qualifier, field.required, field.notation) == (
        "a", "integer", "", "", True, "")
    assert (field.minimum, field.maximum, field.source, field.history, field.previous_origin) == (None, None, None,
                                                                                                   {}, "")


@pytest.mark.parametrize("year", [1900, 2999])
def test_the_report_year_may_be_any_four_digit_year(year):
    assert report_from_data({"meta": {"year": year}}).meta.year == year
