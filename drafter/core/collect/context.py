"""The sentence each field is used in, as the department will read it beside the figure it is asked for."""

from __future__ import annotations

import re

from drafter.core.rendering.render import Rendered
from drafter.core.report.model import Field

SENTENCE_END = re.compile(r"(?<=[。！？；])")
BLANK = "＿＿"  # the figure asked for, followed by its unit
OTHER_MISSING = "××"  # another figure not filled yet: a 【待填：…】 mark here would read as a second question
LONGEST = 120  # characters of context; a sentence longer than this is cut around the figure


def context_sentences(rendered: Rendered, fields: dict[str, Field]) -> dict[str, str]:
    """Field name → the first sentence using it: the field itself as ＿＿次, other figures as printed."""
    found: dict[str, str] = {}
    for block in rendered.blocks:
        runs = block.lead + block.runs
        for index, run in enumerate(runs):
            if run.field in fields and run.field not in found:
                found[run.field] = _sentence(runs, index, _blank(fields[run.field]))
    return found


def _blank(field: Field) -> str:
    if field.type == "percent":
        return BLANK + "%"
    return ("约" if field.qualifier == "约" else "") + BLANK + (field.qualifier if field.qualifier != "约" else "") + field.unit


def _text(runs) -> str:
    return "".join(OTHER_MISSING if run.kind == "missing" else run.text for run in runs if run.kind != "note")


def _sentence(runs, index: int, blank: str) -> str:
    before, after = _text(runs[:index]), _text(runs[index + 1:])
    start = SENTENCE_END.split(before)[-1]
    end = SENTENCE_END.split(after)[0]
    half = LONGEST // 2
    if len(start) > half:
        start = "…" + start[-half:]
    if len(end) > half:
        end = end[:half] + "…"
    return start + blank + end
