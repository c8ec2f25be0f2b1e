/// The report's only stylesheet, inline: system fonts, readable on a phone, prints cleanly.
enum HTMLStyle {
    static let css = """
    :root{color-scheme:light;--ink:#1d2430;--muted:#5b6574;--line:#d9dee5;--accent:#7b2d8e;--soft:#f4eef6}
    *{box-sizing:border-box}
    body{margin:0 auto;max-width:860px;padding:16px;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--ink);background:#fff}
    header{border-bottom:3px solid var(--accent);margin-bottom:12px}
    h1{font-size:1.5em;margin:.2em 0}
    h2{font-size:1.25em;margin:1.6em 0 .4em;color:var(--accent)}
    h3{font-size:1.05em;margin:1.2em 0 .3em}
    p.meta,p.note,li.note{color:var(--muted);font-size:.9em}
    table{border-collapse:collapse;width:100%;margin:.4em 0 1em;font-size:.95em}
    th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
    td.n,th.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
    table.key td.n{font-size:1.2em;font-weight:600;color:var(--accent)}
    .source{display:block;color:var(--muted);font-size:.8em}
    .scroll{overflow-x:auto}
    svg.chart{width:100%;height:auto;display:block;margin:.3em 0 1em}
    svg .label{font-size:13px;fill:var(--ink)}
    svg .value,svg .axis{font-size:12px;fill:var(--muted)}
    svg .bar{fill:var(--accent)}
    svg .bar-hidden{fill:none;stroke:var(--muted);stroke-dasharray:3 2}
    svg .grid{stroke:var(--line);stroke-width:1}
    svg .line{fill:none;stroke:var(--accent);stroke-width:2.5}
    svg .dot{fill:var(--accent)}
    @media print{body{max-width:none}h2{break-after:avoid}svg,table{break-inside:avoid}}
    """
}
