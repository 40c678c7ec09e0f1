"""Measuring one import against its truth file: figures found and placed, structure, text lost or doubled."""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from drafter.core.rendering.render import render
from drafter.core.text.fieldtext import referenced_names

SENTENCE_END = re.compile(r"(?<=[。；！？])")
MASK = re.compile(r"[*＊]")


@dataclass
class Score:
    """What one file's import got right and wrong."""

    name: str
    figures: int = 0
    found: int = 0
    placed: int = 0
    false_positives: int = 0
    parts_right: bool = False
    subs_right: bool = False
    text_chars: int = 0
    lost_chars: int = 0
    doubled_chars: int = 0
    masked_left: int = 0
    frame_right: bool = False  # title, 主送, 落款 and 成文日期 as last year's file had them
    problems: list[str] = field(default_factory=list)


def measure(path: Path, result) -> Score:
    truth = json.loads(path.with_suffix(".truth.json").read_text(encoding="utf-8"))
    report = result.report
    score = Score(path.stem)
    _figures(score, truth, report)
    _structure(score, truth, as_last_year(report, truth["year"]))
    _text(score, truth, as_last_year(report, truth["year"]))
    _frame(score, truth, as_last_year(report, truth["year"]), result.from_year)
    exported = "\n".join(block.text for block in render(report).blocks) + "".join(
        cell for block in render(report).blocks for row in block.rows for cell in row)
    score.masked_left = len(MASK.findall(exported))
    return score


def as_last_year(report, year: int):
    """The imported project printed with last year's values and year: it should read as the source did."""
    report = copy.deepcopy(report)
    report.meta.year = year
    for item in report.fields.values():
        item.value = item.previous if item.previous is not None else ("" if item.type == "text" else None)
    return report


def field_places(report) -> dict[str, tuple]:
    """Each field's section path; () for the opening and ("closing",) for the closing."""
    places = {}

    def note(text: str, place: tuple) -> None:
        for name in referenced_names(text):
            places.setdefault(name, place)

    for paragraph in report.opening:
        note(_all_text(paragraph), ())
    for path, section in report.walk_sections():
        note(section.heading, path)
        for paragraph in section.paragraphs:
            note(_all_text(paragraph), path)
    for paragraph in report.closing:
        note(_all_text(paragraph), ("closing",))
    return places


def _all_text(paragraph) -> str:
    extra = [cell for row in getattr(paragraph, "rows", []) or [] for cell in row]
    notes = getattr(paragraph, "notes", []) or []
    return paragraph.source + "".join(extra) + "".join(notes)


def _figures(score: Score, truth: dict, report) -> None:
    places = field_places(report)
    fields = [item for item in report.fields.values() if item.type != "text"]
    unused = {item.name: item for item in fields}
    score.figures = len(truth["figures"])
    for figure in truth["figures"]:
        want_place = tuple(figure["place"])
        candidates = [item for item in unused.values() if _same(item, figure)]
        if not candidates:
            score.problems.append(f"未找到 {figure['value']}{figure['unit']}（{want_place}）")
            continue
        here = [item for item in candidates if places.get(item.name) == want_place]
        chosen = (here or candidates)[0]
        score.found += 1
        score.placed += bool(here)
        if not here:
            score.problems.append(f"{figure['value']}{figure['unit']} 位置 {places.get(chosen.name)} ≠ {want_place}")
        del unused[chosen.name]
    score.false_positives = len(unused)
    score.problems += [f"多出 {item.label}={item.previous}{item.unit}" for item in unused.values()]


def _same(item, figure: dict) -> bool:
    value = figure["value"]
    unit = "%" if item.type == "percent" else item.unit
    if not unit and item.label.endswith("）"):  # a table cell's field: its unit is named in its label
        unit = item.label.rsplit("（", 1)[-1].rstrip("）")
    if unit != figure["unit"]:
        return False
    if value is None or item.previous is None:
        return True
    return Decimal(value) == item.previous


def _structure(score: Score, truth: dict, report) -> None:
    blocks = render(report).blocks
    parts, current = [], None
    for block in blocks:
        if block.kind in ("heading", "run_in") and block.level == 1:
            current = {"heading": _heading_text(block), "subs": []}
            parts.append(current)
        elif block.kind in ("heading", "run_in") and current is not None:
            current["subs"].append([block.level, _heading_text(block)])
    want = [part["heading"] for part in truth["parts"]]
    got = [part["heading"] for part in parts]
    score.parts_right = want == got
    score.subs_right = score.parts_right and [p["subs"] for p in parts] == [p["subs"] for p in truth["parts"]]
    if not score.parts_right:
        score.problems.append(f"部分：{got} ≠ {want}")
    elif not score.subs_right:
        score.problems.append("小标题：" + "; ".join(f"{p['subs']} ≠ {t['subs']}" for p, t in zip(parts, truth["parts"])
                                                      if p["subs"] != t["subs"]))


def _heading_text(block) -> str:
    """A heading's words; a run-in heading's are its lead (（一）标题。正文)."""
    runs = block.lead if block.kind == "run_in" else block.lead + block.runs
    return "".join(run.text for run in runs).rstrip("。")


def _printed(block) -> list[str]:
    """A run-in block is a heading and a paragraph in one: the truth lists them apart."""
    if block.kind == "run_in":
        return [block.number + _heading_text(block), "".join(run.text for run in block.runs if run.kind != "note")]
    return [block.text]


def _frame(score: Score, truth: dict, report, from_year: int) -> None:
    rendered = render(report)
    meta = report.meta
    date = ""
    if meta.date:  # the import rolled the date a year on; last year's file had it a year earlier
        year, month, day = (int(part) for part in meta.date.split("-"))
        date = f"{year - 1}年{month}月{day}日"
    got = {"title": rendered.title, "organisation": meta.organisation, "date": date, "recipient": meta.recipient}
    want = {key: truth[key] for key in got}
    score.frame_right = got == want and from_year == truth["year"]
    if not score.frame_right:
        score.problems.append(f"文头文尾：{got}（{from_year}年）≠ {want}（{truth['year']}年）")


def _sentences(texts: list[str]) -> Counter:
    counter = Counter()
    for text in texts:
        for sentence in SENTENCE_END.split(re.sub(r"\s", "", text)):
            if sentence and not MASK.search(sentence):
                counter[sentence] += 1
    return counter


def _text(score: Score, truth: dict, report) -> None:
    blocks = render(report).blocks
    printed = [text for block in blocks if block.kind in ("paragraph", "heading", "run_in") for text in _printed(block)]
    before = f"{truth['year'] - 1}年"  # that column now shows last year's values, as a rolled table should
    printed += [cell for block in blocks if block.kind == "table" for row in block.rows
                for cell, head in zip(row, block.rows[0]) if head != before]
    printed += [note for block in blocks for note in getattr(block, "notes", [])]
    want, got = _sentences(truth["text"]), _sentences(printed)
    score.text_chars = sum(len(s) * n for s, n in want.items())
    lost = want - got
    doubled = got - want
    score.lost_chars = sum(len(s) * n for s, n in lost.items())
    score.doubled_chars = sum(len(s) * n for s, n in doubled.items() if s in want)
    score.problems += [f"丢失：{s}" for s in list(lost)[:5]]
    score.problems += [f"重复：{s}" for s in doubled if s in want][:5]
