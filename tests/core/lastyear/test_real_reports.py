"""Import on the real-report corpus (real_reports/: reports written here after ones offices published, with their
truth files), each read as its .txt and as a Word file made from it; and the rule a label is accepted by."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from corpus.real import REAL_REPORTS, as_word, label_accepted, measure_real, truth_value
from import_helpers import import_last_year

REPORTS = sorted(REAL_REPORTS.glob("*.txt"))


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    folder = tmp_path_factory.mktemp("real-word")
    found = {}
    for text in REPORTS:
        truth = text.with_suffix(".truth.json")
        found[text.stem + ".txt"] = measure_real(truth, import_last_year(text).report)
        word = as_word(text, folder / f"{text.stem}.docx")
        found[text.stem + ".docx"] = measure_real(truth, import_last_year(word).report)
    return found


def test_the_corpus_is_as_large_as_the_issue_asks():
    figures = sum(len(json.loads(path.read_text(encoding="utf-8"))["figures"])
                  for path in REAL_REPORTS.glob("*.truth.json"))
    assert len(REPORTS) >= 15 and figures >= 400


@pytest.mark.parametrize("form", ["txt", "docx"])
def test_every_figure_is_found_and_nothing_else_is_taken_for_one(scores, form):
    chosen = [score for name, score in scores.items() if name.endswith(form)]
    figures, found = sum(s.figures for s in chosen), sum(s.found for s in chosen)
    fields, false = sum(s.fields for s in chosen), sum(s.false_positives for s in chosen)
    problems = [p for s in chosen for p in s.problems if not p.startswith("名称 ")][:8]
    assert found >= 0.98 * figures and false <= 0.02 * fields, problems


@pytest.mark.parametrize("form", ["txt", "docx"])
def test_labels_name_what_is_measured_and_no_number_tells_them_apart(scores, form):
    chosen = [score for name, score in scores.items() if name.endswith(form)]
    found, accepted = sum(s.found for s in chosen), sum(s.labels_accepted for s in chosen)
    problems = [p for s in chosen for p in s.problems if p.startswith("名称 ")][:8]
    assert accepted >= 0.95 * found, problems
    assert sum(s.numbered_labels for s in chosen) == 0


@pytest.mark.parametrize("report", [path.stem for path in REPORTS])
def test_the_outline_and_the_names_with_digits_come_through(scores, report):
    for form in ("txt", "docx"):
        score = scores[f"{report}.{form}"]
        assert score.parts_right and score.names_kept == score.names, score.problems[:5]


@pytest.mark.parametrize("label, accept, accepted", [
    ("地区生产总值增速", ["生产总值", "增速"], True),
    ("增速比例", ["生产总值", "增速"], False),  # the subject is lost
    ("增速比例（2）", ["增速"], False),  # told apart by a number only
    ("城镇居民人均可支配收入", ["城镇", "可支配收入"], True),
    ("城镇金额", ["城镇", "可支配收入"], False),
])
def test_a_label_is_accepted_when_it_names_the_subject_and_no_number_tells_it_apart(label, accept, accepted):
    assert label_accepted(label, {"accept": accept}) is accepted


@pytest.mark.parametrize("value, unit, held", [
    ("12.8", "亿元", ("1280000000.0", "元")), ("1.2", "万人次", ("12000.0", "人次")), ("185", "万", ("1850000", "")),
    ("12", "次", ("12", "次")), ("-3.2", "%", ("-3.2", "%")),
])
def test_the_truths_printed_value_is_compared_as_a_field_holds_it(value, unit, held):
    number, found_unit = truth_value({"value": value, "unit": unit})
    assert (number, found_unit) == (Decimal(held[0]), held[1])
