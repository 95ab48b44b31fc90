// Time series kept in the browser: what the panels draw. Samples are appended in time order,
// from the recorded rounds replayed at (re)connection and from live polling; older than
// WINDOW_MS is dropped.

/** How much history the page keeps: 5 minutes. */
export const WINDOW_MS = 5 * 60 * 1000;

/**
 * Named series sampled at shared times (ms since the epoch, the agent's clock). A key missing
 * from one append is a gap (null) at that time. Appends older than the last are ignored.
 */
export class Timeline {
  constructor(windowMs = WINDOW_MS) {
    this.windowMs = windowMs;
    this.times = [];
    this.columns = new Map();
  }

  /** Adds the values (an object or Map of key -> number or null) at timeMs. */
  append(timeMs, values) {
    if (this.times.length > 0 && timeMs <= this.lastTime) return false;
    const entries = values instanceof Map ? values : new Map(Object.entries(values));
    for (const [key, value] of entries) {
      if (!this.columns.has(key)) this.columns.set(key, new Array(this.times.length).fill(null));
      this.columns.get(key).push(value ?? null);
    }
    this.times.push(timeMs);
    for (const column of this.columns.values()) {
      if (column.length < this.times.length) column.push(null);
    }
    this.trim();
    return true;
  }

  trim() {
    const oldest = this.lastTime - this.windowMs;
    let drop = 0;
    while (drop < this.times.length && this.times[drop] < oldest) drop++;
    if (drop === 0) return;
    this.times.splice(0, drop);
    for (const [key, column] of this.columns) {
      column.splice(0, drop);
      if (column.every((v) => v == null)) this.columns.delete(key);
    }
  }

  get lastTime() {
    return this.times[this.times.length - 1];
  }

  get size() {
    return this.times.length;
  }

  keys() {
    return [...this.columns.keys()];
  }

  /** The series of key, one value per time. */
  column(key) {
    return this.columns.get(key) || new Array(this.times.length).fill(null);
  }

  /** The newest non-null value of key. */
  latest(key) {
    const column = this.column(key);
    for (let i = column.length - 1; i >= 0; i--) {
      if (column[i] != null) return column[i];
    }
    return null;
  }

  /** uPlot's data: [times in seconds, ...one array per key]. */
  plotData(keys) {
    return [this.times.map((t) => t / 1000), ...keys.map((key) => this.column(key))];
  }
}

/**
 * Differences of counters between consecutive samples, per key. The first sample of a key, and
 * a sample lower than the one before (the counter was reset: the agent restarted), give null.
 */
export class Deltas {
  constructor() {
    this.last = new Map();
  }

  delta(key, value) {
    const previous = this.last.get(key);
    this.last.set(key, value);
    if (previous == null || value == null || value < previous) return null;
    return value - previous;
  }

  /** Per-bucket differences of a histogram's counts, or null as for delta. */
  deltaBuckets(key, counts) {
    const previous = this.last.get(key);
    this.last.set(key, counts);
    if (previous == null || previous.length !== counts.length) return null;
    const diff = counts.map((c, i) => c - previous[i]);
    return diff.some((d) => d < 0) ? null : diff;
  }
}

/** The metric families of an /api/v1/metrics answer by exposed name. */
export function familiesByName(snapshot) {
  return new Map((snapshot.metrics || []).map((family) => [family.name, family]));
}

/** The series of family name in the snapshot's index, [] when absent. */
export function seriesOf(families, name) {
  const family = families.get(name);
  return family ? family.series : [];
}

/** Per-bucket counts of a histogram series, and its bounds (+Inf as Infinity). */
export function bucketCounts(series) {
  return series.buckets.map((b) => b.count);
}

export function bucketBounds(series) {
  return series.buckets.map((b) => (b.le === '+Inf' ? Infinity : Number(b.le)));
}

/** The upper bound of the bucket holding quantile q of per-bucket counts; null when empty. */
export function quantileBound(bounds, counts, q) {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i];
    if (seen >= rank) return bounds[i];
  }
  return bounds[bounds.length - 1];
}

/**
 * Sums per-interval histogram deltas over several series of one family (for example, over CPUs):
 * returns {bounds, counts} or null when no series has a delta yet.
 */
export function summedBucketDeltas(deltas, prefix, seriesList, keyOf) {
  let sum = null;
  let bounds = null;
  for (const series of seriesList) {
    const diff = deltas.deltaBuckets(prefix + keyOf(series), bucketCounts(series));
    if (diff == null) continue;
    if (sum == null) {
      sum = diff.slice();
      bounds = bucketBounds(series);
    } else {
      diff.forEach((d, i) => (sum[i] += d));
    }
  }
  return sum == null ? null : {bounds, counts: sum};
}

/** Per-second rates of counters, per key; null as for Deltas.delta, or when no time passed. */
export class Rates {
  constructor() {
    this.last = new Map();
  }

  rate(key, value, timeMs) {
    const previous = this.last.get(key);
    this.last.set(key, {value, timeMs});
    if (previous == null || value == null || value < previous.value || timeMs <= previous.timeMs) return null;
    return ((value - previous.value) * 1000) / (timeMs - previous.timeMs);
  }
}
