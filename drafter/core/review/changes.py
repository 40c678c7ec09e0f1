"""A reviewed file against its project: its paragraphs paired with the blocks the project prints, and every
difference (tracked or typed over) listed as a change in its place, or as a conflict where the project's own text
has changed since the export the reviewer was given."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace

from drafter.core.rendering.render import Block, Rendered
from drafter.core.report.model import Report, place_name
from drafter.core.review.exported import printed_text
from drafter.core.review.reviewed import Comment, ReviewedFile, ReviewedParagraph
from drafter.core.review.segments import BlockEdit, edit_block

NOT_A_PARAGRAPH = "标题、落款等不是正文段落，删除请在程序的提纲中进行"
META_LINES = ("signature", "date", "recipient")
EDITABLE = ("title", "heading", "paragraph", "run_in", "signature", "date", "recipient")
KINDS = {"field": "数值", "text": "文字", "inserted": "新增段落", "deleted": "删除段落", "moved": "移动段落", "comment": "批注"}


@dataclass
class Change:
    """One change as a person reads it: what kind, where, from what to what, by whom and when."""

    kind: str  # field, text, inserted, deleted, moved (old: the place it left), comment
    place: str
    old: str
    new: str
    author: str = ""
    date: str = ""
    tracked: bool = True  # made with 修订 on (False: typed over)
    field: str = ""  # the field a figure's change is for
    key: tuple = ()  # what applying it takes (Review.only keeps the changes whose keys it is given)


@dataclass
class Conflict:
    place: str
    old: str
    new: str
    reason: str


@dataclass
class Review:
    """Everything the reviewed file says, and what applying it takes (block index → edit, and so on)."""

    changes: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    edits: dict[int, tuple[str, BlockEdit]] = field(default_factory=dict)  # block → (new text, edit)
    inserted: list[tuple[int, str]] = field(default_factory=list)  # (after block index, text)
    deleted: list[int] = field(default_factory=list)
    comments: list[tuple[int, Comment]] = field(default_factory=list)
    moved: list[tuple[int, int]] = field(default_factory=list)  # (block index, after block index)
    cells: dict[int, dict[tuple[int, int], str]] = field(default_factory=dict)  # table block → (row, column) → text


def only(found: Review, keys: set) -> Review:
    """The review with only the changes whose keys are given (the window's 接受所选): a paragraph's figure can be
    taken and its rewording left, or the other way round."""
    chosen = Review([change for change in found.changes if change.key in keys], list(found.conflicts),
                    list(found.notes))
    for block, (new, edit) in found.edits.items():
        values = {name: value for name, value in edit.values.items() if ("field", block, name) in keys}
        text = edit.text_changed if ("text", block) in keys else set()
        if values or text:
            chosen.edits[block] = (new, replace(edit, values=values, text_changed=text))
    chosen.inserted = [item for item in found.inserted if ("inserted", *item) in keys]
    chosen.deleted = [block for block in found.deleted if ("deleted", block) in keys]
    chosen.moved = [item for item in found.moved if ("moved", *item) in keys]
    chosen.comments = [item for number, item in enumerate(found.comments) if ("comment", number) in keys]
    for block, cells in found.cells.items():
        kept = {place: text for place, text in cells.items() if ("cell", block, *place) in keys}
        if kept:
            chosen.cells[block] = kept
    return chosen


def place_names(report: Report, rendered: Rendered) -> list[str]:
    """Each block's place as the checks name it: 开头第1段, 第二部分（一）标题, 第三部分第2段, 结尾第1段, 标题, 落款."""
    names = {paragraph.id: place for place, paragraph in report.paragraphs_with_place()}
    names.update((section.id, place_name(path) + "标题") for path, section in report.walk_sections())
    fixed = {"title": "标题", "signature": "落款单位", "date": "成文日期", "recipient": "主送机关"}
    return [fixed.get(block.kind) or names.get(block.source, "正文") for block in rendered.blocks]


def review(report: Report, rendered: Rendered, reviewed: ReviewedFile, exported: list[str] | None) -> Review:
    """The reviewed file's changes placed in the project. `exported`: the blocks' texts as the export the reviewer
    was given printed them (None: not known here, so the project's text now stands for it)."""
    result = Review()
    current = [printed_text(block) for block in rendered.blocks]
    if not reviewed.export_id:
        result.notes.append("这份文件没有起草助手导出时的标记（可能不是本程序导出的，或被另存时去掉了），按项目现在的文字比较")
    elif exported is None:
        result.notes.append("本机没有这次导出的记录，按项目现在的文字比较；导出后在项目中改过的地方无法区分")
    base = exported if exported is not None else current
    now = _unchanged_since(base, current)
    if len(now) < len(base) or len(base) < len(current):
        result.notes.append(f"导出之后项目中又改过 {len(base) - len(now) + max(0, len(current) - len(base))} 处；"
                            "审阅者在这些地方的改动列为冲突，不会收回")
    places = place_names(report, rendered)
    where = _place_of_each(base, current, places)
    pairs, inserted, deleted = _pair(base, reviewed.paragraphs)
    if len(pairs) < max(1, len(base) // 3):
        result.notes.append("这份文件与项目的文字相差太大，不像是这个项目导出的")
    tables = {paragraph.id: paragraph.rows for _place, paragraph in report.paragraphs_with_place() if paragraph.rows}
    for base_index, paragraph_index in pairs:
        paragraph, block_index = reviewed.paragraphs[paragraph_index], now.get(base_index)
        if paragraph.table and block_index is not None and rendered.blocks[block_index].kind == "table":
            _table(result, paragraph, base[base_index], block_index, tables.get(rendered.blocks[block_index].source),
                   where[base_index])
        else:
            _one(result, paragraph, base[base_index], block_index, rendered, where[base_index])
    for after, paragraph_index in inserted:
        _inserted(result, reviewed.paragraphs[paragraph_index], now.get(after) if after >= 0 else -1,
                  where[after] if after >= 0 else "开头")
    for base_index in deleted:
        _deleted_untracked(result, base[base_index], now.get(base_index), where[base_index], rendered)
    _comments(result, reviewed, {paragraph: now.get(base_index, -1) for base_index, paragraph in pairs}, places)
    _moves(result, rendered)
    return result


def _moves(result: Review, rendered: Rendered) -> None:
    """A paragraph struck out in one place and the same words added in another is one paragraph moved: it keeps its
    fields (added anew, its figures would become new fields)."""
    for index in list(result.deleted):
        block = rendered.blocks[index]
        text = printed_text(block)
        landing = next((item for item in result.inserted if item[1] == text), None)
        if block.kind != "paragraph" or landing is None:
            continue
        result.deleted.remove(index)
        result.inserted.remove(landing)
        gone = next(c for c in result.changes if c.key == ("deleted", index))
        added = next(c for c in result.changes if c.key == ("inserted", *landing))
        result.changes.remove(gone)
        added.kind, added.old, added.key = "moved", gone.place, ("moved", index, landing[0])
        result.moved.append((index, landing[0]))


def _place_of_each(base: list[str], current: list[str], places: list[str]) -> list[str]:
    """Each exported block's place: its own now, or for one changed since, that of the block standing there now."""
    where = ["正文"] * len(base)
    matcher = difflib.SequenceMatcher(None, base, current, autojunk=False)
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for offset in range(min(i2 - i1, j2 - j1)):
            where[i1 + offset] = places[j1 + offset]
    return where


def _unchanged_since(base: list[str], current: list[str]) -> dict[int, int]:
    """The blocks the project prints as the export did: base index → index now. The rest it changed since."""
    if base == current:
        return {index: index for index in range(len(base))}
    unchanged = {}
    matcher = difflib.SequenceMatcher(None, base, current, autojunk=False)
    for tag, i1, i2, j1, _j2 in matcher.get_opcodes():
        if tag == "equal":
            unchanged.update({i1 + offset: j1 + offset for offset in range(i2 - i1)})
    return unchanged


def _pair(base: list[str], reviewed: list[ReviewedParagraph]) -> tuple[list[tuple[int, int]],
                                                                     list[tuple[int, int]], list[int]]:
    """Reviewed paragraphs paired with the blocks they print (by their text before the tracked changes); the rest
    inserted (after which block, -1 at the start) or deleted. A paragraph inserted with 修订 pairs with nothing."""
    given = [index for index, paragraph in enumerate(reviewed)
             if not (paragraph.mark and paragraph.mark.kind == "inserted" and not paragraph.before)]
    pairs, deleted = [], []
    matcher = difflib.SequenceMatcher(None, base, [reviewed[index].before for index in given], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs += [(i1 + offset, given[j1 + offset]) for offset in range(i2 - i1)]
            continue
        i, j = i1, j1
        while i < i2 and j < j2:  # typed over: the nearest paragraph that still reads mostly the same
            if _alike(base[i], reviewed[given[j]].before):
                pairs.append((i, given[j]))
                i, j = i + 1, j + 1
            elif j + 1 < j2 and _alike(base[i], reviewed[given[j + 1]].before):
                j += 1
            else:
                deleted.append(i)
                i += 1
        deleted += list(range(i, i2))
    paired = {paragraph: block for block, paragraph in pairs}
    inserted, after = [], -1
    for index in range(len(reviewed)):
        if index in paired:
            after = paired[index]
        else:
            inserted.append((after, index))
    return pairs, inserted, deleted


def _alike(old: str, new: str) -> bool:
    return difflib.SequenceMatcher(None, old, new, autojunk=False).ratio() >= 0.5


def _one(result: Review, paragraph: ReviewedParagraph, old: str, block_index: int | None, rendered: Rendered,
         place: str) -> None:
    new = paragraph.after
    if paragraph.mark and paragraph.mark.kind == "deleted" and not new:
        if block_index is None or rendered.blocks[block_index].kind != "paragraph":
            reason = "导出后项目中这一段已改过" if block_index is None else NOT_A_PARAGRAPH
            result.conflicts.append(Conflict(place, old, "", reason))
            return
        result.deleted.append(block_index)
        result.changes.append(Change("deleted", place, old, "", paragraph.mark.author, paragraph.mark.date,
                                     key=("deleted", block_index)))
        return
    if new == old:
        return
    if block_index is None:
        result.conflicts.append(Conflict(place, old, new, "导出后项目中这一段已改过"))
        return
    block = rendered.blocks[block_index]
    if block.kind not in EDITABLE or paragraph.table:
        result.conflicts.append(Conflict(place, old, new, "表格、附件说明等处的改动暂不能自动收回，请在程序中改"))
        return
    if paragraph.mark is not None:
        result.conflicts.append(Conflict(place, old, new, "段落被拆分或合并，请在程序中改"))
        return
    # the signature, date and 主送 lines are the report's own facts, taken whole (an unfilled one prints 【待填：…】)
    edit = BlockEdit(text_changed={"body"}) if block.kind in META_LINES else edit_block(block, new)
    if edit.problem:
        result.conflicts.append(Conflict(place, old, new, edit.problem))
        return
    result.edits[block_index] = (new, edit)
    author, date = _who(paragraph)
    for name, value in edit.values.items():
        printed = next(piece.text for piece in _field_runs(block) if piece.field == name)
        result.changes.append(Change("field", place, printed, value, author, date, paragraph.tracked, name,
                                     ("field", block_index, name)))
    if edit.text_changed:
        result.changes.append(Change("text", place, *_excerpt(old, new), author, date, paragraph.tracked,
                                     key=("text", block_index)))


WHOLE_FIELD = re.compile(r"\{\{ (\w+) \}\}")
LAST_YEARS = re.compile(r"\{\{ \w+\|previous \}\}")


def _table(result: Review, paragraph: ReviewedParagraph, old: str, block_index: int, rows: list[list[str]] | None,
           place: str) -> None:
    """A table's changed cells: a cell that is one field's value gives the field its new value; other cells their
    new words; last year's column and added or removed rows are the program's to change."""
    new = paragraph.after
    if new == old:
        return
    before, after = [row.split("\t") for row in old.split("\n")], [row.split("\t") for row in new.split("\n")]
    if rows is None or [len(row) for row in before] != [len(row) for row in after] or len(rows) != len(before):
        result.conflicts.append(Conflict(place, old, new, "表格的行或列有增删，请在程序中改"))
        return
    author, date = _who(paragraph)
    for row, (old_row, new_row) in enumerate(zip(before, after)):
        for column, (was, now) in enumerate(zip(old_row, new_row)):
            template = rows[row][column] if column < len(rows[row]) else ""
            if was == now:
                continue
            if LAST_YEARS.search(template):
                result.conflicts.append(Conflict(place, was, now, "上年数值请在统计数据表中改"))
                continue
            whole = WHOLE_FIELD.fullmatch(template.strip())
            result.cells.setdefault(block_index, {})[(row, column)] = now
            result.changes.append(Change("field" if whole else "text", f"{place}表格第{row + 1}行", was, now, author,
                                         date, paragraph.tracked, whole.group(1) if whole else "",
                                         ("cell", block_index, row, column)))


def _excerpt(old: str, new: str, context: int = 8) -> tuple[str, str]:
    """The changed stretch of a long paragraph with a few characters either side, old and new."""
    start = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    end = 0
    while end < min(len(old), len(new)) - start and old[len(old) - 1 - end] == new[len(new) - 1 - end]:
        end += 1
    left, right = max(0, start - context), end - context if end > context else 0

    def cut(text: str) -> str:
        return ("…" if left else "") + text[left:len(text) - right] + ("…" if right else "")
    return cut(old), cut(new)


def _field_runs(block: Block):
    return [run for run in block.lead + block.runs if run.field]


def _who(paragraph: ReviewedParagraph) -> tuple[str, str]:
    changed = [piece for piece in paragraph.pieces if piece.kind != "kept"]
    return (changed[0].author, changed[0].date) if changed else ("", "")


def _inserted(result: Review, paragraph: ReviewedParagraph, after: int | None, place: str) -> None:
    """A paragraph the reviewer added, after the block `after` (-1: at the start; None: one changed since)."""
    text = paragraph.after
    if not text.strip():
        return
    place = f"{place}之后"
    if after is None or paragraph.table:
        result.conflicts.append(Conflict(place, "", text, "插入处的文字导出后已改过，或插入的是表格"))
        return
    author, date = _who(paragraph)
    result.inserted.append((after, text))
    result.changes.append(Change("inserted", place, "", text, author, date, paragraph.tracked,
                                 key=("inserted", after, text)))


def _deleted_untracked(result: Review, old: str, block_index: int | None, place: str, rendered: Rendered) -> None:
    if not old.strip():
        return
    if block_index is None or rendered.blocks[block_index].kind != "paragraph":
        reason = "导出后项目中这一段已改过" if block_index is None else NOT_A_PARAGRAPH
        result.conflicts.append(Conflict(place, old, "", reason))
        return
    result.deleted.append(block_index)
    result.changes.append(Change("deleted", place, old, "", tracked=False, key=("deleted", block_index)))


def _comments(result: Review, reviewed: ReviewedFile, block_of: dict[int, int], places: list[str]) -> None:
    for index, paragraph in enumerate(reviewed.paragraphs):
        for comment_id in paragraph.comments:
            comment = reviewed.comments.get(comment_id)
            if comment is None or not comment.text:
                continue
            block = block_of.get(index, -1)
            place = places[block] if 0 <= block < len(places) else "正文"
            result.changes.append(Change("comment", place, "", comment.text, comment.author, comment.date,
                                         key=("comment", len(result.comments))))
            result.comments.append((block, comment))
