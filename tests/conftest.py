"""Shared fixtures: the built-in templates, a fully filled report and the official style."""

from __future__ import annotations

import os
import tempfile

import pytest

from drafter import paths
from drafter.core.report.project import TEMPLATE_FILE, load_project
from drafter.core.word.style import load_style
from filling import fill

ANNUAL = "年度工作报告"
# Exports keep their empty document in a cache folder; tests keep theirs apart from the user's.
os.environ.setdefault("DRAFTER_CACHE", tempfile.mkdtemp(prefix="drafter-cache-"))


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
