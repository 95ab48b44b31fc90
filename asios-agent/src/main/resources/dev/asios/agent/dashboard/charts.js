// Line charts over uPlot (loaded as the global uPlot from /assets/uplot/), sized to their
// container and themed from the page's CSS variables.

import {cssVariable} from './dom.js';
import {clock} from './format.js';

/** Series colours, assigned by position so a device keeps its colour while the page lives. */
export const PALETTE = ['#4e9af1', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#bab0ac'];
const FONT = '11px system-ui, sans-serif';
// Time ticks at whole seconds at least: the labels show HH:MM:SS.
const TIME_STEPS_SECONDS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

export function colourFor(index) {
  return PALETTE[index % PALETTE.length];
}

const measure = document.createElement('canvas').getContext('2d');

function textWidth(text) {
  measure.font = FONT;
  return measure.measureText(text).width;
}

/** About four ticks from 0 at round numbers of the binary unit that fits max (0, 2, 4, 6 GiB). */
function binarySplits(u, axis, min, max) {
  if (!(max > 0)) return [0];
  let unit = 1;
  while (max / unit >= 1024) unit *= 1024;
  const rough = max / unit / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) * unit;
  const ticks = [];
  for (let v = 0; v <= max * 1.0001; v += step) ticks.push(v);
  return ticks;
}

/**
 * A chart in container. scales = {name: {format: value -> text, binary: ticks at binary units,
 * range: dataMax -> [min, max], default 0..110% of the data}}; the first scale is on the left,
 * a second on the right. update() draws a Timeline's keys as lines, and rebuilds the chart when
 * the set of lines changes.
 */
export class LineChart {
  constructor(container, scales) {
    this.container = container;
    this.scales = scales;
    this.plot = null;
    this.signature = '';
    new ResizeObserver(() => this.resize()).observe(container);
  }

  /** Draws lines = [{key, label, colour, scale, dash}] from timeline. */
  update(timeline, lines) {
    const signature = JSON.stringify(lines.map((l) => [l.key, l.colour, l.scale]));
    if (signature !== this.signature || this.plot == null) {
      if (this.plot) this.plot.destroy();
      this.plot = new uPlot(this.options(lines), timeline.plotData(lines.map((l) => l.key)), this.container);
      this.signature = signature;
    } else {
      this.plot.setData(timeline.plotData(lines.map((l) => l.key)));
    }
  }

  resize() {
    if (this.plot && this.container.clientWidth > 0) {
      this.plot.setSize(this.size());
    }
  }

  size() {
    return {width: this.container.clientWidth, height: Math.max(60, this.container.clientHeight)};
  }

  options(lines) {
    const muted = cssVariable('--muted');
    const border = cssVariable('--border');
    const axis = {stroke: muted, grid: {stroke: border, width: 1}, ticks: {stroke: border, width: 1, size: 4}, font: FONT, gap: 3};
    const scales = {x: {time: true}};
    const axes = [{...axis, space: 70, size: 22, incrs: TIME_STEPS_SECONDS, values: (u, splits) => splits.map((s) => clock(new Date(s * 1000).toISOString()))}];
    Object.entries(this.scales).forEach(([name, scale], i) => {
      scales[name] = {range: (u, min, max) => (scale.range ? scale.range(max) : [0, max > 0 ? max * 1.1 : 1])};
      axes.push({...axis, scale: name, side: i === 0 ? 3 : 1, grid: {...axis.grid, show: i === 0},
        splits: scale.binary ? binarySplits : undefined,
        values: (u, splits) => splits.map(scale.format),
        size: (u, values) => (values ? Math.ceil(Math.max(0, ...values.map(textWidth))) + 12 : 40)});
    });
    return {
      ...this.size(),
      legend: {show: false},
      cursor: {drag: {x: false, y: false}},
      scales,
      axes,
      series: [{}, ...lines.map((l) => ({label: l.label, stroke: l.colour, width: 1.5, scale: l.scale, dash: l.dash}))],
    };
  }
}
