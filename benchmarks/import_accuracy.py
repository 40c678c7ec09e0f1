"""How well import reads office-style Word files: per corpus file, figures found and in the right section,
false positives, parts and sub-items, text lost or doubled, masks left; totals against the goals.

Run: python benchmarks/import_accuracy.py [FOLDER]   (FOLDER: .docx files with .truth.json beside them;
default: the corpus the tests build, written to a temporary folder). -v lists each file's problems.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafter import paths  # noqa: E402
from drafter.core.lastyear import ImportFailed, SourceError, import_last_year  # noqa: E402
from tests.corpus.files import build  # noqa: E402
from tests.corpus.measure import Score, measure  # noqa: E402

GOALS = "目标：数值召回 ≥97%，其中位置正确 ≥95%，误报 ≤1%，部分与小标题全对，无重复，丢失文字 ≤0.1%，无遮盖残留"


def score_folder(folder: Path) -> list[Score]:
    lexicon = paths.lexicon()
    scores = []
    for path in sorted(folder.glob("*.docx")):
        if not path.with_suffix(".truth.json").exists():
            continue
        try:
            scores.append(measure(path, import_last_year(path, lexicon=lexicon)))
        except (ImportFailed, SourceError) as error:
            failed = Score(path.stem)
            failed.problems.append(f"导入失败：{error}")
            scores.append(failed)
    return scores


def report(scores: list[Score], verbose: bool) -> None:
    print(f"{'file':<34}{'figures':>8}{'recall':>8}{'placed':>8}{'false+':>7}{'parts':>6}{'subs':>5}"
          f"{'lost%':>7}{'dup%':>6}{'mask':>5}{'frame':>6}")
    for s in scores:
        print(f"{s.name[:32]:<34}{s.figures:>8}{_pct(s.found, s.figures):>8}{_pct(s.placed, s.found):>8}"
              f"{s.false_positives:>7}{'✓' if s.parts_right else '✗':>6}{'✓' if s.subs_right else '✗':>5}"
              f"{_pct(s.lost_chars, s.text_chars, 2):>7}{_pct(s.doubled_chars, s.text_chars, 1):>6}{s.masked_left:>5}"
              f"{'✓' if s.frame_right else '✗':>6}")
        if verbose:
            for problem in s.problems[:12]:
                print(f"    {problem}")
    total = lambda attr: sum(getattr(s, attr) for s in scores)  # noqa: E731
    print(f"{'合计':<33}{total('figures'):>8}{_pct(total('found'), total('figures')):>8}"
          f"{_pct(total('placed'), total('found')):>8}{total('false_positives'):>7}"
          f"{sum(s.parts_right for s in scores):>6}{sum(s.subs_right for s in scores):>5}"
          f"{_pct(total('lost_chars'), total('text_chars'), 2):>7}{_pct(total('doubled_chars'), total('text_chars'), 1):>6}"
          f"{total('masked_left'):>5}{sum(s.frame_right for s in scores):>6}")
    print(f"误报率 {_pct(total('false_positives'), total('figures'))}；{len(scores)} 个文件")
    print(GOALS)


def _pct(part: int, whole: int, digits: int = 1) -> str:
    return f"{100 * part / whole:.{digits}f}" if whole else "—"


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    folders = [Path(arg) for arg in argv if arg != "-v"]
    if folders:
        report(score_folder(folders[0]), verbose)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        build(Path(folder))
        report(score_folder(Path(folder)), verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
