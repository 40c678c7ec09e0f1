"""Project files as YAML, both ways: the strict loader (duplicate keys refused, every mapping's line kept, alias
bombs refused) and the dumper. Imported when a project file is first read or written, not before: a new report
from a template, which is kept parsed (parsed_cache), lets the window start without PyYAML."""

from __future__ import annotations

import yaml
from yaml.constructor import SafeConstructor

from drafter.core.errors import ProjectError

# A YAML alias bomb expands to billions of nodes from a few lines; no real report has near this many.
MAX_NODES = 200_000


class FlowMapping(dict):
    """A mapping written on one line: one field per line keeps long reports short and quick to load."""


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

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


def load_yaml(text: str) -> tuple[object, dict[int, int]]:
    """The document's plain data and the line of each of its mappings and lists (by id); ProjectError else."""
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


# PyYAML's words for the mistakes a hand-edited project file makes, in the user's language (others are kept as
# PyYAML says them, after “YAML：”)
_PROBLEMS = {
    "did not find expected ',' or ']'": "列表缺少“,”或“]”",
    "did not find expected ',' or '}'": "键值对缺少“,”或“}”",
    "did not find expected node content": "这里缺少内容",
    "did not find expected key": "缩进不齐，或缺少“键:”",
    "could not find expected ':'": "缺少“:”",
    "mapping values are not allowed here": "这里不能出现“键: 值”（文字中的冒号后有空格时，请给整段文字加引号）",
    "mapping values are not allowed in this context": "这里不能出现“键: 值”（文字中的冒号后有空格时，请给整段文字加引号）",
    "found unexpected end of stream": "文件在引号或括号闭合之前结束",
    "found character that cannot start any token": "这里的字符（如制表符 Tab、@、`）不能开头，请改用空格缩进或给文字加引号",
}


def _yaml_problem(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or ""
    if "constructor for the tag" in problem or "could not determine" in problem:
        return "含有不允许的标签，项目文件只能包含文字、数字和列表"
    return _PROBLEMS.get(problem, f"YAML：{problem}")


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


class _Dumper(_BaseDumper):
    pass


_Dumper.add_representer(FlowMapping, lambda dumper, data: dumper.represent_mapping(
    "tag:yaml.org,2002:map", data, flow_style=True))


def dump(data) -> str:
    """Plain data as the project file writes it: readable YAML, Chinese kept as Chinese."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
