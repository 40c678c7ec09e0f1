"""Accepting a review into the project: figures changed inside a field's value become its value (with the reviewer
as its source), prose changes the paragraph's own text with its fields kept, paragraphs added and struck out in
their places, comments kept with their paragraphs. Conflicts are never applied."""

from __future__ import annotations

from decimal import Decimal

from drafter.core.rendering.render import Block, Rendered
from drafter.core.report.model import Field, Paragraph, Remark, Report, Section, Source
from drafter.core.review.changes import WHOLE_FIELD, Review
from drafter.core.review.segments import BlockEdit
from drafter.core.text.lexicon import Lexicon
from drafter.core.text.numbers import NumberError, check_bounds, parse_date, parse_entry
from drafter.core.text.spans import escape_template_syntax
from drafter.core.text.yearroll import YearRoller


class ReviewError(ValueError):
    """A change that cannot become what it says (a figure that is no number); the message says which, in Chinese."""


def accept_all(report: Report, rendered: Rendered, review: Review, source: Source,
               lexicon: Lexicon | None = None) -> None:
    """Apply every change of the review to the report (raises ReviewError, the report untouched, if one cannot be)."""
    owners = _owners(report)
    values = _values(report, review)  # every value read before anything changes
    for name, value in values.items():
        report.fields[name].value = value
        report.fields[name].source = source
    roller = YearRoller(report.meta.year, report.meta.year)
    for index, (new_text, edit) in review.edits.items():
        _apply_text(report, rendered.blocks[index], new_text, edit, owners, roller)
    for index, cells in review.cells.items():
        _apply_cells(owners[rendered.blocks[index].source][2], cells, report, roller)
    for index, comment in review.comments:
        target = owners.get(rendered.blocks[index].source) if 0 <= index < len(rendered.blocks) else None
        remarks = (target[2].remarks if target else report.opening[0].remarks if report.opening else None)
        if remarks is not None:
            remarks.append(Remark(comment.text, comment.author, comment.date))
    moving = [(owners[rendered.blocks[index].source][2], after) for index, after in review.moved]
    for paragraph, _after in moving:
        _delete(paragraph, owners)
    landing = [(after, Paragraph(body=_new_text(report, roller, text, lexicon))) for after, text in review.inserted] + [
        (after, paragraph) for paragraph, after in moving]
    for after, paragraph in sorted(landing, key=lambda item: item[0], reverse=True):
        _insert(report, rendered, after, paragraph, owners)
    for index in sorted(set(review.deleted), reverse=True):
        if rendered.blocks[index].kind == "paragraph":
            _delete(owners[rendered.blocks[index].source][2], owners)


def _apply_cells(paragraph: Paragraph, cells: dict[tuple[int, int], str], report: Report, roller: YearRoller) -> None:
    """New words for the table's text cells (a field's cell took its value with the others)."""
    for (row, column), text in cells.items():
        if not WHOLE_FIELD.fullmatch(paragraph.rows[row][column].strip()):
            paragraph.rows[row][column] = roller.roll(escape_template_syntax(text), "修改稿")


def _values(report: Report, review: Review) -> dict[str, object]:
    values = {}
    for change in review.changes:
        if change.key[:1] == ("cell",) and change.field:
            values[change.field] = _value(report.fields[change.field], change.new)
    for _new_text, edit in review.edits.values():
        for name, printed in edit.values.items():
            if printed and name in report.fields:
                values[name] = _value(report.fields[name], printed)
            elif printed and name == "organisation":  # the title's 【待填：落款单位】 filled in
                report.meta.organisation = printed.strip()
    return values


def _value(field: Field, printed: str):
    """A field's printed value as the reviewer wrote it (13次, 320余名, 1.3万人次, 35.6%) read back as its value."""
    text = printed.strip()
    if field.type == "text":
        return text
    for part in (field.unit, field.qualifier):
        if part and text.endswith(part):
            text = text[: -len(part)]
    text = text.removeprefix("约").rstrip("余多")
    try:
        value = parse_entry(text, field.type, field.notation)
        if isinstance(value, Decimal):
            check_bounds(value, field.minimum, field.maximum)
    except NumberError as error:
        raise ReviewError(f"“{field.label}”改成的“{printed}”不能作为数值：{error}") from None
    return value


def _owners(report: Report) -> dict[str, tuple[list, int, object]]:
    """Each paragraph's and section's id → (the list holding it, its index there, itself)."""
    owners: dict[str, tuple[list, int, object]] = {}
    for container in [report.opening, report.closing]:
        for index, paragraph in enumerate(container):
            owners[paragraph.id] = (container, index, paragraph)
    stack: list[list[Section]] = [report.parts]
    while stack:
        sections = stack.pop()
        for index, section in enumerate(sections):
            owners[section.id] = (sections, index, section)
            for number, paragraph in enumerate(section.paragraphs):
                owners[paragraph.id] = (section.paragraphs, number, paragraph)
            stack.append(section.children)
    return owners


def _template(pieces: list[tuple[str, str]], roller: YearRoller, place: str) -> str:
    """Literal text rolled (the report's year as {{ year }}) and escaped; fields as references."""
    return "".join("{{ " + value + " }}" if kind == "field" else roller.roll(escape_template_syntax(value), place)
                   for kind, value in pieces)


def _apply_text(report: Report, block: Block, new_text: str, edit: BlockEdit, owners: dict, roller: YearRoller) -> None:
    if not edit.text_changed:
        return
    parts = {part: _template(pieces, roller, "修改稿") for part, pieces in edit.parts.items()}
    owner = owners.get(block.source, (None, 0, None))[2]
    if block.kind == "title":
        report.meta.title = parts.get("body", "").replace("\n", "")
    elif block.kind == "signature":
        report.meta.organisation = new_text.strip()
    elif block.kind == "recipient":
        report.meta.recipient = new_text.strip().rstrip("：:")
    elif block.kind == "date":
        try:
            report.meta.date = parse_date(new_text.strip())
        except NumberError as error:
            raise ReviewError(f"成文日期改成的“{new_text}”：{error}") from None
    elif block.kind == "heading" and isinstance(owner, Section):
        owner.heading = parts.get("body", owner.heading)
    elif block.kind == "run_in" and isinstance(owner, Section):
        owner.heading = parts.get("lead", owner.heading)
        if owner.paragraphs and "body" in edit.text_changed:
            owner.paragraphs[0].body = parts.get("body", owner.paragraphs[0].body)
    elif isinstance(owner, Paragraph):
        if "lead" in edit.text_changed:
            owner.lead = parts.get("lead", "")
        if "body" in edit.text_changed:
            owner.body = parts.get("body", "")


def _insert(report: Report, rendered: Rendered, after: int, paragraph: Paragraph, owners: dict) -> None:
    """After the block `after`: a paragraph's own list, the start of a heading's section, or the opening's start."""
    block = rendered.blocks[after] if 0 <= after < len(rendered.blocks) else None
    owner = owners.get(block.source) if block is not None else None
    if owner and isinstance(owner[2], Paragraph) and any(each is owner[2] for each in owner[0]):
        container = owner[0]
        container.insert(_position(container, owner[2]) + 1, paragraph)
    elif owner and isinstance(owner[2], Section):
        owner[2].paragraphs.insert(1 if block.kind == "run_in" else 0, paragraph)
    elif block is None or after < _first_body_block(rendered):
        report.opening.insert(0, paragraph)
    else:
        (report.closing or _last_paragraphs(report)).append(paragraph)


def _first_body_block(rendered: Rendered) -> int:
    return next((index for index, block in enumerate(rendered.blocks) if block.source), len(rendered.blocks))


def _last_paragraphs(report: Report) -> list[Paragraph]:
    if not report.parts:
        return report.opening
    section = report.parts[-1]
    while section.children:
        section = section.children[-1]
    return section.paragraphs


def _delete(paragraph: Paragraph, owners: dict) -> None:
    container = owners[paragraph.id][0]
    del container[_position(container, paragraph)]


def _position(container: list, item) -> int:
    """Where this very object stands (two paragraphs of the same words are equal, not the same)."""
    return next(index for index, each in enumerate(container) if each is item)


def _new_text(report: Report, roller: YearRoller, text: str, lexicon: Lexicon | None) -> str:
    """A paragraph the reviewer added, as a template: its figures made new fields as pasted text's are (with a
    lexicon), the report's years as references."""
    template = escape_template_syntax(text)
    if lexicon is not None:
        from drafter.core.lastyear.pasted import fields_in_pasted

        [template], fields = fields_in_pasted([template], report.fields, lexicon)
        report.fields.update((field.name, field) for field in fields)
    return roller.roll(template, "修改稿")
