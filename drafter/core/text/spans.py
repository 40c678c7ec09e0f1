"""The stretches of text a rewrite must leave alone: quotations and document titles, and template code."""

from __future__ import annotations

import re
from typing import Callable, Iterator

# Names keep their figures and years: “七个一”, “2020年目标”, 《2021—2025年规划》.
QUOTED = r"《[^》]*》|“[^”]*”"
TEMPLATE_CODE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
NAMES_AND_CODE = re.compile(f"{QUOTED}|{TEMPLATE_CODE.pattern}")


def free_spans(text: str, protected: re.Pattern = NAMES_AND_CODE) -> Iterator[tuple[int, int]]:
    """(start, end) of every stretch outside the protected ones."""
    position = 0
    for match in protected.finditer(text):
        if match.start() > position:
            yield position, match.start()
        position = match.end()
    if position < len(text):
        yield position, len(text)


def map_outside(text: str, change: Callable[[str], str], protected: re.Pattern = NAMES_AND_CODE) -> str:
    """Text with change() applied to each free stretch; protected stretches stay as they are."""
    pieces, position = [], 0
    for start, end in free_spans(text, protected):
        pieces += [text[position:start], change(text[start:end])]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def escape_template_syntax(text: str) -> str:
    """Braces in last year's text are text, never template code: {{ becomes {{ '{' }}{{ '{' }}."""
    return re.sub(r"[{}]", lambda match: "{{ '" + match.group() + "' }}", text)


def without(text: str, protected: re.Pattern = NAMES_AND_CODE) -> str:
    """Only the free stretches, for checks that must not look inside names or template code."""
    return protected.sub("", text)
