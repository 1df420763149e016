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
        problems.setdefault((shown, message), Problem(location, message, format_path(shown)))
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
    return Problem(location, say(template, fix=fix), format_path(item))


def _accepts(annotation: Any, text: str) -> bool:
    try:
        TypeAdapter(annotation).validate_python(text)
    except (ValidationError, TypeError, ValueError):
        return False
    return True


def format_path(path: Path_) -> str:
    """``('sections', 2, 'title')`` → ``sections[2].title``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


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
        return f"missing required key '{missing}'" if missing else "a value is required here"
    if kind == "extra_forbidden":
        key = str(path[-1]) if path else "?"
        allowed = _allowed_keys(root, path[:-1], _at(data, path[:-1]))
        hint = _did_you_mean(key, allowed)
        listed = f"; allowed: {', '.join(sorted(allowed))}" if allowed and not hint else ""
        return f"unknown key '{key}'{hint}{listed}"
    if kind in ("literal_error", "union_tag_invalid", "enum"):
        options = _QUOTED.findall(str(ctx.get("expected") or ctx.get("expected_tags") or ""))
        got = error["input"] if kind != "union_tag_invalid" else ctx.get("tag")
        what = "slide kind " if kind == "union_tag_invalid" else ""
        hint = _did_you_mean(str(got), options)
        return f"expected {what}{', '.join(repr(o) for o in options)}; got {got!r}{hint}"
    if kind == "union_tag_not_found":
        return "missing required key 'kind' (the slide's kind, e.g. 'bullets')"
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    if kind in ("too_long", "too_short"):
        limit = ctx.get("max_length") if kind == "too_long" else ctx.get("min_length")
        bound = "at most" if kind == "too_long" else "at least"
        noun = "item" if limit == 1 else "items"
        if isinstance(error["input"], str):
            noun = "character" if limit == 1 else "characters"
        return f"takes {bound} {limit} {noun}, not {ctx.get('actual_length')}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"expected a mapping (key: value); got {_short(error['input'])}"
    if kind == "list_type":
        return f"expected a list; got {_short(error['input'])}"
    if kind == "string_type":
        return f"expected text; got {_short(error['input'])}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false; got {_short(error['input'])}"
    message = error["msg"]
    if kind.startswith(("string_", "int_", "float_", "bool_", "list_", "dict_", "too_")):
        message = f"{message}; got {_short(error['input'])}"
    return message


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _did_you_mean(word: str, options: list[str] | set[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


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
