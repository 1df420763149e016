"""Every problem of every stage in one run: syntax and schema first; then theme, images,
period figures and CSV tables, each reporting all it finds, none stopping the others."""

from __future__ import annotations

from helpers import Project, assert_clean_exit, error_lines, run_cli
from slidegen.theme_index import builtin_themes

DECK = """
deck:
  title: Three mistakes
  date: 2014-12-31
  theme: mine
data:
  periods: data/periods
metrics:
  comunicati: {label: comunicati stampa}
sections:
  - divider: false
    slides:
      - kind: image
        title: A picture
        image: assets/missing.png
        alt: Nothing there
      - kind: chart
        title: From a file
        chart: {type: column, data: data/serie.csv}
      - kind: metrics
        title: Figures
        metrics: [comunicati, comunicat]
"""


def test_theme_image_period_and_csv_problems_in_one_run(project: Project) -> None:
    theme = project.root / "themes" / "mine" / "theme.yaml"
    theme.parent.mkdir(parents=True)
    neutral = (builtin_themes() / "neutral" / "theme.yaml").read_text(encoding="utf-8")
    theme.write_text(
        neutral.replace('primary: "1F4E79"', 'primary: "1F4E7G"').replace("logo:", "# logo:"),
        encoding="utf-8",
    )
    project.write_deck(DECK)
    periods = project.root / "data" / "periods"
    periods.mkdir(parents=True)
    (periods / "2014-H2.yaml").write_text(
        "period: 2014-H2\nlabel: Luglio – Dicembre 2014\nstart: 2014-07-01\nend: 2014-12-31\n"
        "values:\n  comunicati: 475\n",
        encoding="utf-8",
    )
    (project.root / "data" / "serie.csv").write_text("mese,valore\nluglio,dieci\n", "utf-8")
    result = run_cli("build", cwd=project.root)
    assert_clean_exit(result, 1)
    lines = error_lines(result)  # by file and line, as every report is
    assert [line.split(":", 1)[0] for line in lines] == [
        "data/serie.csv",
        "deck.yaml",
        "deck.yaml",
        "themes/mine/theme.yaml",
    ]
    assert "'dieci' in column 'valore' is not a number" in lines[0]
    assert "image 'assets/missing.png' not found" in lines[1]
    assert "unknown metric id 'comunicat' (did you mean 'comunicati'?)" in lines[2]
    assert "primary" in lines[3]
    assert result.stderr.splitlines()[-1] == "slidegen: 4 errors; nothing written"
    assert not (project.root / "output").exists()


def test_syntax_and_schema_come_first_and_alone(project: Project) -> None:
    project.write_deck(DECK.replace("  date: 2014-12-31", "  dat: 2014-12-31"))
    result = run_cli("build", cwd=project.root)
    assert_clean_exit(result, 1)
    [line] = error_lines(result)
    assert "unknown key 'dat'" in line
