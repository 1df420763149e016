"""The words of the messages about what a build makes: layout findings, PDF and PNG export,
the archive and its verification.

Part of :data:`slidegen.messages.MESSAGES` (see there): an id and an English template, marked
for the catalogue, translated where the message is made.
"""

from __future__ import annotations

from .i18n import N_

OUTPUT_MESSAGES: dict[str, str | tuple[str, str]] = {
    # -- PDF and PNG export (LibreOffice, poppler) -------------------------------------------
    "libreoffice_install": N_(
        "LibreOffice is needed for PDF and PNG export. Install it: Debian/Ubuntu "
        "'sudo apt-get install libreoffice-impress poppler-utils'; macOS "
        "'brew install --cask libreoffice'; Windows: the installer from libreoffice.org. "
        "Or point {variable} at the soffice program."
    ),
    "soffice_not_a_program": N_("{variable}={value} is not a program. {hint}"),
    "export_page_count": N_(
        "LibreOffice made {pages} pages from {slides} slides; every slide must be exactly one page"
    ),
    "export_timeout": N_("LibreOffice did not finish in {seconds} s"),
    # TRANSLATORS: in place of LibreOffice's last words, when it said nothing.
    "no_output": N_("no output"),
    "export_failed": N_("LibreOffice could not convert {name}: {detail}"),
    "pdftoppm_install": N_(
        "pdftoppm (poppler) is needed for PNG export: Debian/Ubuntu "
        "'sudo apt-get install poppler-utils', macOS 'brew install poppler'"
    ),
    "png_target_is_file": N_("is a file; the PNGs need a folder here"),
    "png_folder_failed": N_("cannot make the PNG folder: {reason}"),
    "no_pages_for_sheet": N_("no pages to put on a contact sheet"),
    # -- layout findings: what does not fit, what is hard to read ---------------------------
    "text_overflow": N_(
        "text in '{name}' overflows its box by {overflow} pt at {size} pt "
        "(box {height} pt high); shorten it or split the slide"
    ),
    "tiles_overflow": N_(
        "the metric tiles overflow by {overflow} pt even with their text at {size} pt; "
        "shorten the labels and notes, or show fewer tiles"
    ),
    "title_too_long": N_(
        "the title takes {lines} lines at {size} pt, more than the {allowed} its box holds; "
        "shorten it"
    ),
    "title_shrinks_layout": N_(
        "the title takes {lines} lines at the theme's {theme_size} pt, so every title of its "
        "layout is set at {size} pt (one size per layout); shorten it to keep the theme's size"
    ),
    "table_overflow": N_(
        "the table runs {overflow} pt past the slide at {size} pt; remove 'continue: false' "
        "to continue it on the next slide, or shorten it"
    ),
    "attached_table_overflow": N_(
        "the table runs {overflow} pt past its room at {size} pt, the theme's minimum; "
        "shorten it, or give it a slide of its own (kind: table), where it continues on the "
        "next slide"
    ),
    "agenda_empty": N_("an agenda lists the sections that have a title, and this deck has none"),
    "chart_mixed_formats": N_(
        "the chart draws metrics written in different formats (e.g. counts and percentages) "
        "on one axis; chart metrics of one format, or give 'format'"
    ),
    "chart_too_many_slices": N_(
        "a {type} with {count} slices is hard to read: more than {limit} cannot be told "
        "apart; a bar chart shows them better"
    ),
    "metric_not_charted": N_(
        "«{label}» is left out of the chart: {figure}, with a thousands separator, is kept as "
        "text (it reads differently in other languages); write {plain} to chart it (the tile "
        "shows it in the deck's language)"
    ),
    "target_implicit_percent": N_(
        "{figure} is shown as a percentage ({figure}%), because a target's unit is % when "
        "'unit' is not written; write its unit (e.g. unit: trees), or unit: \"\" for none"
    ),
    "gauges_crowded": N_(
        "the targets' figures do not fit inside their rings at {size} pt, the theme's "
        "minimum; show fewer targets, or give the chart more room"
    ),
    "chart_negative_slices": N_("a {type} cannot show negative values; use a bar chart"),
    "chart_pie_series": N_("a pie shows one series; the others are not drawn"),
    "chart_series_colours": N_(
        "{count} series but only {distinct} colours of the theme can be told apart; split the chart"
    ),
    "chart_slice_colours": N_("only {distinct} of {count} slice colours can be told apart"),
    "low_contrast": N_(
        "contrast of {foreground} #{foreground_colour} on {background} #{background_colour} "
        "is {ratio}:1, below {needed}:1 ({use})"
    ),
    "duplicate_title": N_(
        "slide title '{title}' is also used on line {line}; titles should be unique"
    ),
    # -- the archive and its verification ---------------------------------------------------
    "archive_in_output": N_(
        "the archive cannot live in output/: it holds throw-away builds that 'make clean' "
        "removes; choose another folder (default: archive/)"
    ),
    "archive_cannot_create": N_("cannot create the archive: {reason}"),
    "archive_outside_project": N_("is outside the project; it cannot be archived"),
    "archive_cannot_bag": N_("cannot make the bag: {reason}"),
    "archive_exists": N_("already exists; a version is never overwritten"),
    "archive_log_unreadable": N_("cannot read the log: {reason}"),
    "archive_log_damaged": N_("damaged log line (not a version record)"),
    "archive_other_deck": N_(
        "this sequence belongs to deck {other}, not {deck}; give one of them another title "
        "or file name"
    ),
    "archive_restore_hint": N_("; restore it from a copy ('slidegen verify' names what differs)"),
    "archive_damaged": N_("damaged: {details}{hint}"),
    "archive_not_a_bag": N_("not a valid bag: {reason}"),
    "verify_not_a_folder": N_("is not a folder"),
    "verify_no_version": N_("holds no archived version"),
    "verify_bag_valid": N_("{path}: bag valid, every sha256 matches ({count} files)"),
    "verify_no_record": N_("bag-info.txt lacks slidegen's record"),
    "verify_changed": N_("{path}: {algorithm} differs from the manifest (changed)"),
    "verify_deleted": N_("{path}: listed in the manifest but missing (deleted)"),
    "verify_added": N_("{path}: not in the manifest (added, or the manifest was cut short)"),
    "verify_rewritten_after": N_(
        "was rewritten after version {number} was archived (its tag manifest no longer has "
        "the sha256 {name} recorded)"
    ),
    "verify_no_log": N_("{path}: no sequence log beside it; its chain is not checked"),
    "verify_not_in_log": N_("version {number} is not in the log {log}"),
    "verify_rewritten": N_("was rewritten: its tag manifest differs from the one in {log}"),
    "verify_chain_matches": N_("{path}: chain matches {log}"),
    "verify_version_missing": N_("version {number} is in {log} but missing (deleted)"),
    "verify_broken_chain": N_("version {number} does not chain to version {before}"),
    "verify_chained": N_("{log}: {count} versions chained"),
    "verify_no_pptx": N_("data/output/ holds no single .pptx"),
    "verify_no_longer_builds": N_("its sources no longer build (see above)"),
    "verify_not_reproduced": N_("rebuilding its sources does not reproduce {name} byte for byte"),
    "verify_reproduced": N_("{path}: rebuild reproduces {name} byte for byte"),
    "verify_environment_note": N_("{path}: environment differs: {line}"),
    "verify_pdf_not_rebuilt": N_("{path}: PDF not rebuilt ({reason})"),
    "verify_pdf_not_reproduced": N_("exporting the rebuilt .pptx does not reproduce {name}"),
    "verify_same_environment": N_("the environment is the recorded one"),
    "verify_environment": N_("environment differs: {line}"),
    # -- writing the output ------------------------------------------------------------------
    "output_not_pptx": N_("the output must be a .pptx file"),
    "output_is_source": N_("is one of the deck's sources; it would be overwritten"),
    "output_in_archive": N_(
        "is inside the archive {root}; archived versions are written only by "
        "'slidegen build --archive' and never replaced"
    ),
    "bad_epoch": N_(
        "'{value}' is not a usable time: give the seconds since 1970-01-01 UTC of a moment "
        "between 1980 and 9999 (e.g. 1419984000), or unset it"
    ),
    "name_too_long": N_(
        "the file name is {length} bytes long; file systems take {limit}: give a shorter name"
    ),
    "blocked_by_file": N_("'{path}' is a file, not a folder"),
    "cannot_create_folder": N_("cannot create folder: {reason}"),
    "cannot_write": N_("cannot write: {reason}"),
    "archived_exists": N_("already exists; an archived version is never overwritten"),
    "new_period_without_data": N_(
        "this deck has no 'data:' section; add 'data: {{periods: data/periods}}' to make it "
        "period-driven"
    ),
    "bad_period_id": N_(
        "'{id}' is not a usable period id (letters, digits, '-', '_', '.'; e.g. 2015-H1)"
    ),
    "period_file_exists": N_("{path} already exists; a period file is never overwritten"),
    # -- the preview and batch builds ---------------------------------------------------------
    "preview_render_failed": N_("LibreOffice could not render the changed slides: {detail}"),
    "preview_png_failed": N_("pdftoppm could not render the slides: {detail}"),
    "program_timeout": N_("{name} did not finish in {seconds} s"),
    "cannot_listen": N_(
        "cannot listen on {address}: {reason}; close the program using it, or choose "
        "another port with --port"
    ),
    "internal_error": N_("internal error (a bug in slidegen, please report it): {error}"),
    "pdftoppm_for_preview": N_(
        "pdftoppm (poppler) is needed for the preview: Debian/Ubuntu "
        "'sudo apt-get install poppler-utils', macOS 'brew install poppler'"
    ),
    # -- an archive's recorded environment against this one (verify) ----------------------
    "environment_differs": N_("{what} {recorded} recorded, {here} here"),
    "package_missing_here": N_("package {name} {version} recorded, not installed here"),
    "package_differs": N_("package {name} {version} recorded, {here} here"),
    "font_missing_here": N_("font {family} {style} ({file}) not found here"),
    "font_differs": N_("font {family} {style}: {file} recorded, a different file ({other}) here"),
    "recreate_environment": N_(
        "to recreate the recorded environment: Python {python}, then '{install}', then "
        "slidegen {version}{commit} ('pip install --no-deps .' from that commit); the fonts "
        "are listed in {record}"
    ),
    # TRANSLATORS: follows the slidegen version in "recreate_environment".
    "at_commit": N_(" at commit {commit}"),
    "output_is_folder": N_("is a folder; choose another name for the {kind} file"),
}
