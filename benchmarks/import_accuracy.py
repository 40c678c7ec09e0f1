"""How well import reads last year's reports, over two corpora, totals against the goals:
- office-style Word files (the corpus the tests build): per file, figures found and in the right section, false
  positives, parts and sub-items, text lost or doubled, masks left;
- real reports (tests/core/lastyear/real_reports, each read as .txt and as a Word file made from it): recall, fields
  that are no figure, the parts, numbers inside names kept, and labels: equal to the clerk's, and accepted by a
  reader (tests/corpus/real.label_accepted).

Run: python benchmarks/import_accuracy.py [FOLDER]   (FOLDER: .docx files with .truth.json beside them, measured
as the office-style corpus; default: both corpora). -v lists each file's problems.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the corpus modules import one another as the tests do

from drafter import paths  # noqa: E402
from drafter.core.lastyear import ImportFailed, SourceError, import_last_year  # noqa: E402
from tests.corpus.files import build  # noqa: E402
from tests.corpus.measure import Score, measure  # noqa: E402
from tests.corpus.real import REAL_REPORTS, RealScore, as_word, measure_real  # noqa: E402

GOALS = "目标：数值召回 ≥97%，其中位置正确 ≥95%，误报 ≤1%，部分与小标题全对，无重复，丢失文字 ≤0.1%，无遮盖残留"
REAL_GOALS = "目标：数值召回 ≥98%，误报 ≤2%（占字段），部分全对，名称中的数字不拆，名称读者认可 ≥95%，不以（2）区分"


def score_real(folder: Path, scratch: Path) -> list[RealScore]:
    """Every real report of `folder`, read as its .txt and as a Word file made from it (written in `scratch`)."""
    lexicon = paths.lexicon()
    scores = []
    for text in sorted(folder.glob("*.txt")):
        truth = text.with_suffix(".truth.json")
        for source, form in ((text, "txt"), (as_word(text, scratch / f"{text.stem}.docx"), "docx")):
            try:
                score = measure_real(truth, import_last_year(source, lexicon=lexicon).report)
            except (ImportFailed, SourceError) as error:
                score = RealScore(text.stem)
                score.problems.append(f"导入失败：{error}")
            score.name = f"{text.stem}.{form}"
            scores.append(score)
    return scores


def report_real(scores: list[RealScore], verbose: bool) -> None:
    print(f"{'real report':<30}{'figures':>8}{'recall':>8}{'false+':>7}{'label=':>8}{'accept':>8}{'（n）':>5}"
          f"{'parts':>6}{'names':>7}")
    for s in scores:
        print(f"{s.name[:28]:<30}{s.figures:>8}{_pct(s.found, s.figures):>8}{s.false_positives:>7}"
              f"{_pct(s.labels_equal, s.found):>8}{_pct(s.labels_accepted, s.found):>8}{s.numbered_labels:>5}"
              f"{'✓' if s.parts_right else '✗':>6}{f'{s.names_kept}/{s.names}':>7}")
        if verbose:
            for problem in s.problems[:15]:
                print(f"    {problem}")
    total = lambda attr: sum(getattr(s, attr) for s in scores)  # noqa: E731
    names = f"{total('names_kept')}/{total('names')}"
    print(f"{'合计':<29}{total('figures'):>8}{_pct(total('found'), total('figures')):>8}{total('false_positives'):>7}"
          f"{_pct(total('labels_equal'), total('found')):>8}{_pct(total('labels_accepted'), total('found')):>8}"
          f"{total('numbered_labels'):>5}{sum(s.parts_right for s in scores):>6}"
          f"{names:>7}")
    print(f"误报占字段 {_pct(total('false_positives'), total('fields'))}%；{len(scores)} 次导入（{len(scores) // 2} 份报告，"
          f"各读 .txt 和 Word）")
    print(REAL_GOALS)


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
        print()
        report_real(score_real(REAL_REPORTS, Path(folder)), verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
