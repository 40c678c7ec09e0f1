"""Text pasted into the page: its figures made fields as the import makes them, but as this year's values."""

from __future__ import annotations

import re

from drafter.core.lastyear.finder import FieldMaker
from drafter.core.report.model import Field
from drafter.core.text.figures import new_field_name
from drafter.core.text.lexicon import Lexicon


def fields_in_pasted(lines: list[str], existing: dict[str, Field], lexicon: Lexicon) -> tuple[list[str], list[Field]]:
    """Pasted lines with their figures made fields, as import makes them (the same finder and labeller), but
    as this year's values; names and labels do not clash with the report's. Returns (lines, new fields)."""
    maker = FieldMaker(lexicon)
    converted = [maker.replace_figures(line) for line in lines]
    taken_names, taken_labels = set(existing), {field.label for field in existing.values()}
    renamed: dict[str, str] = {}
    for field in maker.fields:
        renamed[field.name] = field.name = new_field_name(taken_names)
        taken_names.add(field.name)
        label, number = field.label, 2
        while field.label in taken_labels:
            field.label, number = f"{label}（{number}）", number + 1
        taken_labels.add(field.label)
        field.value, field.previous = field.previous, None  # what is pasted is this year's text
    reference = re.compile(r"\{\{ (figure_\d+|name_\d+) \}\}")
    converted = [reference.sub(lambda m: "{{ " + renamed.get(m.group(1), m.group(1)) + " }}", line)
                 for line in converted]
    return converted, maker.fields
