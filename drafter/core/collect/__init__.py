"""数据征集: each department gets a workbook of the figures it answers for, and its answers come back safely."""

from importlib import import_module

# Loaded on first use (PEP 562): the window imports this package at start, and most sessions never collect.
_HOMES = {"DRAFTING_OFFICE": "departments", "apply_department": "departments", "departments": "departments",
          "fields_by_department": "departments", "WorkbookAnswers": "incoming", "read_workbook": "incoming",
          "CollectionPlan": "merge", "apply_plan": "merge", "plan_collection": "merge", "write_workbooks": "outgoing"}
__all__ = sorted(_HOMES)


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
