"""argparse's help laid out by what a terminal shows: a Chinese character takes two columns, not one."""

from __future__ import annotations

import argparse
import re

from drafter.core.text.numbers import display_width

# A Latin word (with what hangs on it: an option's =VALUE, a path) stays whole; anything else breaks anywhere.
_PIECES = re.compile(r"[\x21-\x7e]+ *| +|.")
# Marks that never start a line in Chinese typesetting: they stay at the end of the line before, a little over.
_NO_LINE_START = set("、，。；：！？）」』”’》")


def columns(text: str) -> int:
    """How many terminal columns `text` fills: a Chinese character or full-width mark two, the rest one (the body's
    display width, in half characters)."""
    return round(2 * display_width(text))


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` columns (a piece wider than a line gets one of its own)."""
    lines, line = [], ""
    for piece in _PIECES.findall(" ".join(text.split())):
        if line and columns(line + piece.rstrip()) > width and piece not in _NO_LINE_START:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
    return lines + [line.rstrip()] if line.strip() else lines


class HelpFormatter(argparse.HelpFormatter):
    """Names and their help in two columns that line up in Chinese, the help column wide enough for every
    sub-command's name (templates was wrapped onto a line of its own)."""

    def __init__(self, prog: str):
        super().__init__(prog, max_help_position=30)

    def add_argument(self, action: argparse.Action) -> None:
        if action.help is argparse.SUPPRESS:
            return
        widest = columns(self._format_action_invocation(action)) + self._current_indent
        for sub in self._iter_indented_subactions(action):  # each measured at its own indent
            widest = max(widest, columns(self._format_action_invocation(sub)) + self._current_indent)
        self._action_max_length = max(self._action_max_length, widest)
        self._add_item(self._format_action, [action])

    def _format_action(self, action: argparse.Action) -> str:
        help_position = min(self._action_max_length + 2, self._max_help_position)
        name = " " * self._current_indent + self._format_action_invocation(action)
        lines = [name]
        if action.help:
            helps = wrap(self._expand_help(action), max(self._width - help_position, 11))
            if columns(name) + 2 <= help_position:
                lines = [name + " " * (help_position - columns(name)) + helps.pop(0)]
            lines += [" " * help_position + line for line in helps]
        text = "".join(line + "\n" for line in lines)
        return text + "".join(self._format_action(sub) for sub in self._iter_indented_subactions(action))

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))
