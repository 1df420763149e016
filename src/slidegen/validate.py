"""Turn pydantic's validation errors into located, human messages.

``('sections', 2, 'slides', 0, 'metrics', 'chart', 'type')`` from pydantic becomes
``deck.yaml:14:7: sections[2].slides[0].chart.type: expected 'bar', 'column', …; got 'barr'
(did you mean 'bar'?)``. Pydantic inserts union tags (``'metrics'``) and validator names into
error locations; walking the user's data along the location drops them.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from .errors import Problem
from .loader import Loaded, Path_
from .messages import quoted, say, shortened
from .places import key_of

_QUOTED = re.compile(r"'([^']*)'")
_COLOUR = re.compile(r"#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})\b")


def problems_from_validation(
    exc: ValidationError, loaded: Loaded, root: type[BaseModel]
) -> list[Problem]:
    """One :class:`Problem` per distinct error, located in the source file."""
    problems: dict[tuple[Path_, str], Problem] = {}
    read_as_keys: dict[Path_, Problem | None] = {}
    for error in exc.errors(include_url=False):
        path, missing = _data_path(loaded.data, error["loc"])
        item = _item_read_as_key(path, loaded, root, read_as_keys)
        if item:  # one mistake, one message (not 'missing text' and 'unknown key')
            problems.setdefault(((item.path,), item.message), item)
            continue
        if error["type"] == "union_tag_invalid" and isinstance(_at(loaded.data, path), dict):
            path = (*path, "kind")  # point at the wrong kind, not at the slide's first key
        message = _commented_out(error, path, loaded) or _message(
            error, path, missing, root, loaded.data
        )
        is_key = error["type"] == "extra_forbidden"
        location = loaded.locate(path, key=is_key)
        shown = (*path, missing) if missing is not None else path
        key = key_of(shown, loaded.data)
        problems.setdefault((shown, message), Problem(location, message, *key))
    return list(problems.values())


def _commented_out(error: ErrorDetails, path: Path_, loaded: Loaded) -> str | None:
    """An empty value with a comment after it (``primary: #00546B``): YAML read the value
    as a comment."""
    comment = loaded.comments.get(path)
    if comment is None or error.get("input") is not None:
        return None
    colour = _COLOUR.match(comment)
    if colour:
        return say("comment_not_colour", value=colour[0])
    return say("comment_not_text", value=shortened(comment))


def _item_read_as_key(
    path: Path_, loaded: Loaded, root: type[BaseModel], seen: dict[Path_, Problem | None]
) -> Problem | None:
    """The list item around ``path`` if it is text with ': ' that YAML read as a one-key
    mapping (``- Stalls: twenty new licences``): the key is not one of the item's keys, and
    the whole item, quoted, would be valid there."""
    for end in range(len(path), 0, -1):
        item = path[:end]
        if not isinstance(item[-1], int):
            continue
        if item not in seen:
            seen[item] = _read_as_key(item, loaded, root)
        if seen[item]:
            return seen[item]
    return None


def _read_as_key(item: Path_, loaded: Loaded, root: type[BaseModel]) -> Problem | None:
    mapping = _at(loaded.data, item)
    if not isinstance(mapping, dict) or len(mapping) != 1:
        return None
    ((key, value),) = mapping.items()
    if key in _allowed_keys(root, item, mapping) or isinstance(value, dict | list):
        return None
    written = "" if value is None else str(getattr(value, "source", value))
    text = f"{key}: {written}".rstrip()
    if not any(
        _accepts(annotation, text) for annotation in _annotations_at(root, item, loaded.data)
    ):
        return None
    template = "item_read_as_key" if written else "item_ending_colon_read_as_key"
    fix = "- " + quoted(shortened(text))
    location = loaded.locate((*item, key), key=True)
    key = key_of(item, loaded.data)
    return Problem(location, say(template, fix=fix), *key)


def _accepts(annotation: Any, text: str) -> bool:
    try:
        TypeAdapter(annotation).validate_python(text)
    except (ValidationError, TypeError, ValueError):
        return False
    return True


def _data_path(data: Any, loc: tuple[int | str, ...]) -> tuple[Path_, str | None]:
    """The part of ``loc`` that exists in ``data``, and the name of a missing last key."""
    path: list[str | int] = []
    current = data
    for index, part in enumerate(loc):
        after_index = index > 0 and isinstance(loc[index - 1], int)
        if after_index and isinstance(current, dict) and current.get("kind") == part:
            continue  # the discriminated union's tag, which may equal a field name ('chart')
        if (isinstance(current, dict) and isinstance(part, str) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        ):
            current = current[part]
            path.append(part)
        elif index == len(loc) - 1 and isinstance(current, dict) and isinstance(part, str):
            return tuple(path), part
        # else: a union tag or validator name pydantic put in the location; skip it
    return tuple(path), None


def _message(
    error: ErrorDetails, path: Path_, missing: str | None, root: type[BaseModel], data: Any
) -> str:
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind == "missing":
        return say("missing_key", key=missing) if missing else say("value_required")
    if kind == "extra_forbidden":
        return _unknown_key(path, root, data)
    if kind in ("literal_error", "union_tag_invalid", "enum"):
        options = _QUOTED.findall(str(ctx.get("expected") or ctx.get("expected_tags") or ""))
        got = error["input"] if kind != "union_tag_invalid" else ctx.get("tag")
        template = "wrong_kind" if kind == "union_tag_invalid" else "wrong_choice"
        listed = ", ".join(repr(o) for o in options)
        close = _closest(str(got), options)
        if close:
            return say(f"{template}_did_you_mean", options=listed, got=repr(got), suggestion=close)
        return say(template, options=listed, got=repr(got))
    if kind == "union_tag_not_found":
        return say("missing_kind")
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    if kind in ("too_long", "too_short"):
        limit = ctx.get("max_length") if kind == "too_long" else ctx.get("min_length")
        bound = "at_most" if kind == "too_long" else "at_least"
        noun = "characters" if isinstance(error["input"], str) else "items"
        return say(f"{bound}_{noun}", count=limit, actual=ctx.get("actual_length"))
    got = _short(error["input"])
    if kind in _BOUNDS:
        template, limit = _BOUNDS[kind]
        return say(template, limit=_number(ctx.get(limit)), got=got)
    if kind in _EXPECTED:
        return say(_EXPECTED[kind], got=got)
    if kind == "string_pattern_mismatch":
        return say("pattern", pattern=ctx.get("pattern"), got=got)
    message = error["msg"]  # a rarer check: pydantic's own words (English)
    if kind.startswith(("string_", "int_", "float_", "bool_", "list_", "dict_", "too_")):
        message = f"{message}; got {got}"
    return message


_BOUNDS = {
    "greater_than_equal": ("at_least", "ge"),
    "greater_than": ("more_than", "gt"),
    "less_than_equal": ("at_most", "le"),
    "less_than": ("less_than", "lt"),
}
"""Pydantic's range errors: the message and the bound it names."""
_EXPECTED = {
    "model_type": "expected_mapping",
    "dict_type": "expected_mapping",
    "model_attributes_type": "expected_mapping",
    "list_type": "expected_list",
    "string_type": "expected_text",
    "float_type": "expected_number",
    "float_parsing": "expected_number",
    "int_type": "expected_whole_number",
    "int_parsing": "expected_whole_number",
    "int_from_float": "expected_whole_number",
    "bool_type": "expected_true_false",
    "bool_parsing": "expected_true_false",
    "finite_number": "expected_finite",
}
"""Pydantic's type errors: the message saying what was expected."""


def _unknown_key(path: Path_, root: type[BaseModel], data: Any) -> str:
    key = str(path[-1]) if path else "?"
    allowed = _allowed_keys(root, path[:-1], _at(data, path[:-1]))
    close = _closest(key, allowed)
    if close:
        return say("unknown_key_did_you_mean", key=key, suggestion=close)
    if allowed:
        return say("unknown_key_allowed", key=key, allowed=", ".join(sorted(allowed)))
    return say("unknown_key", key=key)


def _number(value: Any) -> str:
    """A bound as people write it: ``12``, not ``12.0``; ``1e+15``, not 16 digits."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:g}"
    return str(value)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _closest(word: str, options: list[str] | set[str]) -> str | None:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return close[0] if close else None


def _at(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


def _allowed_keys(root: type[BaseModel], path: Path_, mapping: Any) -> set[str]:
    """Field names of the model found at ``path`` below ``root`` (empty if unknown).

    Among the kinds of a slide union, only the one named by the mapping's ``kind`` counts.
    """
    candidates: list[Any] = [root]
    for part in path:
        candidates = [child for c in candidates for child in _children(c, part)]
    models = [m for c in candidates for m in _models(c)]
    kind = mapping.get("kind") if isinstance(mapping, dict) else None
    chosen = [m for m in models if kind in typing.get_args(_field_type(m, "kind"))]
    return {key for model in (chosen or models) for key in model.model_fields}


def _field_type(model: type[BaseModel], name: str) -> Any:
    field = model.model_fields.get(name)
    return field.annotation if field else None


def _annotations_at(root: type[BaseModel], path: Path_, data: Any) -> list[Any]:
    """The types the value at ``path`` may have; among the kinds of a slide union, only the
    one each mapping on the way names."""
    candidates: list[Any] = [root]
    for part in path:
        kind = data.get("kind") if isinstance(data, dict) else None
        chosen = [
            c
            for c in candidates
            if kind is None
            or not _models(c)
            or any(kind in typing.get_args(_field_type(m, "kind")) for m in _models(c))
        ]
        candidates = [child for c in (chosen or candidates) for child in _children(c, part)]
        data = data[part]
    return candidates


def _children(annotation: Any, part: str | int) -> list[Any]:
    found: list[Any] = []
    for model in _models(annotation):
        if isinstance(part, str) and part in model.model_fields:
            found.append(model.model_fields[part].annotation)
    if isinstance(part, int):
        for arg in _flatten(annotation):
            if typing.get_origin(arg) is list:
                found.extend(typing.get_args(arg))
    return found


def _flatten(annotation: Any) -> list[Any]:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _flatten(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [leaf for arg in typing.get_args(annotation) for leaf in _flatten(arg)]
    return [annotation]


def _models(annotation: Any) -> list[type[BaseModel]]:
    return [a for a in _flatten(annotation) if isinstance(a, type) and issubclass(a, BaseModel)]
