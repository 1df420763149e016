"""The words of the messages about the files a deck reads: images, CSV tables, period files.

Part of :data:`slidegen.messages.MESSAGES` (see there): an id and an English template, marked
for the catalogue, translated where the message is made.
"""

from __future__ import annotations

from .i18n import N_

INPUT_MESSAGES: dict[str, str | tuple[str, str]] = {
    # -- images and other files of the project ----------------------------------------------
    "asset_outside_path": N_("'{name}' must be a path inside the project (relative, without '..')"),
    "asset_bad_name": N_("not a usable file name"),
    "asset_unusable": N_("'{name}': {reason}"),
    "asset_link_outside": N_("'{name}' points outside the project"),
    "image_is_folder": N_("'{name}' is a folder, not an image"),
    # TRANSLATORS: in place of a list of files, when a folder holds none.
    "none": N_("none"),
    "image_not_found": N_("image '{name}' not found; files in {folder}/: {files}"),
    "image_too_big": N_("image '{name}' is {size} bytes; the limit is {limit}"),
    "image_too_many_pixels": N_(
        "image '{name}' is {width}×{height} pixels; the limit is {limit} pixels"
    ),
    "image_too_thin": N_(
        "image '{name}' is {width}×{height} pixels: too thin to place "
        "(a side at most {limit} times the other)"
    ),
    "image_unreadable": N_("'{name}' is not a readable image ({formats})"),
    "image_format": N_("'{name}' is in {kind} format; use one of {formats}"),
    # -- reading a file: any file the deck is built from -----------------------------------
    "input_not_found": N_("{what} not found"),
    "input_is_folder": N_("is a folder, not a {what}"),
    "input_not_regular": N_(
        "is not a regular file (a {kind}); a {what} is read from an ordinary file only"
    ),
    "input_too_big": N_("larger than the limit of {limit} bytes for a {what}"),
    "input_not_utf8": N_("not UTF-8 {what} (Latin-1 or Windows-1252, perhaps): save it as UTF-8"),
    # -- CSV tables --------------------------------------------------------------------------
    "csv_not_found": N_("data file '{name}' not found"),
    "csv_too_short": N_("needs a header row and at least one row of data"),
    "csv_too_short_chart": N_(
        "needs a header row and at least one row of data, with categories first and one "
        "column per series"
    ),
    "csv_too_many_rows": N_("more than {limit} rows"),
    "csv_cell_too_long": N_("a cell is longer than {limit} characters"),
    "csv_unreadable_row": N_("cannot read this row: {reason}"),
    "csv_control_character": N_("contains the control character U+{code:04X}"),
    "csv_long_name": N_("a column name of {length} characters; at most {limit}"),
    "csv_not_a_number": N_("is not a number"),
    "csv_number_too_big": N_("is beyond {limit}: a typo?"),
    "csv_columns_given": N_("{given} columns given; the CSV file has {count}"),
    "csv_cells": N_("{cells} cells; the header has {count}"),
    "csv_bad_cell": N_("'{cell}' in column '{column}' {reason}"),
    # -- period files ------------------------------------------------------------------------
    "period_no_value": N_("no value for '{id}' (add it to the file)"),
    "period_value_missing": N_("value of '{id}' is missing (still to do)"),
    "period_not_a_number": N_(
        "'{value}' is not a number ('{id}' is a number; write e.g. 475 or 2.5)"
    ),
    "period_date_missing": N_("'{field}' date is missing (YYYY-MM-DD)"),
    "period_link_outside": N_("is a link to a file outside the project; copy it in"),
    "period_start_after_end": N_("'start' ({start}) is after 'end' ({end})"),
    "period_file_name": N_("period '{period}' does not match the file name '{name}'"),
    "no_data_section": N_("this deck has no 'data:' section naming its periods folder"),
    "no_period_files": N_(
        "no period files in {folder}/ (files named like 2014-H2.yaml); "
        "'slidegen new-period ID' makes one"
    ),
    "period_option_without_data": N_(
        "--period {period}: this deck has no 'data:' section naming its periods folder"
    ),
    "period_not_found": N_("period '{period}' not found in {folder}/; available: {available}"),
    "metric_ids_without_data": N_(
        "this deck refers to metric ids but has no 'data:' section with period files"
    ),
    "earlier_not_a_number": N_("{problem}; left out of changes and trends"),
    "period_unknown_id": N_(
        "'{id}' is not a metric of the deck, so this value is never shown{hint}; "
        "the deck's metrics are under 'metrics:' in the deck file"
    ),
    # TRANSLATORS: after "unknown metric id '…'", when no close id was found.
    "metrics_defined": N_("; defined: {ids}"),
    "unknown_metric_id": N_("unknown metric id '{id}'{hint}{listed}"),
}
