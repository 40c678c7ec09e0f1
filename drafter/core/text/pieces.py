"""A paragraph's source as the page shows it: plain text, and atoms the cursor steps over as one character —
a field, other template code, a footnote mark. Joining the pieces gives the source back exactly."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.core.report.model import NOTE_MARK

TEXT, FIELD, CODE, NOTE = "text", "field", "code", "note"
_ATOMS = re.compile(r"\{\{\s*([A-Za-z_]\w*)\s*\}\}|\{\{.*?\}\}|\{%.*?%\}|" + NOTE_MARK)


@dataclass(frozen=True)
class Piece:
    """kind TEXT holds its text; FIELD its field name in `name` and its source in `text`; CODE and NOTE their
    source in `text`."""

    kind: str
    text: str
    name: str = ""


def split_pieces(source: str, field_names) -> list[Piece]:
    """The source cut into text and atoms; {{ name }} of a known field is a FIELD, other template code CODE."""
    pieces, position = [], 0
    for match in _ATOMS.finditer(source):
        if match.start() > position:
            pieces.append(Piece(TEXT, source[position:match.start()]))
        atom = match.group(0)
        if atom == NOTE_MARK:
            pieces.append(Piece(NOTE, atom))
        elif match.group(1) and match.group(1) in field_names:
            pieces.append(Piece(FIELD, atom, match.group(1)))
        else:
            pieces.append(Piece(CODE, atom))
        position = match.end()
    if position < len(source):
        pieces.append(Piece(TEXT, source[position:]))
    return pieces


def field_source(name: str) -> str:
    return "{{ " + name + " }}"


def join_pieces(pieces: list[Piece]) -> str:
    return "".join(piece.text for piece in pieces)
