"""The 检查, 同比变化 and 对照去年 tabs are made when first chosen or used, showing what they would have shown."""

from __future__ import annotations

from decimal import Decimal

from window_helpers import form_input, select


def _tab_index(window, title):
    return next(i for i in range(window.side_tabs.count()) if window.side_tabs.tabText(i) == title)


def test_the_window_opens_with_only_the_form_made(window):
    assert [window.side_tabs.tabText(i) for i in range(window.side_tabs.count())] == ["统计数据", "检查", "同比变化", "对照去年"]
    assert window._checks_tab.widget is None and window._chart_tab.widget is None and window._compare_tab.widget is None
    assert window.side_tabs.currentWidget() is window.form


def test_choosing_the_comparison_tab_shows_the_paragraph_selected_before_it_existed(window):
    paragraph = window.report.parts[0].paragraphs[1]
    paragraph.origin = paragraph.source  # as if imported from last year's report
    select(window, paragraph)
    window.push_text_edit(paragraph, "body", paragraph.body + "新增一句。")
    window.show_node(paragraph)
    window.side_tabs.setCurrentIndex(_tab_index(window, "对照去年"))
    assert window._compare_tab.widget is not None
    assert window.side_tabs.currentWidget() is window.compare  # the real view took the empty page's place
    assert "新增一句" in window.compare.new.toPlainText()


def test_choosing_the_chart_tab_shows_figures_entered_before_it_existed(window):
    field = next(f for f in window.report.fields.values() if f.type == "integer")
    field.previous = Decimal(10)
    box = form_input(window, field.name)
    box.setText("15")
    box.textEdited.emit("15")
    window.side_tabs.setCurrentIndex(_tab_index(window, "同比变化"))
    assert [(row.label, row.text) for row in window.chart.rows] == [(field.label, "+50%")]
    assert window.side_tabs.currentIndex() == _tab_index(window, "同比变化")


def test_checks_made_by_the_timer_leave_the_user_on_the_form(window):
    window.refresh_checks()  # what the checks timer does after a pause
    assert window._checks_tab.widget is not None and window.checks.list.count() > 0
    assert window.side_tabs.currentWidget() is window.form
    assert window.side_tabs.widget(_tab_index(window, "检查")) is window.checks


def test_after_a_pause_the_checks_run_a_few_texts_a_turn_and_then_list_what_check_report_finds(window, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from drafter.core.years.checks import check_report
    monkeypatch.setattr(window._checking, "slice_s", 0)  # one step a turn, so the turns can be counted
    monkeypatch.setattr("drafter.core.years.checks.TEXTS_PER_STEP", 5)
    window.checks  # the tab has been looked at once
    window.push_text_edit(window.report.parts[0].paragraphs[1], "body", "全年学习,效果明显。")
    window.refresh_preview()  # a pause in typing: the preview timer renders,
    window.check_in_background()  # then the checks timer starts the checks
    QApplication.processEvents()
    assert window._checking.running  # a turn of the event loop went by with the run unfinished: keys get in
    assert "half_width_punctuation" not in [f.kind for f in window.checks.findings()]
    turns = 1
    while window._checking.running:
        QApplication.processEvents()
        turns += 1
    assert turns > 3
    assert window.checks.findings() == check_report(window.report) + window.font_findings()


def test_an_edit_stops_a_run_over_the_old_text(window, monkeypatch):
    from PySide6.QtWidgets import QApplication

    monkeypatch.setattr(window._checking, "slice_s", 0)
    before = window.checks.findings()
    window.check_in_background()
    QApplication.processEvents()
    window.push_text_edit(window.report.parts[0].paragraphs[1], "body", "全年学习,效果明显。")
    assert not window._checking.running
    for _ in range(50):
        QApplication.processEvents()
    assert window.checks.findings() == before  # nothing from the old text; the next pause checks the new one


def test_checks_wait_for_their_tab_to_be_looked_at(window):
    window.check_in_background()
    assert window._checks_tab.widget is None and not window._checking.running


def test_typing_after_the_pauses_render_keeps_the_checks_from_using_that_render(window):
    paragraph = window.report.parts[0].paragraphs[1]
    window.checks
    window.push_text_edit(paragraph, "body", "删去了统计数据的一段。")
    window.refresh_preview()  # the pause's render: the checks timer now waits 0.7 s
    assert window.checks_timer.isActive()
    window.push_text_edit(paragraph, "body", "删去了统计数据的一段,又写了几个字。")  # typing again before it fires
    assert not window.checks_timer.isActive()  # the render after the next pause starts it again


def test_a_template_error_is_what_the_checks_say(window):
    from PySide6.QtWidgets import QApplication

    window.checks
    window.push_text_edit(window.report.parts[0].paragraphs[1], "body", "全年学习{{ 没有这个字段 }}次。")
    window.refresh_preview()  # cannot render: the status bar says so for a while, and the checks follow
    assert window.checks_timer.isActive()
    window.check_in_background()
    while window._checking.running:
        QApplication.processEvents()
    assert window.checks.summary.text().startswith("无法检查：")
    window.checks.summary.setText("")
    window.refresh_checks()  # F7 says it too
    assert window.checks.summary.text().startswith("无法检查：")


def test_the_comparison_follows_the_paragraph_being_edited(window):
    paragraph = window.report.parts[0].paragraphs[1]
    paragraph.origin = paragraph.source
    select(window, paragraph)
    assert "尚未改写" in window.compare.caption.text()
    window.push_text_edit(paragraph, "body", paragraph.body + "新增一句。")
    assert "新增一句" in window.compare.new.toPlainText() and "尚未改写" not in window.compare.caption.text()


def test_typing_starts_on_the_page(window):
    assert window.focusWidget() is window.page


def test_the_checks_tab_shows_at_once_and_fills_in_turns(window):
    from PySide6.QtWidgets import QApplication

    from drafter.core.years.checks import check_report

    window.side_tabs.setCurrentIndex(_tab_index(window, "检查"))
    assert window.side_tabs.currentWidget() is window.checks and window.checks.summary.text() == "正在检查…"
    for _ in range(200):
        QApplication.processEvents()
        if not window._checking.running and window.checks.findings():
            break
    assert window.checks.findings() == check_report(window.report) + window.font_findings()


def test_the_change_chart_shows_a_long_name_whole_when_the_panel_has_room(qtbot):
    from decimal import Decimal

    from PySide6.QtGui import QFontMetrics

    from drafter.core.report.model import Field
    from drafter.gui.side.change_chart import ChangeChart

    chart = ChangeChart()
    qtbot.addWidget(chart)
    chart.resize(460, 200)
    name = "开展“第一议题”专题学习次数"
    chart.show_fields({"a": Field("a", name, unit="次", value=Decimal(12), previous=Decimal(10))}, 2024)
    metrics = QFontMetrics(chart.font())
    assert chart.label_text(chart.rows[0], metrics) == name  # was 开展第…题学习次数 beside half an empty chart
    assert chart.label_width(metrics) <= 460 * 0.45


def test_the_change_chart_s_bars_are_scaled_to_the_largest_change(qtbot):
    from decimal import Decimal

    from drafter.core.report.model import Field
    from drafter.gui.side.change_chart import ChangeChart

    chart = ChangeChart()
    qtbot.addWidget(chart)
    fields = {name: Field(name, name, unit="次", value=Decimal(value), previous=Decimal(100))
              for name, value in (("a", 112), ("b", 130), ("c", 96))}
    chart.show_fields(fields, 2024)
    assert chart.scale() == 30  # +30% fills the bar; ±100% drew slivers
    chart.show_fields({"a": fields["a"]}, 2024)
    assert chart.scale() == 20  # but a full bar never stands for less than ±20%


def test_a_rate_s_change_is_charted_in_points_with_the_form_s_signs(qtbot):
    from decimal import Decimal

    from drafter.core.report.model import Field
    from drafter.gui.side.change_chart import ChangeChart

    chart = ChangeChart()
    qtbot.addWidget(chart)
    chart.show_fields({"rate": Field("rate", "办结率", type="percent", value=Decimal(21), previous=Decimal("17.5")),
                       "fall": Field("fall", "次数", unit="次", value=Decimal(9), previous=Decimal(10))}, 2024)
    assert [(row.text, row.percent) for row in chart.rows] == [("+3.5个百分点", 3.5), ("−10%", -10.0)]
