"""A report with many figures: the form builds a part's rows when they come into view (or are asked for), with
the scroll bar the right length from the start and every value shown as it is when its rows appear."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QApplication

from drafter.core.document import DraftDocument
from drafter.core.model import Field, Meta, Paragraph, Report, Section

PARTS, PER_PART = 40, 3


def _many_figures() -> Report:
    fields, parts = {}, []
    for part in range(PARTS):
        names = [f"f{part}_{i}" for i in range(PER_PART)]
        for name in names:
            fields[name] = Field(name, f"第{part}部分指标{name}", "integer", "次", value=Decimal(part))
        body = "，".join(f"开展工作{{{{ {name} }}}}" for name in names) + "。"
        parts.append(Section(f"第{part}项工作", [Paragraph(body)]))
    return Report(meta=Meta(year=2024, organisation="示例局", date="2025-01-08"), fields=fields, parts=parts)


@pytest.fixture
def opened(window):
    """The report opened in the test (pytest-qt lets events run between a fixture and its test)."""
    def open_it():
        window.replace_document(DraftDocument(_many_figures()))
        return window
    return open_it


def test_only_the_parts_near_the_top_have_rows_after_opening(opened):
    form = opened().form
    assert 0 < form.built_groups < PARTS
    QApplication.processEvents()
    assert form.built_groups < PARTS


def test_scrolling_to_the_end_builds_the_last_parts_rows_and_shows_their_values(opened, qtbot):
    window = opened()
    form = window.form
    window.side_tabs.setCurrentWidget(form)
    window.report.fields[f"f{PARTS - 1}_0"].value = Decimal(777)  # changed before its row exists
    bar = form.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: f"f{PARTS - 1}_0" in form._rows)
    assert form._rows[f"f{PARTS - 1}_0"].input.text() == "777"
    assert form.built_groups < PARTS  # the middle was never looked at


def test_scrolling_to_the_middle_shows_the_rows_there_at_once(opened, qtbot):
    window = opened()
    form = window.form
    window.side_tabs.setCurrentWidget(form)
    bar = form.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    qtbot.wait(50)  # a few turns of the event loop, no more
    middle = bar.value() + form.scroll.viewport().height() // 2  # in the form's own coordinates
    shown = min(form._groups.values(), key=lambda group: abs(group.box.geometry().center().y() - middle))
    assert shown.built
    assert all(form._rows[field.name].input.isVisible() for field in shown.fields)


def test_the_scroll_bar_is_the_right_length_before_the_rows_exist(opened, qtbot):
    window = opened()
    form = window.form
    window.side_tabs.setCurrentWidget(form)
    bar = form.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    before = bar.maximum()
    form.rows  # every group built
    qtbot.wait(100)  # their layout settled
    assert abs(bar.maximum() - before) < 0.1 * before


def test_going_to_a_figure_whose_rows_are_not_built_builds_them_and_focuses_its_box(opened, qtbot):
    window = opened()
    name = f"f{PARTS - 2}_1"
    assert name not in window.form._rows
    window.show_field_in_form(name)
    row = window.form._rows[name]
    qtbot.waitUntil(lambda: row.input.hasFocus())
    assert window.side_tabs.currentWidget() is window.form
