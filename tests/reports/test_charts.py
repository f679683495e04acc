# SPDX-FileCopyrightText: 2026 Lokalkontakt contributors
# SPDX-License-Identifier: MPL-2.0
"""The charts: SVG a screen reader names and describes, that runs no script and carries no style
the Content-Security-Policy would block, with its figures printed and its data in a table."""

import re
from xml.etree import ElementTree

from django.template.loader import render_to_string
from django.utils import translation

from lokalkontakt.reports import charts
from lokalkontakt.reports.charts import COLOURS, MAX_BARS, chart_svg
from lokalkontakt.reports.structure import Chart, Column, Table

from .sample import MONTHS, by_area, by_channel, by_month, sample_report

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str):
    return ElementTree.fromstring(str(svg))


def texts(root) -> list[str]:
    return [node.text for node in root.iter(f"{SVG}text") if node.text]


def test_a_chart_is_an_image_named_by_its_title_and_described():
    root = parse(chart_svg(by_area()))
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == title.get("id") == "chart-by-area-title"
    assert root.get("aria-describedby") == desc.get("id")
    assert title.text == "Henvendelser pr. område i 2026"


def test_the_description_reads_out_every_bar():
    with translation.override("da"):
        desc = parse(chart_svg(by_area())).find(f"{SVG}desc").text
    assert "Antal – Glud: 1.234, Hornsyld-Ølholm: 12, Åle: 0" in desc
    assert "Året før – Glud: 1.000" in desc


def test_a_chart_has_no_script_no_style_and_no_inline_style_attribute():
    for table in (by_area(), by_month(), by_channel()):
        svg = str(chart_svg(table))
        assert "<script" not in svg and "<style" not in svg
        assert not re.search(r"\sstyle=", svg)
        assert "http://" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_bars_read_top_down_in_the_tables_order_with_their_values_printed():
    root = parse(chart_svg(by_area()))
    axis = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "axis y")
    labels = sorted((float(t.get("y")), t.text) for t in axis.iter(f"{SVG}text"))
    assert [label for _y, label in labels] == ["Glud", "Hornsyld-Ølholm", "Åle"]
    with translation.override("da"):
        assert {"1.234", "12", "8", "2"} <= set(texts(parse(chart_svg(by_area()))))


def test_bars_are_coloured_with_the_contrasting_palette_and_a_legend_names_each_series():
    root = parse(chart_svg(by_area()))
    fills = {rect.get("fill") for rect in root.iter(f"{SVG}rect") if "rect" in (rect.get("class") or "")}
    assert fills == {COLOURS[0], COLOURS[1]}
    assert {"Antal", "Året før"} <= set(texts(root))


def test_a_line_chart_names_months_on_its_axis_and_every_month_in_its_description():
    with translation.override("da"):
        root = parse(chart_svg(by_month()))
    assert {"januar", "100 %"} <= set(texts(root))
    assert "juni" in root.find(f"{SVG}desc").text
    assert any(path.get("stroke") == COLOURS[0] for path in root.iter(f"{SVG}path"))
    with translation.override("en"):
        assert parse(chart_svg(by_month())).find(f"{SVG}desc").text.startswith("Line chart.")


def test_a_pie_is_drawn_as_bars_with_the_values_printed():
    root = parse(chart_svg(by_channel()))
    assert {"E-mail", "Formular", "Telefon", "30", "50", "12"} <= set(texts(root))


def test_a_long_table_draws_its_first_rows_and_says_the_table_has_them_all():
    table = Table("many", "Mange", [Column("name", "Navn"), Column("n", "Antal", "number")],
                  [[f"Område {i}", i] for i in range(40)], chart=Chart("bar", "name", ("n",)))
    with translation.override("en"):
        root = parse(chart_svg(table))
    assert f"Område {MAX_BARS - 1}" in texts(root) and f"Område {MAX_BARS}" not in texts(root)
    assert f"The first {MAX_BARS} of 40 rows are drawn" in root.find(f"{SVG}desc").text


def test_a_label_typed_by_staff_is_escaped_in_the_svg():
    table = Table("x", "<b>Titel</b>", [Column("name", "Navn"), Column("n", "Antal", "number")],
                  [["<script>alert(1)</script>", 1]], chart=Chart("bar", "name", ("n",)))
    svg = str(chart_svg(table))
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;b&gt;Titel&lt;/b&gt;" in svg


def test_a_table_without_a_chart_draws_none():
    table = by_area()
    table.chart = None
    assert chart_svg(table) == ""


def test_the_report_body_draws_each_chart_above_its_table_and_links_the_stylesheet():
    html = render_to_string("reports/includes/report_body.html", {"report": sample_report()})
    assert html.count('role="img"') == 3
    assert html.index('id="chart-by-area"') < html.index(">Henvendelser pr. område</caption>")
    assert "css/reports.css" in html
    assert "<script" not in html and "<style" not in html and not re.search(r"\sstyle=", html)


def test_the_report_body_in_the_pdf_links_no_page_stylesheet_and_no_area():
    html = render_to_string("reports/includes/report_body.html",
                            {"report": sample_report(), "pdf": True})
    assert "css/reports.css" not in html and "/omraader/glud/" not in html
    assert 'role="img"' in html


def test_a_key_figure_is_shown_by_its_kind_beside_the_period_before():
    report = sample_report()
    report.sections[0].figures.append(("Besvaret til tiden", 0.8, 0.5, "percent"))
    with translation.override("da"):
        html = render_to_string("reports/includes/report_body.html", {"report": report})
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert "Henvendelser i alt 1.246 (før: 1.010)" in text
    assert "Besvaret til tiden 80 % (før: 50 %)" in text


def test_a_wide_table_scrolls_in_its_own_named_region_on_the_page_only():
    page = render_to_string("reports/includes/report_body.html", {"report": sample_report()})
    pdf = render_to_string("reports/includes/report_body.html", {"report": sample_report(), "pdf": True})
    assert ('class="table-scroll" tabindex="0" role="region" aria-labelledby="caption-by-channel"'
            in page)
    assert '<caption id="caption-by-channel">Henvendelser pr. kanal</caption>' in page
    assert 'role="region"' not in pdf


def test_a_line_chart_of_a_year_names_at_most_four_months_so_they_do_not_overlap():
    table = by_month()
    table.rows = [[f"måned {n}", n / 13] for n in range(1, 14)]
    drawn = [text for text in texts(parse(chart_svg(table))) if text.startswith("måned")]
    assert drawn[0] == "måned 1" and 2 <= len(drawn) <= 4


def test_a_line_chart_of_counts_labels_a_few_round_values_from_zero():
    table = by_month()
    table.columns[1] = Column("share", "Antal", "number")
    table.rows = [[month, 10 + n] for n, month in enumerate(MONTHS)]  # 10 … 15
    drawn = set(texts(parse(chart_svg(table))))
    assert {"0", "5", "10", "15"} <= drawn
    assert not {"1", "2", "3", "11", "12"} & drawn


def test_a_long_label_is_cut_beside_its_bar_and_whole_in_the_description():
    name = ("Tværfagligt samarbejde på tværs af kommunens organisering – med det hele menneske "
            "og den gode dialog i centrum")
    table = by_channel()
    table.rows = [[name, 3], ["Kultur", 5]]
    root = parse(chart_svg(table))

    assert "Tværfagligt samarbejd…" in texts(root) and name not in texts(root)
    assert name in root.find(f"{SVG}desc").text
    plot = next(g for g in root.iter(f"{SVG}g") if "plot" in (g.get("class") or "").split())
    left = float(plot.get("transform").split("(")[1].split(",")[0])
    assert left < 200  # the bars start inside the picture, 320 wide


def test_two_charts_on_one_page_share_no_id():
    html = render_to_string("reports/includes/report_body.html", {"report": sample_report()})
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_a_chart_is_drawn_once_for_the_same_figures_and_again_when_they_change(monkeypatch):
    drawn = []
    draw = charts._draw
    monkeypatch.setattr(charts, "_draw",
                        lambda *args, **kwargs: drawn.append(1) or draw(*args, **kwargs))
    table = by_area()
    table.rows[0][1] = 4321  # figures no other test draws, so the cache holds no copy yet
    first, again = str(chart_svg(table)), str(chart_svg(table))
    assert first == again and len(drawn) == 1
    other = "en" if translation.get_language() == "da" else "da"
    with translation.override(other):  # another language: other words and number formats
        assert str(chart_svg(table)) != first and len(drawn) == 2
    table.rows[0][1] = 4322
    changed = str(chart_svg(table))
    assert len(drawn) == 3 and changed != first
