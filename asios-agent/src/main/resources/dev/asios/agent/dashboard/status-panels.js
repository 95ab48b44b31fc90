// The header (host, agent health and cost) and the panels that show the agent's answers as
// lists: findings, tuning and recent runs.

import {Panel, el} from './dom.js';
import * as format from './format.js';
import {Rates, seriesOf} from './timeline.js';

/** The header: what host this is, the agent's health and uptime, and what the agent costs. */
export class Header {
  families = ['asios_agent_cpu_seconds_total', 'asios_agent_resident_memory_bytes'];

  constructor() {
    this.summary = document.getElementById('host-summary');
    this.cost = document.getElementById('agent-cost');
    this.healthElement = document.getElementById('health');
    this.rates = new Rates();
    this.hostName = location.hostname;
  }

  /** Shows the answer of /api/v1/host (the inspect JSON). */
  host(host) {
    const cpu = host.cpu || {};
    const online = (host.pus || []).filter((pu) => pu.online).length;
    const nodes = (host.numaNodes || []).length;
    const release = host.kernel?.kernel?.release;
    this.summary.replaceChildren(el('strong', {}, this.hostName), ' · ' + [cpu.model || cpu.vendor || 'unknown CPU',
      online + ' CPUs (' + (cpu.architecture || '?') + ')', nodes + (nodes === 1 ? ' NUMA node' : ' NUMA nodes'),
      'kernel ' + (release || 'unknown')].join(' · '));
  }

  /** Shows the answer of /api/v1/health. */
  health(health) {
    if (health.hostname) this.hostName = health.hostname;
    this.healthElement.dataset.status = health.status;
    this.healthElement.textContent = 'agent ' + health.version + ' · up ' + format.duration(health.uptimeSeconds) + ' · ' + health.status;
    this.healthElement.title = (health.problems || []).join('\n');
  }

  /** The agent cannot be reached. */
  down() {
    this.healthElement.dataset.status = 'down';
    this.healthElement.textContent = 'agent unreachable';
  }

  ingest(time, families) {
    let cpu = null;
    for (const s of seriesOf(families, 'asios_agent_cpu_seconds_total')) {
      const rate = this.rates.rate(s.labels.mode, s.value, time);
      if (rate != null) cpu = (cpu || 0) + rate;
    }
    const resident = seriesOf(families, 'asios_agent_resident_memory_bytes')[0]?.value;
    if (cpu != null || resident != null) {
      this.cost.textContent = 'agent uses ' + format.percent(cpu, 1) + ' of a CPU, ' + format.bytes(resident);
    }
  }

  render() {}
}

/** What on this host hurts AI work, worst first, each with why, evidence and fixes. */
export class FindingsPanel {
  constructor() {
    this.panel = new Panel('panel-findings');
  }

  show(answer) {
    const findings = answer.findings || [];
    const counts = ['critical', 'warning', 'info'].map((s) => [s, findings.filter((f) => f.severity === s).length]).filter(([, n]) => n > 0);
    this.panel.note(counts.map(([s, n]) => n + ' ' + s).join(' · '));
    this.panel.fill('.list', findings.length === 0 ? el('li', {}, 'Nothing found on this host that hurts AI work.') : findings.map((f) => el('li', {},
      el('details', {},
        el('summary', {}, el('span', {class: 'sev sev-' + f.severity}, f.severity), f.title),
        el('div', {class: 'why'}, f.why),
        (f.evidence || []).map((e) => el('div', {class: 'why'}, el('code', {}, e.path), ' = ', el('code', {}, e.value))),
        (f.fixes || []).map((x) => el('div', {class: 'fix'}, 'fix (' + x.kind.replace('_', ' ') + '): ', el('code', {}, x.text)))))));
    this.panel.live();
  }
}

/** The active tuning profiles, when they were applied, and the settings that drifted since. */
export class TuningPanel {
  constructor() {
    this.panel = new Panel('panel-tuning');
  }

  show(tuning) {
    const profiles = tuning.profiles || [];
    if (profiles.length === 0) {
      this.panel.note('');
      this.panel.fill('.details', el('p', {}, 'No profile applied.'), el('p', {class: 'muted'}, 'asios tune profiles lists the profiles; asios tune plan --profile NAME shows what one would change.'));
      this.panel.live();
      return;
    }
    const drifted = (tuning.files || []).filter((f) => f.drifted);
    this.panel.note('applied ' + format.clock(tuning.appliedAt));
    this.panel.fill('.details',
      el('div', {}, el('span', {class: 'big'}, profiles.join(' + ')),
        el('span', {class: 'big'}, tuning.settings + ' settings'),
        el('span', {class: 'big' + (tuning.drifted > 0 ? ' drifted' : '')}, tuning.drifted + ' drifted')),
      drifted.length === 0 ? el('p', {class: 'muted'}, 'Every setting still holds its applied value.') : el('table', {},
        el('tr', {}, el('th', {}, 'drifted setting'), el('th', {}, 'applied'), el('th', {}, 'now')),
        drifted.map((f) => el('tr', {}, el('td', {class: 'wrap'}, el('code', {}, f.path)), el('td', {}, f.applied),
          el('td', {class: 'drifted'}, f.current ?? 'gone')))));
    this.panel.live();
  }
}

/** The newest recorded runs: state, when, how long, the command and its CPUs. */
export class RunsPanel {
  constructor() {
    this.panel = new Panel('panel-runs');
  }

  show(answer) {
    const runs = answer.runs || [];
    const running = runs.filter((r) => r.state === 'running').length;
    this.panel.note(runs.length + ' recorded' + (running ? ' · ' + running + ' running' : ''));
    this.panel.fill('.list', runs.length === 0 ? el('li', {}, 'No runs recorded yet: asios run -- COMMAND starts one.') : runs.slice(0, 20).map((r) => el('li', {},
      el('div', {}, el('span', {class: 'sev state-' + r.state}, r.state), el('code', {}, r.id),
        el('span', {class: 'muted'}, ' · started ' + format.clock(r.startedAt) + ' · took '
          + format.duration(((r.endedAt ? Date.parse(r.endedAt) : Date.now()) - Date.parse(r.startedAt)) / 1000)
          + (r.placement?.cpus ? ' · cpus ' + r.placement.cpus : '') + (r.exitCode != null ? ' · exit ' + r.exitCode : ''))),
      el('div', {class: 'why'}, el('code', {}, (r.command || []).join(' '))))));
    this.panel.live();
  }
}

/** A forecast's accuracy on its held-back history, in a few words; empty before it was scored. */
function accuracyText(accuracy) {
  if (!accuracy || accuracy.ratioToNaive == null) {
    return '';
  }
  return ' (held-back history: error ' + accuracy.ratioToNaive.toFixed(2) + '× the naive forecast\'s at ' + format.duration(accuracy.horizonSeconds) + ')';
}

/** How many forecasts were scored on held-back history, and their median error against the naive forecast. */
function scoredText(findings) {
  const ratios = findings.map((f) => f.accuracy?.ratioToNaive).filter((r) => r != null).sort((a, b) => a - b);
  if (ratios.length === 0) {
    return '; none scored on held-back history yet';
  }
  return '; ' + ratios.length + ' scored on held-back history, median error ' + ratios[Math.floor(ratios.length / 2)].toFixed(2) + '× naive';
}

/** Self-healing: the mode, the known-cause findings, anomalies and exhaustion forecasts now, and the newest audit events. */
export class HealPanel {
  constructor() {
    this.panel = new Panel('panel-heal');
  }

  /** Reads /api/v1/heal, /api/v1/anomalies and the newest events through api(path). */
  async load(api) {
    const [heal, anomalies, forecasts, events] = await Promise.all([api('/api/v1/heal'), api('/api/v1/anomalies'), api('/api/v1/forecasts'),
      api('/api/v1/events?limit=12')]);
    const near = (forecasts.findings || []).filter((f) => ['at_limit', 'within_horizon', 'possible_within_horizon'].includes(f.status));
    const findings = heal.findings || [];
    const ongoing = anomalies.ongoing || [];
    const warming = (anomalies.detectors || []).filter((d) => d.warmingUp).length;
    this.panel.note(heal.mode + ' · ' + findings.length + ' finding' + (findings.length === 1 ? '' : 's') + ' · ' + ongoing.length + ' anomal'
      + (ongoing.length === 1 ? 'y' : 'ies') + (warming ? ' · ' + warming + ' detector' + (warming === 1 ? '' : 's') + ' learning' : ''));
    const active = [
      ...findings.map((f) => el('li', {}, el('span', {class: 'sev sev-' + f.severity}, f.severity), f.subject + ': ' + f.evidence,
        f.remediation ? el('span', {class: 'muted'}, ' → ' + f.remediation) : '')),
      ...ongoing.map((a) => el('li', {}, el('span', {class: 'sev sev-warning'}, 'anomaly'), a.group + ' since ' + format.clock(new Date(a.start).toISOString())
        + ', grade ' + a.peakGrade.toFixed(2) + (a.contributors?.length ? ', mostly ' + a.contributors[0].signal : ''))),
      ...near.map((f) => el('li', {}, el('span', {class: 'sev sev-' + (f.status === 'possible_within_horizon' ? 'info' : 'warning')}, 'forecast'), f.text,
        el('span', {class: 'muted'}, accuracyText(f.accuracy)))),
    ];
    const recent = (events.events || []).map((e) => el('li', {}, el('span', {class: 'muted'}, format.clock(e.at) + ' '), el('code', {}, e.type), ' ' + e.subject
      + (e.remediation ? ' · ' + e.remediation : '') + (e.outcome ? ' — ' + e.outcome : '')));
    this.panel.fill('.list', active.length === 0 ? el('li', {class: 'muted'}, 'Nothing wrong now.') : active,
      el('li', {class: 'muted'}, (forecasts.findings || []).length + ' forecast(s), ' + near.length + ' near the limit; ' + forecasts.state
        + scoredText(forecasts.findings || [])),
      el('li', {class: 'muted'}, 'audit log, newest first:'), recent.length === 0 ? el('li', {}, 'no events yet') : recent);
    this.panel.live();
  }
}
