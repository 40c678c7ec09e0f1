"""The importer with the app's own word lists, as the CLI and the window call it."""

from __future__ import annotations

from drafter import paths
from drafter.core import lastyear

LEXICON = paths.lexicon()


def import_last_year(path, year=None):
    return lastyear.import_last_year(path, year, lexicon=LEXICON)


def build_project(paragraphs, year, name, formatted=False):
    return lastyear.build_project(paragraphs, year, name, LEXICON, formatted=formatted)
