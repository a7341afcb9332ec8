// Inline styles of the HTML report: system fonts, dark text on white, charts that survive greyscale printing.
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; max-width: 980px; margin: 24px auto; padding: 0 20px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #ccc; }
h3 { font-size: 15px; margin: 16px 0 6px; }
.period, .note { color: #555; }
.note { font-size: 12px; margin-top: 24px; }
table { border-collapse: collapse; margin: 8px 0 12px; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #e2e2e2; padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
th { font-weight: 600; border-bottom-color: #999; }
td.n, th.n { text-align: right; padding-left: 14px; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 8px 0; }
svg .grid { stroke: #ddd; stroke-width: 1; }
svg .tick { font-size: 11px; fill: #444; }
svg .value { font-size: 10px; fill: #222; }
svg .bar { fill: #3b6ea8; }
svg .ghost { fill: none; stroke: #888; stroke-width: 1; stroke-dasharray: 3 2; }
svg .line { fill: none; stroke-width: 2; }
svg .s1 { stroke: #3b6ea8; fill: #3b6ea8; }
svg .s2 { stroke: #d08a1f; fill: #d08a1f; stroke-dasharray: 6 3; }
svg .s3 { stroke: #b53a3a; fill: #b53a3a; stroke-dasharray: 2 2; }
svg .line.s1, svg .line.s2, svg .line.s3 { fill: none; }
svg .dot { stroke: none; }
svg .p0 { fill: #3b8f5a; } svg .p1 { fill: #b9b9b9; } svg .p2 { fill: #b53a3a; }
svg .p3 { fill: #d08a1f; } svg .p4 { fill: #7a5aa8; } svg .p5 { fill: #3b6ea8; }
svg .part { stroke: #fff; stroke-width: 1; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  section { break-inside: avoid; }
  h2 { break-after: avoid; }
}
`;
