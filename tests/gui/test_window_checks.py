"""The window's 检查 tab, chart, side-by-side view, fonts and report information."""

from __future__ import annotations

from decimal import Decimal

import docx
from PySide6.QtCore import Qt

from window_helpers import form_input, select


def test_checks_panel_lists_jumps_and_fixes_with_undo(window, qtbot):
    paragraph = window.report.parts[0].paragraphs[1]
    window.push_text_edit(paragraph, "body", "全年学习,效果明显。")
    window.refresh_checks()
    items = [window.checks.list.item(row) for row in range(window.checks.list.count())]
    findings = [item.data(Qt.UserRole) for item in items]
    assert findings[0].severity == "error"
    punctuation = next(i for i, f in enumerate(findings) if f.kind == "half_width_punctuation")
    window.checks.list.setCurrentRow(punctuation)
    assert window.checks.fix_button.isEnabled()
    window.checks.jump_requested.emit(findings[punctuation])
    assert window.selected_node() is paragraph
    window.checks.fix_button.click()
    assert paragraph.body == "全年学习，效果明显。"
    window.undo_stack.undo()
    assert paragraph.body == "全年学习,效果明显。"


def test_a_finding_selects_the_words_it_is_about_on_the_page(window):
    paragraph = window.report.parts[0].paragraphs[1]
    window.push_text_edit(paragraph, "body", "全年开展学习{{ " + next(iter(window.report.fields)) + " }}次，效果明显。。"
                          "2025年以来持续推进。")
    window.refresh_checks()
    findings = [window.checks.list.item(row).data(Qt.UserRole) for row in range(window.checks.list.count())]
    for kind, words in (("doubled_punctuation", "。。"), ("stale_year", "2025")):
        finding = next(f for f in findings if f.kind == kind and f.node_id == paragraph.id)
        window.checks.jump_requested.emit(finding)
        assert window.selected_node() is paragraph
        assert window.page.textCursor().selectedText() == words  # past the field's atom, in the right place
    window.page.select_words(paragraph, "学习")
    cursor = window.page.textCursor()
    assert not window.page.select_words(paragraph, "不在文中的话") and window.page.textCursor() == cursor


def test_unfilled_finding_jumps_to_the_form_row(window, qtbot):
    window.refresh_checks()
    window.side_tabs.setCurrentWidget(window.checks)  # where the user is when double-clicking a finding
    finding = window.checks.list.item(0).data(Qt.UserRole)
    window.checks.jump_requested.emit(finding)
    assert window.side_tabs.currentWidget() is window.form
    qtbot.waitUntil(lambda: window.form.rows[finding.node_id].input.hasFocus(), timeout=1000)


def test_chart_and_side_by_side_for_an_imported_report(window, monkeypatch):
    from conftest_paths import SAMPLE

    monkeypatch.setattr(window, "ask_import_paths", lambda: [str(SAMPLE)])
    monkeypatch.setattr(window, "show_import_summary", lambda lines: None)
    window.import_dialog()
    field = window.report.fields["figure_01"]
    field.previous = Decimal(10)
    box = form_input(window, "figure_01")
    box.setText("12")
    box.textEdited.emit("12")
    assert [(row.label, row.percent, row.text) for row in window.chart.rows] == [(field.label, 20.0, "+20%")]
    paragraph = window.report.parts[0].paragraphs[0]
    select(window, paragraph)
    assert "尚未改写" in window.compare.caption.text()
    window.push_text_edit(paragraph, "body", paragraph.body.replace("首要政治任务", "头等大事"))
    window.show_node(paragraph)
    assert "头等大事" in window.compare.new.toHtml() and "#bbf7d0" in window.compare.new.toHtml()


def test_chosen_fonts_are_remembered_and_used_for_export(window, make, tmp_path, monkeypatch):
    window.set_font_substitutions({"仿宋_GB2312": "仿宋"})
    assert window.style.styles["body"].font == "仿宋"
    again = make()
    assert again.style.styles["body"].font == "仿宋" and again.style.styles["heading1"].font == "黑体"
    target = tmp_path / "fonts.docx"
    monkeypatch.setattr(again, "ask_export_anyway", lambda missing, open_errors=(): True)
    monkeypatch.setattr(again, "ask_export_path", lambda default: str(target))
    again.export_dialog()
    from docx.oxml.ns import qn

    body = docx.Document(target).styles["公文正文"].element
    assert body.find(f"{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:eastAsia")) == "仿宋"


def test_missing_fonts_are_listed_as_info_in_the_checks(window):
    window.refresh_checks()
    findings = [window.checks.list.item(row).data(Qt.UserRole) for row in range(window.checks.list.count())]
    assert any(f.kind == "missing_font" and f.severity == "info" for f in findings)


def test_report_information_is_edited_in_the_form_and_undone(window, qtbot):
    meta = window.form.meta
    meta.organisation.setText("示例市统计局")
    meta.organisation.textEdited.emit("示例市统计局")
    meta.date.setText("2027年1月8日")
    meta.date.textEdited.emit("2027年1月8日")
    meta.year.setValue(2030)
    assert (window.report.meta.organisation, window.report.meta.date, window.report.meta.year) == (
        "示例市统计局", "2027-01-08", 2030)
    qtbot.waitUntil(lambda: "示例市统计局2030年度工作报告" in window.page.toPlainText(), timeout=3000)
    assert meta.title.text() == "示例市统计局2030年度工作报告"  # as it prints (was 【单位名称】【本年度】年度工作报告)
    meta.title.setText("示例市统计局2030年度工作总结")
    meta.title.textEdited.emit("示例市统计局2030年度工作总结")
    assert window.report.meta.title == "{{ organisation }}{{ year }}年度工作总结"  # still follows the boxes
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert window.report.meta.year != 2030 and meta.year.value() == window.report.meta.year


def test_a_bad_date_is_explained_and_kept(window):
    meta = window.form.meta
    meta.date.setText("明年一月")
    meta.date.textEdited.emit("明年一月")
    assert meta.date_error.isVisible() and "日期" in meta.date_error.text()
    assert meta.date.text() == "明年一月" and window.report.meta.date == ""


def test_unfilled_signature_finding_jumps_to_its_box(window):
    window.refresh_checks()
    findings = [window.checks.list.item(row).data(Qt.UserRole) for row in range(window.checks.list.count())]
    signature = next(f for f in findings if f.node_id == "organisation")
    window.side_tabs.setCurrentWidget(window.checks)
    window.checks.jump_requested.emit(signature)
    assert window.side_tabs.currentWidget() is window.form


def test_f7_shows_the_checks(window, qtbot):
    from PySide6.QtTest import QTest

    window.side_tabs.setCurrentWidget(window.form)
    shown_before = [f.kind for f in window.checks.findings()]
    window.push_text_edit(window.report.parts[0].paragraphs[1], "body", "全年学习,效果明显。")  # just typed
    assert "half_width_punctuation" not in shown_before
    window.activateWindow()
    QTest.keyClick(window, Qt.Key_F7)
    assert window.side_tabs.currentWidget() is window.checks
    assert "half_width_punctuation" in [f.kind for f in window.checks.findings()]  # the report as it is now


def test_percent_fields_show_a_percent_sign(window):
    assert window.form.rows["completion_rate"].unit.text() == "%"
    assert window.form.rows["study_participants"].unit.text() == "余名"


def test_font_notice_follows_the_chosen_fonts_and_stays_dismissed(window, make, monkeypatch):
    from PySide6.QtGui import QFontDatabase

    families = set(QFontDatabase.families())
    assert window.notice.isVisible() and "仿宋_GB2312" in window.notice.label.text()
    installed = sorted(families)[0]
    window.set_font_substitutions({font: installed for font in window.missing_fonts()})
    assert window.notice.isHidden()
    window.set_font_substitutions({})
    assert window.notice.isVisible()
    window.notice.button.click()
    assert window.notice.isHidden() and make().notice.isHidden()
