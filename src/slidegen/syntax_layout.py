"""Syntax errors of layout: colons, dashes and indentation (see :mod:`slidegen.syntax`).

Most of these show up a line late: a line indented too far continues the text of the line
above, so libyaml complains about its colon. The rules mend the suspect line (re-indent it,
add the missing ':') and keep the explanation only if the mended text parses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import yaml

from .messages import say, shortened
from .yamltext import ITEM, Diagnosis, Source, SyntaxFacts, tokens_before

_MAPPING_COLON = re.compile(r":(?= |\t|$)")


_KEY_OR_ITEM = re.compile(r"(- |-$|[^\s:#][^:#]*:( |$))")


def _stray_start(source: Source, error: SyntaxFacts) -> Diagnosis | None:
    """A character typed before a line's key or '- ' (``]  title: …``, ``:- item``)."""
    for number in dict.fromkeys((error.start_line, error.line)):
        text = source.line(number)
        start = len(text) - len(text.lstrip(" "))
        char, rest = text[start : start + 1], text[start + 1 :].lstrip(" ")
        if char and char in "[]{}:,'\"" and _KEY_OR_ITEM.match(rest):
            removed = text[:start] + text[start + 1 :]
            if source.confirms({number: removed}, error.line):
                return Diagnosis(number, start + 1, say("stray_character", char=char))
    return None


def _too_deep(source: Source, error: SyntaxFacts) -> Diagnosis | None:
    if "nesting depth" not in error.problem:
        return None
    return Diagnosis(error.line, error.column, say("too_deep"))


def _second_document(source: Source, error: SyntaxFacts) -> Diagnosis | None:
    if "another document" not in error.problem:
        return None
    return Diagnosis(error.line, error.column, say("second_document"))


def _first_line_indented(source: Source, error: SyntaxFacts) -> Diagnosis | None:
    """The top level ended early: its first line is indented, a later one is not."""
    if "document start" not in error.problem:
        return None
    first = next((n for n in range(1, error.line) if source.is_content(n)), 0)
    if not first or source.indent(first) == 0:
        return None
    return Diagnosis(first, source.indent(first) + 1, say("first_line_indented", line=first))


def _list_after_key(source: Source, error: SyntaxFacts) -> Diagnosis | None:
    """``title: - text``: a '- ' right after a key starts a list, which cannot go there."""
    if "sequence entries are not allowed" not in error.problem:
        return None
    fix = source.quoted_from(error.line, error.column - 1)
    return Diagnosis(error.line, error.column, say("list_after_key", fix=shortened(fix)))


def _colon(source: Source, error: SyntaxFacts) -> Diagnosis | None:
    """A ': ' libyaml cannot take as a key's: in a text, or on a line that continues the
    line above (indented too far, or the line above lacks its own ':')."""
    if "mapping values are not allowed" not in error.problem:
        return None
    number, text = error.line, source.line(error.line)
    first = _MAPPING_COLON.search(text, _content_start(text))
    if first and first.start() == error.column - 1:
        above = next(source.content_above(number), 0)
        return (
            _missing_colon(source, above, number)
            or _reindented(source, number)
            or _indented_unknown(source, number)
        )
    template = "colon_ends_text" if not text[error.column :].strip() else "colon_in_text"
    fix = source.quoted_from(number, source.text_start(number))
    return Diagnosis(number, error.column, say(template, fix=shortened(fix)))


def _key_without_colon(source: Source, error: SyntaxFacts) -> Diagnosis | None:
    """A line libyaml took for a key but found no ':' after (``title Sei mesi``, ``-item``)."""
    if "could not find expected ':'" not in error.problem or not error.start_line:
        return None
    number, text = error.start_line, source.line(error.start_line)
    start = _content_start(text)
    if text[start : start + 1] in ("'", '"'):
        return quote_across_lines(source, number, start + 1, text[start], error.line)
    if text[start : start + 1] == "-" and text[start + 1 : start + 2] not in ("", " ", "-"):
        fix = text[start] + " " + text[start + 1 :].strip()
        return Diagnosis(number, start + 1, say("dash_without_space", fix=shortened(fix)))
    return (
        _missing_colon(source, number, number)
        or _reindented(source, number)
        or Diagnosis(number, start + 1, say("text_without_key"))
    )


def _block(source: Source, error: SyntaxFacts) -> Diagnosis | None:
    """A line that does not fit the block it is in: a '- ' among keys, a key among '- '
    items, text after a [list], or a line indented differently from its neighbours."""
    if "block" not in error.context and "block" not in error.problem:
        return None
    number, text = error.line, source.line(error.line)
    if source.char(number, error.column) == "-" and "mapping" in error.context:
        first_item = _first_item_unlisted(source, number, error.column - 1)
        if first_item:
            return first_item
        unlisted = text[: error.column - 1] + text[error.column :].lstrip(" ")
        if source.confirms({number: unlisted}, source.block_end(number)):
            return Diagnosis(number, error.column, say("dash_among_keys"))
    after_brackets = _text_after_brackets(source, error)
    if after_brackets:
        return after_brackets
    return _reindented(source, number) or _block_fallback(source, error, number)


def _first_item_unlisted(source: Source, number: int, dash: int) -> Diagnosis | None:
    """A '- ' item among keys because the list's first item lost its '- ' (``-items:``,
    ``-- items:``, ``items:`` one space in): libyaml notices at the second item, lines below.
    The first line of the block is mended into an item like line ``number``."""
    parent = next((a for a in source.content_above(number) if source.indent(a) < dash), 0)
    first = next((n for n in range(parent + 1, number) if source.is_content(n)), number)
    text = source.line(first)
    start = source.indent(first)
    opens = source.line(parent).split(" #")[0].rstrip().endswith(":")
    if not parent or not opens or first == number or text[start:].startswith("- "):
        return None
    content = text[start:].lstrip("- ")
    opens_block = content.rstrip().endswith(":") and source.block_end(first) > first
    if not content or not (text[start] == "-" or opens_block):
        return None
    mended = " " * dash + "- " + content
    if not source.confirms({first: mended}, source.block_end(number)):
        return None
    if text[start : start + 1] != "-":
        fix = shortened(mended.strip())
        return Diagnosis(first, start + 1, say("item_without_dash", other=number, fix=fix))
    if text[start + 1 : start + 2] not in ("-", " "):
        fix = shortened(mended.strip())
        return Diagnosis(first, start + 1, say("dash_without_space", fix=fix))
    return Diagnosis(first, start + 1, say("stray_character", char="-"))


def _text_after_brackets(source: Source, error: SyntaxFacts) -> Diagnosis | None:
    """``title: [Nuovo] piano``: a value that starts with '[' or '{' is a list or a group,
    and the text after its closing bracket cannot follow."""
    number = error.line
    start = source.text_start(number)
    opener = source.char(number, start + 1)
    if opener not in ("[", "{"):
        return None
    tokens = tokens_before(source.mended({}), number, error.column)
    closing = tokens and isinstance(
        tokens[-1], yaml.FlowSequenceEndToken | yaml.FlowMappingEndToken
    )
    if not closing or tokens[-1].end_mark.line + 1 != number:
        return None
    fix = shortened(source.quoted_from(number, start))
    return Diagnosis(number, start + 1, say("text_after_brackets", opener=opener, fix=fix))


def _block_fallback(source: Source, error: SyntaxFacts, number: int) -> Diagnosis:
    start = _content_start(source.line(number)) + 1
    if source.char(number, error.column) == "-" and "mapping" in error.context:
        return Diagnosis(number, error.column, say("dash_among_keys"))
    if "'-' indicator" in error.problem:
        return Diagnosis(number, start, say("key_among_items"))
    return _indented_unknown(source, number) or Diagnosis(number, start, say("cannot_read"))


def quote_across_lines(
    source: Source, line: int, column: int, quote: str, end_line: int
) -> Diagnosis:
    """A quoted text from line ``line`` to ``end_line`` with trouble right after it: most
    likely its quote was never closed on its own line (a quote further down closed it), or
    the quote is one too many."""
    text = source.line(line)
    without = text[: column - 1] + text[column:]
    if source.confirms({line: without}, end_line):
        return Diagnosis(line, column, say("stray_quote", quote=quote))
    return Diagnosis(line, column, say("unclosed_quote", quote=quote))


# -- mending ----------------------------------------------------------------------------------


def _content_start(text: str) -> int:
    """Where a line's own text starts: after the indentation and any '- '."""
    start = len(text) - len(text.lstrip(" "))
    item = ITEM.match(text, start)
    return item.end() if item else start


def _missing_colon(source: Source, number: int, past: int) -> Diagnosis | None:
    """Line ``number`` mended with the ':' after its first word (or at its end), if that
    makes the text parse up to line ``past``."""
    text = source.line(number).rstrip()
    start = _content_start(text)
    content = text[start:]
    if not content or content[0] in "\"'[{#&*!|>" or _MAPPING_COLON.search(content):
        return None
    space = text.find(" ", start)
    for at in ([space] if space > start else []) + [len(text)]:
        mended = text[:at] + ":" + text[at:]
        if source.confirms({number: mended}, past):
            fix = shortened(mended.strip())
            return Diagnosis(number, at + 1, say("missing_colon", key=text[start:at], fix=fix))
    return None


def _reindented(source: Source, number: int) -> Diagnosis | None:
    """Line ``number`` (or the line above that is really at fault) re-indented like a line
    above it, if that makes the text parse past its block."""
    return (
        _runs_on(source, number)
        or _odd_line_above(source, number)
        or _reindented_like_above(source, number)
    )


def _reindented_like_above(source: Source, number: int) -> Diagnosis | None:
    current = source.indent(number)
    for spaces, other in _indents_above(source, number):
        if spaces != current and _shift_confirms(source, number, spaces - current):
            return _indented_differently(number, current, other, spaces, "above")
    return None


def _odd_line_above(source: Source, number: int) -> Diagnosis | None:
    """An odd indentation in the block above (one space added or lost) that shows up only at
    line ``number``, indented evenly: re-indent that line like this one."""
    current = source.indent(number)
    if current % 2:
        return None
    for above in _chain_above(source, number):
        spaces = source.indent(above)
        odd = spaces % 2 and abs(spaces - current) == 1
        if odd and _shift_confirms(source, above, current - spaces, past=number):
            return _indented_differently(above, spaces, number, current, "below")
        if spaces < current:
            return None
    return None


def _runs_on(source: Source, number: int) -> Diagnosis | None:
    """Text that started lines above and swallowed the lines up to ``number`` (a line that
    lost its '- ' or ':' continues the text above it): point at where it started."""
    tokens = tokens_before(source.mended({}), number, source.indent(number) + 1)
    if not tokens or not isinstance(tokens[-1], yaml.ScalarToken) or tokens[-1].style:
        return None
    start, end = tokens[-1].start_mark.line + 1, tokens[-1].end_mark.line + 1
    if start >= number - 1 or end < number - 1:
        return None
    column = tokens[-1].start_mark.column + 1
    return Diagnosis(start, column, say("text_runs_on", line=start, end=number))


def _shift_confirms(source: Source, number: int, shift: int, past: int = 0) -> bool:
    """Shifting line ``number`` by ``shift`` spaces makes the text parse past ``past`` (its
    block): alone if it has a value on its line, with the lines below it if it opens a
    block (ends with ':' or is a bare '-')."""
    spaces = source.indent(number)
    end = source.block_end(number, max(spaces, spaces + shift))
    text = source.line(number).rstrip()
    opens_block = text.endswith((":", "-", ">-", "|", ">")) or (end > number and ": " not in text)
    lines = range(number, end + 1) if opens_block else range(number, number + 1)
    changes = {n: _shifted(source.line(n), shift) for n in lines}
    return source.confirms(changes, max(past, lines[-1]))


def _indented_differently(
    line: int, spaces: int, other: int, other_spaces: int, where: str
) -> Diagnosis:
    message = say(
        f"indented_differently_{where}",
        line=line,
        other=other,
        spaces=_spaces(spaces),
        other_spaces=_spaces(other_spaces),
    )
    return Diagnosis(line, spaces + 1, message)


def _chain_above(source: Source, number: int) -> Iterator[int]:
    """The content line above ``number``, then each line above with less indentation: the
    blocks that enclose it, nearest first."""
    smallest = None
    for above in source.content_above(number):
        spaces = source.indent(above)
        if smallest is None or spaces < smallest:
            smallest = spaces
            yield above
            if spaces == 0:
                return


def _indents_above(source: Source, number: int) -> Iterator[tuple[int, int]]:
    """Indentations a line could have, with the nearest line above that has each: the line
    just above (and its text after '- '), then each enclosing block's, nearest first."""
    seen: set[int] = set()
    for above in _chain_above(source, number):
        spaces, content = source.indent(above), _content_start(source.line(above))
        for candidate in (spaces, content):
            if candidate not in seen:
                seen.add(candidate)
                yield candidate, above
        if len(seen) > 8:
            return


def _shifted(text: str, shift: int) -> str:
    if not text.strip():
        return text
    spaces = len(text) - len(text.lstrip(" "))
    return " " * max(spaces + shift, 0) + text.lstrip(" ")


def _spaces(count: int) -> str:
    return say("no_spaces") if count == 0 else str(count)


def _indented_unknown(source: Source, number: int) -> Diagnosis | None:
    above = next(source.content_above(number), 0)
    if not above or source.indent(above) == source.indent(number):
        return None
    start = source.indent(number) + 1
    return Diagnosis(number, start, say("indented_unknown", line=number))


LAYOUT_RULES: list[Callable[[Source, SyntaxFacts], Diagnosis | None]] = [
    _stray_start,
    _too_deep,
    _second_document,
    _first_line_indented,
    _list_after_key,
    _colon,
    _key_without_colon,
    _block,
]
