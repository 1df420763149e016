"""The built-in themes' descriptions (what ``slidegen themes`` shows), each under the
exact bytes of the manifest PyYAML read it from: slidegen.theme_index describes a
manifest found here without reading it, any other with PyYAML.
Written by ``make prerendered`` (python -m slidegen.prerender); do not edit."""

DESCRIPTIONS = {
    # cremona/theme.yaml
    (
        b"# Theme of the Comune di Cremona: the city's red, Calibri type, wordmark and footer.\n"
        b'name: Comune di Cremona\n'
        b'description: Identit\xc3\xa0 del Comune di Cremona (rosso istituzionale, Calibri)\n'
        b'colors:\n'
        b'  primary: "A6192E"      # rosso Cremona: titles, figures, dividers (7.5:1 on white)\n'
        b'  text: "262626"\n'
        b'  muted: "595959"        # subtitles, notes, footer (7.0:1 on white)\n'
        b'  background: "FFFFFF"\n'
        b'  surface: "F7EEEF"      # metric tiles\n'
        b'  on_primary: "FFFFFF"   # text on red slides\n'
        b'  chart: ["A6192E", "4D4D4D", "D0606E", "8C8C8C", "6B0F1E", "B8A07A"]\n'
        b'fonts:\n'
        b"  # Calibri on the councillors' laptops; Carlito has the same metrics for rendering here.\n"
        b'  heading: {name: Calibri, standin: Carlito}\n'
        b'  body: {name: Calibri, standin: Carlito}\n'
        b'sizes: {title: 30, subtitle: 18, body: 20, min_body: 12, metric: 40, statement: 36, cover: 44, footer: 10}\n'
        b'geometry: {width: 13.333, height: 7.5, margin: 0.6}   # 16:9, inches\n'
        b'wordmark: Cremona\n'
        b'footer: COMUNE DI CREMONA\n'
        b'slide_numbers: true\n'
    ): 'Identità del Comune di Cremona (rosso istituzionale, Calibri)',
    # neutral/theme.yaml
    (
        b'# A neutral theme: proves that a theme is data (the same deck builds with it, unchanged).\n'
        b'name: Neutral\n'
        b'description: Neutral blue-grey, Arial, no wordmark\n'
        b'colors:\n'
        b'  primary: "1F4E79"\n'
        b'  text: "1F1F1F"\n'
        b'  muted: "595959"\n'
        b'  background: "FFFFFF"\n'
        b'  surface: "EEF2F7"\n'
        b'  on_primary: "FFFFFF"\n'
        b'  chart: ["1F4E79", "5B9BD5", "7F7F7F", "A5A5A5", "264478", "9DC3E6"]\n'
        b'fonts:\n'
        b'  # Arial on every laptop; Liberation Sans has the same metrics.\n'
        b'  heading: {name: Arial, standin: Liberation Sans}\n'
        b'  body: {name: Arial, standin: Liberation Sans}\n'
        b'sizes: {title: 28, subtitle: 18, body: 20, min_body: 12, metric: 40, statement: 34, cover: 42, footer: 10}\n'
        b'logo: neutral-mark.png   # relative to this folder\n'
        b'slide_numbers: true\n'
    ): 'Neutral blue-grey, Arial, no wordmark',
}
ORIGINS = {
    # where a theme comes from, in each language with a catalogue (English: as written)
    'it': {'built-in': 'incluso', 'project': 'progetto', 'project, replaces built-in': 'progetto, sostituisce quello incluso'},
}
