"""The exported report laid out by a real renderer: 22 lines a page on a 28.95 pt grid, 28 characters a line."""

from __future__ import annotations

import re

import pytest

from drafter.core import actions
from render.pdf_layout import docx_to_pdf, first_ink_cluster_rows, read_lines

MM = 72 / 25.4
PITCH = 579 / 20  # 28.95 pt
TOP = 37 * MM
BOTTOM = (297 - 35) * MM
LEFT = 28 * MM
RIGHT = (210 - 26) * MM
BODY_SIZE = 16
HEADING = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)")
ONLY_CJK = re.compile(r"^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…·]+$")


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory, annual_template, style, fill):
    workdir = tmp_path_factory.mktemp("layout")
    target = workdir / "report.docx"
    actions.export_project(fill(annual_template), style, target)
    return docx_to_pdf(target, workdir)


@pytest.fixture(scope="module")
def layout(report_pdf):
    lines, pages = read_lines(report_pdf)
    body = [line for line in lines if line.y_min < BOTTOM and line.height < BODY_SIZE * 1.6]
    return lines, body, pages


def test_report_is_three_to_five_pages(layout):
    _, _, pages = layout
    assert 3 <= pages <= 5


def test_every_body_line_sits_on_one_grid(layout):
    _, body, _ = layout
    offsets = [(line.y_min - TOP) % PITCH for line in body]
    assert max(offsets) - min(offsets) < 1.0, f"line offsets from the grid vary: {min(offsets):.2f}..{max(offsets):.2f}"


def test_lines_stay_inside_the_text_block(layout):
    lines, body, _ = layout
    assert all(line.y_min >= TOP - 1 and line.y_max <= BOTTOM + 1 for line in body)
    assert all(line.x_min >= LEFT - 1 and line.x_max <= RIGHT + BODY_SIZE + 1 for line in body)


def test_full_pages_hold_22_lines(layout):
    lines, body, pages = layout
    for page in range(1, pages):
        slots = [int((line.y_min - TOP + 2) // PITCH) for line in body if line.page == page]
        last = max(slots)
        assert last <= 21, f"page {page} has a line in slot {last + 1} (past 22)"
        if last == 21:
            continue
        next_first = min((line for line in lines if line.page == page + 1), key=lambda line: line.y_min)
        # A page one line short is allowed only where a heading was kept with its paragraph.
        assert last == 20 and HEADING.match(next_first.text), f"page {page} holds only {last + 1} lines"


def test_full_lines_hold_28_characters(layout):
    _, body, _ = layout
    checked = 0
    for line, following in zip(body, body[1:] + [None]):
        if line.x_max < RIGHT - BODY_SIZE / 2 or not ONLY_CJK.match(line.text):
            continue  # the last line of a paragraph, or one with half-width digits
        if following is not None and following.text[:1].isascii():
            continue  # a figure like 96.5% cannot be split, so the line before it is stretched short
        indented = line.x_min > LEFT + BODY_SIZE
        expected = 26 if indented else 28
        assert expected - 1 <= len(line.text) <= expected + 1, f"{len(line.text)} characters: {line.text}"
        checked += 1
    assert checked >= 20, f"only {checked} full lines could be checked"


def test_page_numbers_alternate_sides_below_the_text_block(layout):
    lines, _, pages = layout
    footers = sorted((line for line in lines if line.y_min > BOTTOM), key=lambda line: line.page)
    assert [line.page for line in footers] == list(range(1, pages + 1))
    for line in footers:
        assert line.text.replace(" ", "") == f"—{line.page}—"
        assert 0 < line.y_min - BOTTOM <= 9 * MM  # how far exactly: measured on the ink, below
        if line.page % 2:
            assert RIGHT - line.x_max == pytest.approx(14, abs=3)  # one character from the right edge
        else:
            assert line.x_min - LEFT == pytest.approx(14, abs=3)


def test_the_page_number_dash_sits_7_mm_below_the_text_block(report_pdf):
    """GB/T 9704 7.5: 一字线上距版心下边缘 7 mm, measured on the ink of the first dash."""
    top, _bottom = first_ink_cluster_rows(report_pdf, 1, BOTTOM)
    assert (top - BOTTOM) / MM == pytest.approx(7, abs=0.4)


def test_date_starts_two_characters_right_of_the_signature(layout):
    lines, body, _ = layout
    signature, date = [line for line in body if line.page == max(l.page for l in body)][-2:]
    assert date.text.endswith("日") and not signature.text.endswith("日")
    assert date.x_min - signature.x_min == pytest.approx(2 * 15.75, abs=2)  # two condensed 16 pt characters
    assert RIGHT - signature.x_max == pytest.approx(2 * 16, abs=3)  # the signature 2 characters from the right
