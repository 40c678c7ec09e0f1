"""The drafting window driven as a user drives it (offscreen): outline, editor, form, preview, undo."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from window_helpers import form_input, select, type_with_input_method


def test_first_start_opens_a_new_annual_report(window):
    assert window.report.kind == "年度工作报告"
    labels = [window.outline_model.index(row, 0).data() for row in range(window.outline_model.rowCount())]
    assert labels[0] == "开头" and labels[-1] == "结尾"
    assert [label[:2] for label in labels[1:5]] == ["一、", "二、", "三、", "四、"]


def test_outline_model_passes_qt_model_tester(window, qtmodeltester):
    qtmodeltester.check(window.outline_model)


def test_typing_with_an_input_method_edits_the_paragraph(window):
    paragraph = window.report.parts[0].paragraphs[0]
    select(window, paragraph)
    window.editor.body.moveCursor(window.editor.body.textCursor().MoveOperation.End)
    type_with_input_method(window.editor.body, "全年共有新变化。")
    assert paragraph.body.endswith("全年共有新变化。")
    assert "{{ center_group_sessions }}" in paragraph.body  # tokens went back to references


def test_insert_a_field_from_the_list(window, monkeypatch):
    paragraph = window.report.parts[1].paragraphs[0]
    select(window, paragraph)
    window.editor.body.moveCursor(window.editor.body.textCursor().MoveOperation.End)
    monkeypatch.setattr("drafter.gui.editing.pick_field", lambda parent, fields: fields["lectures"])
    window.insert_field()
    assert paragraph.body.endswith("{{ lectures }}")
    assert "【专题讲座场次】" in window.editor.body.toPlainText()


def test_field_from_a_selected_figure(window, monkeypatch):
    paragraph = window.report.opening[0]
    select(window, paragraph)
    window.editor.body.setPlainText("全年开展走访300余名群众。")
    cursor = window.editor.body.textCursor()
    start = "全年开展走访".__len__()
    cursor.setPosition(start)
    cursor.setPosition(start + len("300余名"), cursor.MoveMode.KeepAnchor)
    window.editor.body.setTextCursor(cursor)
    asked = []
    monkeypatch.setattr(window, "ask_field_label", lambda selected, suggestion: asked.append(suggestion) or "走访群众人数")
    window.field_from_selection()
    field = window.report.fields["figure_1"]
    assert (field.value, field.unit, field.qualifier, field.label) == (Decimal(300), "名", "余", "走访群众人数")
    assert paragraph.body == "全年开展走访{{ figure_1 }}群众。"
    assert asked == ["群众人数"]  # suggested as the importer names it, the box no longer empty


def test_form_accepts_full_width_and_chinese_numerals(window):
    box = form_input(window, "seminars")
    box.setText("１２")
    box.textEdited.emit("１２")
    assert window.report.fields["seminars"].value == 12
    box.setText("二十")
    box.textEdited.emit("二十")
    assert window.report.fields["seminars"].value == 20


def test_a_bad_entry_shows_its_reason_and_is_kept(window):
    box = form_input(window, "seminars")
    box.setText("-3")
    box.textEdited.emit("-3")
    row = window.form.rows["seminars"]
    assert "负" in row.error.text() and row.error.isVisible()
    assert box.text() == "-3"
    assert window.report.fields["seminars"].value is None


def test_counter_and_status_count_filled_fields(window, qtbot):
    box = form_input(window, "lectures")
    box.setText("5")
    box.textEdited.emit("5")
    assert window.form.counter.text() == "已填 1 / 36 项"
    qtbot.waitUntil(lambda: window.filled_label.text() == "已填 1/36", timeout=3000)


def test_moving_a_part_renumbers_at_once(window):
    second = window.report.parts[1]
    select(window, second)
    window.move_selected(-1)
    assert window.report.parts[0] is second
    assert window.outline_model.index(1, 0).data().startswith("一、聚焦中心大局")
    assert window.outline_model.index(2, 0).data().startswith("二、突出政治引领")


def test_undo_and_redo_across_text_outline_and_fields(window):
    report = window.report
    first_part, paragraph = report.parts[0], report.parts[0].paragraphs[0]
    original_body = paragraph.body
    select(window, paragraph)
    window.push_text_edit(paragraph, "body", "改写后的正文。")
    select(window, report.parts[2])
    window.move_selected(-1)
    box = form_input(window, "seminars")
    box.setText("7")
    box.textEdited.emit("7")
    assert (paragraph.body, report.parts[1].heading[:2], report.fields["seminars"].value) == ("改写后的正文。", "夯实", 7)
    for _ in range(3):
        window.undo_stack.undo()
    assert paragraph.body == original_body and report.parts[0] is first_part
    assert report.parts[1].heading.startswith("聚焦") and report.fields["seminars"].value is None
    for _ in range(3):
        window.undo_stack.redo()
    assert paragraph.body == "改写后的正文。" and report.fields["seminars"].value == 7


def test_add_and_remove_paragraph_with_undo(window):
    part = window.report.parts[3]
    original = list(part.paragraphs)
    last = original[-1]
    select(window, last)
    window.add_paragraph()
    added = next(p for p in part.paragraphs if p not in original)
    assert part.paragraphs == original + [added]
    window.remove_selected()  # the new, selected paragraph
    assert part.paragraphs == original
    window.undo_stack.undo()  # the removal: the new paragraph is back, after the last one
    assert part.paragraphs == original + [added]
    window.undo_stack.undo()  # the addition
    assert part.paragraphs == original
    window.undo_stack.redo()
    assert part.paragraphs == original + [added]


def test_clicking_a_preview_paragraph_selects_it_in_the_outline(window, qtbot):
    window.refresh_preview()
    paragraph = window.report.parts[2].paragraphs[1]
    number = window.preview.sources.index(paragraph.id)
    block = window.preview.document().findBlockByNumber(number)
    rect = window.preview.document().documentLayout().blockBoundingRect(block)
    window.preview.verticalScrollBar().setValue(int(rect.top()))
    offset = window.preview.verticalScrollBar().value()
    point = rect.center().toPoint()
    point.setY(point.y() - offset)
    qtbot.mouseClick(window.preview.viewport(), Qt.LeftButton, pos=point)
    assert window.selected_node() is paragraph


def test_preview_shows_filled_and_missing_fields(window, qtbot):
    box = form_input(window, "center_group_sessions")
    box.setText("12")
    box.textEdited.emit("12")
    qtbot.waitUntil(lambda: "会12次" in window.preview.toPlainText(), timeout=3000)
    assert "【待填：“第一议题”学习次数】" in window.preview.toPlainText()


def test_drag_and_drop_reorders_parts_as_one_undo_step(window):
    model = window.outline_model
    fourth = window.report.parts[3]
    data = model.mimeData([model.index_of(fourth)])
    model.dropMimeData(data, Qt.MoveAction, 1, 0, model.index_of(None))  # before the first part
    assert window.report.parts[0] is fourth
    assert model.index(1, 0).data().startswith("一、从严正风肃纪")
    window.undo_stack.undo()
    assert window.report.parts[3] is fourth


def test_renaming_in_the_outline_is_undoable(window):
    model = window.outline_model
    part = window.report.parts[0]
    assert model.setData(model.index_of(part), "新的部分标题")
    assert model.index_of(part).data() == "一、新的部分标题"
    window.undo_stack.undo()
    assert part.heading == "突出政治引领，理论武装走深走实"


def test_undo_keeps_the_cursor_near_where_it_was(window):
    paragraph = window.report.parts[0].paragraphs[0]
    select(window, paragraph)
    body = window.editor.body
    cursor = body.textCursor()
    cursor.setPosition(10)
    body.setTextCursor(cursor)
    before = paragraph.body
    type_with_input_method(body, "新增")
    assert paragraph.body == before[:10] + "新增" + before[10:]
    window.undo_stack.undo()
    assert paragraph.body == before and window.editor.body.toPlainText().startswith(before[:10])
    assert window.editor.body.textCursor().position() in (10, 12)  # where the typing began, or just after


def test_drag_a_paragraph_into_another_part_and_undo(window, qtmodeltester):
    model = window.outline_model
    paragraph = window.report.parts[0].paragraphs[2]
    target = window.report.parts[3]
    data = model.mimeData([model.index_of(paragraph)])
    model.dropMimeData(data, Qt.MoveAction, 0, 0, model.index_of(target))
    assert target.paragraphs[0] is paragraph and len(window.report.parts[0].paragraphs) == 2
    qtmodeltester.check(model)
    window.undo_stack.undo()
    assert window.report.parts[0].paragraphs[2] is paragraph and len(target.paragraphs) == 3


def test_drag_a_part_under_another_becomes_its_subsection(window):
    model = window.outline_model
    fourth, first = window.report.parts[3], window.report.parts[0]
    model.dropMimeData(model.mimeData([model.index_of(fourth)]), Qt.MoveAction, -1, 0, model.index_of(first))
    assert first.children == [fourth] and len(window.report.parts) == 3
    assert model.index_of(fourth).data().startswith("（一）从严正风肃纪")
    model.dropMimeData(model.mimeData([model.index_of(first)]), Qt.MoveAction, -1, 0, model.index_of(fourth))
    assert fourth.children == []  # a part cannot go inside its own subsection


def test_form_groups_are_titled_by_their_part(window):
    from PySide6.QtWidgets import QGroupBox

    titles = [box.title() for box in window.form.scroll.widget().findChildren(QGroupBox)]
    assert titles[:2] == ["一、突出政治引领，理论武装走深走实", "二、聚焦中心大局，服务发展成效明显"]


def test_renaming_a_field_changes_its_label_everywhere_and_undoes(window, monkeypatch):
    from PySide6.QtWidgets import QGroupBox, QLabel

    paragraph = window.report.parts[0].paragraphs[0]
    select(window, paragraph)
    field = window.report.fields["seminars"]
    monkeypatch.setattr(window, "ask_new_label", lambda f: "专题研讨会次数")
    window.form.rename_requested.emit(field)
    assert field.label == "专题研讨会次数"
    assert "【专题研讨会次数】" in window.editor.body.toPlainText()
    assert "{{ seminars }}" in paragraph.body
    labels = [label.text() for box in window.form.scroll.widget().findChildren(QGroupBox)
              for label in box.findChildren(QLabel)]
    assert "专题研讨会次数" in labels
    window.undo_stack.undo()
    assert field.label == "专题研讨次数"


def test_preview_lines_break_where_the_page_will(window, qtbot):
    window.refresh_preview()
    opening = window.preview.document().findBlockByNumber(2)  # title, blank, then the opening paragraph
    layout = opening.layout()
    assert layout.lineCount() > 2
    text = opening.text()

    def width(line) -> float:  # Chinese characters count 1, digits and Latin letters about half
        piece = text[line.textStart(): line.textStart() + line.textLength()]
        return sum(0.5 if ord(char) < 0x2E80 else 1 for char in piece)

    widths = [width(layout.lineAt(n)) for n in range(layout.lineCount() - 1)]
    assert 25 <= widths[0] <= 27 and all(27 <= w <= 29 for w in widths[1:]), widths
    assert layout.lineAt(0).x() > layout.lineAt(1).x() + 20  # the first line is indented two characters


def test_pinyin_being_composed_is_not_yet_text(window):
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    paragraph = window.report.parts[0].paragraphs[0]
    select(window, paragraph)
    before, depth = paragraph.body, window.undo_stack.count()
    window.editor.body.setFocus()
    QApplication.sendEvent(window.editor.body, QInputMethodEvent("xuexi", []))  # preedit only
    assert paragraph.body == before and window.undo_stack.count() == depth
    type_with_input_method(window.editor.body, "学习")
    assert "学习" in paragraph.body.replace(before, "") and window.undo_stack.count() == depth + 1


def test_preview_places_the_date_under_the_signature_as_the_page_does(window):
    meta = window.form.meta
    for box, text in ((meta.organisation, "中共示例市直属机关工作委员会"), (meta.date, "2027年1月8日")):
        box.setText(text)
        box.textEdited.emit(text)
    window.refresh_preview()
    document = window.preview.document()
    count = document.blockCount()
    signature, date = document.findBlockByNumber(count - 2), document.findBlockByNumber(count - 1)
    for block in (signature, date):
        document.documentLayout().blockBoundingRect(block)  # lays the block out; lines exist only after
        assert block.layout().lineCount() == 1
    # where each line's first character is drawn (alignment included, unlike QTextLine.x())
    start = [block.layout().lineAt(0).cursorToX(0) for block in (signature, date)]
    start = [x[0] if isinstance(x, tuple) else x for x in start]
    char_px = (start[1] - start[0]) / 2
    assert date.text() == "2027年1月8日" and 8 < char_px < 40  # the date starts two characters right


def test_toolbar_undo_keeps_its_text_and_undoes(window):
    from PySide6.QtWidgets import QToolBar

    toolbar = window.findChild(QToolBar)
    undo = next(action for action in toolbar.actions() if action.text() == "撤销")
    assert not undo.isEnabled()
    window.push_text_edit(window.report.opening[0], "body", "改过。")
    assert undo.isEnabled() and undo.text() == "撤销" and "编辑文字" in undo.toolTip()
    undo.trigger()
    assert window.report.opening[0].body != "改过。"


def test_typing_redraws_only_the_paragraph_that_changed_and_reads_as_a_full_redraw(window, qtbot, monkeypatch):
    from drafter.gui.preview import Preview

    paragraph = window.report.parts[0].paragraphs[0]
    window.refresh_preview()
    document = window.preview.document()
    before_untouched = document.findBlockByNumber(len(window.preview.paragraphs) - 3).text()
    relaid = []
    monkeypatch.setattr(window.preview, "setHtml", lambda html: relaid.append(html))
    window.push_text_edit(paragraph, "body", paragraph.body + "新增的一句话。")
    window.refresh_preview()
    monkeypatch.undo()
    assert relaid == []  # no whole-page layout for a typed sentence
    fresh = Preview()
    qtbot.addWidget(fresh)
    fresh.resize(window.preview.size())
    fresh.show()  # a preview lays its page out once it is shown, at its real width
    fresh.show_rendered(window.last_rendered, window.style)
    assert document.toPlainText() == fresh.document().toPlainText()
    changed = document.findBlockByNumber(window.preview.sources.index(paragraph.id))
    assert "新增的一句话。" in changed.text()
    font_of = lambda block: block.begin().fragment().charFormat().font()  # noqa: E731
    other = document.findBlockByNumber(window.preview.sources.index(window.report.parts[0].paragraphs[1].id))
    assert font_of(changed).pointSizeF() == font_of(other).pointSizeF()
    assert font_of(changed).family() == font_of(other).family()
    assert document.findBlockByNumber(len(window.preview.paragraphs) - 3).text() == before_untouched
