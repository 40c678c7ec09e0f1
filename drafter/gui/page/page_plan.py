"""What the page should hold, block by block, planned from the outline: each block's slot (what it shows) and the
key that tells which blocks a change of structure leaves as they are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from drafter.core.report.model import Section
from drafter.core.report.outline import Outline
from drafter.gui.page.printed_lines import FixedLine, TailLines


@dataclass
class Slot:
    """What one block of the page is: a paragraph or heading to edit, or a line shown as it prints."""

    kind: str  # paragraph, heading or fixed
    node: object = None
    container: object = None  # a paragraph's section or group
    key: tuple = ()  # what the block is, to tell which blocks a change of structure leaves as they are


class Planned(NamedTuple):
    """A block the page should hold: its key (what it is, to compare with the slots' keys) and how to put it in."""

    key: tuple
    kind: str  # fixed (node: title or signature style, detail: its text), paragraph (detail: container), heading
    node: object
    detail: object  # see kind; a heading's level


def plan_blocks(outline: Outline, title: FixedLine, tail: TailLines):
    """What each block of the page should be, in reading order."""
    yield Planned(("fixed", "title", title), "fixed", "title", title)
    yield from _paragraph_plan(outline.opening)
    for section in outline.report.parts:
        yield from _section_plan(outline, section, 1)
    yield from _paragraph_plan(outline.closing)
    for kind, line in tail:
        yield Planned(("fixed", kind, line), "fixed", kind, line)


def _paragraph_plan(container):
    for paragraph in container.paragraphs:
        yield Planned(("paragraph", id(paragraph), bool(paragraph.rows)), "paragraph", paragraph, container)


def _section_plan(outline: Outline, section: Section, level: int):
    yield Planned(("heading", id(section), level, outline.number(section)), "heading", section, level)
    yield from _paragraph_plan(section)
    for child in section.children:
        yield from _section_plan(outline, child, level + 1)
