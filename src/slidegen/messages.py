"""The words of the messages about mistakes in YAML and in values, in one place.

Each message has an id and a template; :func:`say` fills it in. A translation layer can map
the templates (gettext catalogues keyed on the English text) without touching the callers.
The people reading these write decks, not programs: every message says what happened in
their terms and what to do about it.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # -- YAML syntax: where the text cannot be read at all ------------------------------
    "tab_indent": "a tab is used for indenting: use spaces",
    "tab_here": "a tab is used here: use spaces",
    "colon_in_text": "this text contains ': ' — put it in quotes: {fix}",
    "colon_ends_text": "this text ends with ':' — put it in quotes: {fix}",
    "colon_in_flow": "this text contains ': ' — put it in quotes: {fix}",
    "indented_differently": (
        "line {line} is indented differently from line {other} {where} it: "
        "give both the same number of spaces (line {other} has {other_spaces}, "
        "line {line} has {spaces})"
    ),
    "indented_unknown": (
        "line {line} is not indented like the lines above it: line it up with the keys "
        "or the '- ' items it belongs with"
    ),
    "missing_colon": "a ':' is missing after '{key}': write {fix}",
    "dash_without_space": "a list item needs a space after '-': write {fix}",
    "dash_among_keys": (
        "this line starts a list item ('- ') among keys ('key: value'): remove the '- ', "
        "or put the list under a key"
    ),
    "key_among_items": (
        "this line is a 'key: value' among list items ('- …'): start it with '- ' "
        "if it is an item, or indent it like the key the list belongs to"
    ),
    "text_without_key": (
        "this line is neither 'key: value' nor a list item ('- …'): add the key and ':', "
        "or '- ' for a list item"
    ),
    "list_after_key": (
        "a list cannot start on the line of its key: put the text in quotes ({fix}), "
        "or start the list on the next line"
    ),
    "unclosed_quote": (
        "the quote ({quote}) opened here is never closed: add {quote} at the end of the text"
    ),
    "stray_quote": (
        "the quote ({quote}) opened here is never closed: remove it, or add {quote} at the "
        "end of the text"
    ),
    "apostrophe_in_single_quotes": (
        "this apostrophe ends the text in '…' quotes: write it twice (''), "
        "or put the text in double quotes: {fix}"
    ),
    "quote_in_double_quotes": (
        'this " ends the text in "…" quotes: put the text in single quotes instead: {fix}'
    ),
    "text_after_quote": (
        "the text goes on after its closing quote ({quote}): put the whole text in quotes: {fix}"
    ),
    "backslash_in_double_quotes": (
        'a backslash (\\) in "…" quotes starts a special character: write it twice (\\\\), '
        "or put the text in single quotes"
    ),
    "unclosed_bracket": (
        "the {what} opened with '{opener}' here is never closed: add '{closer}' at its end"
    ),
    "bracket_contents": (
        "this {what} in '{opener} … {closer}' cannot be read here: separate the items with "
        "', ', put any item containing ':', ',' or '#' in quotes, and close it with '{closer}'"
    ),
    "comment_in_brackets_colour": (
        'YAML reads # as the start of a comment: write the colour in quotes, "{value}"'
    ),
    "comment_in_brackets": (
        "YAML reads # as the start of a comment, so the rest of the line is ignored: "
        'put the text in quotes, "{value}"'
    ),
    "text_after_brackets": "this text starts with {opener} — put it in quotes: {fix}",
    "text_runs_on": (
        "the text that starts here runs on to line {end}: check the start of line {line} "
        "(a list item starts with '- ', a key ends with ':')"
    ),
    "first_line_indented": (
        "line {line}, the first one, is indented: start it at the beginning of the line, "
        "like the other top-level keys"
    ),
    "starts_with": "this text starts with {char} — put it in quotes: {fix}",
    "second_document": (
        "a line '---' starts a second document here; a deck is one document: remove the line"
    ),
    "stray_character": "this line starts with {char}, which does not belong there: remove it",
    "too_deep": "YAML nesting is too deep",
    "control_character": (
        "the invisible character U+{code:04X} is not allowed in a YAML file: delete it"
    ),
    "cannot_read": (
        "YAML cannot read this line: check its quotes, colons and indentation "
        "(text with ': ', ' #' or a leading * & ! [ {{ goes in quotes)"
    ),
    # -- values ---------------------------------------------------------------------------
    "item_read_as_key": (
        "this item contains ': ' so YAML read it as a key; put the whole item in quotes: {fix}"
    ),
    "item_ending_colon_read_as_key": (
        "this item ends with ':' so YAML read it as a key; put the whole item in quotes: {fix}"
    ),
    "comment_not_colour": (
        'YAML reads # as the start of a comment: write the colour in quotes, "{value}"'
    ),
    "comment_not_text": (
        "YAML reads # as the start of a comment, so this value is empty: "
        'put the text in quotes, "{value}"'
    ),
    "colour_format": ('expected a colour as 6 hexadecimal digits, e.g. "#00546B"; got {got}'),
    "date_format": "write dates as YYYY-MM-DD, e.g. {example}",
}


def say(message_id: str, **values: object) -> str:
    """The message ``message_id`` with ``values`` filled in."""
    return MESSAGES[message_id].format(**values)


def quoted(text: str) -> str:
    """``text`` as a YAML quoted scalar a user can paste: double quotes unless the text holds
    a double quote or a backslash, then single quotes (an apostrophe written twice)."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def shortened(text: str, limit: int = 60) -> str:
    """``text`` cut to about ``limit`` characters, with … where it was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
