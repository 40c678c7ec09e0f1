"""One printed block changed by a reviewer: which of its stretches (a heading's number, the lead, the body, each
field's printed value) every change falls in, so a figure changed inside its value becomes the field's new value
and a change in the prose a change of the paragraph's own text, its fields kept as fields."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from drafter.core.rendering.render import Block

FIELD_KINDS = ("field", "missing")


@dataclass
class Segment:
    part: str  # number, lead, body (a run-in block's lead is its section's heading)
    text: str
    field: str = ""  # the field it prints, for a field's or a missing value's stretch


@dataclass
class BlockEdit:
    """What a change from a block's printed text to new text means for it."""

    parts: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # part → (literal text | field name)
    values: dict[str, str] = field(default_factory=dict)  # field → its new printed value ("" when deleted whole)
    text_changed: set[str] = field(default_factory=set)  # parts whose own text changed
    problem: str = ""  # why it cannot be applied, if it cannot


def segments(block: Block) -> list[Segment]:
    """The block's printed text in stretches, in order; a footnote's mark prints nothing in the text."""
    found = [Segment("number", block.number)] if block.number else []
    lead = block.lead[:-1] if block.kind == "run_in" else block.lead  # the 。 the heading is run in with
    found += _stretches("lead", lead)
    if block.kind == "run_in":
        found.append(Segment("lead", "。", "。"))  # kept, never a field
    return found + _stretches("body", block.runs)


def _stretches(part: str, runs) -> list[Segment]:
    return [Segment(part, run.text, run.field if run.kind in FIELD_KINDS else "")
            for run in runs if run.kind != "note" and run.text]


def edit_block(block: Block, new_text: str) -> BlockEdit:
    """The block's printed text made `new_text`, stretch by stretch."""
    pieces = segments(block)
    owner = [index for index, piece in enumerate(pieces) for _ in piece.text]
    old_text = "".join(piece.text for piece in pieces)
    gathered = [""] * len(pieces)
    touched: set[int] = set()
    matcher = difflib.SequenceMatcher(None, old_text, new_text, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for position in range(i1, i2):
                gathered[owner[position]] += old_text[position]
            continue
        touched.update(owner[i1:i2])
        if j2 > j1:
            target = _target(pieces, owner, i1, i2)
            gathered[target] += new_text[j1:j2]
            touched.add(target)
    return _edit(pieces, gathered, touched)


def _target(pieces: list[Segment], owner: list[int], start: int, end: int) -> int:
    """Where inserted text goes: inside one field's value, that field; else the prose it stands in or beside."""
    inside = owner[start:end] or ([owner[start]] if 0 < start < len(owner) and owner[start - 1] == owner[start]
                                  else [])
    if inside and len(set(inside)) == 1 and pieces[inside[0]].field:
        return inside[0]
    candidates = inside + ([owner[start - 1]] if start > 0 else []) + ([owner[start]] if start < len(owner) else [])
    prose = [index for index in candidates if not pieces[index].field and pieces[index].part != "number"]
    if prose:
        return prose[0]
    return candidates[0] if candidates else 0


def _edit(pieces: list[Segment], gathered: list[str], touched: set[int]) -> BlockEdit:
    edit = BlockEdit()
    for index, piece in enumerate(pieces):
        new = gathered[index]
        if piece.part == "number":
            if new != piece.text:
                edit.problem = "编号由程序生成，请在提纲中移动或增删标题"
            continue
        if piece.field == "。":
            if new != "。":
                edit.problem = "小标题后的句号是标题与正文的分界，改动请在程序中进行"
            continue
        parts = edit.parts.setdefault(piece.part, [])
        if piece.field and new == piece.text:
            parts.append(("field", piece.field))
        elif piece.field:
            edit.values[piece.field] = new
            parts.append(("field", piece.field) if new else ("text", ""))
            if not new:
                edit.text_changed.add(piece.part)
        else:
            parts.append(("text", new))
            if index in touched and new != piece.text:
                edit.text_changed.add(piece.part)
    return edit
