"""The importer with the app's own word lists, as the CLI and the window call it."""

from __future__ import annotations

from drafter import paths
from drafter.core import lastyear
from drafter.core.word.export import zip_members

LEXICON = paths.lexicon()


def import_last_year(path, year=None):
    return lastyear.import_last_year(path, year, lexicon=LEXICON)


def build_project(paragraphs, year, name, formatted=False):
    return lastyear.build_project(paragraphs, year, name, LEXICON, formatted=formatted)


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A zip package holding these members, as a .docx is one (the exporter's own packer)."""
    return zip_members(members)
