"""A report with every field given a distinct plausible value, and the signature and date set."""

from __future__ import annotations

import copy
from decimal import Decimal


def fill(report, year: int = 2026):
    """Every field given a distinct plausible value, and the signature and date set."""
    report = copy.deepcopy(report)
    report.meta.year = year
    report.meta.organisation = "中共示例市机关工作委员会"
    report.meta.date = f"{year + 1}-01-08"
    for index, field in enumerate(report.fields.values()):
        field.value = Decimal("96.5") if field.type == "percent" else Decimal(index * 7 % 90 + 3)
    return report
