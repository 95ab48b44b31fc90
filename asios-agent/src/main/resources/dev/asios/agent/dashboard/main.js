// The dashboard's loop: polls the agent's JSON API every intervalMs (from /api/v1/health), feeds
// the metric snapshots to the panels, refreshes the slow lists every 10 s, and shows a banner
// while the agent cannot be reached. When it (re)connects it first replays the recorded rounds
// it missed (/api/v1/rounds, the same shape as /api/v1/metrics), so a reload or an outage of the
// page leaves no hole in the charts. window.asiosDashboard.ingest(snapshot) takes a snapshot in
// the shape of /api/v1/metrics ({time, metrics}); window.asiosDashboard.fed() says what the
// panels were fed: the first and last snapshot's time and how many.

import {diskPanel, GpuPanel, networkPanel} from './io-panels.js';
import {CpuPanel, MemoryPanel, RunqueuePanel} from './host-panels.js';
import {FindingsPanel, HealPanel, Header, RunsPanel, TuningPanel} from './status-panels.js';
import {familiesByName, WINDOW_MS} from './timeline.js';

const API = '/api/v1';
const REQUEST_TIMEOUT_MS = 5000;
const LISTS_EVERY_MS = 10000;
const MAX_RETRY_MS = 5000;
/** About how many values one replay of recorded rounds may carry: big hosts get fewer, wider rounds. */
const REPLAY_VALUES = 200000;

const header = new Header();
const metricViews = [new CpuPanel(), new MemoryPanel(), new RunqueuePanel(), diskPanel(), networkPanel(), new GpuPanel(), header];
const wanted = [...new Set(metricViews.flatMap((view) => view.families))];
const lists = {findings: new FindingsPanel(), tuning: new TuningPanel(), heal: new HealPanel(), runs: new RunsPanel()};

const state = {
  exposed: null, // the wanted families the agent has; null: ask it
  startedAt: null,
  connected: false,
  lastTime: 0,
  firstTime: 0, // the oldest snapshot fed, live or replayed
  ingested: 0,
  listsAt: 0,
  retryMs: 1000,
  renderPending: false,
  lastMetrics: '',
};

/** What the panels may ask: the interval, and why a collector or probe gives nothing. */
const context = {
  intervalMs: 1000,
  probes: [],
  absence(keyword, what) {
    const source = this.probes.find((p) => p.name.toLowerCase().includes(keyword));
    if (source == null) return what + ': no ' + keyword + ' collector or probe runs in this agent';
    if (source.state === 'running') return what + ': ' + source.name + ' runs but reports nothing on this host';
    return what + ': ' + source.name + ' is ' + source.state + (source.reason ? ' — ' + source.reason : source.lastError ? ' — ' + source.lastError : '');
  },
};

/** The agent answered, but not 2xx. */
class ApiError extends Error {
  constructor(status, message) {
    super('it answered ' + status + ': ' + message);
    this.status = status;
  }
}

/** The agent did not answer at all. */
class Unreachable extends Error {}

/** GETs path as JSON; throws ApiError for an answer other than 2xx, Unreachable for none. */
async function api(path) {
  let response;
  try {
    response = await fetch(path, {signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), cache: 'no-store'});
  } catch (e) {
    throw new Unreachable(e.name === 'TimeoutError' ? 'no answer within ' + REQUEST_TIMEOUT_MS / 1000 + ' s' : 'connection refused or lost');
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.error?.message || response.status + ' ' + response.statusText);
  return body;
}

/** Feeds one metric snapshot to every panel; ignores snapshots not newer than the last. */
function ingest(snapshot) {
  if (!(snapshot.time > state.lastTime)) return false;
  state.lastTime = snapshot.time;
  if (state.ingested++ === 0) state.firstTime = snapshot.time;
  const families = familiesByName(snapshot);
  for (const view of metricViews) view.ingest(snapshot.time, families, context);
  scheduleRender();
  return true;
}

function scheduleRender() {
  if (state.renderPending) return;
  state.renderPending = true;
  requestAnimationFrame(() => {
    state.renderPending = false;
    for (const view of metricViews) view.render(context);
  });
}

/**
 * The current values of the wanted families the agent exposes (the first call lists them all),
 * stamped with the time of the agent's collection when it says so; null when nothing changed
 * since the last poll (no collection ran in between).
 */
async function metricsSnapshot() {
  let snapshot;
  if (state.exposed == null) {
    snapshot = await api(API + '/metrics');
    state.exposed = wanted.filter((name) => snapshot.metrics.some((family) => family.name === name));
    await replayMissed(snapshot);
  } else if (state.exposed.length === 0) {
    snapshot = {time: Date.now(), metrics: []};
  } else {
    try {
      snapshot = await api(API + '/metrics?name=' + state.exposed.join(','));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) state.exposed = null; // a family went away: list again
      throw e;
    }
  }
  const values = JSON.stringify(snapshot.metrics);
  if (values === state.lastMetrics && snapshot.metrics.length > 0) return null;
  state.lastMetrics = values;
  return {time: snapshot.collectedAt ?? snapshot.time, metrics: snapshot.metrics};
}

/**
 * Feeds the panels the recorded rounds between what they have (or the chart window) and the
 * snapshot, thinned so the answer stays small on a host with many series. A replay that fails
 * only leaves the gap: live polling goes on.
 */
async function replayMissed(snapshot) {
  const to = (snapshot.collectedAt ?? snapshot.time) - 1;
  const from = Math.max(state.lastTime + 1, to - WINDOW_MS);
  const exposed = snapshot.metrics.filter((family) => state.exposed.includes(family.name));
  if (exposed.length === 0 || from >= to) return;
  const values = exposed.reduce((n, family) => n + family.series.reduce((k, s) => k + (s.buckets ? s.buckets.length : 1), 0), 0);
  const max = Math.max(10, Math.min(Math.ceil((to - from) / context.intervalMs), Math.floor(REPLAY_VALUES / Math.max(1, values))));
  try {
    const answer = await api(API + '/rounds?name=' + state.exposed.join(',') + '&from=' + from + '&to=' + to + '&max=' + max);
    for (const round of answer.rounds) ingest(round);
  } catch (e) {
    console.warn('dashboard: could not replay the recorded rounds', e);
  }
}

async function refreshProbes() {
  const answer = await api(API + '/probes');
  context.probes = [...(answer.collectors || []), ...(answer.probes || [])];
}

/** Findings, tuning and runs, each on its own: one failing shows its error, the others still draw. */
async function refreshLists() {
  state.listsAt = Date.now();
  await Promise.all([refreshProbes().catch(() => {}), ...Object.entries(lists).map(async ([name, panel]) => {
    try {
      if (panel.load) await panel.load(api);
      else panel.show(await api(API + '/' + name));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      panel.panel.error(e.status === 404 && panel.load ? 'this agent runs no health loop' : e.message);
    }
  })]);
}

/** After connecting, or when the agent restarted: the host, the probes and the metric list again. */
async function reconnect(health) {
  state.startedAt = health.startedAt;
  state.exposed = null;
  state.lastMetrics = '';
  await refreshProbes();
  header.host(await api(API + '/host'));
  state.listsAt = 0;
}

/**
 * One poll, then the next at a fixed rate. A poll that finds no new collection waits half an
 * interval longer, so polls settle between the agent's collections and each sees exactly one.
 */
async function poll() {
  const startedMs = Date.now();
  let delayMs;
  try {
    const health = await api(API + '/health');
    context.intervalMs = health.intervalMs > 0 ? health.intervalMs : 1000;
    header.health(health);
    if (!state.connected || health.startedAt !== state.startedAt) await reconnect(health);
    const snapshot = await metricsSnapshot();
    if (snapshot) ingest(snapshot);
    if (Date.now() - state.listsAt >= LISTS_EVERY_MS) await refreshLists();
    connected();
    delayMs = Math.max(0, startedMs + context.intervalMs - Date.now()) + (snapshot ? 0 : context.intervalMs / 2);
  } catch (e) {
    if (e instanceof Unreachable || e instanceof ApiError) {
      delayMs = disconnected(e);
    } else {
      console.error('dashboard: drawing failed', e); // a bug of this page, not of the agent: keep polling
      delayMs = context.intervalMs;
    }
  }
  setTimeout(poll, delayMs);
}

function connected() {
  state.connected = true;
  state.retryMs = 1000;
  document.getElementById('banner').hidden = true;
}

/** Shows the banner and returns how long to wait before the next try (1 s, doubling to 5 s). */
function disconnected(error) {
  state.connected = false;
  header.down();
  const banner = document.getElementById('banner');
  banner.textContent = 'Disconnected from the agent at ' + location.host + ' (' + error.message + '); retrying every '
    + Math.round(state.retryMs / 1000) + ' s. The charts keep what they had.';
  banner.hidden = false;
  const delayMs = state.retryMs;
  state.retryMs = Math.min(MAX_RETRY_MS, state.retryMs * 2);
  return delayMs;
}

window.asiosDashboard = {ingest, fed: () => ({first: state.firstTime, last: state.lastTime, snapshots: state.ingested})};
window.addEventListener('resize', scheduleRender);
poll();
