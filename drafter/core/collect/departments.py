"""Which department answers for which field: set one field, a whole part, and list them."""

from __future__ import annotations

from drafter.core.errors import UserFacingError
from drafter.core.rendering.render import Rendered
from drafter.core.report.model import Field, Report, place_name

DRAFTING_OFFICE = "起草部门"  # who answers for fields no department was asked for


class DepartmentError(UserFacingError, ValueError):
    """A FIELD=部门 that cannot be applied; the message says why."""


def departments(report: Report) -> list[str]:
    """The project's departments in the order fields first name them (the form's drop-down offers these)."""
    return list(dict.fromkeys(field.department for field in report.fields.values() if field.department))


def fields_by_department(report: Report) -> dict[str, list[Field]]:
    """Each department's fields in the report's order; unassigned fields under DRAFTING_OFFICE, last."""
    groups: dict[str, list[Field]] = {name: [] for name in departments(report)}
    for field in report.fields.values():
        if field.department:
            groups[field.department].append(field)
        else:
            groups.setdefault(DRAFTING_OFFICE, []).append(field)
    return groups


def apply_department(report: Report, rendered: Rendered, assignment: str) -> str:
    """One NAME=部门: NAME is a field, or a part as 二 / 第二部分 / 第二部分（一） meaning every field used there.
    An empty 部门 sends the fields back to the drafting office. Returns a line describing the change."""
    key, sep, department = assignment.partition("=")
    key, department = key.strip(), department.strip()
    if not sep or not key:
        raise DepartmentError(f"“{assignment}”应写成 字段名=部门 或 第二部分=部门，例如 study_sessions=组织科")
    if department == DRAFTING_OFFICE:
        department = ""
    targets = [report.fields[key]] if key in report.fields else _fields_of_part(report, rendered, key)
    for field in targets:
        field.department = department
    who = department or DRAFTING_OFFICE
    if key in report.fields:
        return f"{report.fields[key].label}（{key}）由{who}填报"
    return f"{key}的 {len(targets)} 项统计数据由{who}填报"


def _fields_of_part(report: Report, rendered: Rendered, key: str) -> list[Field]:
    place = _place(report, key)
    if place is None:
        raise DepartmentError(f"没有名为“{key}”的字段或部分；字段名可用 drafter fields 查看，部分写作 二 或 第二部分")
    names = [name for name, places in rendered.used_in.items()
             if any(_within(used, place) for used in places) and name in report.fields]
    if not names:
        raise DepartmentError(f"{place}中没有统计数据")
    return [report.fields[name] for name in names]


def _place(report: Report, key: str) -> str | None:
    """The place name of the section `key` means, or None: 二 and 第二部分 both mean the second part."""
    for path, _section in report.walk_sections():
        name = place_name(path)
        short = name.removeprefix("第").replace("部分", "", 1)
        if key in (name, short):
            return name
    return None


def _within(used: str, place: str) -> bool:
    """第二部分（一）第3段 is within 第二部分 and 第二部分（一）; 第二部分（一）12第1段 is not within 第二部分（一）1."""
    if not used.startswith(place):
        return False
    rest = used[len(place):]
    return rest == "" or rest.startswith(("第", "（")) or (place.endswith("）") and rest[:1].isdigit())
