"""click's help screens for slidegen in 'en', each as click printed it, by
command (``""`` for slidegen itself): what slidegen.quick_help prints before click is
imported. Written by ``make prerendered`` (python -m slidegen.prerender); do not edit."""

CLICK_VERSION = '8.5.1'
"""The click that rendered them (the version of its distribution)."""
PROGRAM = 'slidegen'
"""The program name they show (click's ``info_name``)."""
WIDTH = 78
"""The width click wrapped them to (a terminal of 80 columns or more)."""
SCREENS = {
    '': """\
Usage: slidegen [OPTIONS] COMMAND [ARGS]...

  Compile a declarative deck.yaml into a branded, editable PowerPoint deck.

  Exit codes: 0 success, 1 the deck, theme or an asset is wrong, 2 usage
  error.

Options:
  --version       Show the version and exit.
  --lang [en|it]  The language of slidegen's messages and help (default: the
                  locale's, from LC_ALL, LC_MESSAGES or LANG; else English).
                  Goes before the command.
  -h, --help      Show this message and exit.

Commands:
  build       Build DECK (default: deck.yaml) into a .pptx.
  check       Validate DECK, lay it out in memory and report findings;...
  init        Make a new project in FOLDER (default: here) that builds at...
  new-period  Scaffold data for PERIOD from the latest period; never...
  preview     Serve a live preview of DECK on 127.0.0.1: every slide as...
  schema      Print the deck format's JSON Schema.
  template    Look into a PowerPoint template, or write a theme as one.
  themes      List the themes available: the project's own (themes/, used...
  verify      Verify an archived version (its folder), or every version...
  watch       Rebuild DECK (and its PNG preview) on every save; Ctrl-C...
""",
    'build': """\
Usage: slidegen build [OPTIONS] [DECK]

  Build DECK (default: deck.yaml) into a .pptx.

Options:
  -o, --output FILE        Where to write the .pptx (default: output/<deck
                           title>.pptx).
  --theme NAME             Use this theme instead of the deck's.
  --strict                 Treat layout findings as errors.
  --pdf                    Also export a PDF (PDF/A-2b) with LibreOffice.
  --png                    Also export one PNG per slide and a contact sheet.
  --handout                Also export <name>-handout.pdf: each slide with its
                           speaker notes.
  --archive                Write a new version archive/<period>/<slug>-v<N>/
                           (a BagIt bag: sources, .pptx, PDF/A, environment);
                           nothing is written when the outputs equal the
                           latest version's.
  --archive-dir DIRECTORY  The archive root (default: archive/ beside the
                           deck).
  --period ID              The reporting period to build (default: the
                           latest).
  --allow-missing          Build even if values are missing (shown as
                           missing).
  --all-periods            Build every period, in parallel processes.
  --language TAG           Build in another language/number format (e.g. en-
                           GB) without editing the deck.
  -h, --help               Show this message and exit.
""",
    'check': """\
Usage: slidegen check [OPTIONS] [DECK]

  Validate DECK, lay it out in memory and report findings; nothing is written.

Options:
  --theme NAME          Use this theme instead of the deck's.
  --strict              Exit 1 when there are findings.
  --period ID           The reporting period to build (default: the latest).
  --allow-missing       Build even if values are missing (shown as missing).
  --format [text|json]  json: one JSON document on stdout, for editors and CI.
  -h, --help            Show this message and exit.
""",
    'init': """\
Usage: slidegen init [OPTIONS] [FOLDER]

  Make a new project in FOLDER (default: here) that builds at once; never
  overwrites.

Options:
  --language [it-IT|en-GB]  Language of the starter deck (its text and number
                            format; default: it-IT).
  --theme NAME              The built-in theme the deck uses ('slidegen
                            themes' lists them; default: neutral).
  --copy-theme              Copy the theme into themes/<NAME>/ to customise it
                            (the copy is then used).
  --period ID               The first period (default: the current half-year).
  -h, --help                Show this message and exit.
""",
    'new-period': """\
Usage: slidegen new-period [OPTIONS] PERIOD [DECK]

  Scaffold data for PERIOD from the latest period; never overwrites a file.

Options:
  -h, --help  Show this message and exit.
""",
    'preview': """\
Usage: slidegen preview [OPTIONS] [DECK]

  Serve a live preview of DECK on 127.0.0.1: every slide as an image, errors
  and findings; it follows every save, re-rendering only the slides that
  changed. Ctrl-C stops.

Options:
  --theme NAME          Use this theme instead of the deck's.
  --port INTEGER RANGE  Port on 127.0.0.1 to serve on; 0 (the default) picks a
                        free one.  [0<=x<=65535]
  -h, --help            Show this message and exit.
""",
    'schema': """\
Usage: slidegen schema [OPTIONS]

  Print the deck format's JSON Schema.

Options:
  -h, --help  Show this message and exit.
""",
    'template': """\
Usage: slidegen template [OPTIONS] COMMAND [ARGS]...

  Look into a PowerPoint template, or write a theme as one.

Options:
  -h, --help  Show this message and exit.

Commands:
  export   Write the theme's master (layouts, brand chrome, colours,...
  inspect  List FILE's masters, layouts and placeholders (type, index,...
""",
    'template export': """\
Usage: slidegen template export [OPTIONS] OUT

  Write the theme's master (layouts, brand chrome, colours, fonts; no slides)
  as a PowerPoint template OUT.potx; never overwrites.

Options:
  --theme NAME         The theme to export ('slidegen themes' lists them;
                       default: neutral).
  --project DIRECTORY  Project folder whose themes/ are searched first
                       (default: the current folder).
  -h, --help           Show this message and exit.
""",
    'template inspect': """\
Usage: slidegen template inspect [OPTIONS] FILE

  List FILE's masters, layouts and placeholders (type, index, name, box in
  cm), the layout each kind of slide would use, and draw each layout as a PNG.

Options:
  --png-dir DIRECTORY  Folder for the layouts' pictures (default: <FILE
                       name>-layouts; never reused).
  --no-png             List only; draw no pictures (no LibreOffice).
  -h, --help           Show this message and exit.
""",
    'themes': """\
Usage: slidegen themes [OPTIONS]

  List the themes available: the project's own (themes/, used first), then the
  built-in ones. One line each: name, where it comes from, description.

Options:
  --project DIRECTORY  Project folder whose themes/ to list too (default: the
                       current folder).
  -h, --help           Show this message and exit.
""",
    'verify': """\
Usage: slidegen verify [OPTIONS] FOLDER

  Verify an archived version (its folder), or every version under FOLDER, from
  the bags alone: checksums, the chain of versions, and a rebuild compared
  byte for byte.

Options:
  --fixity    Only check every checksum and the chain; do not rebuild.
  -h, --help  Show this message and exit.
""",
    'watch': """\
Usage: slidegen watch [OPTIONS] [DECK]

  Rebuild DECK (and its PNG preview) on every save; Ctrl-C stops.

Options:
  -o, --output FILE  Where to write the .pptx (default: output/<deck
                     title>.pptx).
  --theme NAME       Use this theme instead of the deck's.
  --no-preview       Do not render PNG previews.
  -h, --help         Show this message and exit.
""",
}
