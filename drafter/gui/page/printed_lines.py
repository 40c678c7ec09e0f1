"""The lines the page draws as they print and does not let one type on — the title, and after the body the 附件说明,
the signature and the date with the blank lines before them — each in pieces that tell 【待填】 marks apart."""

from __future__ import annotations

from drafter.core.rendering.render import Block, Rendered

# A line in pieces: (text, whether it is an unfilled mark such as 【待填：落款单位】)
FixedLine = tuple[tuple[str, bool], ...]
# The lines after the body, each with its kind: blank, attachment_note, signature or date
TailLines = list[tuple[str, FixedLine]]
TAIL_KINDS = ("attachment_note", "signature", "date")


def printed_lines(rendered: Rendered | None) -> tuple[FixedLine, TailLines]:
    """The title (a title printed in two lines is one line here) and the lines after the body."""
    if rendered is None:
        return (), []
    title: list[tuple[str, bool]] = []
    for block in rendered.blocks:
        if block.kind == "title":
            title += [(" ", False)] if title else []
            title += printed(block)
    return tuple(title), _tail(rendered.blocks)


def _tail(blocks: list[Block]) -> TailLines:
    return [(block.kind, printed(block)) for index, block in enumerate(blocks)
            if block.kind in TAIL_KINDS
            or (block.kind == "blank" and index + 1 < len(blocks) and blocks[index + 1].kind in TAIL_KINDS)]


def printed(block: Block) -> FixedLine:
    pieces = [(block.number, False)] if block.number else []
    pieces += [(run.text, run.kind == "missing") for run in block.lead + block.runs if run.kind != "note"]
    return tuple(pieces)
