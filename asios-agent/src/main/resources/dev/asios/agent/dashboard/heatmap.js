// A heat map on a <canvas>: rows (CPUs, latency buckets) against time, one column per sample,
// the newest at the right. Used for the CPU strips and the run-queue latency histogram.

import {cssVariable} from './dom.js';
import {WINDOW_MS} from './timeline.js';

const RAMP = [
  [0.0, [27, 36, 51]],
  [0.25, [31, 78, 140]],
  [0.5, [42, 157, 143]],
  [0.75, [233, 196, 106]],
  [1.0, [231, 111, 81]],
];
const AXIS_HEIGHT = 14;
const MIN_COLUMNS = 20;

/** The ramp's colour for v in 0..1 (clamped): dark blue, teal, yellow, red. */
export function rampColour(v) {
  const x = Math.min(1, Math.max(0, v));
  for (let i = 1; i < RAMP.length; i++) {
    const [x1, c1] = RAMP[i];
    if (x <= x1) {
      const [x0, c0] = RAMP[i - 1];
      const f = (x - x0) / (x1 - x0);
      return 'rgb(' + c0.map((c, k) => Math.round(c + (c1[k] - c) * f)).join(',') + ')';
    }
  }
  return 'rgb(' + RAMP[RAMP.length - 1][1].join(',') + ')';
}

/**
 * Draws the map. map = {
 *   times: column end times in ms, ascending;
 *   rows: [{label, cells: one value 0..1 (or null) per time, highlight, valueText}], top first;
 *   intervalMs: the sampling interval (a column's nominal width);
 *   line: optional [fractional row position from the top, or null] per time, drawn over the cells }.
 * Row labels are drawn for as many rows as fit, and always for highlighted rows.
 */
export function drawHeatmap(canvas, map) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  if (width === 0 || height === 0) return;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const g = canvas.getContext('2d');
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, height);
  g.font = '11px system-ui, sans-serif';
  g.textBaseline = 'middle';

  const left = gutter(g, map.rows.map((r) => r.label)) + 10;
  const right = gutter(g, map.rows.map((r) => r.valueText || '')) + 6;
  const plot = {x: left, y: 0, w: Math.max(10, width - left - right), h: height - AXIS_HEIGHT};
  const rowHeight = plot.h / Math.max(1, map.rows.length);
  const span = spanMs(map);
  const xOf = (t) => plot.x + plot.w - ((map.times[map.times.length - 1] - t) / span) * plot.w;

  g.fillStyle = rampColour(0);
  g.fillRect(plot.x, plot.y, plot.w, plot.h);
  drawCells(g, map, xOf, plot, rowHeight);
  drawRowLabels(g, map, plot, rowHeight, right);
  if (map.line) drawLine(g, map, xOf, rowHeight);
  drawTimeAxis(g, plot, span, height);
}

function gutter(g, labels) {
  return labels.reduce((max, label) => Math.max(max, g.measureText(label).width), 0);
}

function spanMs(map) {
  const times = map.times;
  const covered = times.length > 0 ? times[times.length - 1] - times[0] + map.intervalMs : 0;
  return Math.min(WINDOW_MS, Math.max(covered, MIN_COLUMNS * map.intervalMs));
}

function drawCells(g, map, xOf, plot, rowHeight) {
  for (let i = 0; i < map.times.length; i++) {
    const previous = i > 0 ? map.times[i - 1] : map.times[i] - map.intervalMs;
    const start = Math.max(xOf(Math.max(previous, map.times[i] - 2 * map.intervalMs)), plot.x);
    const end = xOf(map.times[i]);
    if (end <= plot.x) continue;
    map.rows.forEach((row, r) => {
      const v = row.cells[i];
      if (v == null) return;
      g.fillStyle = rampColour(v);
      // Half a pixel of overlap hides seams between columns.
      g.fillRect(start, plot.y + r * rowHeight, end - start + 0.5, rowHeight + 0.5);
    });
  }
}

function drawRowLabels(g, map, plot, rowHeight, right) {
  const every = Math.max(1, Math.ceil(14 / rowHeight));
  const accent = cssVariable('--accent');
  const text = cssVariable('--text');
  const muted = cssVariable('--muted');
  map.rows.forEach((row, r) => {
    const y = plot.y + r * rowHeight;
    if (row.highlight) {
      g.strokeStyle = accent;
      g.lineWidth = 2;
      g.strokeRect(plot.x + 1, y + 1, plot.w - 2, rowHeight - 2);
      g.fillStyle = accent;
      g.fillRect(plot.x - 6, y, 3, rowHeight);
    }
    if (r % every !== 0 && !row.highlight) return;
    g.fillStyle = row.highlight ? accent : muted;
    g.textAlign = 'right';
    g.fillText(row.label, plot.x - 9, y + rowHeight / 2);
    if (row.valueText) {
      g.fillStyle = row.highlight ? accent : text;
      g.textAlign = 'left';
      g.fillText(row.valueText, plot.x + plot.w + 4, y + rowHeight / 2);
    }
  });
}

function drawLine(g, map, xOf, rowHeight) {
  g.strokeStyle = '#ffffff';
  g.lineWidth = 1.5;
  g.beginPath();
  let drawing = false;
  map.line.forEach((position, i) => {
    if (position == null) {
      drawing = false;
      return;
    }
    const x = xOf(map.times[i]);
    const y = position * rowHeight;
    if (drawing) g.lineTo(x, y);
    else g.moveTo(x, y);
    drawing = true;
  });
  g.stroke();
}

function drawTimeAxis(g, plot, span, height) {
  g.fillStyle = cssVariable('--muted');
  g.textBaseline = 'bottom';
  g.textAlign = 'left';
  g.fillText('−' + Math.round(span / 1000) + ' s', plot.x, height);
  g.textAlign = 'right';
  g.fillText('now', plot.x + plot.w, height);
}
