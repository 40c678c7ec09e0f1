"""One change of a reviewed file as the page shows it where it lands: the block it is at, the stretches of that
block's printed text it strikes out with what it puts in their place, and a line said under the block."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from drafter.core.rendering.render import Rendered
from drafter.core.review.changes import Change, Review
from drafter.core.review.exported import printed_text
from drafter.core.review.segments import segments

GAP = 2  # characters: two stretches this close are one change to read, not two


@dataclass
class InPlace:
    block: int  # the printed block it is at (for a paragraph added, the one it follows); -1 where there is none
    struck: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end) in the block's text → new text
    whole: bool = False  # the whole block struck out (deleted, or moved away)
    said: str = ""  # what a reader is told under the block


def in_place(found: Review, rendered: Rendered, change: Change) -> InPlace:
    """What the page shows for this change, from the review that found it and the render it was found against."""
    kind, key = change.kind, change.key
    if key and key[0] == "cell":
        row, column = key[2], key[3]
        return InPlace(key[1], said=f"表格第{row + 1}行第{column + 1}列：{change.old} → {change.new}")
    if kind == "field":
        return _field(found, rendered, key[1], key[2])
    if kind == "text":
        old, (new, _edit) = printed_text(rendered.blocks[key[1]]), found.edits[key[1]]
        return InPlace(key[1], stretches(old, new), said=_said(old, stretches(old, new)))
    if kind == "inserted":
        return InPlace(key[1], said=f"在此段之后新增：{change.new}")
    if kind == "deleted":
        return InPlace(key[1], whole=True, said="删去这一段")
    if kind == "moved":
        return InPlace(key[1], whole=True, said=f"这一段移到“{_short(printed_text(rendered.blocks[key[2]]))}”之后"
                       if key[2] >= 0 else "这一段移到开头")
    if kind == "comment":
        block, comment = found.comments[key[1]]
        return InPlace(block, said=f"批注 {comment.author}：{comment.text}" if comment.author else f"批注：{comment.text}")
    return InPlace(-1)


def stretches(old: str, new: str) -> list[tuple[int, int, str]]:
    """Where `new` differs from `old`: (start, end) in old and the text standing there in new; stretches closer
    than GAP are joined, so 3次→5次 reads as one change rather than a digit."""
    found: list[tuple[int, int, int, int]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if found and i1 - found[-1][1] <= GAP:
            start, _end, new_start, _new_end = found.pop()
            found.append((start, i2, new_start, j2))
        else:
            found.append((i1, i2, j1, j2))
    return [(i1, i2, new[j1:j2]) for i1, i2, j1, j2 in found]


def _field(found: Review, rendered: Rendered, block: int, name: str) -> InPlace:
    """A figure changed: its printed value struck out, the new one said."""
    value = found.edits[block][1].values.get(name, "")
    start = 0
    for piece in segments(rendered.blocks[block]):
        if piece.field == name:
            return InPlace(block, [(start, start + len(piece.text), value)],
                           said=f"改为：{value}" if value else "删去这个数")
        start += len(piece.text)
    return InPlace(block, said=f"改为：{value}")


def _said(old: str, changed: list[tuple[int, int, str]]) -> str:
    parts = [f"“{old[start:end]}”改为“{text}”" if end > start and text else
             f"删去“{old[start:end]}”" if end > start else f"插入“{text}”"
             for start, end, text in changed]
    return "；".join(parts)


def _short(text: str, limit: int = 12) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
