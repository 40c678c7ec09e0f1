"""After each change of structure the page, laid out again only where it differs, is the page a fresh layout of
the report gives: the same blocks, words, formats and numbers — and undoing brings the first page back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from drafter.gui.page.page_view import PageView
from window_helpers import select


def _fresh(window) -> PageView:
    page = PageView()
    page.resize(window.page.size())
    page.show_report(window.outline, window.report.fields, window.style, *window._fixed_lines())
    return page


def _blocks(page) -> list[tuple]:
    rows, block = [], page.document().begin()
    while block.isValid():
        slot = page.slot_at(block)
        fmt, char = block.blockFormat(), block.charFormat()
        rows.append((block.text(), page.block_source(block), page.painter_texts(block), int(fmt.alignment()),
                     round(fmt.textIndent(), 2), char.font().family(), char.font().bold(), char.font().pointSizeF(),
                     slot.kind, slot.key, block.userState()))
        block = block.next()
    return rows


def _same_as_fresh(window) -> None:
    fresh = _fresh(window)
    try:
        assert _blocks(window.page) == _blocks(fresh)
        for name, slots in fresh.field_slots.items():  # every block showing a field is redrawn when it changes
            assert slots <= window.page.field_slots.get(name, set()), name
    finally:
        fresh.deleteLater()


def _press(window, paragraph, offset: int, key) -> None:
    """A key pressed `offset` characters into a paragraph on the page."""
    select(window, paragraph)
    window.page.show_node(paragraph, offset)
    window.page.setFocus()
    QTest.keyClick(window.page, key)


def _split(window):
    _press(window, window.report.parts[1].paragraphs[0], 6, Qt.Key_Return)


def _join(window):
    _press(window, window.report.parts[0].paragraphs[1], 0, Qt.Key_Backspace)


def _add_part(window):
    select(window, window.report.parts[1])
    window.add_part()


def _remove_part(window):
    select(window, window.report.parts[1])
    window.remove_selected()


def _move_part_down(window):
    select(window, window.report.parts[0])
    window.move_selected(1)


def _add_subsection(window):
    select(window, window.report.parts[2])
    window.add_subsection()


@pytest.mark.parametrize("change", [_split, _join, _add_part, _remove_part, _move_part_down, _add_subsection])
def test_a_change_of_structure_leaves_the_page_a_fresh_layout_would_give(window, change):
    before = _blocks(window.page)
    change(window)
    assert _blocks(window.page) != before  # the change did change the page
    _same_as_fresh(window)
    window.undo_stack.undo()
    _same_as_fresh(window)
    assert [row[:8] for row in _blocks(window.page)] == [row[:8] for row in before]
