"""Mutation testing of drafter/core with mutmut, in a scratch copy of the working tree; prints the score per module.

Run: python scripts/mutation.py [--keep] [--tests FILE,FILE] [MODULE ...]   (default: MODULES; needs mutmut)
--tests narrows the tests mutmut may run (default: TESTS_FOR's files when every module named has them, else all
of tests/core); the fast files for a module make it minutes instead of hours. With --keep the scratch copy stays (its path is printed): `mutmut show NAME` there shows a survivor.
It is too slow for every CI run (minutes per module on two cores); run it after changing a module and its tests.
Score = killed / (killed + survived); mutants no test reaches are counted apart ("no tests").
"""

from __future__ import annotations

import collections
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULES = ["text.numbers", "text.figures", "lastyear.naming.labels", "text.yearroll", "years.history", "rendering.render",
           "years.checks", "years.fixes", "report.fileio", "report.convert", "report.project"]
# The Qt-free tests: mutmut maps each function to the tests that run it and runs only those per mutant.
TESTS = ["tests/core", "tests/test_cli.py", "tests/test_cli_collect.py"]


def _test_file(name: str) -> str:
    """A Qt-free test file by its name, wherever in tests/core (or tests/, the command line's) it stands."""
    found = [path for path in sorted((ROOT / "tests").rglob(f"{name}.py")) if "gui" not in path.parts]
    return str(found[0].relative_to(ROOT))


_SLOW = ["--deselect=tests/core/test_reliability.py::test_load_loop_on_300_pages_keeps_memory_bounded_and_every_edit",
         "--deselect=tests/core/collect/test_collect.py::test_round_trip_through_libreoffice_fills_every_field_with_its_source"]
_FILES = ["test_project", "test_project_table", "test_fileio_table", "test_reliability", "test_years",
          "test_history_and_notation", "test_collect", "test_cli", "test_export", "test_import"]
# Every file of tests/core but the importer's LibreOffice corpus and the schema check of every export variant.
_QUICK = sorted(str(path.relative_to(ROOT)) for path in [*(ROOT / "tests" / "core").rglob("test_*.py"),
                                                         *(ROOT / "tests").glob("test_cli*.py")]
                if path.name not in ("test_import_office.py", "test_schema_valid.py")) + _SLOW
_IMPORTER = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "tests" / "core" / "lastyear").rglob("test_*.py")
                   if path.name not in ("test_import_office.py", "test_import_office_fourth.py",
                                        "test_import_fuzz.py"))
_REVIEW = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "tests" / "core" / "review").glob("test_*.py")) + [
    "tests/test_cli_review.py"]
# Where all of tests/core would take hours (the importer's corpus converts files with LibreOffice in every run),
# the tests that check the module's behaviour; the scores in docs/testing.md were measured with these.
TESTS_FOR = {
    "rendering.render": [_test_file(name) for name in (
        "test_render", "test_render_table", "test_export", "test_years", "test_history_and_notation",
        "test_outline_and_text", "test_checks", "test_checks_table", "test_import")],
    "lastyear.naming.labels": ["tests/core/lastyear/naming/test_labels_table.py", "tests/core/lastyear/test_import.py",
                        "tests/core/lastyear/test_import_office.py"],
    "report.fileio": [_test_file(name) for name in _FILES] + _SLOW,
    "report.project": [_test_file(name) for name in _FILES] + _SLOW,
    "report.convert": [_test_file(name) for name in (
        "test_convert_table", "test_project", "test_project_table", "test_years", "test_history_and_notation",
        "test_reliability", "test_collect")] + _SLOW,
    **{module: _QUICK for module in (
        "text.pieces", "text.spans", "years.compare", "text.fieldtext", "report.names", "word.wordmeta",
        "years.rollforward", "rendering.sandbox", "rendering.jinjaenv", "report.outline", "report.document", "actions",
        "word.export", "word.docxml", "word.style", "text.lexicon", "report.parsed_cache")},
    # the importer's own test files, without the office corpus (LibreOffice in every run) and the fuzz test
    **{f"lastyear.{module}": _IMPORTER for module in (
        "textfile", "lines", "frame", "tables", "summary", "source", "builder", "finder", "years",
        "naming.listed", "naming.apart", "naming.wording")},
    **{f"review.{module}": _REVIEW for module in (
        "changes", "applying", "reviewed", "segments", "in_place", "exported", "taking")},
}
COPY = ["drafter", "resources", "templates", "tests", "benchmarks", "pyproject.toml", "README.md"]


# Appended to the scratch copy's tests/conftest.py. mutmut runs each mutant's tests in a process forked from one
# that has run the suite, so whatever the code keeps between calls (the export shell in memory and in the cache
# folder, compiled templates, lru_caches) would be the original code's, and mutants in the code that made it would
# never run. Every test starts without them here (in the real suite they stay shared: it is faster).
FRESH_CACHES = '''

@pytest.fixture(autouse=True)
def _nothing_kept_between_tests(tmp_path, monkeypatch):
    import functools
    import sys

    from drafter.core.word import export

    monkeypatch.setenv("DRAFTER_CACHE", str(tmp_path / "mutation-cache"))
    monkeypatch.setattr(export, "_last_shell", None)
    for name, module in list(sys.modules.items()):
        if name.startswith("drafter.core"):
            for value in list(vars(module).values()):
                # jieba's dictionary (_tagger) is data, not code under test, and takes a second to load
                if isinstance(value, functools._lru_cache_wrapper) and value.__name__ != "_tagger":
                    value.cache_clear()
'''


def scratch_copy(folder: Path, modules: list[str], tests: list[str]) -> None:
    for name in COPY:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / name)
    # mutmut runs the tests in folder/mutants: the shared sample they read sits two levels above a test file
    (folder / "shared").symlink_to(ROOT.parent / "shared", target_is_directory=True)
    paths = ", ".join(f'"drafter/core/{module.replace(".", "/")}.py"' for module in modules)
    tests = ", ".join(f'"{test}"' for test in tests)
    with (folder / "tests" / "conftest.py").open("a", encoding="utf-8") as conftest:
        conftest.write(FRESH_CACHES)
    with (folder / "pyproject.toml").open("a", encoding="utf-8") as config:
        config.write(f'\n[tool.mutmut]\nsource_paths = [{paths}]\npytest_add_cli_args_test_selection = [{tests}]\n'
                     'also_copy = ["drafter", "resources", "templates", "tests", "benchmarks"]\n')


def scores(folder: Path) -> dict[str, collections.Counter]:
    listing = subprocess.run(["mutmut", "results", "--all", "true"], cwd=folder, capture_output=True, text=True,
                             encoding="utf-8").stdout
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for line in listing.splitlines():
        if ":" in line:
            name, status = line.strip().rsplit(":", 1)
            counts[_module_of(name)][status.strip()] += 1
    return counts


def _module_of(mutant: str) -> str:
    """drafter.core.lastyear.naming.labels.x_label__mutmut_3 → lastyear.naming.labels (the parts before the function's name)."""
    parts = mutant.split(".")[2:]
    function = next(index for index, part in enumerate(parts) if part.startswith(("x_", "xǁ")))
    return ".".join(parts[:function])


def main(modules: list[str], keep: bool = False, tests: list[str] = TESTS) -> int:
    with tempfile.TemporaryDirectory(prefix="drafter-mutation-") as name:
        folder = Path(tempfile.mkdtemp(prefix="drafter-mutation-kept-")) if keep else Path(name)
        if keep:
            print(f"scratch copy: {folder}", flush=True)
        scratch_copy(folder, modules, tests)
        run = subprocess.run(["mutmut", "run", "--max-children", "2"], cwd=folder, capture_output=True, text=True,
                             encoding="utf-8")
        if run.returncode:
            print(run.stdout[-3000:], run.stderr[-3000:], sep="\n")
            return 1
        counts = scores(folder)
    print(f"{'module':<12}{'killed':>8}{'survived':>10}{'no tests':>10}{'score':>8}")
    total = collections.Counter()
    for module in modules:
        count = counts.get(module, collections.Counter())
        total.update(count)
        print(_row(module, count))
    print(_row("all", total))
    return 0


def _row(name: str, count: collections.Counter) -> str:
    killed, survived = count["killed"], count["survived"]
    score = f"{killed / (killed + survived):.0%}" if killed + survived else "—"
    return f"{name:<12}{killed:>8}{survived:>10}{count['no tests']:>10}{score:>8}"


def tests_for(modules: list[str]) -> list[str]:
    """The tests for these modules together: all of tests/core unless each has its own list."""
    if not all(module in TESTS_FOR for module in modules):
        return TESTS
    return list(dict.fromkeys(test for module in modules for test in TESTS_FOR[module]))


def _arguments(argv: list[str]) -> tuple[list[str], bool, list[str] | None]:
    modules, keep, tests = [], False, None
    words = iter(argv)
    for word in words:
        if word == "--keep":
            keep = True
        elif word == "--tests":
            tests = next(words).split(",")
        else:
            modules.append(word)
    return modules or MODULES, keep, tests


if __name__ == "__main__":
    chosen, kept, selected = _arguments(sys.argv[1:])
    sys.exit(main(chosen, keep=kept, tests=selected or tests_for(chosen)))
