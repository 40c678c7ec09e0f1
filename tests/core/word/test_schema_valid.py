"""Every kind of export passes a schema validator (openxml-audit, as Office 2010 and Microsoft 365 read it):
built-in reports, an imported report with a table, footnotes and run-in headings, the comparison table,
substituted fonts, the sealed layout with attachments, a reviewer's comments exported as Word comments."""

from __future__ import annotations

import copy

from openxml_audit import FileFormat, OpenXmlValidator

from corpus.files import build
from drafter import paths
from drafter.core import actions
from drafter.core.report.model import Remark
from drafter.core.report.project import TEMPLATE_FILE, load_project
from drafter.core.word.style import with_font_substitutions
from import_helpers import import_last_year

FORMATS = [FileFormat.OFFICE_2010, FileFormat.MICROSOFT_365]


def variants(tmp_path, annual_template, fill, style):
    """(name, report, style, comparison table) for each kind of export."""
    annual = fill(annual_template)
    personal = fill(load_project(paths.templates_dir() / "个人述职报告" / TEMPLATE_FILE))
    sealed = copy.deepcopy(annual)
    sealed.meta.sealed, sealed.meta.attachments = True, ["考核细则", "名单"]
    corpus = {path.name[:2]: path for path in build(tmp_path / "corpus")}
    imported = []
    for key in ("07", "15", "22"):  # footnotes, run-in headings, a table with tracked changes and a text box
        report = import_last_year(corpus[key]).report
        for field in report.fields.values():
            field.value = field.previous if field.previous is not None else ("某地" if field.type == "text" else 1)
        imported.append((f"imported-{key}", report, style, False))
    remarked = copy.deepcopy(annual)
    remarked.parts[0].remarks.append(Remark("标题再提炼", "张书记", "2026-12-20T09:30:00Z"))
    remarked.parts[0].paragraphs[0].remarks += [Remark("数字核实一下", "李主任"), Remark("<&>", "")]
    substituted = with_font_substitutions(style, {"仿宋_GB2312": "仿宋", "方正小标宋简体": "华文中宋"})
    return [("annual", annual, style, False), ("personal", personal, style, False), ("comparison", annual, style, True),
            ("fonts", annual, substituted, False), ("sealed", sealed, style, True), ("remarks", remarked, style, False),
            *imported]


def test_every_export_variant_is_schema_valid(tmp_path, annual_template, fill, style):
    problems = []
    for name, report, variant_style, table in variants(tmp_path, annual_template, fill, style):
        path = tmp_path / f"{name}.docx"
        actions.export_project(report, variant_style, path, allow_missing=True, comparison_table=table,
                               with_remarks=name == "remarks")
        for file_format in FORMATS:
            result = OpenXmlValidator(file_format=file_format, max_errors=20).validate(str(path))
            problems += [f"{name} ({file_format.value}): {error}" for error in result.errors]
    assert problems == []
