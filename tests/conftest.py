"""Shared fixtures: the built-in templates, a fully filled report and the official style."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from drafter import paths
from drafter.core.project import TEMPLATE_FILE, load_project
from drafter.core.style import load_style

ANNUAL = "年度工作报告"


def fill(report, year: int = 2026):
    """Every field given a distinct plausible value, and the signature and date set."""
    report = copy.deepcopy(report)
    report.meta.year = year
    report.meta.organisation = "中共示例市机关工作委员会"
    report.meta.date = f"{year + 1}-01-08"
    for index, field in enumerate(report.fields.values()):
        field.value = Decimal("96.5") if field.type == "percent" else Decimal(index * 7 % 90 + 3)
    return report


@pytest.fixture(scope="session", name="fill")
def fill_fixture():
    return fill


@pytest.fixture(scope="session")
def style():
    return load_style(paths.official_style_file())


@pytest.fixture(scope="session")
def annual_template():
    return load_project(paths.templates_dir() / ANNUAL / TEMPLATE_FILE)


@pytest.fixture
def filled_report(annual_template):
    return fill(annual_template)
