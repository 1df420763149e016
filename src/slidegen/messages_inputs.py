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
    "contains_control_character": N_("contains the control character U+{code:04X}"),
    "csv_long_name": N_("a column name of {length} characters; at most {limit}"),
    "csv_not_a_number": N_(
        "is not a number: write it in digits (e.g. 12 or 2,5), or leave the cell empty"
    ),
    "csv_number_too_big": N_("is beyond {limit}: a typo?"),
    "csv_columns_given": N_("{given} columns given; the CSV file has {count}"),
    "csv_cells": N_(
        "{cells} cells; the header has {count}: give every row one cell per column (a cell "
        "with a separator in it goes in quotes)"
    ),
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
    # -- the deck's own rules (beyond keys and types) --------------------------------------
    "link_too_long": N_("link is {length} characters long; PowerPoint accepts at most {limit}"),
    "link_scheme": N_("link '{url}' must start with https://, http:// or mailto:"),
    "finite_number": N_("must be a finite number"),
    "number_too_large": N_("{value} is larger than {limit}"),
    "unknown_language": N_("unknown language '{tag}'; use a tag such as it-IT or en-GB"),
    "lists_too_deep": N_("lists nest at most three levels deep"),
    "chart_data_and_more": N_("a chart with 'data' (a CSV file) takes no other data"),
    "chart_no_csv": N_("a '{type}' chart does not read a CSV file"),
    "trend_needs_metrics": N_("a 'trend' chart needs 'metrics' (ids of the catalogue)"),
    "metrics_only_trend": N_("'metrics' is only for 'trend' charts"),
    "target_needs_targets": N_("a 'target' chart needs 'targets'"),
    "target_takes_targets": N_("a 'target' chart takes 'targets', not 'categories'/'series'"),
    "targets_only_target": N_("'targets' is only for 'target' charts, not '{type}'"),
    "categories_and_series": N_("give both 'categories' and 'series', or neither"),
    "series_length": N_("series '{name}' has {values} values for {categories} categories"),
    "metric_short_form": N_(
        "a metric in short form needs its value in bold, e.g. '**475** comunicati stampa', "
        "or is a metric id such as 'comunicati_stampa'"
    ),
    "metric_needs": N_("a metric needs a '{key}' (or an 'id' from the catalogue)"),
    "divider_needs_title": N_("a section with a divider needs a 'title' (or 'divider: false')"),
    "implausible_date": N_("{date} is not a plausible date (years 1900–9999)"),
    "milestone_date": N_("'{text}' is not a date: write 2014, 2014-07 or 2014-07-15"),
    "no_such_month": N_("'{text}': there is no month {month}"),
    "milestones_order": N_("milestones go earliest first: {after} comes after {before}"),
    "metrics_chart_without_data": N_(
        "the chart has no data of its own and fewer than two metrics are numbers"
    ),
    "list_and_table_under_tiles": N_(
        "a list and a table both go under the tiles: give one of them"
    ),
    "chart_slide_needs_data": N_(
        "a chart slide's chart needs 'categories' and 'series' (or 'targets')"
    ),
    "chart_and_table_beside": N_("a chart and a table both go beside the list: give one of them"),
    "chart_needs_own_data": N_("this chart needs its own 'categories' and 'series' (or 'targets')"),
    # -- a new project (slidegen init) ---------------------------------------------------------
    "no_starter": N_("no starter deck in '{language}'; available: {available}"),
    "init_not_a_folder": N_("exists and is not a folder"),
    "init_would_overwrite": N_(
        "already holds {files}; 'slidegen init' never overwrites a file (choose another "
        "folder, or move those files away)"
    ),
    "init_unknown_theme": N_("unknown theme '{name}'; built-in themes: {themes}"),
    # -- themes ------------------------------------------------------------------------------
    "unknown_theme": N_("unknown theme '{name}'; available: {available}"),
    "sizes_order": N_(
        "sizes need min_body ≤ body ≤ max_body; got min_body {min_body}, body {body}, "
        "max_body {max_body}"
    ),
    "title_below_min": N_("the title size {title} is below min_body {min_body}"),
    # -- tables written in the deck -----------------------------------------------------------
    "column_needs_name": N_("a column needs a 'name' (its header)"),
    "change_column_format": N_("a change column is written in its metrics' format: drop 'format'"),
    "rows_or_data": N_("give either 'rows' or 'data' (a CSV file), not both"),
    "change_column_csv": N_(
        "a change column reads the period's figures: give its rows in the deck ('rows:'), "
        "not in a CSV file"
    ),
    "table_needs_rows": N_("a table needs 'columns' and 'rows' (or 'data: file.csv')"),
    "row_cells": N_("row {row} has {cells} cells; the table has {columns} columns"),
}
