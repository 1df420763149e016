"""The words of the messages about mistakes in YAML and in values, in one place.

Each message has an id and an English template; :func:`say` translates it into the run's
language (:mod:`slidegen.i18n`: gettext catalogues keyed on the English text) and fills it in.
Values filled in (user text, keys, fixes to paste) are never translated.
The people reading these write decks, not programs: every message says what happened in
their terms and what to do about it.
"""

from __future__ import annotations

from .i18n import N_, NN_, _, ngettext
from .messages_inputs import INPUT_MESSAGES
from .messages_outputs import OUTPUT_MESSAGES

MESSAGES: dict[str, str | tuple[str, str]] = {
    # -- YAML syntax: where the text cannot be read at all ------------------------------
    "tab_indent": N_("a tab is used for indenting: use spaces"),
    "tab_here": N_("a tab is used here: use spaces"),
    "colon_in_text": N_("this text contains ': ' — put it in quotes: {fix}"),
    "colon_ends_text": N_("this text ends with ':' — put it in quotes: {fix}"),
    "colon_in_flow": N_("this text contains ': ' — put it in quotes: {fix}"),
    "indented_differently_above": N_(
        "line {line} is indented differently from line {other} above it: "
        "give both the same number of spaces (line {other} has {other_spaces}, "
        "line {line} has {spaces})"
    ),
    "indented_differently_below": N_(
        "line {line} is indented differently from line {other} below it: "
        "give both the same number of spaces (line {other} has {other_spaces}, "
        "line {line} has {spaces})"
    ),
    # TRANSLATORS: how many spaces a line is indented by, when it is not indented at all.
    "no_spaces": N_("none"),
    "indented_unknown": N_(
        "line {line} is not indented like the lines above it: line it up with the keys "
        "or the '- ' items it belongs with"
    ),
    "missing_colon": N_("a ':' is missing after '{key}': write {fix}"),
    "dash_without_space": N_("a list item needs a space after '-': write {fix}"),
    "item_without_dash": N_(
        "this line is the first item of the list that goes on at line {other}: start it "
        "with '- ' like the others: write {fix}"
    ),
    "dash_among_keys": N_(
        "this line starts a list item ('- ') among keys ('key: value'): remove the '- ', "
        "or put the list under a key"
    ),
    "key_among_items": N_(
        "this line is a 'key: value' among list items ('- …'): start it with '- ' "
        "if it is an item, or indent it like the key the list belongs to"
    ),
    "text_without_key": N_(
        "this line is neither 'key: value' nor a list item ('- …'): add the key and ':', "
        "or '- ' for a list item"
    ),
    "list_after_key": N_(
        "a list cannot start on the line of its key: put the text in quotes ({fix}), "
        "or start the list on the next line"
    ),
    "unclosed_quote": N_(
        "the quote ({quote}) opened here is never closed: add {quote} at the end of the text"
    ),
    "stray_quote": N_(
        "the quote ({quote}) opened here is never closed: remove it, or add {quote} at the "
        "end of the text"
    ),
    "apostrophe_in_single_quotes": N_(
        "this apostrophe ends the text in '…' quotes: write it twice (''), "
        "or put the text in double quotes: {fix}"
    ),
    "quote_in_double_quotes": N_(
        'this " ends the text in "…" quotes: put the text in single quotes instead: {fix}'
    ),
    "text_after_quote": N_(
        "the text goes on after its closing quote ({quote}): put the whole text in quotes: {fix}"
    ),
    "backslash_in_double_quotes": N_(
        'a backslash (\\) in "…" quotes starts a special character: write it twice (\\\\), '
        "or put the text in single quotes"
    ),
    "unclosed_list": N_(
        "the list opened with '{opener}' here is never closed: add '{closer}' at its end"
    ),
    "unclosed_group": N_(
        "the group opened with '{opener}' here is never closed: add '{closer}' at its end"
    ),
    "list_contents": N_(
        "this list in '{opener} … {closer}' cannot be read here: separate the items with "
        "', ', put any item containing ':', ',' or '#' in quotes, and close it with '{closer}'"
    ),
    "group_contents": N_(
        "this group in '{opener} … {closer}' cannot be read here: separate the items with "
        "', ', put any item containing ':', ',' or '#' in quotes, and close it with '{closer}'"
    ),
    "comment_in_brackets_colour": N_(
        'YAML reads # as the start of a comment: write the colour in quotes, "{value}"'
    ),
    "comment_in_brackets": N_(
        "YAML reads # as the start of a comment, so the rest of the line is ignored: "
        'put the text in quotes, "{value}"'
    ),
    "text_after_brackets": N_("this text starts with {opener} — put it in quotes: {fix}"),
    "text_runs_on": N_(
        "the text that starts here runs on to line {end}: check the start of line {line} "
        "(a list item starts with '- ', a key ends with ':')"
    ),
    "first_line_indented": N_(
        "line {line}, the first one, is indented: start it at the beginning of the line, "
        "like the other top-level keys"
    ),
    "starts_with": N_("this text starts with {char} — put it in quotes: {fix}"),
    "second_document": N_(
        "a line '---' starts a second document here; a deck is one document: remove the line"
    ),
    "stray_character": N_("this line starts with {char}, which does not belong there: remove it"),
    "too_deep": N_("YAML nesting is too deep"),
    "control_character": N_(
        "the invisible character U+{code:04X} is not allowed in a YAML file: delete it"
    ),
    "cannot_read": N_(
        "YAML cannot read this line: check its quotes, colons and indentation "
        "(text with ': ', ' #' or a leading * & ! [ {{ goes in quotes)"
    ),
    # -- the file as a whole, and what YAML reads that a deck does not use ------------------
    "file_not_found": N_("file not found"),
    "is_a_folder": N_("is a directory, expected a YAML file"),
    "cannot_read_file": N_("cannot read: {reason}"),
    "not_utf8": N_("not UTF-8 text (byte {byte}); save it as UTF-8"),
    "file_too_big": N_("file is {size} bytes; the limit is {limit} bytes"),
    "nesting_too_deep": N_("nesting deeper than {limit} levels"),
    "key_not_text": N_("keys must be plain text"),
    "duplicate_key": N_("duplicate key '{key}' (first defined on line {line})"),
    "too_many_digits": N_("a number of {digits} digits; write it in quotes if it is text"),
    "not_finite": N_(
        "'{value}' is not a finite number; write the value as text in quotes if meant"
    ),
    "top_level_not_mapping": N_("expected a mapping with 'deck' and 'sections' at the top level"),
    # -- values ---------------------------------------------------------------------------
    "item_read_as_key": N_(
        "this item contains ': ' so YAML read it as a key; put the whole item in quotes: {fix}"
    ),
    "item_ending_colon_read_as_key": N_(
        "this item ends with ':' so YAML read it as a key; put the whole item in quotes: {fix}"
    ),
    "comment_not_colour": N_(
        'YAML reads # as the start of a comment: write the colour in quotes, "{value}"'
    ),
    "comment_not_text": N_(
        "YAML reads # as the start of a comment, so this value is empty: "
        'put the text in quotes, "{value}"'
    ),
    "colour_format": N_('expected a colour as 6 hexadecimal digits, e.g. "#00546B"; got {got}'),
    "date_format": N_("write dates as YYYY-MM-DD, e.g. {example}"),
    # -- table cells ------------------------------------------------------------------------
    "table_date": N_("{got} is not a date: write {example} (YYYY-MM-DD) or {month} (YYYY-MM)"),
    "change_cell": N_(
        'a cell of a change column names a metric in braces, e.g. "{{giunte}}"; got {got}'
    ),
    # -- values that do not follow the deck format (validation) ---------------------------
    "missing_key": N_("missing required key '{key}'"),
    "value_required": N_("a value is required here"),
    "missing_kind": N_("missing required key 'kind' (the slide's kind, e.g. 'bullets')"),
    "unknown_key": N_("unknown key '{key}'"),
    "unknown_key_did_you_mean": N_("unknown key '{key}' (did you mean '{suggestion}'?)"),
    "unknown_key_allowed": N_("unknown key '{key}'; allowed: {allowed}"),
    "wrong_choice": N_("expected {options}; got {got}"),
    "wrong_choice_did_you_mean": N_("expected {options}; got {got} (did you mean '{suggestion}'?)"),
    "wrong_kind": N_("expected slide kind {options}; got {got}"),
    "wrong_kind_did_you_mean": N_(
        "expected slide kind {options}; got {got} (did you mean '{suggestion}'?)"
    ),
    "at_most_items": NN_(
        "takes at most {count} item, not {actual}", "takes at most {count} items, not {actual}"
    ),
    "at_least_items": NN_(
        "takes at least {count} item, not {actual}", "takes at least {count} items, not {actual}"
    ),
    "at_most_characters": NN_(
        "takes at most {count} character, not {actual}",
        "takes at most {count} characters, not {actual}",
    ),
    "at_least_characters": NN_(
        "takes at least {count} character, not {actual}",
        "takes at least {count} characters, not {actual}",
    ),
    "expected_mapping": N_("expected a mapping (key: value); got {got}"),
    "expected_list": N_("expected a list; got {got}"),
    "expected_text": N_("expected text; got {got}"),
    "expected_number": N_("expected a number; got {got}"),
    "expected_whole_number": N_("expected a whole number; got {got}"),
    "expected_true_false": N_("expected true or false; got {got}"),
    "expected_finite": N_("expected a finite number; got {got}"),
    "at_least": N_("must be at least {limit}; got {got}"),
    "more_than": N_("must be more than {limit}; got {got}"),
    "at_most": N_("must be at most {limit}; got {got}"),
    "less_than": N_("must be less than {limit}; got {got}"),
    "pattern": N_("does not have the expected form (the pattern {pattern}); got {got}"),
    # -- a theme built on the organisation's PowerPoint template ------------------------
    "template_suffix": N_(
        "'{name}' is not a PowerPoint template: name a .potx or .pptx file, saved from "
        "PowerPoint (File › Save As) or LibreOffice Impress (Save As › PowerPoint)"
    ),
    "template_unreadable": N_(
        "'{name}' cannot be read as a PowerPoint file: open it in PowerPoint or LibreOffice "
        "and save it again as .potx or .pptx"
    ),
    "template_without_title": N_(
        "the template '{name}' has no layout with a title placeholder: slidegen puts every "
        "slide's title there; add one in PowerPoint (View › Slide Master)"
    ),
    "template_not_found": N_(
        "template '{name}' not found in the theme's folder ({theme}) nor in the project"
    ),
    "template_font_missing": N_(
        "the template's font '{font}' is not installed here: text is measured and PDFs and "
        "previews are drawn with '{standin}', so line breaks may differ from PowerPoint's; "
        "install the font to see the deck as it will be shown"
    ),
    "export_suffix": N_("'{name}' is not a template's name: name the file .potx, e.g. brand.potx"),
    "export_exists": N_("already exists: slidegen never overwrites it; choose another name"),
    "layout_key_unknown": N_("'{key}' is neither a role nor a slide kind; use one of: {known}"),
    "layout_unknown": N_("the template has no layout named '{name}'; its layouts: {layouts}"),
    "did_you_mean": N_(" (did you mean '{name}'?)"),
    "layout_without_title": N_(
        "the layout '{name}' has no title placeholder, where slidegen puts the slide's "
        "title: choose a layout with a title"
    ),
    # -- findings about a built deck -------------------------------------------------------
    "glyphs_missing": N_(
        "the font {font} has no glyph for {chars}: the chart shows an empty box instead; "
        "write another character, or use a theme font that has it"
    ),
    # -- themes ---------------------------------------------------------------------------
    "margins_too_wide": N_(
        "margins of {margin} in leave no room on a slide {width} in wide: "
        "make the margin at most a quarter of the width"
    ),
    "no_room_for_body": N_(
        "a slide {height} in high leaves {body} in for the text between the title and the "
        "footer, and it needs at least {needed} in: make the slide taller, or the margin or "
        "the title size smaller"
    ),
}


MESSAGES.update(INPUT_MESSAGES)
MESSAGES.update(OUTPUT_MESSAGES)


def say(message_id: str, **values: object) -> str:
    """The message ``message_id`` in the current language with ``values`` filled in; a
    message with a plural form takes the form for ``count``."""
    template = MESSAGES[message_id]
    if isinstance(template, tuple):
        count = values["count"]
        assert isinstance(count, int), f"{message_id}: count must be a whole number"
        return ngettext(*template, count).format(**values)
    return _(template).format(**values)


def quoted(text: str) -> str:
    """``text`` as a YAML quoted scalar a user can paste: double quotes unless the text holds
    a double quote or a backslash, then single quotes (an apostrophe written twice)."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def shortened(text: str, limit: int = 60) -> str:
    """``text`` cut to about ``limit`` characters, with … where it was cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
