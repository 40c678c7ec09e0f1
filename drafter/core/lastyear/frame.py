"""The frame around the body: 红头 and 文号, title (one or two lines), 主送, 落款, 成文日期, 附注 and 版记;
and the year a report is about when its text never says “NNNN年”."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.core.lastyear.lines import is_heading_like
from drafter.core.lastyear.wordxml import Piece
from drafter.core.text.numbers import NumberError, chinese_year_value, parse_number, split_heading_number

ISSUER = re.compile(r"^.{2,30}文件$")  # 发文机关标志: 示例县卫生健康局文件
DOCUMENT_NUMBER = re.compile(r"^.{0,12}[〔［\[(（]\s*\d{4}\s*[〕］\])）]\s*\d+\s*号$")
RECORD = re.compile(r"^(抄送|抄报|分送|主题词)[:：]|印发$|^.{0,40}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$")
DATE_LINE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
# 附注 under the date: （联系人：李明，联系电话：…）, （此件公开发布）
NOTE_LINE = re.compile(r"^[（(](?:联系人|联系电话|联系方式|电话|此件|本件).{0,60}[）)]$")
# A unit signing with no date after it: 市机关事务管理局, 中共某某街道工作委员会
UNIT_NAME = re.compile(r"^[^，。；：:,;！？]{2,30}(?:局|委|办|厅|部|处|室|科|所|站|队|院|中心|会|党组|党委|支部|政府|公司|集团)$")
CHINESE_DATE = re.compile(r"^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")
ATTACHMENTS = re.compile(r"^附\s*件\s*[:：]\s*(.+)$")
ATTACHMENT_ITEM = re.compile(r"^(\d{1,2})\s*[.．、]\s*(\S.{0,58})$")
DATED = re.compile(r"(?<!\d)((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})(?!\d)")
TITLED_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
TITLE_MAX = 40


@dataclass
class Frame:
    """What was taken off the top and the bottom of the body."""

    title: str = ""
    recipient: str = ""
    organisation: str = ""
    date: tuple[int, int, int] | None = None
    left_out: list[str] = field(default_factory=list)  # 红头, 文号, 版记 lines: not part of a 年度工作报告
    attachments: list[str] = field(default_factory=list)  # 附件说明: the names listed after the body


def take_frame(pieces: list[Piece]) -> tuple[Frame, list[Piece]]:
    frame = Frame()
    pieces = _take_head(pieces, frame)
    pieces = _take_foot(pieces, frame)
    return frame, pieces


def _take_head(pieces: list[Piece], frame: Frame) -> list[Piece]:
    while pieces and pieces[0].rows is None and (
            ISSUER.match(pieces[0].text) or DOCUMENT_NUMBER.match(pieces[0].text)) and len(pieces) > 1:
        frame.left_out.append(pieces.pop(0).text)
    if pieces and _title_like(pieces[0]):
        lines = [pieces.pop(0).text]
        # A title typed over two paragraphs (unit / year and kind) is one title.
        while pieces and _title_like(pieces[0]) and len("".join(lines)) + len(pieces[0].text) <= TITLE_MAX + 10 \
                and not _ends_title(lines[-1]):
            lines.append(pieces.pop(0).text)
        frame.title = "".join(line.replace("\n", "") for line in lines)
    if pieces and pieces[0].rows is None and pieces[0].text.endswith(("：", ":")) and len(pieces[0].text) <= 40 \
            and not split_heading_number(pieces[0].text)[0]:
        frame.recipient = pieces.pop(0).text.rstrip("：:")
    return pieces


def _title_like(piece: Piece) -> bool:
    text = piece.text
    return (piece.rows is None and is_heading_like(text) and len(text) <= TITLE_MAX and not split_heading_number(text)[0]
            and not piece.numbered and not re.search(r"[，。；：:]", text) and not DATE_LINE.match(text))


def _ends_title(text: str) -> bool:
    """A title line that is whole: it names the kind of document."""
    return text.endswith(("报告", "总结", "情况", "综述", "汇报", "述职", "工作要点", "计划", "）", ")"))


def _take_foot(pieces: list[Piece], frame: Frame) -> list[Piece]:
    while pieces and any(RECORD.search(line) for line in _lines(pieces[-1])):  # 版记, typed or as a table
        frame.left_out.insert(0, " ".join(_lines(pieces.pop())))
    while len(pieces) > 1 and pieces[-1].rows is None and NOTE_LINE.match(pieces[-1].text.strip()):
        frame.left_out.insert(0, pieces.pop().text)  # the 附注, listed; the signature and date are above it
    if pieces and pieces[-1].rows is None and _date(pieces[-1].text):
        frame.date = _date(pieces.pop().text)
        last = pieces[-1] if pieces else None
        if last is not None and last.rows is None and len(last.text) <= 30 and not last.text.endswith("。") \
                and not split_heading_number(last.text)[0]:
            frame.organisation = pieces.pop().text
    elif len(pieces) > 1 and pieces[-1].rows is None and UNIT_NAME.match(pieces[-1].text.strip()):
        frame.organisation = pieces.pop().text.strip()  # signed, but not dated: the date is left to fill in
    return _take_attachments(pieces, frame)


def _take_attachments(pieces: list[Piece], frame: Frame) -> list[Piece]:
    """附件：1.名称 / 2.名称 (or 附件：名称) just before the signature: the report's attachment list."""
    end = len(pieces)
    start = end
    while start > 0 and pieces[start - 1].rows is None and ATTACHMENT_ITEM.match(pieces[start - 1].text):
        start -= 1
    if start == 0 or pieces[start - 1].rows is not None:
        return pieces
    head = ATTACHMENTS.match(pieces[start - 1].text)
    if not head:
        return pieces
    names = [head.group(1)] + [ATTACHMENT_ITEM.match(p.text).group(2) for p in pieces[start:end]]
    frame.attachments = [re.sub(r"^\d{1,2}\s*[.．、]\s*", "", name).strip() for name in names]
    return pieces[: start - 1]


def _lines(piece: Piece) -> list[str]:
    return [" ".join(cell for cell in row if cell) for row in piece.rows] if piece.rows is not None else [piece.text]


def _date(text: str) -> tuple[int, int, int] | None:
    match = DATE_LINE.match(text.replace(" ", ""))
    if match:
        return tuple(int(part) for part in match.groups())
    match = CHINESE_DATE.match(text.replace(" ", ""))
    if match:
        try:
            year, month, day = match.groups()
            return chinese_year_value(year), int(parse_number(month)), int(parse_number(day))
        except (ValueError, NumberError):
            return None
    return None


def year_from_dates(texts: list[str], name: str) -> int | None:
    """The year of a page that never writes NNNN年: a date on it (2023-12-1), a year in its title, its file name."""
    for text in texts:
        match = DATED.search(text)
        if match:
            return int(match.group(1))
    for text in [*texts[:2], name]:
        match = TITLED_YEAR.search(text)
        if match:
            return int(match.group(1))
    return None
