"""Pre-flight checks of a report: unfilled or stale figures, old years, leftover masks, numbering, punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from decimal import Decimal

from drafter.core.rendering.render import Rendered, render
from drafter.core.report.model import Report, place_name
from drafter.core.text.fieldtext import TOKEN_PATTERN, labels_by_name, quoted, to_display
from drafter.core.text.numbers import heading_level
from drafter.core.text.spans import TEMPLATE_CODE, without
from drafter.core.text.yearroll import WRITTEN_YEAR, written_year
from drafter.core.years.compare import change
from drafter.core.years.history import turn_description, turns

ERROR, WARNING, INFO = "error", "warning", "info"
OUT_OF_LINE_PERCENT = Decimal(50)
LONG_SENTENCE = 150
SENTENCE_OPENING = 10  # characters of a long sentence selected on the page, enough to find it by
TEXTS_PER_STEP = 60  # a step of the checks: ~2 ms (a 250-page report has ~1400 texts)
MASK = re.compile(r"[*＊]+|×{2,}|(?<![A-Za-z])X{2,}(?![A-Za-z])|某某|【待填[^】]*】")
HALF_WIDTH = re.compile(r"(?<=[\u4e00-\u9fff”），；：、])([,;:?!])|([()])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])([()])")
DOUBLED = re.compile(r"([，。；：、！？])\1|[，、；：][。！？]|。[，、；]")
ASCII_QUOTE = re.compile(r"(?<=[\u4e00-\u9fff])\"|\"(?=[\u4e00-\u9fff])")
END_PUNCTUATION = "。，；：、！？,.;:"
FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


@dataclass
class Finding:
    """One thing to look at before the report leaves: what, how bad, where, why, and a fix if certain."""

    kind: str
    severity: str
    where: str
    message: str
    fix: str | None = None
    node_id: str = ""  # the outline node to jump to; not part of the JSON output
    excerpt: str = ""  # the words to select there (where they first stand in its text); not part of the JSON output

    def as_json(self) -> dict:
        data = asdict(self)
        del data["node_id"], data["excerpt"]
        return data


def check_report(report: Report, rendered: Rendered | None = None) -> list[Finding]:
    """Every finding, errors first (pass the rendering when there is one already)."""
    return sort_findings([finding for step in check_steps(report, rendered) for finding in step])


def check_steps(report: Report, rendered: Rendered | None = None) -> Iterator[list[Finding]]:
    """The findings a few texts at a time (TEXTS_PER_STEP), unsorted, for a caller that lets other work in between:
    the window checks a long report between keystrokes. Reads the report as it goes; a caller whose report changes
    meanwhile starts again."""
    rendered = rendered or render(report)
    yield _field_findings(report, rendered)
    yield _mask_findings(report)
    yield from _text_findings_in_steps(report)
    yield _heading_findings(report) + _date_findings(report) + _unchanged_findings(report) + _remark_findings(report)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then the rest, each in the order found."""
    order = {ERROR: 0, WARNING: 1, INFO: 2}
    return sorted(findings, key=lambda finding: order[finding.severity])


def export_warnings(report: Report, rendered: Rendered | None = None) -> list[Finding]:
    """Errors an export lets through but must mention, such as a leftover ** mask. Unfilled fields are not
    among them: the export refuses those or marks them, by the user's choice."""
    return _mask_findings(report)  # the only error besides unfilled fields; the other checks are not needed here


def _field_findings(report: Report, rendered: Rendered) -> list[Finding]:
    findings = []
    for item in rendered.missing:
        findings.append(Finding("unfilled", ERROR, "；".join(item.places) or "统计数据", f"“{item.label}”还未填写",
                                node_id=item.name))
    for field in report.fields.values():
        result = change(field)
        where = f"统计数据{quoted(field.label)}"
        if result is None:
            continue
        if result.delta == 0:
            findings.append(Finding("same_as_last_year", WARNING, where,
                                    f"{quoted(field.label)}与去年相同，是否忘了更新？"))
        elif result.percent is not None and abs(result.percent) > OUT_OF_LINE_PERCENT:
            findings.append(Finding("out_of_line", WARNING, where,
                                    f"{quoted(field.label)}比去年{result.phrase}，变化较大，请核对"))
        if field.history and turns(field, report.meta.year):
            findings.append(Finding("trend_turns", INFO, where, f"{quoted(field.label)}{turn_description(field, report.meta.year)}，"
                                    "文中宜说明原因", node_id=field.name))
    return findings


def _texts(report: Report):
    """(where, node id, source text) for every text a user wrote."""
    yield "标题", "", report.meta.title
    for place, paragraph in report.paragraphs_with_place():
        yield place, paragraph.id, paragraph.lead
        yield place, paragraph.id, paragraph.body
    for path, section in report.walk_sections():
        yield f"{place_name(path)}标题", section.id, section.heading
    yield "落款", "", report.meta.organisation


def _text_findings_in_steps(report: Report) -> Iterator[list[Finding]]:
    findings = []
    labels = labels_by_name(report.fields)  # once: per text it made checking a long report quadratic
    known = set(labels.values())
    for count, (where, node_id, source) in enumerate(_texts(report), 1):
        if source:
            text = without(to_display(source, report.fields, labels), TEMPLATE_CODE) if "{" in source else source
            findings += _stale_years(report.meta.year, where, node_id, source)
            findings += _punctuation(where, node_id, text)
            findings += _typed_tokens(where, node_id, source, known)
        if count % TEXTS_PER_STEP == 0:
            yield findings
            findings = []
    yield findings


def _typed_tokens(where: str, node_id: str, source: str, known: set[str]) -> list[Finding]:
    """【本年度】 or 【学习次数】 typed as text: the window and the title box turn such a token into the year or the
    figure, but typed on the page (or brought in) it prints as it stands."""
    findings = []
    for match in TOKEN_PATTERN.finditer(without(source, TEMPLATE_CODE)):
        if match.group(1) in known:
            findings.append(Finding("typed_token", WARNING, where,
                                    f"“{match.group(0)}”是程序的占位写法，导出时会原样印出；应换成它代表的年份、名称或统计数据",
                                    fix=None if where == "落款" else "typed_token",  # the name itself: fill it in
                                    node_id=node_id, excerpt=match.group(0)))
    return findings


def _mask_findings(report: Report) -> list[Finding]:
    findings = []
    for where, node_id, source in _texts(report):
        for match in MASK.finditer(without(source, TEMPLATE_CODE)) if source else ():
            findings.append(Finding("leftover_mask", ERROR, where, f"残留的遮盖符或占位符“{match.group(0)}”，请换成实际内容",
                                    node_id=node_id, excerpt=match.group(0)))
    return findings


def _stale_years(year: int, where: str, node_id: str, source: str) -> list[Finding]:
    findings = []
    free = without(source)  # a year in “…” or 《…》 is a name, not the report's
    written_years = [(match.group(0), written_year(match)[0]) for match in WRITTEN_YEAR.finditer(free)]
    for excerpt, written in written_years:
        if written in (year - 1, year - 2):
            findings.append(Finding("stale_year", WARNING, where,
                                    f"写的是{excerpt}年，本报告是{year}年度的，是否是去年的年份没改？",
                                    fix="year_roll" if written == year - 1 else None, node_id=node_id,
                                    excerpt=excerpt))
    return findings


def _punctuation(where: str, node_id: str, text: str) -> list[Finding]:
    findings = []
    halves = [m.group(0) for m in HALF_WIDTH.finditer(text)]
    if halves:
        findings.append(Finding("half_width_punctuation", WARNING, where,
                                f"中文之间用了半角标点{''.join(f'“{mark}”' for mark in sorted(set(halves)))}，应为全角",
                                fix="punctuation",
                                node_id=node_id, excerpt=halves[0]))
    if ASCII_QUOTE.search(text):
        findings.append(Finding("mixed_quotes", WARNING, where, "中文中用了英文引号 \"，应为“”", node_id=node_id,
                                excerpt='"'))
    for match in DOUBLED.finditer(text):
        findings.append(Finding("doubled_punctuation", WARNING, where, f"标点重复“{match.group(0)}”",
                                fix="punctuation", node_id=node_id, excerpt=match.group(0)))
    for sentence in re.split(r"[。！？；]", text):
        if len(sentence) > LONG_SENTENCE:
            findings.append(Finding("long_sentence", INFO, where,
                                    f"有一句长达{len(sentence)}字，读起来吃力，可考虑拆分", node_id=node_id,
                                    excerpt=sentence.strip()[:SENTENCE_OPENING]))
    return findings


def _heading_findings(report: Report) -> list[Finding]:
    findings = []
    for path, section in report.walk_sections():
        where = f"{place_name(path)}标题"
        if heading_level(section.heading):
            findings.append(Finding("manual_number", WARNING, where,
                                    f"标题“{section.heading}”自带编号；编号由提纲自动生成，应删去",
                                    fix="heading_number", node_id=section.id))
        if len(path) == 1 and section.heading.rstrip()[-1:] in END_PUNCTUATION:
            findings.append(Finding("heading_punctuation", WARNING, where, "一级标题末尾不加标点",
                                    fix="heading_punctuation", node_id=section.id))
    for where, paragraph in report.paragraphs_with_place():
        level = heading_level(paragraph.source)
        if level:
            findings.append(Finding("mixed_numbering", WARNING, where,
                                    "段落以手写编号开头，与自动编号的标题混用；如是标题，请在提纲中设为标题",
                                    node_id=paragraph.id))
    return findings


def _date_findings(report: Report) -> list[Finding]:
    date = report.meta.date
    if date and int(date[:4]) not in (report.meta.year, report.meta.year + 1):
        return [Finding("date_year", WARNING, "成文日期", f"成文日期是{date[:4]}年，不在报告年度{report.meta.year}年或次年")]
    return []


_PUNCTUATION_WIDTH = str.maketrans({half: full for half, full in FULL_WIDTH.items()} | {" ": None, "\u3000": None})


def _same_words(source: str, origin: str) -> bool:
    """Equal apart from punctuation width and spaces: fixing commas is not rewriting."""
    if source == origin:  # most often, and translate() on long Chinese text is slow
        return True
    return source.translate(_PUNCTUATION_WIDTH) == origin.translate(_PUNCTUATION_WIDTH)


def _unchanged_findings(report: Report) -> list[Finding]:
    findings, unchanged = [], set()
    for place, paragraph in report.paragraphs_with_place():
        if paragraph.origin and _same_words(paragraph.source, paragraph.origin):
            unchanged.add(paragraph.id)
            findings.append(Finding("unchanged_paragraph", INFO, place, "这一段与去年的文稿相同，尚未改写",
                                    node_id=paragraph.id))
    for path, part in report.walk_sections():
        paragraphs = list(_all_paragraphs(part))  # a part of sub-sections only is unchanged when all of them are
        if len(path) == 1 and paragraphs and all(p.id in unchanged for p in paragraphs):
            findings.append(Finding("unchanged_part", WARNING, place_name(path), "整个部分与去年的文稿相同，尚未改写",
                                    node_id=part.id))
    return findings


def _all_paragraphs(section):
    yield from section.paragraphs
    for child in section.children:
        yield from _all_paragraphs(child)


def _remark_findings(report: Report) -> list[Finding]:
    """A reviewer's comment not yet marked done (drafter review brings them in with the reviewed file)."""
    findings = []
    for path, section in report.walk_sections():
        findings += [_remark(remark, place_name(path) + "标题", section.id) for remark in section.remarks]
    for place, paragraph in report.paragraphs_with_place():
        findings += [_remark(remark, place, paragraph.id) for remark in paragraph.remarks]
    return [finding for finding in findings if finding is not None]


def _remark(remark, place: str, node_id: str) -> Finding | None:
    if remark.done:
        return None
    who = f"（{remark.author}）" if remark.author else ""
    return Finding("remark", WARNING, place, f"批注{who}：{remark.text}", fix="remark_done", node_id=node_id)
