"""Several years' reports at once: the newest gives the text, the older ones their figures, lined up by sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field as dc_field
from pathlib import Path

from drafter.core.lastyear.builder import ImportFailed, ImportResult, import_last_year
from drafter.core.rendering.render import render
from drafter.core.report.model import Field, Past, Report
from drafter.core.text.fieldtext import quoted
from drafter.core.text.lexicon import Lexicon
from drafter.core.text.numbers import format_number

NUMBERED_LABEL = re.compile(r"（\d+）$")  # the importer tells apart two figures with one label as 名称（2）


@dataclass
class YearsResult:
    """The project from the newest report, and per older file how many figures lined up and which did not."""

    newest: ImportResult
    newest_path: Path
    matched: dict[str, int] = dc_field(default_factory=dict)  # file name → figures lined up
    unmatched: list[str] = dc_field(default_factory=list)  # one line per figure that found no place


def import_years(paths: list[Path], year: int | None = None, *, lexicon: Lexicon) -> YearsResult:
    """Import each file; the newest report is the project, the older ones fill each figure's history."""
    if len(paths) == 1:  # the year given is this report's: a file that names no year of its own needs it
        results = [(Path(paths[0]), import_last_year(Path(paths[0]), year, lexicon=lexicon))]
    else:  # each report's own year orders them
        results = [(Path(path), import_last_year(Path(path), None, lexicon=lexicon)) for path in paths]
    _refuse_same_year(results)
    results.sort(key=lambda item: item[1].from_year)
    newest_path, newest = results[-1]
    if year is not None and year != newest.report.meta.year:
        newest = import_last_year(newest_path, year, lexicon=lexicon)
    outcome = YearsResult(newest, newest_path)
    report = newest.report
    for field in report.fields.values():
        if field.previous is not None:
            field.previous_origin = newest_path.name
    newest_places = _keys(report)
    for path, older in results[:-1]:
        _line_up(report, newest_places, older, path, outcome)
    return outcome


def _refuse_same_year(results) -> None:
    seen: dict[int, Path] = {}
    for path, result in results:
        if result.from_year in seen:
            raise ImportFailed(f"“{seen[result.from_year].name}”和“{path.name}”都是{result.from_year}年的报告，"
                               "每个年度只能选一份")
        seen[result.from_year] = path


def _keys(report: Report) -> dict[tuple[str, str, str], list[Field]]:
    """(part, label without its 2/3 number, unit) → the figures of that kind in reading order."""
    used_in = render(report).used_in
    keys: dict[tuple[str, str, str], list[Field]] = {}
    for field in report.fields.values():
        if field.type in ("text", "date"):
            continue
        keys.setdefault(_key(field, used_in.get(field.name, [])), []).append(field)
    return keys


def _key(field: Field, places: list[str]) -> tuple[str, str, str]:
    first = places[0] if places else ""
    part = first.split("部分")[0] + "部分" if "部分" in first else first[:2]
    return part, _stem(field), field.unit


def _stem(field: Field) -> str:
    """The label without its 2/3 number and the measure word the labeller added (举办培训班期数 → 举办培训班), so
    one sentence counted in another unit still meets itself and can be told apart by its unit."""
    label = NUMBERED_LABEL.sub("", field.label)
    for ending in (f"{field.unit}数", field.unit):
        if field.unit and label.endswith(ending) and len(label) > len(ending):
            return label[: -len(ending)]
    return label


def _line_up(report: Report, newest: dict, older: ImportResult, path: Path, outcome: YearsResult) -> None:
    """Put each older figure into the history of the newest figure with the same part, label and unit."""
    year, count = older.from_year, 0
    anywhere = _by_label(newest)
    for key, fields in _keys(older.report).items():
        targets = newest.get(key) or _moved(key, fields, anywhere)
        if len(targets) != len(fields):
            outcome.unmatched += [_unmatched(field, year, path, key, newest, len(fields), len(targets))
                                  for field in fields if field.previous is not None]
            continue
        for source, target in zip(fields, targets):
            if source.previous is not None and year not in target.history:
                target.history[year] = Past(source.previous, path.name)
                count += 1
    for target in report.fields.values():
        target.history = dict(sorted(target.history.items()))
    outcome.matched[path.name] = count


def _by_label(keys: dict) -> dict[tuple[str, str], list[list[Field]]]:
    found: dict[tuple[str, str], list[list[Field]]] = {}
    for (_part, label, unit), fields in keys.items():
        found.setdefault((label, unit), []).append(fields)
    return found


def _moved(key, fields: list[Field], anywhere: dict) -> list[Field]:
    """A figure whose sentence moved to another part: taken when its label and unit appear once in each year."""
    candidates = anywhere.get(key[1:], [])
    return candidates[0] if len(candidates) == 1 and len(candidates[0]) == len(fields) == 1 else []


def _unmatched(field: Field, year: int, path: Path, key, newest: dict, older_count: int, newest_count: int) -> str:
    part, stem, unit = key
    value = format_number(field.previous, field.type, field.unit, field.qualifier)
    head = f"{year}年（{path.name}）{part}的{quoted(field.label)}{value}"
    other_units = [other_unit for (p, s, other_unit) in newest if p == part and s == stem and other_unit != unit]
    if newest_count == 0 and other_units:
        return f"{head}：最新文稿中同名数字的单位是“{other_units[0]}”，不是“{unit}”，未对应"
    if newest_count == 0:
        return f"{head}：最新文稿中没有对应的数字"
    return f"{head}：该年出现{older_count}次、最新文稿中出现{newest_count}次，无法一一对应"


def years_summary(outcome: YearsResult) -> list[str]:
    lines = ["  往年数值：" + "，".join(f"“{name}”对应上 {count} 项" for name, count in outcome.matched.items())]
    if outcome.unmatched:
        lines.append(f"  未能对应 {len(outcome.unmatched)} 项（这些年份留空）：")
        lines += [f"    {line}" for line in outcome.unmatched]
    return lines
