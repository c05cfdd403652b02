"""Bar charts as inline SVG, drawn on the server: no JavaScript, no CDN, and WeasyPrint prints them.

Labels are escaped; numbers go through ``thai_digits`` so a chart follows the office's digits.
"""

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from wagtail_disclosure.thai.digits import thai_digits

BAR = "#1b4f8a"
TRACK = "#e6ebf1"
# "WD Sarabun" is the shipped font of the printed documents (print/base.html); never "TH Sarabun New",
# which fontconfig answers with Laksaman shrunk to 0.66.
FONT = "'WD Sarabun', Sarabun, Laksaman, 'Noto Sans Thai', sans-serif"


def _value_text(value, suffix):
    return thai_digits(value) + suffix


def horizontal_bars(rows, title, maximum=None, suffix="", label_width=260, width=640):
    """``rows``: ``[(label, value), ...]``; one bar per row, the value at the bar's end."""
    rows = list(rows)
    bar_h, gap, top = 18, 8, 28
    height = top + len(rows) * (bar_h + gap) + 4
    top_value = maximum if maximum is not None else max([float(v) for _l, v in rows] + [1])
    plot = width - label_width - 70
    parts = []
    for n, (label, value) in enumerate(rows):
        y = top + n * (bar_h + gap)
        length = 0 if not top_value else plot * float(value) / float(top_value)
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" font-size="12">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>'
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>'
                '<text x="{}" y="{}" font-size="12">{}</text>',
                label_width - 6,
                y + 13,
                _truncate(str(label), 42),
                label_width,
                y,
                plot,
                bar_h,
                TRACK,
                label_width,
                y,
                _n(length),
                bar_h,
                BAR,
                label,
                _value_text(value, suffix),
                _n(label_width + length + 4),
                y + 13,
                _value_text(value, suffix),
            )
        )
    return _svg(width, height, title, _join(parts))


def vertical_bars(rows, title, width=640, height=220):
    """``rows``: ``[(label, value), ...]``, e.g. items per month of the fiscal year."""
    rows = list(rows)
    top, bottom, left = 28, 36, 10
    top_value = max([float(v) for _l, v in rows] + [1])
    slot = (width - 2 * left) / max(len(rows), 1)
    plot_h = height - top - bottom
    parts = []
    for n, (label, value) in enumerate(rows):
        h = plot_h * float(value) / top_value
        x = left + n * slot
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>'
                '<text x="{}" y="{}" text-anchor="middle" font-size="12">{}</text>'
                '<text x="{}" y="{}" text-anchor="middle" font-size="11">{}</text>',
                _n(x + slot * 0.15),
                _n(top + plot_h - h),
                _n(slot * 0.7),
                _n(h),
                BAR,
                label,
                thai_digits(value),
                _n(x + slot / 2),
                _n(top + plot_h - h - 4),
                thai_digits(value),
                _n(x + slot / 2),
                height - bottom + 16,
                label,
            )
        )
    parts.append(
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#5b6572"/>',
            left,
            top + plot_h,
            width - left,
            top + plot_h,
        )
    )
    return _svg(width, height, title, _join(parts))


def _svg(width, height, title, body):
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="wd-chart" role="img" viewBox="0 0 {w} {h}" '
        'width="{w}" height="{h}" font-family="{font}" aria-label="{title}">'
        '<title>{title}</title><text x="0" y="16" font-size="14" font-weight="bold">{title}</text>{body}</svg>',
        w=width,
        h=height,
        font=FONT,
        title=title,
        body=body,
    )


def _join(parts):
    """Concatenate already escaped fragments (each built by ``format_html``)."""
    return format_html_join("", "{}", ((part,) for part in parts))


def _n(number):
    """SVG coordinates with one decimal."""
    return f"{number:.1f}"


def _truncate(text, length):
    return text if len(text) <= length else text[: length - 1] + "…"


# Readiness statuses as colours, the legend's order.
HEAT_COLOURS = {
    "complete": "#2e7d32",
    "needs_more": "#f9a825",
    "needs_update": "#ef6c00",
    "missing": "#c62828",
}


def heat_map(rows, columns, title, legend, cell=14, label_width=220):
    """A grid of coloured cells: ``rows`` are ``[(label, {column: key}), ...]``, ``columns`` the
    column labels, ``legend`` ``[(key, label), ...]``; a key picks the colour (``HEAT_COLOURS``),
    a cell without one stays blank. Every cell carries its row, column and key as a tooltip.

    The cells are written from labels escaped once each (an agency's 245 offices × 43 items are
    10,000 cells: ``format_html`` per cell cost more than the readiness figures themselves)."""
    rows = list(rows)
    top = 28 + 40  # title, then the column labels written upwards
    width = label_width + len(columns) * cell + 10
    legend_y = top + len(rows) * cell + 16
    height = legend_y + 20
    labels = {key: escape(str(label)) for key, label in legend}  # translated once, not per cell
    no_key = escape("–")
    parts = []
    for n, column in enumerate(columns):
        x = label_width + n * cell + cell - 3
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="10" transform="rotate(-90 {} {})">{}</text>',
                x,
                top - 4,
                x,
                top - 4,
                column,
            )
        )
    escaped_columns = [escape(column) for column in columns]
    for r, (label, cells) in enumerate(rows):
        y = top + r * cell
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" font-size="11">{}</text>',
                label_width - 6,
                y + cell - 3,
                _truncate(str(label), 36),
            )
        )
        row_label = escape(label)
        for n, column in enumerate(columns):
            key = cells.get(column)
            parts.append(
                f'<rect x="{label_width + n * cell}" y="{y}" width="{cell}" height="{cell}" '
                f'fill="{HEAT_COLOURS.get(key, TRACK)}" stroke="#fff"><title>{row_label} · '
                f"{escaped_columns[n]}: {labels.get(key, no_key)}</title></rect>"
            )
    x = 0
    for key, label in legend:
        parts.append(
            format_html(
                '<rect x="{}" y="{}" width="12" height="12" fill="{}"/>'
                '<text x="{}" y="{}" font-size="11">{}</text>',
                x,
                legend_y,
                HEAT_COLOURS.get(key, TRACK),
                x + 16,
                legend_y + 10,
                label,
            )
        )
        x += 150
    return _svg(max(width, x), height, title, mark_safe("".join(parts)))  # noqa: S308 — escaped above
