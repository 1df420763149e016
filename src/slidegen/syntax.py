"""YAML syntax errors explained to the people who write decks.

libyaml says where it gave up, in its own terms ("while scanning an alias", "expected <block
end>"). Here the error is placed where the mistake was made (the quote that was never closed,
not the line 100 lines further where the parser noticed) and worded as what to do ("put it in
quotes", "use spaces"). Each rule recognises one kind of mistake; the first that fits wins,
and a rule that suggests a change to the text checks that the change makes it parse.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from .messages import quoted, say, shortened
from .syntax_layout import LAYOUT_RULES, quote_across_lines
from .yamltext import Diagnosis, Source, SyntaxFacts, tokens_before

Rule = Callable[[Source, SyntaxFacts], Diagnosis | None]

_QUOTES = "\"'"
_BRACKETS = {"[": ("]", "list"), "{": ("}", "group")}
_RESERVED = set("%@`|>?,]}!*&")
_COLOUR = re.compile(r"#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})\b")


def diagnose(text: str, error: yaml.MarkedYAMLError) -> Diagnosis:
    """The mistake behind ``error`` in ``text``, located and worded for the deck's author."""
    source, facts = Source(text), SyntaxFacts.of(error)
    for rule in RULES:
        found = rule(source, facts)
        if found:
            return found
    return Diagnosis(facts.line, facts.column, say("cannot_read"))


# -- tabs and characters that cannot start text ------------------------------------------------


def _tab(source: Source, error: SyntaxFacts) -> Diagnosis | None:
    """A tab where YAML wants spaces: at the error, or leading the line (or the one above)."""
    at_error = source.char(error.line, error.column) == "\t"
    if not at_error and "tab" not in error.problem:
        return None
    for number in (error.line, *list(source.content_above(error.line))[:1]):
        text = source.line(number)
        lead = len(text) - len(text.lstrip(" \t-"))
        if "\t" in text[:lead]:
            return Diagnosis(number, text.index("\t") + 1, say("tab_indent"))
    if at_error:
        return Diagnosis(error.line, error.column, say("tab_here"))
    return None


def _reserved_start(source: Source, error: SyntaxFacts) -> Diagnosis | None:
    """Text starting with a character YAML reserves (* & ! % @ ` | > ? , ] }) unquoted."""
    scanning = ("alias", "anchor", "block scalar", "directive", "tag")
    if any(word in error.context for word in scanning):
        line, column = error.start_line, error.start_column
    elif (
        "cannot start any token" in error.problem
        or "mapping keys are not allowed" in error.problem
        or "node content" in error.problem
        or "tag handle" in error.problem
    ):
        line, column = error.line, error.column
    else:
        return None
    char = source.char(line, column)
    if char not in _RESERVED:
        return None
    fix = source.quoted_from(line, column - 1)
    return Diagnosis(line, column, say("starts_with", char=char, fix=shortened(fix)))


# -- quotes -------------------------------------------------------------------------------------


def _unclosed_quote_at_end(source: Source, error: SyntaxFacts) -> Diagnosis | None:
    """A quote still open when the file (or the document) ends."""
    if "quoted scalar" not in error.context or "escape" in error.problem:
        return None
    quote = source.char(error.start_line, error.start_column) or '"'
    return Diagnosis(error.start_line, error.start_column, say("unclosed_quote", quote=quote))


def _bad_escape(source: Source, error: SyntaxFacts) -> Diagnosis | None:
    """A backslash in double quotes that is not one of YAML's escapes (C:\\dati)."""
    if "quoted scalar" not in error.context or "escape" not in error.problem:
        return None
    text = source.line(error.line)
    backslash = text.rfind("\\", 0, error.column)
    column = backslash + 1 if backslash >= 0 else error.column
    return Diagnosis(error.line, column, say("backslash_in_double_quotes"))


def _after_quoted_text(source: Source, error: SyntaxFacts) -> Diagnosis | None:
    """Something follows a quoted text: a quote closed too early (an apostrophe in '…', a "
    in "…"), text after the closing quote, or a quote opened lines above and never closed
    on its line (a later quote closed it)."""
    tokens = tokens_before(source.mended({}), error.line, error.column)
    if not tokens or not isinstance(tokens[-1], yaml.ScalarToken):
        return None
    scalar = tokens[-1]
    if scalar.style not in ('"', "'"):
        return None
    start_line, start_column = scalar.start_mark.line + 1, scalar.start_mark.column + 1
    end_line, end_column = scalar.end_mark.line + 1, scalar.end_mark.column  # at the quote
    quote = scalar.style
    if start_line < end_line:
        return quote_across_lines(source, start_line, start_column, quote, end_line)
    if end_line != error.line:
        return None
    text = source.line(end_line)
    inner = text[start_column:].rstrip()
    inner = inner[:-1] if inner.endswith(quote) else inner
    prefix = text[source.indent(end_line) : start_column - 1]
    follows = source.char(end_line, end_column + 1)
    if follows and not follows.isspace():
        if quote == "'":
            fix = prefix + '"' + inner.replace('"', '\\"') + '"'
            return Diagnosis(end_line, end_column, say("apostrophe_in_single_quotes", fix=fix))
        fix = prefix + "'" + inner.replace("'", "''") + "'"
        return Diagnosis(end_line, end_column, say("quote_in_double_quotes", fix=fix))
    fix = source.quoted_from(end_line, start_column - 1)
    text_after = say("text_after_quote", quote=quote, fix=shortened(fix))
    return Diagnosis(end_line, end_column, text_after)


# -- brackets -------------------------------------------------------------------------------------


def _brackets(source: Source, error: SyntaxFacts) -> Diagnosis | None:
    """A [list] or {group} on one line: never closed, a # inside it, or a ': ' in its text."""
    if "flow" not in error.context:
        return None
    line, column = error.start_line, error.start_column
    opener = source.char(line, column)
    if opener not in _BRACKETS:
        return None
    closer, what = _BRACKETS[opener]
    comment = _comment_in_brackets(source.line(line), column)
    if comment is not None:
        colour = _COLOUR.match(comment)
        if colour:
            return Diagnosis(line, column + 1, say("comment_in_brackets_colour", value=colour[0]))
        value = shortened(comment.split(",")[0].rstrip(closer).strip())
        return Diagnosis(line, column + 1, say("comment_in_brackets", value=value))
    if error.line == line and source.char(error.line, error.column) == ":":
        return _colon_in_brackets(source, error)
    if source.confirms({line: source.line(line).rstrip() + closer}, line):
        unclosed = say(f"unclosed_{what}", opener=opener, closer=closer)
        return Diagnosis(line, column, unclosed)
    contents = say(f"{what}_contents", opener=opener, closer=closer)
    return Diagnosis(error.line, error.column, contents)


def _comment_in_brackets(text: str, column: int) -> str | None:
    """The text of a comment (from its #) that cuts the brackets opened at ``column``."""
    quote = ""
    for index in range(column, len(text)):
        char = text[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in _QUOTES:
            quote = char
        elif char == "#" and text[index - 1] in " \t[{,":
            return text[index:]
    return None


def _colon_in_brackets(source: Source, error: SyntaxFacts) -> Diagnosis:
    """``{label: a: b}``: the text around the second ': ', from its key to the next ','."""
    text = source.line(error.line)
    colon = error.column - 1
    start = max(text.rfind(c, 0, colon) for c in ",[{") + 1
    key = text.find(": ", start, colon)
    start = key + 2 if key >= 0 else start
    ends = [i for i in (text.find(c, colon) for c in ",]}") if i >= 0]
    value = text[start : min(ends, default=len(text))].strip()
    return Diagnosis(error.line, error.column, say("colon_in_flow", fix=quoted(value)))


RULES: list[Rule] = [
    _tab,
    LAYOUT_RULES[0],  # a character typed before a key: before the quote and bracket rules
    _bad_escape,
    _unclosed_quote_at_end,
    _after_quoted_text,
    _reserved_start,
    _brackets,
    *LAYOUT_RULES[1:],
]
"""In order: the first rule that recognises the mistake explains it."""
