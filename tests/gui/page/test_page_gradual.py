"""A long report opened: its first pages are on the page at once, the rest follows between events, and nothing the
writer does in the meantime is lost, misplaced or shown half."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from drafter.core.report.document import DraftDocument
from drafter.gui.page.page_layout import FIRST_BLOCKS
from test_page import _page_matches_report


@pytest.fixture
def long_window(window):
    """The built-in report with its parts repeated until it is many times what the first step lays out, opened in
    the test itself (pytest-qt lets events run between a fixture and its test)."""
    return lambda: _open_long(window)


def _open_long(window):
    report = copy.deepcopy(window.report)
    parts = report.parts
    while sum(1 + len(part.paragraphs) for part in report.parts) < FIRST_BLOCKS * 4:
        report.parts = report.parts + [copy.deepcopy(part) for part in parts]
    window.replace_document(DraftDocument(report))
    return window


def _reading_order(window) -> list:
    """Every paragraph and heading of the report, in the order the page shows them."""
    def section(part):
        yield part
        yield from part.paragraphs
        for child in part.children:
            yield from section(child)

    nodes = list(window.report.opening)
    for part in window.report.parts:
        nodes += list(section(part))
    return nodes + list(window.report.closing)


def _finished(window) -> bool:
    return window.page._steps is None


def test_a_long_report_shows_its_first_pages_at_once_and_the_rest_between_events(long_window, qtbot):
    long_window = long_window()
    page = long_window.page
    assert len(page.slots) == FIRST_BLOCKS
    qtbot.waitUntil(lambda: _finished(long_window))
    shown = [slot.node for slot in page.slots if slot.node is not None]
    assert shown == _reading_order(long_window)
    assert page.document().blockCount() == len(page.slots)
    _page_matches_report(long_window)


def test_typing_while_the_rest_is_laid_out_edits_the_paragraph_typed_in(long_window, qtbot):
    long_window = long_window()
    page = long_window.page
    paragraph = long_window.report.parts[0].paragraphs[0]
    block = page.blocks[page.slots.index(next(s for s in page.slots if s.node is paragraph))]
    cursor = page.textCursor()
    cursor.setPosition(block.position() + block.length() - 1)
    page.setTextCursor(cursor)
    page.setFocus()
    before = paragraph.body
    QTest.keyClicks(page, "ab")
    assert not _finished(long_window)  # typed characters did not wait for the rest of the page
    qtbot.waitUntil(lambda: _finished(long_window))
    assert paragraph.body == before + "ab"
    assert page.textCursor().block() == block
    _page_matches_report(long_window)


def test_the_cursor_at_the_end_of_what_is_laid_out_stays_there_when_more_comes(long_window):
    long_window = long_window()
    page = long_window.page
    last = page.blocks[-1]
    cursor = page.textCursor()
    cursor.setPosition(last.position() + last.length() - 1)
    page.setTextCursor(cursor)
    place = page.textCursor().position()
    page._more_blocks()
    assert len(page.slots) > FIRST_BLOCKS
    assert page.textCursor().position() == place


def test_going_to_a_paragraph_not_yet_laid_out_lays_out_the_rest_and_goes_there(long_window):
    long_window = long_window()
    last = long_window.report.parts[-1].paragraphs[-1]
    long_window.select_node(last)
    page = long_window.page
    assert _finished(long_window)
    assert page.current_slot().node is last


def test_enter_while_the_rest_is_laid_out_splits_with_the_whole_page_there(long_window, qtbot):
    long_window = long_window()
    page = long_window.page
    paragraph = long_window.report.parts[0].paragraphs[0]
    count = len(long_window.report.parts[0].paragraphs)
    index = next(i for i, s in enumerate(page.slots) if s.node is paragraph)
    cursor = page.textCursor()
    cursor.setPosition(page.blocks[index].position() + 3)
    page.setTextCursor(cursor)
    page.setFocus()
    QTest.keyClick(page, Qt.Key_Return)
    assert len(long_window.report.parts[0].paragraphs) == count + 1
    qtbot.waitUntil(lambda: _finished(long_window))
    assert [slot.node for slot in page.slots if slot.node is not None] == _reading_order(long_window)
    _page_matches_report(long_window)


def test_ctrl_end_goes_to_the_end_of_the_whole_report(long_window):
    long_window = long_window()
    page = long_window.page
    page.setFocus()
    QTest.keyClick(page, Qt.Key_End, Qt.ControlModifier)
    assert _finished(long_window)
    assert page.textCursor().position() == page.document().characterCount() - 1
    assert page.textCursor().atEnd() and page.textCursor().block() == page.document().lastBlock()


def test_moving_about_in_what_is_laid_out_does_not_wait_for_the_rest(long_window):
    long_window = long_window()
    page = long_window.page
    page.setFocus()
    for key in (Qt.Key_Down, Qt.Key_Right, Qt.Key_PageDown, Qt.Key_End, Qt.Key_Home):
        QTest.keyClick(page, key)
    assert not _finished(long_window)
