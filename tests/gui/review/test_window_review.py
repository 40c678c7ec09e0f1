"""文件 → 收回修改稿…: the reviewed file's changes listed, taken in as one undo step, refused while conflicts stand."""

from __future__ import annotations

from drafter import paths
from drafter.core import actions
from drafter.core.rendering.render import render
from drafter.core.review.exported import printed_text
from drafter.core.word.style import load_style
from filling import fill
from review_edits import Reviewed


def fill_window(window) -> None:
    """Every field of the window's report given a value, and the signature and date set."""
    window.report.__dict__.update(fill(window.report).__dict__)
    window.report_replaced()


def sent_back(window, tmp_path, edit_with) -> str:
    """The window's report filled, exported as the program exports it, and changed by a reviewer."""
    fill_window(window)
    exported = tmp_path / "送审稿.docx"
    actions.export_project(window.report, load_style(paths.official_style_file()), exported,
                           cache_folder=paths.cache_dir())
    edit = Reviewed(exported.read_bytes())
    edit_with(edit, render(window.report))
    reviewed = tmp_path / "修改稿.docx"
    reviewed.write_bytes(edit.save())
    return str(reviewed)


def sent_back_a_figure_and_a_sentence(window, tmp_path) -> tuple[str, dict]:
    """The reviewed file of figure_and_sentence, and {"name": the field whose figure it changed}."""
    fields = {}
    path = sent_back(window, tmp_path,
                     lambda edit, rendered: fields.setdefault("name", figure_and_sentence(edit, rendered)))
    return path, fields


def row_of(preview, kind: str) -> int:
    """The list's row of the first change whose kind starts so (文字, 数值, 批注)."""
    return next(r for r in range(preview.table.rowCount()) if preview.table.item(r, 0).text().startswith(kind))


def figure_and_sentence(edit, rendered):
    body = [block for block in rendered.blocks if block.kind == "paragraph"]
    block = next(b for b in body if any(run.field for run in b.runs))
    run = next(r for r in block.runs if r.field)
    edit.track_replace(run.text, "9" + run.text[1:])
    edit.type_over(body[4].text[3:9], "改过的字")
    edit.comment(body[2].text[:8], "这里再具体些")
    return run.field


def test_the_changes_are_listed_and_taken_in_as_one_undo_step(window, tmp_path, monkeypatch):
    path, fields = sent_back_a_figure_and_a_sentence(window, tmp_path)
    before = [printed_text(block) for block in render(window.report).blocks]
    shown = {}

    def look(preview):
        shown["rows"] = preview.table.rowCount()
        shown["kinds"] = [preview.table.item(row, 0).text() for row in range(preview.table.rowCount())]
        shown["enabled"] = preview.accept_button.isEnabled()
        return True

    monkeypatch.setattr(window, "ask_review_file", lambda: path)
    monkeypatch.setattr(window, "confirm_review", look)
    steps = window.undo_stack.count()
    assert window.review_dialog()
    assert shown == {"rows": 3, "kinds": ["数值", "文字（未开修订）", "批注"], "enabled": True}
    assert str(window.report.fields[fields["name"]].value).startswith("9")
    assert window.undo_stack.count() == steps + 1
    assert "改过的字" in window.page.toPlainText()
    window.undo_stack.undo()
    assert [printed_text(block) for block in render(window.report).blocks] == before
    assert "改过的字" not in window.page.toPlainText()
    window.undo_stack.redo()
    assert "改过的字" in window.page.toPlainText()


def test_conflicts_keep_accept_off_and_change_nothing(window, tmp_path, monkeypatch):
    def edit_a_sentence(edit, rendered):
        body = [block for block in rendered.blocks if block.kind == "paragraph"]
        edit.track_replace(body[1].text[4:9], "审阅者改的")

    path = sent_back(window, tmp_path, edit_a_sentence)
    paragraph = next(p for s in window.report.parts for p in s.paragraphs)
    window.push_text_edit(paragraph, "body", paragraph.body + "项目中又补了一句。")
    before = [printed_text(block) for block in render(window.report).blocks]
    enabled = []
    monkeypatch.setattr(window, "ask_review_file", lambda: path)
    monkeypatch.setattr(window, "confirm_review",
                        lambda preview: enabled.append(preview.accept_button.isEnabled()) or True)
    assert not window.review_dialog()
    assert enabled == [False]
    assert [printed_text(block) for block in render(window.report).blocks] == before


def test_a_change_left_unticked_is_not_taken_in(window, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt

    path, fields = sent_back_a_figure_and_a_sentence(window, tmp_path)
    buttons = []

    def untick_the_sentence(preview):
        row = row_of(preview, "文字")
        preview.table.item(row, 0).setCheckState(Qt.Unchecked)
        buttons.append(preview.accept_button.text())
        return True

    monkeypatch.setattr(window, "ask_review_file", lambda: path)
    monkeypatch.setattr(window, "confirm_review", untick_the_sentence)
    assert window.review_dialog()
    assert buttons == ["接受所选（2 处）"]
    assert str(window.report.fields[fields["name"]].value).startswith("9")
    assert "改过的字" not in window.page.toPlainText()


def test_a_comment_is_marked_done_from_the_checks_and_that_is_undoable(window):
    from drafter.core.report.model import Remark
    from drafter.core.years.checks import check_report

    paragraph = next(p for s in window.report.parts for p in s.paragraphs)
    paragraph.remarks.append(Remark("数字核实一下", "李主任"))
    [finding] = [f for f in check_report(window.report) if f.kind == "remark"]
    window.fix_findings([finding])
    assert [r.done for r in paragraph_by_id(window, paragraph.id).remarks] == [True]
    window.undo_stack.undo()
    assert [r.done for r in paragraph_by_id(window, paragraph.id).remarks] == [False]


def paragraph_by_id(window, node_id):
    return next(p for s in window.report.parts for p in s.paragraphs if p.id == node_id)


def test_exporting_with_open_comments_asks_and_exports_them_when_told(window, tmp_path, monkeypatch):
    from drafter.core.report.model import Remark
    from drafter.core.review.reviewed import read_reviewed

    fill_window(window)
    window.report.parts[0].paragraphs[0].remarks.append(Remark("数字核实一下", "李主任"))
    asked = []
    monkeypatch.setattr(window, "ask_export_remarks", lambda count: asked.append(count) or True)
    monkeypatch.setattr(window, "ask_export_path", lambda default: str(tmp_path / "带批注.docx"))
    assert window.export_dialog()
    comments = read_reviewed((tmp_path / "带批注.docx").read_bytes(), "x").comments
    assert asked == [1] and [c.text for c in comments.values()] == ["数字核实一下"]


def test_a_comment_is_shown_beside_its_paragraph_until_it_is_done(window):
    from drafter.core.report.model import Remark
    from drafter.core.years.checks import check_report

    window.resize(1500, 900)
    paragraph = next(p for s in window.report.parts for p in s.paragraphs)
    paragraph.remarks.append(Remark("数字核实一下", "李主任"))
    window.refresh_preview()
    [(note, node)] = window._margin_notes.labels
    assert node is paragraph and "李主任：数字核实一下" in note.text() and note.isVisible()
    viewport = window.page.viewport().geometry()
    assert note.x() > viewport.right()  # in the margin, never over the text
    block = window.page.blocks[next(i for i, slot in enumerate(window.page.slots) if slot.node is paragraph)]
    top = window.page.document().documentLayout().blockBoundingRect(block).top()
    assert abs(note.y() - (viewport.top() + top - window.page.verticalScrollBar().value())) <= 1
    [finding] = [f for f in check_report(window.report) if f.kind == "remark"]
    window.fix_findings([finding])
    window.refresh_preview()
    assert window._margin_notes.labels == []


def test_double_clicking_a_change_shows_its_paragraph_on_the_page(window, tmp_path, monkeypatch):
    path, fields = sent_back_a_figure_and_a_sentence(window, tmp_path)
    selected = []

    def look(preview):
        row = row_of(preview, "文字")
        preview.table.cellDoubleClicked.emit(row, 1)
        selected.append(window.selected_node())
        return False

    monkeypatch.setattr(window, "ask_review_file", lambda: path)
    monkeypatch.setattr(window, "confirm_review", look)
    assert not window.review_dialog()
    body = [p for _place, p in window.report.paragraphs_with_place()]
    assert selected == [body[4]]  # the paragraph typed over (figure_and_sentence's fifth)


def test_the_list_stands_beside_the_page_and_its_button_takes_the_changes_in(window, tmp_path, monkeypatch):
    path, fields = sent_back_a_figure_and_a_sentence(window, tmp_path)
    monkeypatch.setattr(window, "ask_review_file", lambda: path)
    assert window.review_dialog()  # the real confirm_review: a side tab, no modal dialog
    panel = window._review_panel
    assert window.side_tabs.tabText(window.side_tabs.currentIndex()) == "修改稿" and panel.isVisible()
    panel.table.setCurrentCell(1, 1)  # choosing a change shows its paragraph on the page
    assert window.selected_node() is not None
    panel.accept_button.click()
    assert str(window.report.fields[fields["name"]].value).startswith("9")
    assert window.side_tabs.indexOf(panel) == -1 and window._review_panel is None


def test_each_change_chosen_is_marked_on_the_page_where_it_lands_until_the_list_closes(window, tmp_path, monkeypatch):
    path, fields = sent_back_a_figure_and_a_sentence(window, tmp_path)
    monkeypatch.setattr(window, "ask_review_file", lambda: path)
    window.resize(1500, 900)
    assert window.review_dialog()
    panel, page = window._review_panel, window.page
    rows = {panel.table.item(row, 0).text(): row for row in range(panel.table.rowCount())}

    panel.table.setCurrentCell(rows["数值"], 1)
    [struck] = page.extraSelections()
    note = window._in_place.note
    new_value = str(panel.found.changes[rows["数值"]].new)
    # the figure's own atom is struck, and the new value said under it
    assert struck.cursor.selectedText() == "\ufffc" and struck.format.fontStrikeOut()
    assert note.isVisible() and note.text() == f"改为：{new_value}"
    viewport, line = page.viewport().geometry(), page.cursorRect(struck.cursor)
    assert note.x() > viewport.right() and abs(note.y() - (viewport.top() + line.top())) <= 1  # beside, not over it

    panel.table.setCurrentCell(rows["文字（未开修订）"], 1)
    [struck] = page.extraSelections()
    change = panel.found.changes[rows["文字（未开修订）"]]
    assert "改过的字" in note.text() and struck.cursor.selectedText() in change.old.strip("…")

    panel.table.setCurrentCell(rows["批注"], 1)
    assert page.extraSelections() == [] and note.text() == "批注 李主任：这里再具体些"

    panel.table.setCurrentCell(rows["数值"], 1)
    panel.reject()  # closing the list takes the marks away
    assert page.extraSelections() == [] and not note.isVisible()
