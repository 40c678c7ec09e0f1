"""The importer with the app's own word lists, as the CLI and the window call it."""

from __future__ import annotations

import io
import zipfile

from drafter import paths
from drafter.core import lastyear

LEXICON = paths.lexicon()


def import_last_year(path, year=None):
    return lastyear.import_last_year(path, year, lexicon=LEXICON)


def build_project(paragraphs, year, name, formatted=False):
    return lastyear.build_project(paragraphs, year, name, LEXICON, formatted=formatted)


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A zip package holding these members, as a .docx is one."""
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return stream.getvalue()
