"""The frame around last year's body (lastyear.frame), one behaviour per row: 红头 and 文号 out, the title on one or
two lines, 主送, 落款 and 成文日期, 附注 and 版记, the attachment list, and the year of a page that never writes it."""

from __future__ import annotations

import pytest

from drafter.core.lastyear.frame import take_frame, year_from_dates
from drafter.core.lastyear.wordxml import Piece


def _framed(*texts):
    frame, body = take_frame([Piece(text) if isinstance(text, str) else text for text in texts])
    return frame, [piece.text for piece in body]


def test_the_head_takes_the_issuer_the_number_a_two_line_title_and_the_recipient():
    frame, body = _framed("示例县卫生健康局文件", "示卫发〔2024〕3号", "示例县卫生健康局", "2023年工作总结",
                          "县人民政府：", "2023年，我局……。")
    assert frame.left_out == ["示例县卫生健康局文件", "示卫发〔2024〕3号"]
    assert (frame.title, frame.recipient, body) == ("示例县卫生健康局2023年工作总结", "县人民政府", ["2023年，我局……。"])


@pytest.mark.parametrize("texts, title, body", [
    (["2023年工作总结", "一、主要工作"], "2023年工作总结", ["一、主要工作"]),  # a numbered heading is no title
    (["2023年工作总结", "示例局工作"], "2023年工作总结", ["示例局工作"]),  # a whole title takes no second line
    (["工作报告，略。", "正文。"], "", ["工作报告，略。", "正文。"]),  # a sentence is no title
    (["2023年12月28日", "正文。"], "", ["2023年12月28日", "正文。"]),  # nor a date
    (["示例局", "关于", "2023年工作的总结报告", "正文。"], "示例局关于2023年工作的总结报告", ["正文。"]),
])
def test_what_makes_a_title(texts, title, body):
    frame, kept = _framed(*texts)
    assert (frame.title, kept) == (title, body)


def test_a_title_too_long_for_two_lines_takes_only_the_first():
    frame, body = _framed("示例" * 10, "字" * 31, "正文。")
    assert frame.title == "示例" * 10 and body == ["字" * 31, "正文。"]


def test_the_foot_takes_the_record_the_note_the_signature_and_the_date():
    frame, body = _framed("标题", "正文。", "示例县卫生健康局", "2023年12月28日", "（联系人：李明，联系电话：1234567）",
                          "抄送：县委办公室。", "示例县卫生健康局办公室  2023年12月28日印发")
    assert (frame.organisation, frame.date) == ("示例县卫生健康局", (2023, 12, 28))
    assert frame.left_out == ["（联系人：李明，联系电话：1234567）", "抄送：县委办公室。",
                              "示例县卫生健康局办公室  2023年12月28日印发"]
    assert body == ["正文。"]


@pytest.mark.parametrize("last, date", [
    ("二〇二三年十二月二十八日", (2023, 12, 28)),
    ("2023 年 1 月 8 日", (2023, 1, 8)),
    ("二〇二三年十三月四十日", (2023, 13, 40)),  # read as written: the checks say what is wrong with it
])
def test_a_date_line_in_figures_or_in_chinese(last, date):
    frame, _body = _framed("标题", "正文。", "示例局", last)
    assert frame.date == date and frame.organisation == "示例局"


@pytest.mark.parametrize("texts, organisation, body", [
    (["标题", "正文。", "示例县卫生健康局"], "示例县卫生健康局", ["正文。"]),  # signed, not dated
    (["标题", "正文。", "一、下一步打算"], "", ["正文。", "一、下一步打算"]),
    (["标题", "正文。", "全文完。", "2023年12月28日"], "", ["正文。", "全文完。"]),  # a sentence is no signature
    (["标题", "正文。", "一、示例局", "2023年12月28日"], "", ["正文。", "一、示例局"]),
])
def test_what_signs_a_report(texts, organisation, body):
    frame, kept = _framed(*texts)
    assert (frame.organisation, kept) == (organisation, body)


def test_the_attachment_list_before_the_signature_is_taken_and_numbered_names_cleaned():
    frame, body = _framed("标题", "正文。", "附件：1.主要指标完成情况表", "2.重点项目清单", "示例局", "2023年12月28日")
    assert frame.attachments == ["主要指标完成情况表", "重点项目清单"] and body == ["正文。"]
    frame, body = _framed("标题", "正文。", "附件：主要指标完成情况表", "示例局", "2023年12月28日")
    assert frame.attachments == ["主要指标完成情况表"] and body == ["正文。"]
    frame, body = _framed("标题", "正文。", "1.没有附件二字", "示例局", "2023年12月28日")
    assert frame.attachments == [] and body == ["正文。", "1.没有附件二字"]


def test_a_record_typed_as_a_table_goes_too():
    record = Piece("", rows=[["抄送：县委办公室", ""], ["示例局办公室", "2023年12月28日印发"]])
    frame, body = _framed("标题", "正文。", record)
    assert frame.left_out == ["抄送：县委办公室 示例局办公室 2023年12月28日印发"] and body == ["正文。"]


@pytest.mark.parametrize("texts, name, year", [
    (["发布时间：2023-12-01", "标题"], "x.txt", 2023),  # a date on the page first
    (["标题", "正文"], "2022年工作总结.txt", 2022),  # else the title's or the file name's year
    (["2021年度总结", "正文"], "2022.txt", 2021),
    (["标题", "正文", "2020年的事"], "x.txt", None),  # a year deeper in the text is not the page's
    (["编号 12023-12-011"], "x.txt", None),  # digits run on: no date
])
def test_the_year_of_a_page_that_never_writes_nnnn_nian(texts, name, year):
    assert year_from_dates(texts, name) == year
