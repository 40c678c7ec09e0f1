"""An imported report in the window: figures in headings, footnotes and tables survive editing."""

from __future__ import annotations

from drafter.core.lastyear import SourceParagraph
from drafter.core.report.document import DraftDocument
from drafter.core.report.model import NOTE_MARK
from import_helpers import build_project
from window_helpers import select, type_with_input_method


def imported(window):
    table = SourceParagraph("", rows=[["指标", "单位", "2023年"], ["培训人数", "人次", "1,260"]])
    noted = SourceParagraph(f"全年培训干部300人{NOTE_MARK}。", notes=["含线上培训120人次。"])
    report = build_project([SourceParagraph("2023年工作总结"), SourceParagraph("一、全年开展培训12次"), noted, table],
                           None, "t.docx", formatted=True).report
    window.replace_document(DraftDocument(report))
    return report


def test_a_heading_with_a_figure_shows_its_field_token_and_keeps_it_when_edited(window):
    report = imported(window)
    part = report.parts[0]
    select(window, part)
    field = next(iter(report.fields.values()))
    block = window.page.textCursor().block()
    assert window.page.painter_texts(block) == ["一、", f"【待填：{field.label}】"]  # the number and the field, drawn
    window.page.moveCursor(window.page.textCursor().MoveOperation.EndOfBlock)
    type_with_input_method(window.page, "以上")
    assert part.heading == "全年开展培训{{ figure_01 }}以上"


def test_typing_in_a_paragraph_keeps_its_footnote(window):
    report = imported(window)
    paragraph = report.parts[0].paragraphs[0]
    select(window, paragraph)
    assert "注" in window.page.painter_texts(window.page.textCursor().block())
    type_with_input_method(window.page, "今年")
    assert paragraph.body.startswith("今年") and NOTE_MARK in paragraph.body
    assert "含线上培训" in "".join(run.text for block in window.last_rendered.blocks for run in block.runs
                                if run.kind == "note")


def test_a_table_is_described_not_edited_as_text(window):
    report = imported(window)
    table = report.parts[0].paragraphs[1]
    select(window, table)
    block = window.page.textCursor().block()
    assert window.page.current_slot().kind == "fixed" and "表格" in block.text()
    before = window.undo_stack.count()
    type_with_input_method(window.page, "改")
    assert window.undo_stack.count() == before and "改" not in block.text()
    name = table.rows[1][2].strip("{} ")
    assert report.fields[name].previous == 1260
