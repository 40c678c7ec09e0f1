"""Project files (YAML, versioned): load safely with line numbers, save atomically, list templates."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from drafter.core.errors import ProjectError  # defined with the errors a user may see: project_yaml raises it too
from drafter.core.report import fileio
from drafter.core.report.convert import ShapeError, report_from_data, report_to_data
from drafter.core.report.model import Report

PROJECT_SUFFIX = ".drafter"
TEMPLATE_FILE = "project" + PROJECT_SUFFIX
FORMAT = 2  # 2: fields may keep a notation, a department and a source, paragraphs notes or table rows, sections
# run in, meta sealed/attachments and the collection id, fields the values of earlier years (history)

def load_project(path: Path) -> Report:
    """Read a project file into a Report, or raise ProjectError naming the file and the line."""
    return read_project(path)[0]


# Where each project file's parsed data is kept (parsed_cache.by_content), set by the program's entry; None (scripts,
# tests): parsed every time. Reading a 250-page project's YAML is ~0.25 s, its kept copy ~5 ms.
_parsed_copies: Path | None = None


def keep_parsed_copies(folder: Path | None) -> None:
    """Keep the data of every project read or saved from now on in `folder` (None: keep none)."""
    global _parsed_copies
    _parsed_copies = Path(folder) if folder is not None else None


def read_project(path: Path) -> tuple[Report, bytes]:
    """The Report and the bytes it was read from (for noticing later changes on disk)."""
    path = Path(path)
    with _naming_the_file(path):
        raw = path.read_bytes()
        return _parse_keeping_a_copy(path, raw), raw


def _parse_keeping_a_copy(path: Path, raw: bytes) -> Report:
    """parse_project(raw), from the copy kept for exactly these bytes when there is one; else parsed and kept, once
    it has read without a fault (a copy never stands for a file whose errors would need their lines)."""
    if _parsed_copies is None:
        return parse_project(raw)
    from drafter.core.report.parsed_cache import by_content, keep_by_content

    data = by_content(path, raw, _parsed_copies)
    if data is not None:
        return _report(_migrate(data), {})
    data, lines = _project_data(raw)
    report = _report(data, lines)
    keep_by_content(path, raw, data, _parsed_copies)
    return report


def load_template(path: Path, cache: Path | None = None) -> Report:
    """A template's Report, as load_project reads it; its data kept parsed in the cache folder (None: not kept),
    so a new report from it needs no YAML parser."""
    from drafter.core.report.parsed_cache import parsed

    path = Path(path)
    lines: dict[int, int] = {}  # the lines of a file parsed now; a kept copy was read without a fault before

    def parse(raw: bytes) -> dict:
        data, found = _project_data(raw)
        lines.update(found)
        return data

    with _naming_the_file(path):
        return _report(parsed(path, parse, cache), lines)


@contextmanager
def _naming_the_file(path: Path) -> Iterator[None]:
    """Reading errors as ProjectError naming the file."""
    try:
        yield
    except FileNotFoundError:
        raise ProjectError(f"找不到项目文件“{path}”") from None
    except ProjectError as error:
        raise ProjectError(f"项目文件“{path}”{error}") from None
    except OSError as error:
        raise ProjectError(f"无法读取项目文件“{path}”：{fileio.read_reason(error)}") from None


def parse_project(raw: bytes) -> Report:
    """A Report from the bytes of a project file; errors say where (without the file name)."""
    return _report(*_project_data(raw))


_NOT_A_PROJECT = {  # how other files people mix up with a project begin, and what to say
    b"PK\x03\x04": "是 Word 文档（.docx）或其他压缩文件，不是起草助手的项目文件",
    b"\xd0\xcf\x11\xe0": "是旧版 Word 或 WPS 文档（.doc/.wps），不是起草助手的项目文件",
    b"%PDF": "是 PDF 文件，不是起草助手的项目文件",
}
_USE_IMPORT = "；要把去年的文稿变成项目，请用“导入去年文稿”（drafter import）"


def _project_data(raw: bytes) -> tuple[dict, dict[int, int]]:
    """The file's plain data (checked to be a project of a format this version reads) and its lines."""
    for start, what in _NOT_A_PROJECT.items():
        if raw.startswith(start):  # read as text it would be “not UTF-8”, with advice that would damage it
            raise ProjectError(what + _USE_IMPORT)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ProjectError(
            f"不是 UTF-8 编码（第{line}行附近；可能以 GBK 保存），"
            "请用记事本“另存为”UTF-8 后再打开"
        ) from None
    from drafter.core.report.project_yaml import load_yaml  # PyYAML loads for the first project file read

    data, lines = load_yaml(text)
    return _migrate(data), lines


def _report(data: dict, lines: dict[int, int]) -> Report:
    try:
        return report_from_data(data)
    except ShapeError as error:
        line = lines.get(id(error.near)) if error.near is not None else None
        where = f"第{line}行附近：" if line else ""
        raise ProjectError(f"：{where}{error}") from None


def _migrate(data):
    if not isinstance(data, dict):
        raise ProjectError("：不是项目文件（最外层应是键值对）")
    version = data.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ProjectError("：缺少 format 版本号，不是起草助手的项目文件")
    if version > FORMAT:
        raise ProjectError(f"：由较新版本的起草助手保存（格式 {version}），请升级本程序后再打开")
    if version < 1:
        raise ProjectError(f"：格式版本 {version} 无法识别")
    return data


def dump_project(report: Report) -> str:
    """The project file's text: readable YAML, Chinese kept as Chinese."""
    return dump_data(project_data(report))


def project_data(report: Report) -> dict:
    """The report as the project file's plain data, a copy sharing nothing that can change (~10 ms for 250 pages,
    where writing it as YAML takes 0.2 s: the window's autosave copies at once and writes a piece at a time)."""
    # A report using nothing of format 2 is written as format 1, which every earlier version still opens; one
    # that does is refused by those versions in their own words rather than losing footnotes or tables on save.
    from drafter.core.report.project_yaml import FlowMapping  # PyYAML loads for the first save, not to start

    body = report_to_data(report)
    data = {"format": FORMAT if _uses_format_2(body) else 1, **body}
    data["fields"] = [FlowMapping(item) for item in data["fields"]]
    return data


def dump_data(data: dict) -> str:
    """project_data's copy as the project file's text."""
    from drafter.core.report.project_yaml import dump

    return dump(data)


def dump_in_steps(data: dict, items_per_step: int = 40) -> Iterator[str]:
    """dump_data's text in pieces, a long list (fields, parts) a few items at a time, for a caller that lets other
    work in between; joined, they are the same text (a top-level list is written as a key's list is)."""
    for key, value in data.items():
        if isinstance(value, list) and value:
            yield f"{key}:\n"
            for start in range(0, len(value), items_per_step):
                yield dump_data(value[start:start + items_per_step])
        else:
            yield dump_data({key: value})


FORMAT_2_KEYS = {"notation", "notes", "rows", "run_in", "sealed", "attachments", "department", "source", "id",
                 "history", "previous_from", "remarks"}


def _uses_format_2(data) -> bool:
    if isinstance(data, dict):
        return bool(FORMAT_2_KEYS & set(data)) or any(_uses_format_2(value) for value in data.values())
    if isinstance(data, list):
        return any(_uses_format_2(item) for item in data)
    return False


def save_project(report: Report, path: Path) -> bytes:
    """Write the project atomically, keeping the previous version as PROJECT.bak; returns what was written."""
    data = project_data(report)
    written = dump_data(data).encode("utf-8")
    fileio.atomic_write(Path(path), written)
    if _parsed_copies is not None:  # the next open or export reads this copy: the YAML just written reads back as it
        from drafter.core.report.parsed_cache import keep_by_content

        keep_by_content(Path(path), written, data, _parsed_copies)
    return written


def list_templates(folder: Path) -> list[tuple[str, str]]:
    """The report kinds in a templates folder as (name, one-line description)."""
    kinds = []
    for entry in sorted(Path(folder).iterdir()) if Path(folder).is_dir() else []:
        project_file = entry / TEMPLATE_FILE
        if project_file.is_file():
            kinds.append((entry.name, load_project(project_file).description))
    return kinds


def new_from_template(template: Report, year: int) -> Report:
    """A fresh project for a year: the template's text, fields without values."""
    report = copy.deepcopy(template)
    report.meta.year = year
    for field in report.fields.values():
        field.value = None
    return report
