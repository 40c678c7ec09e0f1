"""What the renderer hands the exporter, one behaviour per test: which block keeps with the signature, how a
run-in heading and the 附件说明 are built, what each run names, and the rows of the comparison appendix."""

from __future__ import annotations

from decimal import Decimal

import pytest

from drafter.core.model import Field, Meta, Paragraph, Past, Report, Section
from drafter.core.render import comparison_blocks, comparison_years, render

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
    assert note.text == "附件：2024年度主要数据" and note.keep_next and note.indent == (5, 3)


def test_several_attachments_are_numbered_and_aligned_on_the_first_character_of_their_names():
    notes = [block for block in render(report(attachments=["甲", "乙"])).blocks if block.kind == "attachment_note"]
    assert [note.text for note in notes] == ["附件：1.甲", "2.乙"]
    assert [note.indent for note in notes] == [(6.0, 4.0), (6.0, 1.0)]
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
