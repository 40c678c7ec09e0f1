"""The drafting window driven as a user drives it (offscreen): outline, form, structure and undo (the page: test_page)."""

from __future__ import annotations


from PySide6.QtCore import Qt

from window_helpers import form_input, select


def test_first_start_opens_a_new_annual_report(window):
    assert window.report.kind == "年度工作报告"
    labels = [window.outline_model.index(row, 0).data() for row in range(window.outline_model.rowCount())]
    assert labels[0] == "开头" and labels[-1] == "结尾"
    assert [label[:2] for label in labels[1:5]] == ["一、", "二、", "三、", "四、"]


def test_outline_model_passes_qt_model_tester(window, qtmodeltester):
    qtmodeltester.check(window.outline_model)


def test_outline_rows_show_the_year_and_the_unit_as_the_page_does(window):
    paragraph = window.report.opening[0]
    window.push_text_edit(paragraph, "body", "{{ organisation }}{{ year }}年在{{ next_year }}年前完成。")
    model = window.outline_model

    def row_text():
        return model.data(model.index_of(paragraph), Qt.DisplayRole)

    assert row_text().startswith(f"【单位名称】{window.report.meta.year}年在{window.report.meta.year + 1}")
    window.push_meta_edit("organisation", "示例局")
    window.push_meta_edit("year", 2030)
    assert row_text().startswith("示例局2030年在2031")


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


def test_last_years_value_is_shown_as_it_was_written_and_taken_with_a_click(window):
    from decimal import Decimal

    field = window.report.fields["study_participants"]
    field.previous, field.notation = Decimal(12000), "万"  # last year's draft said 1.2万
    window.form.refresh()
    row = window.form.rows["study_participants"]
    assert row.previous.text() == '去年 <a href="previous">1.2万余名</a>'
    row.previous.linkActivated.emit("previous")  # a click on last year's value takes it for this year
    # its box is typed in 万, as the report writes it: 1.2 beside 万余名
    assert field.value == Decimal(12000) and row.input.text() == "1.2" and row.unit.text() == "万余名"
    window.undo_stack.undo()
    assert field.value is None


def test_a_figure_written_in_yi_is_typed_in_yi(window):
    from decimal import Decimal

    field = window.report.fields["study_participants"]
    field.notation, field.qualifier, field.unit = "亿", "", "元"  # last year's draft said 4.26亿元
    window.form.refresh()
    row = window.form.rows["study_participants"]
    box = form_input(window, "study_participants")
    box.setText("4.5")
    box.textEdited.emit("4.5")
    assert field.value == Decimal(450_000_000) and row.unit.text() == "亿元" and not row.error.text()


def test_the_page_stands_in_the_middle_of_a_wider_pane(window):
    page = window.page
    page.resize(page.lineWrapColumnOrWidth() + 400, 600)
    margins = page.viewportMargins()
    assert margins.left() == margins.right() > 150
    assert page.viewport().width() >= page.lineWrapColumnOrWidth()  # all of every line still shows
    page.resize(page.lineWrapColumnOrWidth() - 50, 600)  # narrower than the page: no margins, it scrolls
    assert page.viewportMargins().left() == 0


def test_the_date_boxs_example_is_in_the_year_after_the_report(window):
    window.push_meta_edit("year", 2023)
    assert window.form.meta.date.placeholderText() == "如 2024年1月8日"


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


def test_a_heading_with_its_year_shows_the_year_in_the_outline_and_the_form(window):
    import copy

    from PySide6.QtWidgets import QGroupBox

    from drafter.core.report.document import DraftDocument

    report = copy.deepcopy(window.report)
    report.parts[0].heading = "{{ year }}年工作开展情况"
    window.replace_document(DraftDocument(report))
    model = window.tree.model()
    rows = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert f"一、{report.meta.year}年工作开展情况" in rows
    titles = [box.title() for box in window.form.scroll.widget().findChildren(QGroupBox)]
    assert f"一、{report.meta.year}年工作开展情况" in titles


def test_renaming_a_field_changes_its_label_everywhere_and_undoes(window, monkeypatch):
    from PySide6.QtWidgets import QGroupBox, QLabel

    paragraph = window.report.parts[0].paragraphs[0]
    select(window, paragraph)
    field = window.report.fields["seminars"]
    monkeypatch.setattr(window, "ask_new_label", lambda f: "专题研讨会次数")
    window.form.rename_requested.emit(field)
    assert field.label == "专题研讨会次数"
    assert "{{ seminars }}" in paragraph.body
    labels = [label.text() for box in window.form.scroll.widget().findChildren(QGroupBox)
              for label in box.findChildren(QLabel)]
    assert "专题研讨会次数" in labels
    window.undo_stack.undo()
    assert field.label == "专题研讨次数"


def test_toolbar_undo_keeps_its_text_and_undoes(window):
    from PySide6.QtWidgets import QToolBar

    toolbar = window.findChild(QToolBar)
    undo = next(action for action in toolbar.actions() if action.text() == "撤销")
    assert not undo.isEnabled()
    window.push_text_edit(window.report.opening[0], "body", "改过。")
    assert undo.isEnabled() and undo.text() == "撤销" and "编辑文字" in undo.toolTip()
    undo.trigger()
    assert window.report.opening[0].body != "改过。"