// Disk, network and GPU panels: rates of byte counters per device, block I/O latency p99, and
// GPU utilisation with memory, temperature and power.

import {LineChart, colourFor} from './charts.js';
import {Panel, chip, el} from './dom.js';
import * as format from './format.js';
import {Deltas, Rates, Timeline, bucketBounds, bucketCounts, quantileBound, seriesOf} from './timeline.js';

/**
 * Throughput per device from byte counters (two directions, the second dashed), optionally with
 * the per-interval p99 of a latency histogram on a right-hand axis. config = {id, label (the
 * device's label name), directions: [{family, name}], latency: histogram family or undefined}.
 */
export class ThroughputPanel {
  constructor(config) {
    this.config = config;
    this.families = [...config.directions.map((d) => d.family), config.latency].filter(Boolean);
    this.panel = new Panel(config.id);
    this.timeline = new Timeline();
    this.rates = new Rates();
    this.deltas = new Deltas();
    this.devices = [];
    this.chart = null;
    this.absent = null;
  }

  ingest(time, families, context) {
    const label = this.config.label;
    const values = new Map();
    const devices = new Set();
    for (const direction of this.config.directions) {
      for (const s of seriesOf(families, direction.family)) {
        const device = s.labels[label];
        devices.add(device);
        values.set(device + ' ' + direction.name, this.rates.rate(device + direction.family, s.value, time));
      }
    }
    if (this.config.latency) {
      for (const s of seriesOf(families, this.config.latency)) {
        const counts = this.deltas.deltaBuckets(s.labels[label], bucketCounts(s));
        values.set(s.labels[label] + ' p99', counts == null ? null : quantileBound(bucketBounds(s), counts, 0.99));
      }
    }
    this.devices = [...devices].sort();
    this.absent = this.devices.length === 0 ? context.absence(this.config.probe, this.config.missing) : null;
    this.timeline.append(time, values);
  }

  render() {
    const [first, second] = this.config.directions.map((d) => d.name);
    if (!this.devices.some((d) => this.timeline.latest(d + ' ' + first) != null)) {
      if (this.absent) this.panel.empty(this.absent);
      return;
    }
    this.panel.live();
    const scales = {rate: {format: format.byteRate, binary: true}};
    if (this.config.latency) scales.latency = {format: format.seconds};
    this.chart ||= new LineChart(this.panel.part('.chart'), scales);
    const lines = this.devices.flatMap((device, i) => [
      {key: device + ' ' + first, label: device + ' ' + first, colour: colourFor(i), scale: 'rate'},
      {key: device + ' ' + second, label: device + ' ' + second, colour: colourFor(i), scale: 'rate', dash: [5, 3]},
      ...(this.config.latency ? [{key: device + ' p99', label: device + ' p99', colour: colourFor(i), scale: 'latency', dash: [1, 3]}] : []),
    ]);
    this.chart.update(this.timeline, lines);
    this.panel.fill('.details', this.table(first, second));
    this.panel.note(this.config.legend);
  }

  table(first, second) {
    const latency = Boolean(this.config.latency);
    const head = el('tr', {}, el('th', {}, this.config.label), el('th', {}, first), el('th', {}, second), latency ? el('th', {}, 'p99 latency') : null);
    return el('table', {}, head, this.devices.map((device, i) => el('tr', {},
      el('td', {}, chip(colourFor(i)), device),
      el('td', {}, format.byteRate(this.timeline.latest(device + ' ' + first))),
      el('td', {}, format.byteRate(this.timeline.latest(device + ' ' + second))),
      latency ? el('td', {}, format.seconds(this.timeline.latest(device + ' p99'))) : null)));
  }
}

/** The disk panel: read and write bytes per second per device, and block I/O latency p99. */
export function diskPanel() {
  return new ThroughputPanel({id: 'panel-disk', label: 'device', probe: 'disk', missing: 'no disk I/O counters',
    legend: 'solid read · dashed write · dotted p99 (right)', latency: 'asios_block_io_latency_seconds',
    directions: [{family: 'asios_disk_read_bytes_total', name: 'read'}, {family: 'asios_disk_written_bytes_total', name: 'write'}]});
}

/** The network panel: received and transmitted bytes per second per interface. */
export function networkPanel() {
  return new ThroughputPanel({id: 'panel-network', label: 'interface', probe: 'net', missing: 'no network counters',
    legend: 'solid receive · dashed transmit',
    directions: [{family: 'asios_network_receive_bytes_total', name: 'receive'}, {family: 'asios_network_transmit_bytes_total', name: 'transmit'}]});
}

const GPU_GAUGES = {
  memoryUsed: 'asios_gpu_memory_used_bytes',
  memoryTotal: 'asios_gpu_memory_total_bytes',
  temperature: 'asios_gpu_temperature_celsius',
  power: 'asios_gpu_power_watts',
};

/** Utilisation per GPU over time, and each GPU's name, memory, temperature and power now. */
export class GpuPanel {
  families = ['asios_gpu_utilization_ratio', 'asios_gpu_info', ...Object.values(GPU_GAUGES)];

  constructor() {
    this.panel = new Panel('panel-gpu');
    this.timeline = new Timeline();
    this.gpus = new Map();
    this.chart = null;
    this.absent = null;
  }

  ingest(time, families, context) {
    const gpus = new Map();
    const gpu = (labels) => gpus.get(labels.gpu) || gpus.set(labels.gpu, {name: null}).get(labels.gpu);
    const utilisation = seriesOf(families, 'asios_gpu_utilization_ratio');
    utilisation.forEach((s) => (gpu(s.labels).utilisation = s.value));
    seriesOf(families, 'asios_gpu_info').forEach((s) => (gpu(s.labels).name = s.labels.name));
    for (const [field, family] of Object.entries(GPU_GAUGES)) {
      seriesOf(families, family).forEach((s) => (gpu(s.labels)[field] = s.value));
    }
    this.gpus = gpus;
    this.absent = utilisation.length === 0 ? context.absence('gpu', 'no GPU telemetry') : null;
    this.timeline.append(time, new Map(utilisation.map((s) => [s.labels.gpu, s.value])));
  }

  render() {
    const ids = this.timeline.keys().sort((a, b) => Number(a) - Number(b));
    if (this.absent || ids.length === 0) {
      if (this.absent) this.panel.empty(this.absent);
      return;
    }
    this.panel.live();
    this.chart ||= new LineChart(this.panel.part('.chart'), {ratio: {format: (v) => format.percent(v), range: () => [0, 1]}});
    this.chart.update(this.timeline, ids.map((id, i) => ({key: id, label: 'gpu ' + id, colour: colourFor(i), scale: 'ratio'})));
    const head = el('tr', {}, ['gpu', 'name', 'busy', 'memory', 'temp', 'power'].map((h) => el('th', {}, h)));
    this.panel.fill('.details', el('table', {}, head, ids.map((id, i) => {
      const g = this.gpus.get(id) || {};
      return el('tr', {},
        el('td', {}, chip(colourFor(i)), id),
        el('td', {class: 'wrap'}, g.name || '–'),
        el('td', {}, format.percent(g.utilisation)),
        el('td', {}, format.bytes(g.memoryUsed) + ' / ' + format.bytes(g.memoryTotal)),
        el('td', {}, g.temperature == null ? '–' : g.temperature.toFixed(0) + ' °C'),
        el('td', {}, g.power == null ? '–' : g.power.toFixed(0) + ' W'));
    })));
    this.panel.note(ids.length + (ids.length === 1 ? ' GPU' : ' GPUs'));
  }
}
