"""Lines beside an unfilled field's 【待填：…】 keep their natural spacing: the mark shows as much of its name as fits."""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF

from drafter.gui.page.page_atoms import SLACK
from window_helpers import select

LONG_LABEL = "二〇二五年度开展主题教育专题学习研讨次数"
FIELD = "{{ center_group_sessions }}"


def _laid_out(window, paragraph, body: str):
    window.push_text_edit(paragraph, "body", body)
    page = window.page
    select(window, paragraph)
    block = page.textCursor().block()
    page.document().documentLayout().blockBoundingRect(block)  # laid out now, as it is painted
    return block


def _gaps(block) -> list[float]:
    """Per line of the block but its last: the room justification spreads over it, in characters."""
    em = QFontMetricsF(block.charFormat().font()).horizontalAdvance("中")
    layout = block.layout()
    lines = [layout.lineAt(index) for index in range(layout.lineCount())]
    return [(line.width() - line.naturalTextWidth()) / em for line in lines[:-1]]


def test_a_long_unfilled_mark_leaves_no_line_stretched_wherever_it_falls(window):
    paragraph = window.report.parts[0].paragraphs[0]
    window.report.fields["center_group_sessions"].label = LONG_LABEL
    widest = max(max(_gaps(_laid_out(window, paragraph, "学" * before + FIELD + "习" * 40)), default=0)
                 for before in range(60))
    # at worst the line had no room even for 【待填】 and the slack: the mark starts the next line
    assert widest <= len("【待填】") + SLACK


def test_the_mark_shows_the_start_of_its_name_where_only_that_fits_and_the_whole_name_on_a_line_of_its_own(window):
    paragraph = window.report.parts[0].paragraphs[0]
    window.report.fields["center_group_sessions"].label = LONG_LABEL
    shown = {text for before in range(30) for text in window.page.painter_texts(
        _laid_out(window, paragraph, "学" * before + FIELD)) if "待填" in text}
    whole, cut = f"【待填：{LONG_LABEL}】", shown - {f"【待填：{LONG_LABEL}】", "【待填】"}
    assert whole in shown and cut
    assert all(text.endswith("…】") and LONG_LABEL.startswith(text[4:-2]) for text in cut)

