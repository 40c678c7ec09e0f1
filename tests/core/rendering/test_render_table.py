"""What the renderer hands the exporter, one behaviour per test: which block keeps with the signature, how a
run-in heading and the 附件说明 are built, what each run names, and the rows of the comparison appendix."""

from __future__ import annotations

from decimal import Decimal

import pytest

from drafter.core.rendering.render import comparison_blocks, comparison_years, render
from drafter.core.report.model import Field, Meta, Paragraph, Past, Report, Section

YEAR = 2024


def report(*fields: Field, parts=None, closing=None, attachments=()) -> Report:
    meta = Meta(year=YEAR, organisation="示例局", date="2025-01-08", attachments=list(attachments))
    parts = parts if parts is not None else [Section("一、工作", [Paragraph("正文。")])]
    return Report(meta=meta, fields={field.name: field for field in fields}, parts=parts,
                  closing=closing if closing is not None else [Paragraph("结尾。")])


def count(name: str, value=None, previous=None, **extra) -> Field:
    return Field(name, name + "次数", "integer", "次", value=value, previous=previous, **extra)


@pytest.mark.parametrize("closing, parts, keeping", [
    ([Paragraph("结尾。")], None, "paragraph"),  # the closing's last paragraph
    ([], [Section("一、工作", [Paragraph("最后一段。")])], "paragraph"),  # no closing: the last part's paragraph
    ([], [Section("一、工作", [])], "heading"),  # a heading with nothing under it
])
def test_the_last_text_block_keeps_its_last_lines_with_the_signature(closing, parts, keeping):
    blocks = render(report(closing=closing, parts=parts)).blocks
    signature = next(i for i, block in enumerate(blocks) if block.kind == "signature")
    last = next(block for block in reversed(blocks[:signature]) if block.kind != "blank")
    assert last.kind == keeping and last.keep_next and last.keep_last_lines
    assert [block for block in blocks[:signature] if block.keep_last_lines] == [last]


def test_a_table_at_the_end_of_the_body_is_not_asked_to_keep_lines():
    blocks = render(report(closing=[Paragraph(rows=[["项目", "数量"], ["会议", "3"]])])).blocks
    assert not any(block.keep_last_lines for block in blocks)


def test_a_run_in_heading_becomes_the_lead_of_its_first_paragraph_and_takes_its_place():
    section = Section("加强学习", [Paragraph("全年开展学习。"), Paragraph("第二段。")], run_in=True)
    rendered = render(report(parts=[Section("一、工作", [], [section])]))
    run_in = next(block for block in rendered.blocks if block.kind == "run_in")
    assert run_in.source == section.id and run_in.number == "（一）" and run_in.level == 2
    assert [run.text for run in run_in.lead] == ["加强学习", "。"]
    assert not any(block.source == section.id and block.kind == "heading" for block in rendered.blocks)
    assert [block.kind for block in rendered.blocks].count("paragraph") == 2  # 第二段 and the closing


def test_one_attachment_is_one_note_line_kept_with_the_signature_and_a_blank_line_before():
    blocks = render(report(attachments=["2024年度主要数据"])).blocks
    at = next(i for i, block in enumerate(blocks) if block.kind == "attachment_note")
    assert blocks[at - 1].kind == "blank" and blocks[at - 1].keep_next
    note = blocks[at]
    assert note.text == "附件：2024年度主要数据" and note.keep_next and note.indent == ("", "附件：")


def test_several_attachments_are_numbered_and_aligned_on_the_first_character_of_their_names():
    notes = [block for block in render(report(attachments=["甲", "乙"])).blocks if block.kind == "attachment_note"]
    assert [note.text for note in notes] == ["附件：1.甲", "2.乙"]
    assert [note.indent for note in notes] == [("", "附件：1."), ("附件：", "2.")]  # 2. under 1.
    assert all(note.keep_next for note in notes)


def test_each_field_run_names_its_field_filled_or_not():
    done, open_ = count("meetings", value=Decimal(3)), count("visits")
    paragraph = Paragraph("召开会议{{ meetings }}，走访{{ visits }}。")
    rendered = render(report(done, open_, closing=[paragraph]))
    runs = next(block for block in rendered.blocks if block.source == paragraph.id).runs
    assert [(run.kind, run.field) for run in runs if run.kind != "text"] == [("field", "meetings"),
                                                                             ("missing", "visits")]


def test_an_unsigned_report_names_what_is_missing_in_its_runs():
    unsigned = report()
    unsigned.meta.organisation, unsigned.meta.date = "", ""
    blocks = render(unsigned).blocks
    signature, date = (next(b for b in blocks if b.kind == kind) for kind in ("signature", "date"))
    assert [(run.kind, run.field) for run in signature.runs + date.runs] == [("missing", "organisation"),
                                                                           ("missing", "date")]


def test_the_appendix_compares_last_year_and_this_without_text_or_date_fields():
    fields = [count("meetings", Decimal(12), Decimal(10)), Field("place", "地点", "text", value="某地"),
              Field("day", "日期", "date", value="2024-05-01"), count("never")]
    data = report(*fields)
    assert comparison_years(data) == [YEAR - 1, YEAR]
    table = comparison_blocks(data)[-1].rows
    assert table[0] == ["项目", "上年", "本年", "同比变化"]
    assert [row[0] for row in table[1:]] == ["meetings次数"]  # text, date and a field never given are left out
    assert table[1][1:3] == ["10次", "12次"]


def test_a_year_before_last_makes_three_columns_and_an_unknown_year_is_a_dash():
    old = count("meetings", Decimal(12), None, history={YEAR - 2: Past(Decimal(8))})
    only_old = count("visits", None, None, history={YEAR - 2: Past(Decimal(5))})
    data = report(old, only_old)
    assert comparison_years(data) == [YEAR - 2, YEAR - 1, YEAR]
    table = comparison_blocks(data)[-1].rows
    assert table[0] == ["项目", f"{YEAR - 2}年", f"{YEAR - 1}年", f"{YEAR}年", "同比变化"]
    assert table[1] == ["meetings次数", "8次", "—", "12次", "—"]  # no change without last year's value
    assert table[2] == ["visits次数", "5次", "—", "—", "—"]


def test_the_appendix_prints_each_value_in_its_own_notation_and_type():
    share = Field("share", "占比", "percent", value=Decimal("12.5"), previous=Decimal(10))
    money = Field("money", "投入", "decimal", "元", qualifier="", value=Decimal(12600), previous=Decimal(12000),
                  notation="grouped")
    rows = comparison_blocks(report(share, money))[-1].rows
    assert rows[1][1:3] == ["10%", "12.5%"]
    assert rows[2][1:3] == ["12,000元", "12,600元"]


@pytest.mark.parametrize("number, label", [(None, "附件"), (2, "附件2")])
def test_the_appendix_is_headed_by_its_attachment_number(number, label):
    blocks = comparison_blocks(report(count("meetings", Decimal(1), Decimal(1))), number)
    assert blocks[0].text == label and blocks[0].kind == "appendix"


@pytest.mark.parametrize("signature, date, sealed, placement", [
    # 7.3.5.2: a signature at least 2 characters longer than the date: both placed by their start
    ("中共示例市直属机关工作委员会", "2025年1月8日", False, (("start", 16.0), ("start", 14.0))),
    ("示例市教育局机关", "2025年1月8日", False, (("start", 10.0), ("start", 8.0))),  # exactly 2 longer
    # shorter: the date ends 2 from the right, placed by its start (LibreOffice widens it: by its end it moved left)
    ("示例市教育局", "2025年1月8日", False, (("start", 10.0), ("start", 8.0))),
    ("示例市教育局机", "2025年12月18日", False, (("start", 11.0), ("start", 9.0))),
    # 7.3.5.1: sealed, the date ends 4 from the right and the signature is centred over it
    ("示例市局", "2025年1月8日", True, (("start", 9.0), ("right", 4.0))),
    ("中共示例市直属机关工作委员会", "2025年1月8日", True, (("start", 16.0), ("right", 4.0))),  # too long to centre
])
def test_signature_and_date_placement(signature, date, sealed, placement):
    from drafter.core.rendering.render import signature_placement

    assert signature_placement(signature, date, sealed) == placement


def test_the_signature_block_keeps_with_the_date_and_sealed_moves_the_date():
    data = report()
    data.meta.sealed = True
    blocks = render(data).blocks
    blank, signature, date = blocks[-3:]
    assert (blank.kind, signature.kind, date.kind) == ("blank", "signature", "date")
    assert blank.keep_next and signature.keep_next and not date.keep_next
    assert date.placement == ("right", 4.0)


def test_an_unsigned_report_lists_the_signature_and_date_as_missing_with_their_places():
    unsigned = report()
    unsigned.meta.organisation, unsigned.meta.date = " ", ""
    rendered = render(unsigned)
    assert [(m.name, m.label, m.places) for m in rendered.missing] == [("organisation", "落款单位", ["落款"]),
                                                                      ("date", "成文日期", ["成文日期"])]
    assert [block.text for block in rendered.blocks[-2:]] == ["【待填：落款单位】", "【待填：成文日期】"]


def test_a_title_naming_the_unit_marks_it_when_the_unit_is_not_filled_in():
    unsigned = report()
    unsigned.meta.organisation = ""
    unsigned.meta.title = "{{ organisation }}{{ year }}年度工作报告"
    unsigned.opening = [Paragraph("{% if organisation %}{{ organisation }}全体干部{% else %}全体干部{% endif %}。")]
    rendered = render(unsigned)
    title = rendered.blocks[0]
    assert [(run.text, run.kind) for run in title.runs] == [("【待填：落款单位】", "missing"), ("2024年度工作报告", "text")]
    assert rendered.title == "2024年度工作报告"  # the file's name and properties carry no mark
    assert next(m.places for m in rendered.missing if m.name == "organisation") == ["标题", "落款"]
    assert any(block.text == "全体干部。" for block in rendered.blocks)  # to a template's test it is still empty


def test_a_table_paragraph_renders_its_cells_and_the_paragraphs_after_it_follow():
    table = Paragraph(rows=[["项目", "{{ year }}年"], ["会议", "{{ meetings }}"]])
    after = Paragraph("表后一段。")
    blocks = render(report(count("meetings", Decimal(3)), closing=[table, after])).blocks
    block = next(b for b in blocks if b.source == table.id)
    assert block.kind == "table" and block.rows == [["项目", "2024年"], ["会议", "3次"]]
    assert any(b.source == after.id and b.text == "表后一段。" for b in blocks)


def test_footnotes_print_their_text_where_their_marks_stand_in_order():
    from drafter.core.report.model import NOTE_MARK

    paragraph = Paragraph(f"甲{NOTE_MARK}乙{NOTE_MARK}丙{NOTE_MARK}丁", notes=["注一{{ year }}", "注二"])
    blocks = render(report(closing=[paragraph])).blocks
    runs = next(b for b in blocks if b.source == paragraph.id).runs
    assert [(run.kind, run.text) for run in runs] == [("text", "甲"), ("note", "注一2024"), ("text", "乙"),
                                                      ("note", "注二"), ("text", "丙"), ("text", "丁")]


@pytest.mark.parametrize("where, build", [
    ("结尾第1段", lambda: report(closing=[Paragraph("{{ nothing }}")])),
    ("结尾第1段", lambda: report(closing=[Paragraph("正文", lead="{{ nothing }}")])),
    ("结尾第1段脚注", lambda: report(closing=[Paragraph("正文", notes=["{{ nothing }}"])])),
    ("结尾第1段", lambda: report(closing=[Paragraph(rows=[["{{ nothing }}"]])])),
    ("第一部分标题", lambda: report(parts=[Section("{{ nothing }}", [Paragraph("正文。")])])),
    ("标题", lambda: _titled("{{ nothing }}")),
])
def test_a_template_error_names_its_place(where, build):
    from drafter.core.rendering.sandbox import RenderError

    with pytest.raises(RenderError, match=where):
        render(build())


def _titled(title: str) -> Report:
    data = report()
    data.meta.title = title
    return data


def test_templates_see_last_year_and_the_recipient():
    data = report(closing=[Paragraph("{{ previous_year }}年，{{ next_year }}年，{{ recipient }}")])
    data.meta.recipient = "市委"
    assert any(block.text == "2023年，2025年，市委" for block in render(data).blocks)


@pytest.mark.parametrize("recipient, shown", [("市委", "市委："), ("市委:", "市委："), ("市委：", "市委：")])
def test_the_recipient_line_ends_with_one_full_width_colon(recipient, shown):
    data = report()
    data.meta.recipient = recipient
    assert next(b for b in render(data).blocks if b.kind == "recipient").text == shown


def test_the_title_text_has_no_line_break_though_the_title_block_does():
    rendered = render(_titled("中共示例市直属机关工作委员会2024年度工作报告"))
    assert "\n" in rendered.blocks[0].text
    assert rendered.title == "中共示例市直属机关工作委员会2024年度工作报告"


@pytest.mark.parametrize("title, lines", [
    ("中共示例省示例市示例区直属机关工作委员会2026年度全面从严治党主体责任落实情况报告",  # 20 and 20 exactly
     ["中共示例省示例市示例区直属机关工作委员会", "2026年度全面从严治党主体责任落实情况报告"]),
    ("示例省示例市示例区委机关2026年度工作报告", ["示例省示例市示例区委机关2026年度工作报告"]),  # 20 wide: one line
])
def test_a_title_breaks_only_when_it_must_and_into_lines_that_fit(title, lines):
    assert render(_titled(title)).blocks[0].text.split("\n") == lines


def test_a_title_with_a_field_or_its_own_line_break_is_left_as_written():
    from drafter.core.rendering.render import balance_title, Run

    with_field = [Run("示例市示例区示例镇人民政府关于"), Run("12", "field", "x"), Run("项重点工作推进情况的报告")]
    assert balance_title(with_field) == with_field
    broken = [Run("示例市示例区示例镇人民政府\n关于重点工作推进情况和下一步打算的报告")]
    assert balance_title(broken) == broken


def test_a_run_in_heading_with_one_paragraph_and_one_with_a_lead_sentence():
    alone = Section("加强学习", [Paragraph("全年开展学习。")], run_in=True)
    led = Section("改进作风", [Paragraph("正文。", lead="作风持续改进。")], run_in=True)
    tabled = Section("主要数据", [Paragraph(rows=[["项目"], ["会议"]])], run_in=True)
    blocks = render(report(parts=[Section("一、工作", [], [alone, led, tabled])])).blocks
    kinds = {block.source: block.kind for block in blocks}
    assert kinds[alone.id] == "run_in"  # its one paragraph took the heading as its lead
    assert kinds[led.id] == "heading"  # a paragraph with its own lead keeps the heading above it
    assert kinds[tabled.id] == "heading"  # a table cannot take a heading in


def test_the_appendix_after_other_attachments_is_numbered_after_them():
    data = report(count("meetings", Decimal(3), Decimal(2)), attachments=["甲"])
    blocks = render(data, comparison_table=True).blocks
    notes = [block.text for block in blocks if block.kind == "attachment_note"]
    assert notes == ["附件：1.甲", "2.主要数据对比表"]
    assert next(block for block in blocks if block.kind == "appendix").text == "附件2"
    alone = render(report(count("meetings", Decimal(3), Decimal(2))), comparison_table=True).blocks
    assert next(block for block in alone if block.kind == "appendix").text == "附件"


def test_a_field_known_only_for_last_year_is_still_compared():
    rows = comparison_blocks(report(count("meetings", None, Decimal(2))))[-1].rows
    assert rows[1] == ["meetings次数", "2次", "—", "—"]


def test_a_field_prints_in_its_notation_in_the_text():
    money = Field("money", "投入", "decimal", "元", value=Decimal(12600), notation="grouped")
    paragraph = Paragraph("投入{{ money }}。")
    blocks = render(report(money, closing=[paragraph])).blocks
    assert next(b for b in blocks if b.source == paragraph.id).text == "投入12,600元。"
