"""Project files (YAML, versioned): load safely with line numbers, save atomically, list templates."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor

from drafter.core.errors import UserFacingError
from drafter.core import fileio
from drafter.core.convert import ShapeError, report_from_data, report_to_data
from drafter.core.model import Report

PROJECT_SUFFIX = ".drafter"
TEMPLATE_FILE = "project" + PROJECT_SUFFIX
FORMAT = 2  # 2: fields may keep a notation, a department and a source, paragraphs notes or table rows, sections
# run in, meta sealed/attachments and the collection id, fields the values of earlier years (history)
# A YAML alias bomb expands to billions of nodes from a few lines; no real report has near this many.
MAX_NODES = 200_000

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class ProjectError(UserFacingError, ValueError):
    """A project file that cannot be used; the message names the file and the place, in Chinese."""


_REMEMBERED_SCALAR = 40  # characters


class _StrictLoader(_BaseLoader):
    """The safe loader, refusing duplicate keys (a silent overwrite would lose a paragraph) and
    remembering the line of every mapping and list, so later shape errors can name it."""

    def __init__(self, stream):
        super().__init__(stream)
        self.lines: dict[int, int] = {}
        self._tags: dict[tuple[str, bool], str] = {}

    def resolve(self, kind, value, implicit):
        """A plain scalar's tag, remembered by its text: a long report names the same keys thousands of times, and
        PyYAML matches each against its patterns anew (a fifth of reading one). The safe loader has no path
        resolvers, so the tag depends on nothing else; long texts, unlikely to come again, are not kept."""
        if kind is not yaml.ScalarNode or not implicit[0] or len(value) > _REMEMBERED_SCALAR:
            return super().resolve(kind, value, implicit)
        key = (value, implicit[1])
        tag = self._tags.get(key)
        if tag is None:
            tag = self._tags[key] = super().resolve(kind, value, implicit)
        return tag


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        if key_node.tag == _MERGE_TAG:  # << brings keys a mapping may override: that is what it is for
            continue
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise ProjectError(f"第{key_node.start_mark.line + 1}行：键“{key}”重复出现，请删去多余的一处")
        seen.add(key)
    mapping = SafeConstructor.construct_mapping(loader, node, deep=True)
    loader.lines[id(mapping)] = node.start_mark.line + 1
    return mapping


def _construct_sequence(loader, node):
    sequence = SafeConstructor.construct_sequence(loader, node, deep=True)
    loader.lines[id(sequence)] = node.start_mark.line + 1
    return sequence


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_project(path: Path) -> Report:
    """Read a project file into a Report, or raise ProjectError naming the file and the line."""
    return read_project(path)[0]


def read_project(path: Path) -> tuple[Report, bytes]:
    """The Report and the bytes it was read from (for noticing later changes on disk)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProjectError(f"找不到项目文件“{path}”") from None
    except OSError as error:
        raise ProjectError(f"无法读取项目文件“{path}”：{error.strerror}") from None
    try:
        return parse_project(raw), raw
    except ProjectError as error:
        raise ProjectError(f"项目文件“{path}”{error}") from None


def parse_project(raw: bytes) -> Report:
    """A Report from the bytes of a project file; errors say where (without the file name)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ProjectError(
            f"不是 UTF-8 编码（第{line}行附近；可能以 GBK 保存），"
            "请用记事本“另存为”UTF-8 后再打开"
        ) from None
    data, lines = _load_yaml(text)
    data = _migrate(data)
    try:
        return report_from_data(data)
    except ShapeError as error:
        line = lines.get(id(error.near)) if error.near is not None else None
        where = f"第{line}行附近：" if line else ""
        raise ProjectError(f"：{where}{error}") from None


TOO_DEEP = "：文件嵌套过深，不是项目文件"
_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"


class _NeedsFullConstructor(Exception):
    """A document using what only PyYAML's own constructor does (merge keys): let it construct."""


def _plain_data(loader, node, lines: dict[int, int]):
    """The document as dicts, lists and scalars, built straight from the composed nodes: strings as they are,
    other scalars by the safe constructor. Three times faster than PyYAML's generic construction on a long
    report; duplicate keys refused and every mapping's and list's line remembered, as the strict loader does."""
    if isinstance(node, yaml.ScalarNode):
        return node.value if node.tag == _STR_TAG else loader.construct_object(node, deep=True)
    if isinstance(node, yaml.SequenceNode) and node.tag == yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG:
        sequence = [_plain_data(loader, child, lines) for child in node.value]
        lines[id(sequence)] = node.start_mark.line + 1
        return sequence
    if isinstance(node, yaml.MappingNode) and node.tag == yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG:
        mapping = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                raise _NeedsFullConstructor
            key = _plain_data(loader, key_node, lines)
            if isinstance(key, (list, dict)):
                raise ProjectError(f"第{key_node.start_mark.line + 1}行：键不能是列表或键值对")
            if key in mapping:
                raise ProjectError(f"第{key_node.start_mark.line + 1}行：键“{key}”重复出现，请删去多余的一处")
            mapping[key] = _plain_data(loader, value_node, lines)
        lines[id(mapping)] = node.start_mark.line + 1
        return mapping
    return loader.construct_object(node, deep=True)  # any other tag: the safe constructor refuses it by name


def _load_yaml(text: str):
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ProjectError("：文件是空的")
        if "&" in text:  # without an anchor there is no alias, and nothing can expand
            _check_size(node)
        try:
            return _plain_data(loader, node, loader.lines), loader.lines
        except _NeedsFullConstructor:
            loader.lines.clear()
            return loader.construct_document(node), loader.lines
    except ProjectError as error:
        message = str(error)
        raise ProjectError(message if message.startswith("：") else "：" + message) from None
    except yaml.MarkedYAMLError as error:
        if "nesting depth" in (error.problem or ""):  # PyYAML 6.0.4 stops deep nesting itself; older ones recurse
            raise ProjectError(TOO_DEEP) from None
        mark = error.problem_mark or error.context_mark
        where = f"第{mark.line + 1}行第{mark.column + 1}列" if mark else "某处"
        raise ProjectError(f"：{where}格式有误（{_yaml_problem(error)}）") from None
    except yaml.YAMLError as error:
        raise ProjectError(f"：不是有效的项目文件（{error}）") from None
    except RecursionError:
        raise ProjectError(TOO_DEEP) from None
    finally:
        loader.dispose()


def _yaml_problem(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or ""
    if "constructor for the tag" in problem or "could not determine" in problem:
        return "含有不允许的标签，项目文件只能包含文字、数字和列表"
    return problem


def _check_size(node) -> None:
    """Refuse documents whose aliases expand past any real report's size."""
    count, stack = 0, [node]
    while stack:
        current = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise ProjectError("：文件展开后过大（可能含有大量重复引用），已拒绝打开")
        if isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.extend((key, value))


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


class _FlowDict(dict):
    """A mapping written on one line: one field per line keeps long reports short and quick to load."""


class _Dumper(_BaseDumper):
    pass


_Dumper.add_representer(_FlowDict, lambda dumper, data: dumper.represent_mapping(
    "tag:yaml.org,2002:map", data, flow_style=True))


def dump_project(report: Report) -> str:
    """The project file's text: readable YAML, Chinese kept as Chinese."""
    return dump_data(project_data(report))


def project_data(report: Report) -> dict:
    """The report as the project file's plain data, a copy sharing nothing that can change (~10 ms for 250 pages,
    where writing it as YAML takes 0.2 s: the window's autosave copies at once and writes a piece at a time)."""
    # A report using nothing of format 2 is written as format 1, which every earlier version still opens; one
    # that does is refused by those versions in their own words rather than losing footnotes or tables on save.
    body = report_to_data(report)
    data = {"format": FORMAT if _uses_format_2(body) else 1, **body}
    data["fields"] = [_FlowDict(item) for item in data["fields"]]
    return data


def dump_data(data: dict) -> str:
    """project_data's copy as the project file's text."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)


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
                 "history", "previous_from"}


def _uses_format_2(data) -> bool:
    if isinstance(data, dict):
        return bool(FORMAT_2_KEYS & set(data)) or any(_uses_format_2(value) for value in data.values())
    if isinstance(data, list):
        return any(_uses_format_2(item) for item in data)
    return False


def save_project(report: Report, path: Path) -> bytes:
    """Write the project atomically, keeping the previous version as PROJECT.bak; returns what was written."""
    data = dump_project(report).encode("utf-8")
    fileio.atomic_write(Path(path), data)
    return data


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
