// The host's panels: CPU per core, memory per NUMA node, run-queue latency. Each takes metric
// snapshots through ingest(time, families, context) and draws them in render(context).

import {LineChart, colourFor} from './charts.js';
import {Panel, chip, el} from './dom.js';
import * as format from './format.js';
import {drawHeatmap} from './heatmap.js';
import {Deltas, Rates, Timeline, quantileBound, seriesOf, summedBucketDeltas} from './timeline.js';

const byNumber = (a, b) => Number(a) - Number(b) || String(a).localeCompare(String(b));

/**
 * Utilisation per core from asios_cpu_seconds_total: busy = 1 - Δ(idle + iowait) / Δ(all modes);
 * iowait counts as idle, as the kernel does. Isolated cores (asios_cpu_isolated = 1) are framed
 * and labelled "iso".
 */
export class CpuPanel {
  families = ['asios_cpu_seconds_total', 'asios_cpu_isolated'];

  constructor() {
    this.panel = new Panel('panel-cpu');
    this.timeline = new Timeline();
    this.deltas = new Deltas();
    this.isolated = new Set();
    this.absent = null;
  }

  ingest(time, families, context) {
    const series = seriesOf(families, 'asios_cpu_seconds_total');
    this.absent = series.length === 0 ? context.absence('cpu', 'no CPU time per core') : null;
    const totals = new Map();
    for (const s of series) {
      const total = totals.get(s.labels.cpu) || {all: 0, idle: 0};
      total.all += s.value;
      if (s.labels.mode === 'idle' || s.labels.mode === 'iowait') total.idle += s.value;
      totals.set(s.labels.cpu, total);
    }
    const busy = new Map();
    for (const [cpu, total] of totals) {
      const all = this.deltas.delta(cpu + '/all', total.all);
      const idle = this.deltas.delta(cpu + '/idle', total.idle);
      busy.set(cpu, all > 0 && idle != null ? Math.min(1, Math.max(0, 1 - idle / all)) : null);
    }
    this.isolated = new Set(seriesOf(families, 'asios_cpu_isolated').filter((s) => s.value >= 1).map((s) => s.labels.cpu));
    this.timeline.append(time, busy);
  }

  render(context) {
    const cpus = this.timeline.keys().sort(byNumber);
    if (!cpus.some((cpu) => this.timeline.latest(cpu) != null)) {
      if (this.absent) this.panel.empty(this.absent);
      return;
    }
    this.panel.live();
    const rows = cpus.map((cpu) => {
      const isolated = this.isolated.has(cpu);
      return {label: 'cpu ' + cpu + (isolated ? ' iso' : ''), highlight: isolated, cells: this.timeline.column(cpu),
        valueText: format.percent(this.timeline.latest(cpu))};
    });
    drawHeatmap(this.panel.part('canvas'), {times: this.timeline.times, rows, intervalMs: context.intervalMs});
    this.panel.note(this.summary(cpus));
  }

  summary(cpus) {
    const mean = (list) => (list.length ? list.reduce((a, cpu) => a + (this.timeline.latest(cpu) || 0), 0) / list.length : null);
    const isolated = cpus.filter((cpu) => this.isolated.has(cpu));
    const shared = cpus.filter((cpu) => !this.isolated.has(cpu));
    const text = cpus.length + ' CPUs · busy ' + format.percent(mean(shared));
    return isolated.length === 0 ? text + ' · none isolated' : text + ' · isolated ' + isolated.join(',') + ': ' + format.percent(mean(isolated));
  }
}

/** Used memory per NUMA node over time, hugepage pools per node, and pressure stall time. */
export class MemoryPanel {
  families = ['asios_node_memory_total_bytes', 'asios_node_memory_used_bytes', 'asios_hugepages',
    'asios_memory_total_bytes', 'asios_memory_available_bytes', 'asios_pressure_stalled_seconds_total'];

  constructor() {
    this.panel = new Panel('panel-memory');
    this.timeline = new Timeline();
    this.rates = new Rates();
    this.chart = null;
    this.capacity = 0;
    this.nodes = new Map();
    this.pressure = new Map();
    this.system = {};
    this.absent = null;
  }

  ingest(time, families, context) {
    const used = seriesOf(families, 'asios_node_memory_used_bytes');
    this.absent = used.length === 0 ? context.absence('memory', 'no memory per NUMA node') : null;
    const nodes = new Map();
    const node = (id) => nodes.get(id) || nodes.set(id, {used: null, total: null, hugepages: new Map()}).get(id);
    used.forEach((s) => (node(s.labels.node).used = s.value));
    seriesOf(families, 'asios_node_memory_total_bytes').forEach((s) => (node(s.labels.node).total = s.value));
    for (const s of seriesOf(families, 'asios_hugepages')) {
      const pools = node(s.labels.node).hugepages;
      const pool = pools.get(s.labels.page_size_bytes) || pools.set(s.labels.page_size_bytes, {}).get(s.labels.page_size_bytes);
      pool[s.labels.state] = s.value;
    }
    this.nodes = nodes;
    this.system = {total: seriesOf(families, 'asios_memory_total_bytes')[0]?.value, available: seriesOf(families, 'asios_memory_available_bytes')[0]?.value};
    for (const s of seriesOf(families, 'asios_pressure_stalled_seconds_total')) {
      const key = s.labels.resource + ' ' + s.labels.kind;
      this.pressure.set(key, this.rates.rate(key, s.value, time));
    }
    this.timeline.append(time, new Map(used.map((s) => [s.labels.node, s.value])));
  }

  render() {
    const ids = [...this.nodes.keys()].sort(byNumber);
    if (this.timeline.size === 0 || ids.length === 0) {
      if (this.absent) this.panel.empty(this.absent);
      return;
    }
    this.panel.live();
    this.capacity = Math.max(0, ...ids.map((id) => this.nodes.get(id).total || 0));
    this.chart ||= new LineChart(this.panel.part('.chart'), {bytes: {format: format.bytes, binary: true, range: (max) => [0, Math.max(max, this.capacity)]}});
    this.chart.update(this.timeline, ids.map((id, i) => ({key: id, label: 'node ' + id, colour: colourFor(i), scale: 'bytes'})));
    this.panel.fill('.details', ids.map((id, i) => this.nodeBlock(id, this.nodes.get(id), colourFor(i))), this.footer());
    this.panel.note(ids.length + (ids.length === 1 ? ' node' : ' nodes'));
  }

  nodeBlock(id, node, colour) {
    const share = node.total > 0 ? node.used / node.total : null;
    const pools = [...node.hugepages].sort((a, b) => byNumber(a[0], b[0])).map(([size, p]) =>
      format.bytes(Number(size)) + ' pages: ' + (p.total ?? '–') + ' total, ' + (p.free ?? '–') + ' free' + (p.surplus ? ', ' + p.surplus + ' surplus' : ''));
    return el('div', {},
      el('div', {}, chip(colour), 'node ' + id + ': ' + format.bytes(node.used) + ' used of ' + format.bytes(node.total) + ' (' + format.percent(share) + ')',
        el('span', {class: 'muted'}, ' · hugepages: ' + (pools.length ? pools.join('; ') : 'none'))),
      el('div', {class: 'bar'}, el('span', {style: 'width:' + format.percent(share) + ';background:' + colour})));
  }

  footer() {
    const stalls = ['cpu', 'memory', 'io'].filter((r) => this.pressure.get(r + ' some') != null)
      .map((r) => r + ' ' + format.percent(this.pressure.get(r + ' some'), 1));
    const parts = [];
    if (this.system.total != null) parts.push('available ' + format.bytes(this.system.available) + ' of ' + format.bytes(this.system.total));
    if (stalls.length) parts.push('stalled (some): ' + stalls.join(', '));
    return el('div', {class: 'muted'}, parts.join(' · '));
  }
}

/**
 * The run-queue latency histogram summed over CPUs, one column per sample (the counts of that
 * interval, log colour scale), the largest latencies on top, with the interval's p99 as a line.
 */
export class RunqueuePanel {
  families = ['asios_runqueue_latency_seconds'];

  constructor() {
    this.panel = new Panel('panel-runqueue');
    this.timeline = new Timeline();
    this.deltas = new Deltas();
    this.bounds = [];
    this.absent = null;
  }

  ingest(time, families, context) {
    const series = seriesOf(families, 'asios_runqueue_latency_seconds');
    this.absent = series.length === 0 ? context.absence('runq', 'no run-queue latency') : null;
    const sum = summedBucketDeltas(this.deltas, '', series, (s) => JSON.stringify(s.labels));
    if (sum == null) return;
    this.bounds = sum.bounds;
    const column = new Map(sum.counts.map((count, i) => ['b' + i, count]));
    column.set('p99', quantileBound(sum.bounds, sum.counts, 0.99));
    const events = sum.counts.reduce((a, b) => a + b, 0);
    column.set('perSecond', this.timeline.size > 0 ? (events * 1000) / (time - this.timeline.lastTime) : null);
    this.timeline.append(time, column);
  }

  render(context) {
    if (this.timeline.size === 0) {
      if (this.absent) this.panel.empty(this.absent);
      return;
    }
    this.panel.live();
    const n = this.bounds.length;
    const buckets = [...Array(n).keys()].reverse();
    const max = Math.max(1, ...buckets.flatMap((b) => this.timeline.column('b' + b)).filter((c) => c != null));
    const scale = (count) => (count == null || count <= 0 ? null : 0.15 + (0.85 * Math.log1p(count)) / Math.log1p(max));
    const rows = buckets.map((b) => ({
      label: b === n - 1 ? '> ' + format.seconds(this.bounds[n - 2]) : '≤ ' + format.seconds(this.bounds[b]),
      cells: this.timeline.column('b' + b).map(scale),
    }));
    const line = this.timeline.column('p99').map((p99) => (p99 == null ? null : n - 1 - this.bounds.indexOf(p99)));
    drawHeatmap(this.panel.part('canvas'), {times: this.timeline.times, rows, intervalMs: context.intervalMs, line});
    const perSecond = this.timeline.latest('perSecond');
    this.panel.note('p99 ' + format.seconds(this.timeline.latest('p99')) + ' (white line)'
      + (perSecond == null ? '' : ' · ' + Math.round(perSecond) + ' wake-ups/s'));
  }
}
