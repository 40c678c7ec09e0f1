"""The page: the report written in directly — typing, paragraphs, headings, fields, the lead, paste, undo."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QInputMethodEvent, QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from drafter.gui.page.page_atoms import OBJECT_CHARACTER, unfilled_format
from window_helpers import select, type_with_input_method


def _at(window, node, offset: int):
    """The page's cursor `offset` characters into a paragraph's source (fields count as their source)."""
    select(window, node)
    window.page.show_node(node, offset)
    window.page.setFocus()


def test_typing_on_the_page_edits_the_paragraph_and_keeps_its_fields(window):
    paragraph = window.report.parts[0].paragraphs[0]
    select(window, paragraph)
    window.page.moveCursor(QTextCursor.EndOfBlock)
    type_with_input_method(window.page, "全年共有新变化。")
    assert paragraph.body.endswith("全年共有新变化。")
    assert "{{ center_group_sessions }}" in paragraph.body


def test_pinyin_being_composed_is_not_yet_text(window):
    paragraph = window.report.parts[0].paragraphs[0]
    select(window, paragraph)
    before, depth = paragraph.body, window.undo_stack.count()
    window.page.setFocus()
    QApplication.sendEvent(window.page, QInputMethodEvent("xuexi", []))  # preedit only
    assert paragraph.body == before and window.undo_stack.count() == depth
    type_with_input_method(window.page, "学习")
    assert window.undo_stack.count() == depth + 1


def test_typing_merges_into_one_undo_step_and_undo_redraws_the_page(window):
    paragraph = window.report.opening[0]
    before = paragraph.body
    offset = before.index("，")  # in plain text, after the {{ year }} that opens the paragraph
    _at(window, paragraph, offset)
    QTest.keyClicks(window.page, "abc")
    assert paragraph.body == before[:offset] + "abc" + before[offset:]
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert paragraph.body == before
    assert window.page.block_source(window.page.textCursor().block()) == ("", before)


def test_enter_splits_a_paragraph_and_backspace_joins_it_back(window):
    part = window.report.parts[0]
    paragraph, count = part.paragraphs[0], len(part.paragraphs)
    whole = paragraph.lead + paragraph.body
    _at(window, paragraph, len(paragraph.lead))  # the start of the body, after the bold lead
    QTest.keyClick(window.page, Qt.Key_Return)
    assert len(part.paragraphs) == count + 1
    new = part.paragraphs[1]
    assert (paragraph.lead + paragraph.body, new.body) == (whole[:len(paragraph.lead)], whole[len(paragraph.lead):])
    assert window.page.current_slot().node is new  # the cursor went with the text after it
    QTest.keyClick(window.page, Qt.Key_Backspace)
    assert len(part.paragraphs) == count and paragraph.lead + paragraph.body == whole
    window.undo_stack.undo()
    assert len(part.paragraphs) == count + 1
    window.undo_stack.undo()
    assert len(part.paragraphs) == count and paragraph.body + paragraph.lead != "" and part.paragraphs[0] is paragraph


def test_undo_and_redo_of_a_join_or_split_leave_the_caret_where_the_paragraphs_meet(window):
    paragraph = window.report.parts[0].paragraphs[0]
    at = len(paragraph.lead) + 4
    _at(window, paragraph, at)
    QTest.keyClick(window.page, Qt.Key_Return)  # split
    QTest.keyClick(window.page, Qt.Key_Backspace)  # and join again
    page = window.page

    def caret() -> tuple:
        return page.current_slot().node, page.textCursor().positionInBlock()

    joined = caret()
    assert joined[0] is paragraph
    window.undo_stack.undo()  # the join undone: the caret stays where the two paragraphs meet
    assert caret()[0] is paragraph and caret()[1] == joined[1]
    window.undo_stack.redo()  # Ctrl+Y: at the join, not at the start of the paragraph
    assert caret() == joined
    window.undo_stack.undo()
    window.undo_stack.undo()  # the split undone: where Enter was pressed
    assert caret() == joined


def test_backspace_at_the_first_paragraph_of_a_part_does_not_join_across_parts(window):
    first = window.report.parts[1].paragraphs[0]
    _at(window, first, 0)
    depth = window.undo_stack.count()
    QTest.keyClick(window.page, Qt.Key_Backspace)
    assert window.undo_stack.count() == depth and window.report.parts[1].paragraphs[0] is first


def test_heading_numbers_are_drawn_renumber_live_and_cannot_be_typed_over(window):
    part = window.report.parts[2]
    select(window, part)
    page = window.page
    assert page.painter_texts(page.textCursor().block())[0] == "三、"
    assert page.textCursor().positionInBlock() == 1  # after the number
    page.moveCursor(QTextCursor.StartOfBlock)
    assert page.textCursor().positionInBlock() == 1
    QTest.keyClick(page, Qt.Key_Backspace)
    assert page.painter_texts(page.textCursor().block())[0] == "三、" and part.heading[:2] == "夯实"
    type_with_input_method(page, "切实")
    assert part.heading.startswith("切实")
    window.move_selected(-1)
    select(window, part)
    assert page.painter_texts(page.textCursor().block())[0] == "二、"


def test_fields_are_atoms_with_their_value_and_delete_removes_one_whole(window, qtbot):
    paragraph = window.report.parts[0].paragraphs[0]
    window.push_field_value(window.report.fields["center_group_sessions"], Decimal(12))
    offset = (paragraph.lead + paragraph.body).index("{{ center_group_sessions }}")
    _at(window, paragraph, offset)
    page = window.page
    block = page.textCursor().block()
    shown = page.painter_texts(block)
    assert shown[0] == "12次" and shown[1].startswith("【待填：")
    start = page.textCursor().position()
    QTest.keyClick(page, Qt.Key_Right)
    assert page.textCursor().position() == start + 1  # stepped over the whole figure
    QTest.keyClick(page, Qt.Key_Left)
    QTest.keyClick(page, Qt.Key_Delete)
    assert "{{ center_group_sessions }}" not in paragraph.body and page.painter_texts(block)[0].startswith("【待填")
    window.undo_stack.undo()
    assert "{{ center_group_sessions }}" in paragraph.body


def test_double_click_on_a_field_goes_to_its_box_in_the_form(window, qtbot):
    qtbot.waitExposed(window)
    paragraph = window.report.parts[0].paragraphs[0]
    offset = (paragraph.lead + paragraph.body).index("{{ seminars }}")
    _at(window, paragraph, offset)
    page = window.page
    rect = page.cursorRect()
    window.side_tabs.setCurrentWidget(window.checks)
    qtbot.mouseDClick(page.viewport(), Qt.LeftButton, pos=QPoint(rect.right() + 6, rect.center().y()))
    assert window.side_tabs.currentWidget() is window.form
    qtbot.waitUntil(lambda: window.form.rows["seminars"].input.hasFocus(), timeout=1000)


def test_ctrl_i_puts_a_field_at_the_cursor(window, monkeypatch):
    paragraph = window.report.parts[1].paragraphs[0]
    _at(window, paragraph, len(paragraph.lead + paragraph.body))
    monkeypatch.setattr("drafter.gui.form.field_picker.pick_field", lambda parent, fields: fields["lectures"])
    QTest.keyClick(window.page, Qt.Key_I, Qt.ControlModifier)
    assert paragraph.body.endswith("{{ lectures }}")


def test_ctrl_shift_i_makes_the_selected_figure_a_field(window, monkeypatch):
    paragraph = window.report.opening[0]
    window.push_text_edit(paragraph, "body", "全年开展走访300余名群众。")
    _at(window, paragraph, len("全年开展走访"))
    cursor = window.page.textCursor()
    cursor.movePosition(QTextCursor.Right, QTextCursor.KeepAnchor, len("300余名"))
    window.page.setTextCursor(cursor)
    asked = []
    monkeypatch.setattr(window, "ask_field_label", lambda selected, suggestion: asked.append(suggestion) or suggestion)
    QTest.keyClick(window.page, Qt.Key_I, Qt.ControlModifier | Qt.ShiftModifier)
    field = window.report.fields["figure_1"]
    assert (field.value, field.unit, field.qualifier, field.label) == (Decimal(300), "名", "余", "群众人数")
    assert paragraph.body == "全年开展走访{{ figure_1 }}群众。" and asked == ["群众人数"]
    assert window.page.painter_texts(window.page.textCursor().block()) == ["300余名"]


def test_ctrl_b_on_the_first_sentence_makes_it_the_lead(window):
    paragraph = window.report.opening[0]
    window.push_text_edit(paragraph, "body", "总体向好。全年工作有序推进。")
    _at(window, paragraph, 0)
    cursor = window.page.textCursor()
    cursor.movePosition(QTextCursor.Right, QTextCursor.KeepAnchor, len("总体向好。"))
    window.page.setTextCursor(cursor)
    QTest.keyClick(window.page, Qt.Key_B, Qt.ControlModifier)
    assert (paragraph.lead, paragraph.body) == ("总体向好。", "全年工作有序推进。")
    window.undo_stack.undo()
    assert (paragraph.lead, paragraph.body) == ("", "总体向好。全年工作有序推进。")


def test_pasted_lines_become_paragraphs(window, monkeypatch):
    monkeypatch.setattr(window, "ask_fields_from_paste", lambda count: False)
    part = window.report.parts[3]
    paragraph, count = part.paragraphs[0], len(part.paragraphs)
    whole = paragraph.lead + paragraph.body
    _at(window, paragraph, len(whole))
    data = QMimeData()
    data.setText("第一行补充。\r\n\r\n第二行补充。\n第三行补充。")
    window.page.insertFromMimeData(data)
    assert [p.lead + p.body for p in part.paragraphs[:3]] == [whole + "第一行补充。", "第二行补充。", "第三行补充。"]
    assert len(part.paragraphs) == count + 2
    window.undo_stack.undo()
    assert len(part.paragraphs) == count and paragraph.lead + paragraph.body == whole


def test_the_outline_follows_the_cursor(window):
    page = window.page
    paragraph = window.report.parts[1].paragraphs[1]
    select(window, paragraph)
    cursor = page.textCursor()
    cursor.movePosition(QTextCursor.NextBlock)
    page.setTextCursor(cursor)
    following = page.current_slot().node
    assert following is not paragraph and window.selected_node() is following
    assert page.textCursor().position() == cursor.position()  # following the cursor did not move it back


def test_title_and_signature_lines_are_not_typed_on(window):
    page = window.page
    page.moveCursor(QTextCursor.Start)
    before = page.toPlainText()
    type_with_input_method(page, "改")
    QTest.keyClicks(page, "x")
    assert page.toPlainText() == before


def _fragments(block):
    iterator = block.begin()
    while not iterator.atEnd():
        yield iterator.fragment()
        iterator += 1


def test_the_title_marks_an_unfilled_unit_name_as_an_unfilled_figure_is_marked(window):
    unfilled = unfilled_format(QTextCharFormat()).background()
    title = window.page.document().firstBlock()
    marked = [fragment.text() for fragment in _fragments(title) if fragment.charFormat().background() == unfilled]
    assert marked == ["【待填：落款单位】"] and title.text().startswith("【待填：落款单位】")
    window.push_meta_edit("organisation", "市政协机关")
    window.refresh_preview()
    title = window.page.document().firstBlock()
    assert title.text().startswith("市政协机关") and "待填" not in title.text()
    assert not [fragment for fragment in _fragments(title) if fragment.charFormat().background() == unfilled]


def test_the_lines_after_the_body_stand_as_they_print(window):
    window.report.meta.attachments = ["2024年主要指标完成情况表"]
    window.refresh_preview()
    document = window.page.document()
    last = [document.findBlockByNumber(number) for number in range(document.blockCount() - 5, document.blockCount())]
    assert [block.text() for block in last] == ["", "附件：2024年主要指标完成情况表", "", "【待填：落款单位】",
                                                 "【待填：成文日期】"]
    note = last[1].blockFormat()
    assert note.alignment() & Qt.AlignLeft and note.textIndent() > 0  # two characters in, not at the right


def test_lines_break_where_the_page_will(window, qtbot):
    qtbot.waitExposed(window)
    page = window.page
    block = page.document().findBlockByNumber(1)  # the title, then the opening paragraph
    page.document().documentLayout().blockBoundingRect(block)
    layout = block.layout()
    assert layout.lineCount() > 2
    text = block.text()

    def width(line) -> float:  # Chinese characters count 1, digits and Latin letters about half; an atom as
        # wide as what it shows ({{ year }} shows 2026)
        piece = text[line.textStart(): line.textStart() + line.textLength()]
        atoms_here = iter(page.painter_texts(block)[sum(1 for c in text[: line.textStart()] if c == OBJECT_CHARACTER):])
        piece = "".join(next(atoms_here) if char == OBJECT_CHARACTER else char for char in piece)
        return sum(0.5 if ord(char) < 0x2E80 else 1 for char in piece)

    widths = [width(layout.lineAt(n)) for n in range(layout.lineCount() - 1)]
    assert 25 <= widths[0] <= 27 and all(27 <= w <= 29 for w in widths[1:]), widths
    assert layout.lineAt(0).x() > layout.lineAt(1).x() + 20  # the first line is indented two characters


def test_figures_in_pasted_text_become_fields_in_the_same_step(window, monkeypatch):
    asked = []
    monkeypatch.setattr(window, "ask_fields_from_paste", lambda count: asked.append(count) or True)
    paragraph = window.report.opening[0]
    before_fields, whole = dict(window.report.fields), paragraph.lead + paragraph.body
    _at(window, paragraph, len(whole))
    data = QMimeData()
    data.setText("全年开展专题调研12次，走访企业300余家。")
    window.page.insertFromMimeData(data)
    new = [field for name, field in window.report.fields.items() if name not in before_fields]
    assert asked == [2] and [(f.value, f.unit, f.qualifier) for f in new] == [(12, "次", ""), (300, "家", "余")]
    assert new[0].label == "开展专题调研次数" and new[0].previous is None
    assert paragraph.body.endswith("全年开展专题调研{{ %s }}，走访企业{{ %s }}。" % (new[0].name, new[1].name))
    assert window.page.painter_texts(window.page.textCursor().block())[-2:] == ["12次", "300余家"]
    window.undo_stack.undo()
    assert window.report.fields.keys() == before_fields.keys() and paragraph.lead + paragraph.body == whole


def test_typing_undoes_a_word_at_a_time(window):
    paragraph = window.report.opening[0]
    before = paragraph.body
    offset = before.index("，")
    _at(window, paragraph, offset)
    QTest.keyClicks(window.page, "abc def")
    type_with_input_method(window.page, "全年")
    assert paragraph.body == before[:offset] + "abc def全年" + before[offset:]
    window.undo_stack.undo()
    assert paragraph.body == before[:offset] + "abc def" + before[offset:]
    window.undo_stack.undo()
    assert paragraph.body == before[:offset] + "abc " + before[offset:]
    window.undo_stack.undo()
    assert paragraph.body == before


def _page_matches_report(window):
    """Every paragraph and heading block of the page reads back as the report holds it."""
    page = window.page
    for index, slot in enumerate(page.slots):
        if slot.kind == "paragraph":
            assert page.block_source(page.blocks[index]) == (slot.node.lead, slot.node.body)
        elif slot.kind == "heading":
            assert page.block_source(page.blocks[index]) == ("", slot.node.heading)


@pytest.mark.parametrize("seed", [20261127, 7, 99])
def test_random_keys_keep_page_and_report_in_step(window, seed):
    import random

    from drafter.core.report.convert import report_to_data

    original = report_to_data(window.report)
    keys = [Qt.Key_A, Qt.Key_1, Qt.Key_Space, Qt.Key_Return, Qt.Key_Backspace, Qt.Key_Delete, Qt.Key_Left,
            Qt.Key_Right, Qt.Key_Up, Qt.Key_Down, Qt.Key_Home, Qt.Key_End]
    chooser = random.Random(seed)
    page = window.page
    _at(window, window.report.parts[0].paragraphs[0], 5)
    for step in range(300):
        roll = chooser.random()
        if roll < 0.05:
            window.undo_stack.undo()
        elif roll < 0.08:
            window.undo_stack.redo()
        elif roll < 0.10:
            QTest.keyClick(page, Qt.Key_Right, Qt.ShiftModifier)
            QTest.keyClick(page, Qt.Key_B, Qt.ControlModifier)
        else:
            QTest.keyClick(page, chooser.choice(keys))
        if step % 10 == 0:
            _page_matches_report(window)
    _page_matches_report(window)
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    _page_matches_report(window)
    assert report_to_data(window.report) == original  # every step undone: the report as it was


def test_ctrl_z_on_the_page_undoes_through_the_window(window, qtbot):
    qtbot.waitExposed(window)
    paragraph = window.report.opening[0]
    before = paragraph.body
    _at(window, paragraph, before.index("，"))
    QTest.keyClicks(window.page, "abc")
    assert paragraph.body != before
    QTest.keyClick(window.page, Qt.Key_Z, Qt.ControlModifier)
    assert paragraph.body == before
    QTest.keyClick(window.page, Qt.Key_Y, Qt.ControlModifier)
    assert "abc" in paragraph.body


def test_undo_and_redo_of_typing_leave_the_caret_where_the_words_were(window):
    paragraph = window.report.parts[0].paragraphs[0]
    _at(window, paragraph, 5)
    page = window.page
    start = page.textCursor().positionInBlock()
    page.setFocus()
    QTest.keyClicks(page, "ab")
    window.undo_stack.undo()
    assert page.textCursor().positionInBlock() == start
    window.undo_stack.redo()
    assert page.textCursor().positionInBlock() == start + 2


def _in_the_middle(page) -> bool:
    where, height = page.cursorRect().center().y(), page.viewport().height()
    return height // 4 <= where <= height * 3 // 4


def test_a_new_heading_is_scrolled_to_the_middle_of_the_page(window, qtbot):
    window.page.finish_layout()
    window.select_node(window.report.parts[0])
    window.page.verticalScrollBar().setValue(0)
    window.add_subsection()
    assert window.page.textCursor().block().text().endswith("新的小节") and _in_the_middle(window.page)


def test_a_finding_gone_to_stands_in_the_middle_of_the_page(window, qtbot):
    from drafter.core.years.checks import Finding

    window.page.finish_layout()
    section = window.report.parts[-1]
    while section.children:
        section = section.children[-1]
    last = section.paragraphs[-1]  # far down the page
    words = last.body[:6]
    window.page.verticalScrollBar().setValue(0)
    window.jump_to_finding(Finding("punctuation", "warning", "结尾", "测试", node_id=last.id, excerpt=words))
    assert window.page.textCursor().selectedText() == words and _in_the_middle(window.page)
