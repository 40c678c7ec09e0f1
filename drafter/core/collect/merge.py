"""Line up returned answers with the project: what changes, what conflicts, and apply only when nothing is unsettled."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field as dc_field
from decimal import Decimal

from drafter.core.collect.incoming import WorkbookAnswers
from drafter.core.report.model import Report, Source, Value
from drafter.core.text.fieldtext import quoted
from drafter.core.text.numbers import format_number

KEEP_PROJECT, TAKE_WORKBOOK = "project", "workbook"


@dataclass
class Change:
    """One field's value as a workbook gives it; old is None when the project had none."""

    name: str
    label: str
    old: Value
    new: Value
    file: str
    department: str
    conflict: bool = False  # the project already held a different value


@dataclass
class CollectionPlan:
    """What taking in a set of workbooks would do. Nothing is applied while `blocking` is not empty."""

    changes: list[Change] = dc_field(default_factory=list)  # what apply_plan will write
    confirmed: list[Change] = dc_field(default_factory=list)  # answers equal to the project's value
    kept: list[Change] = dc_field(default_factory=list)  # conflicts settled for the project's value
    conflicts: list[str] = dc_field(default_factory=list)  # unsettled: a flag or a choice decides
    refused: list[str] = dc_field(default_factory=list)  # workbooks or answers that no choice makes usable
    ignored: list[str] = dc_field(default_factory=list)  # foreign rows passed over once a side is chosen
    doubtful: list[str] = dc_field(default_factory=list)  # values far from last year's: applied, but worth a look
    left_out: list[str] = dc_field(default_factory=list)  # cells not read as a figure: not applied, the rest is

    @property
    def blocking(self) -> list[str]:
        return self.refused + self.conflicts


def plan_collection(report: Report, workbooks: list[WorkbookAnswers], prefer: str | None = None) -> CollectionPlan:
    """Compare every answer with the project and with the other workbooks. prefer says which side wins a
    conflict with the project (KEEP_PROJECT or TAKE_WORKBOOK); two workbooks that disagree are never settled."""
    plan = CollectionPlan()
    answers: dict[str, list[tuple[WorkbookAnswers, Value]]] = {}
    for book in workbooks:
        plan.refused += [f"“{book.path.name}”{problem}" for problem in book.problems]
        plan.left_out += [f"“{book.path.name}”{cell}" for cell in book.unreadable]
        foreign = [f"“{book.path.name}”{row}" for row in book.foreign]
        (plan.ignored if prefer else plan.conflicts).extend(foreign)
        for name, value in book.answers.items():
            answers.setdefault(name, []).append((book, value))
    for name, given in answers.items():
        _plan_field(report, plan, name, given, prefer)
    plan.doubtful = [line for change in plan.changes if (line := _doubt(report.fields[change.name], change.new))]
    return plan


FAR = 10  # an answer ten times last year's, or a tenth of it, is more often a wrong unit than a real change


def _doubt(field, value: Value) -> str:
    """Why a value looks like a slip (万元 typed as 元, 96.5% typed as 0.965), or empty."""
    if not isinstance(value, Decimal) or not isinstance(field.previous, Decimal) or not value or not field.previous:
        return ""
    ratio = value / field.previous
    if FAR > ratio > 1 / Decimal(FAR):
        return ""
    return (f"{quoted(field.label)}填 {shown(field, value)}，去年是 {shown(field, field.previous)}，相差十倍以上，"
            "请核对单位和小数点")


def _plan_field(report: Report, plan: CollectionPlan, name: str, given, prefer: str | None) -> None:
    field = report.fields[name]
    values = {value for _book, value in given}
    if len(values) > 1:
        if prefer == KEEP_PROJECT and field.filled:
            plan.kept.append(_change(field, field.value, given[0][0]))
            return
        said = "，".join(f"“{book.path.name}”填 {shown(field, value)}" for book, value in given)
        plan.refused.append(f"{quoted(field.label)}两份表填得不一样：{said}；请核实后改正其中一份")
        return
    book, value = given[0]
    change = _change(field, value, book)
    if field.value == value:
        plan.confirmed.append(change)
    elif not field.filled or prefer == TAKE_WORKBOOK:
        change.conflict = field.filled
        plan.changes.append(change)
    elif prefer == KEEP_PROJECT:
        plan.kept.append(change)
    else:
        change.conflict = True
        plan.conflicts.append(f"{quoted(field.label)}项目中已是 {shown(field, field.value)}，“{book.path.name}”填 "
                              f"{shown(field, value)}")
        plan.changes.append(change)  # shown in the preview; applied only once a side is chosen


def _change(field, value: Value, book: WorkbookAnswers) -> Change:
    return Change(field.name, field.label, field.value, value, book.path.name, book.who)


def shown(field, value: Value) -> str:
    """A value as the report prints it, or （空）: the one wording the CLI, the preview and the messages share."""
    return "（空）" if value is None else format_number(value, field.type, field.unit, field.qualifier)


def apply_plan(report: Report, plan: CollectionPlan, now: datetime.datetime | None = None) -> int:
    """Write the plan's values and their sources; refuses while anything is blocking. Returns how many changed."""
    if plan.blocking:
        raise ValueError("a plan with unsettled conflicts or refused workbooks is not applied")
    taken = (now or datetime.datetime.now()).replace(microsecond=0).isoformat()
    for change in plan.changes + plan.confirmed:
        field = report.fields[change.name]
        field.value = change.new
        field.source = Source(change.department, change.file, taken)
    return len(plan.changes)
