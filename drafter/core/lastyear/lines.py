"""Last year's paragraphs made whole: web clutter and tables of contents out, run-together text split at its
headings, line breaks split where they end a heading and joined where they cut a sentence."""

from __future__ import annotations

import re
from dataclasses import replace

from drafter.core.lastyear.wordxml import Piece
from drafter.core.text.numbers import split_heading_number

CLUTTER = re.compile(
    r"(当前位置|下面是小编|小编为大家|供大家参考|猜你喜欢|相关推荐|热门推荐|热门文章|延伸阅读|版权所有|本文由|"
    r"来源[:：].*(网|站)|时间[:：]\s*\d{4}-\d{1,2}-\d{1,2}|范文大全|文秘网|点击下载|全文阅读|免费下载|上一篇|下一篇|"
    r"首页\s*[>＞»]|【字体|【打印|【关闭|分享到|扫一扫|打印本页|关闭窗口|主办单位[:：]|承办单位[:：]|备案号|"
    r"ICP备|网站标识码|浏览次数|访问量[:：]|字号[:：]\s*大)"
)
TOC_TITLE = re.compile(r"^目\s*录$")
TOC_ENTRY = re.compile(r"^.{2,60}?(\t|…{2,}|\.{4,}|·{4,})\s*\d{1,3}$")
SENTENCE_END = "。！？!?"
# A heading number that starts a new paragraph inside run-together text: after a sentence end, 一、 or (一);
# right after a part's heading text, (一).
PART_START = re.compile(rf"(?<=[{SENTENCE_END}])\s*(?=[一二三四五六七八九十]{{1,3}}、)")
SUB_START = re.compile(rf"(?<=[{SENTENCE_END}])\s*(?=[（(][一二三四五六七八九十]{{1,3}}[）)])")
HEADING_MAX = 40
WRAPPED_LINE_MIN = 18  # a line a PDF wrapped is most of a line; a title, 主送 or unit name is shorter
DATE_LIKE = re.compile(r"^(\d{4}|[〇○零一二三四五六七八九]{4})\s*年.{1,8}日$")


def is_heading_like(text: str) -> bool:
    """Short and without a sentence's end: what a heading, title or signature line looks like."""
    return len(text) <= HEADING_MAX and not text.endswith(("。", "；", "：", ":", "，", ";", ","))


def drop_clutter(pieces: list[Piece]) -> tuple[list[Piece], list[str]]:
    kept, dropped = [], []
    for piece in pieces:
        if piece.rows is None and CLUTTER.search(piece.text) and len(piece.text) < 80:
            dropped.append(piece.text)
        else:
            kept.append(piece)
    # A page copied from a website repeats the title above the text; keep one.
    filled = [index for index, piece in enumerate(kept) if piece.text][:6]
    if filled:
        first = kept[filled[0]].text
        for index in reversed(filled[1:]):
            if kept[index].text == first and is_heading_like(first):
                dropped.append(kept.pop(index).text)
    return kept, dropped


def drop_contents(pieces: list[Piece]) -> tuple[list[Piece], list[str]]:
    """A table of contents (Word's field, TOC styles, or typed 标题⇥页码 lines) is not the outline."""
    kept, contents = [], []
    for index, piece in enumerate(pieces):
        entry = piece.toc or (piece.rows is None and TOC_ENTRY.match(piece.text) and index < len(pieces) // 2)
        title = TOC_TITLE.match(piece.text.replace("\u3000", "")) and index + 1 < len(pieces) and (
            pieces[index + 1].toc or TOC_ENTRY.match(pieces[index + 1].text))
        if entry or title:
            contents.append(piece.text.replace("\t", " "))
        else:
            kept.append(piece)
    return kept, contents


def split_run_together(pieces: list[Piece]) -> list[Piece]:
    """Text a website flattened into one paragraph is split before each heading number."""
    result = []
    for piece in pieces:
        if piece.rows is not None or len(piece.text) < 60 or not PART_START.search(piece.text):
            result.append(piece)
            continue
        for chunk in PART_START.split(piece.text):
            result += _split_subs(chunk.strip())
    return result


def _split_subs(chunk: str) -> list[Piece]:
    pieces = []
    for part in SUB_START.split(chunk):
        part = part.strip()
        level, rest = split_heading_number(part)
        sub = re.search(r"[（(][一二三四五六七八九十]{1,3}[）)]", rest) if level == 1 else None
        if sub and not re.search(f"[{SENTENCE_END}]", rest[: sub.start()]):  # 一、标题(一)小标题…
            pieces += [Piece(part[: len(part) - len(rest) + sub.start()]), Piece(rest[sub.start():])]
        elif part:
            pieces.append(Piece(part))
    return pieces


def mend_line_breaks(pieces: list[Piece]) -> list[Piece]:
    """Breaks inside a paragraph: split after a heading or a sentence's end, joined where they cut a sentence.
    Paragraphs cut mid-sentence are joined when nothing (no blank line) stands between them and the cut is
    plain: after a comma-like mark, or anywhere in a file that separates its paragraphs by blank lines."""
    # Blank lines between paragraphs (text pasted from a PDF or a web page): lines between them are one paragraph.
    blank_separated = sum(not p.text and p.rows is None for p in pieces) * 12 >= sum(bool(p.text) for p in pieces) > 0
    result: list[Piece] = []
    after_blank = True
    for piece in pieces:
        if piece.rows is None and not piece.text:
            after_blank = True
            continue
        if piece.rows is not None:
            result.append(piece)
            after_blank = False
            continue
        lines = [line.strip() for line in piece.text.split("\n") if line.strip()]
        for number, line in enumerate(lines):
            bold = piece.bold_prefix if number == 0 else 0
            item = replace(piece, text=line, bold_prefix=min(bold, len(line)),
                           notes=piece.notes if number == len(lines) - 1 else [])
            if number and _continues(lines[number - 1], line):
                result[-1] = _joined(result[-1], item)
            elif (number == 0 and len(result) > 1  # the first line is the title: nothing carries it on
                  and not after_blank and _cut_paragraph(result[-1], piece, blank_separated)):
                result[-1] = _joined(result[-1], item)
            else:
                result.append(item)
        after_blank = False
    return result


def _continues(previous: str, line: str) -> bool:
    """A line that carries on the previous one's sentence (a date under a signature does not)."""
    if previous.endswith(tuple(SENTENCE_END + "：:”")) or split_heading_number(line)[0] or DATE_LIKE.match(line):
        return False
    return not (split_heading_number(previous)[0] and is_heading_like(previous))


def _cut_paragraph(previous: Piece, piece: Piece, blank_separated: bool) -> bool:
    """Two paragraphs of one sentence: the first long and stopping without an end, the next no heading."""
    if previous.rows is not None or previous.numbered or piece.numbered or previous.outline_level or piece.outline_level:
        return False
    first_line = piece.text.split("\n")[0].strip()
    if DATE_LIKE.match(first_line) or previous.text[-1:] in SENTENCE_END + "：:”":
        return False
    if blank_separated:  # a hard-wrapped line: long (a title or a unit's name is short), never a heading
        return (len(previous.text) >= WRAPPED_LINE_MIN and not first_line.endswith(("：", ":"))
                and not split_heading_number(first_line)[0]
                and not (split_heading_number(previous.text)[0] and is_heading_like(previous.text)))
    plain_cut = previous.text.endswith(("，", "、", "；", ",", ";"))
    return (plain_cut and len(previous.text) >= HEADING_MAX
            and not split_heading_number(first_line)[0] and not split_heading_number(previous.text)[0])


def _joined(first: Piece, second: Piece) -> Piece:
    return replace(first, text=first.text + second.text, notes=first.notes + second.notes)
