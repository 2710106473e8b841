import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { freePort } from '../../bench/ingest/daemon.js';
import { exposedLabels, exposedNames } from '../metrics/exposition.js';
import { describeWithProgram } from '../support/external.js';
import { poll } from '../support/poll.js';
import { at, DEPLOY, MAIN_JS, ROOT } from './files.js';
import { metricNames } from './promql-names.js';
import { httpGet, type Running, startProcess } from './syscorr-process.js';

interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { uid?: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: { expr: string; legendFormat?: string; datasource?: { uid?: string } }[];
}

const DASHBOARD = join(DEPLOY, 'grafana', 'dashboards', 'syscorr.json');
const ALERTS = join(DEPLOY, 'prometheus', 'alerts.yml');

const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Record<string, unknown>;
const panels = dashboard.panels as Panel[];
const graphs = panels.filter((p) => p.type !== 'row');
const dashboardExprs = graphs.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
const alertExprs = (
  at(parseYaml(readFileSync(ALERTS, 'utf8')), 'groups', 0, 'rules') as { expr: string }[]
).map((r) => r.expr);

/** Grafana's variables as Grafana would expand them for a query, so promtool can parse it. */
function expandGrafana(expr: string): string {
  const out = expr
    .replaceAll('$__rate_interval', '1m')
    .replaceAll('$__interval', '1m')
    .replaceAll('$__range', '1h')
    .replace(/\$\{?instance\}?/g, '.*');
  if (out.includes('$')) throw new Error(`an unexpanded variable in: ${expr}`);
  return out;
}

/** One recording rule per expression: `promtool check rules` then parses every one. */
function rulesFile(exprs: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'syscorr-promql-'));
  const path = join(dir, 'dashboard.rules.yml');
  const rules = exprs.map((expr, i) => ({ record: `dashboard:expr_${i}`, expr }));
  writeFileSync(path, stringify({ groups: [{ name: 'dashboard', rules }] }));
  return path;
}

describe('deploy/grafana/dashboards/syscorr.json', () => {
  it('is a provisionable dashboard with a datasource and an instance variable', () => {
    expect(dashboard.uid).toBe('syscorr-appliance');
    const vars = at(dashboard, 'templating', 'list') as { name: string; type: string; query: unknown }[];
    expect(vars.map((v) => [v.name, v.type])).toEqual([
      ['datasource', 'datasource'],
      ['instance', 'query'],
    ]);
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    for (const p of graphs) {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax, not a template.
      expect(p.datasource?.uid, p.title).toBe('${datasource}');
      expect(p.targets?.length, p.title).toBeGreaterThan(0);
      for (const t of p.targets ?? []) expect(t.expr, p.title).toMatch(/instance=~"\$instance"/);
    }
  });

  it('lays the panels out on the 24-column grid without overlaps', () => {
    const cells = new Set<string>();
    for (const p of panels) {
      const { x, y, w, h } = p.gridPos;
      expect(x + w, p.title).toBeLessThanOrEqual(24);
      for (let i = x; i < x + w; i++)
        for (let j = y; j < y + h; j++) {
          expect(cells.has(`${i},${j}`), `${p.title} overlaps at ${i},${j}`).toBe(false);
          cells.add(`${i},${j}`);
        }
    }
  });

  it('shows ingest, parse errors, drops, rule matches, actions, mail, live state, latency and event-loop lag', () => {
    const all = dashboardExprs.join('\n');
    for (const family of [
      'syscorr_syslog_messages_received_total',
      'syscorr_syslog_parse_errors_total',
      'syscorr_syslog_messages_dropped_total',
      'syscorr_rule_matches_total',
      'syscorr_actions_total',
      'syscorr_mails_sent_total',
      'syscorr_mails_failed_total',
      'syscorr_contexts_live',
      'syscorr_operations_live',
      'nodejs_eventloop_lag_p99_seconds',
    ])
      expect(all, family).toContain(family);
    expect(all).toMatch(
      /histogram_quantile\(0\.99, sum by \(le\) \(rate\(syscorr_event_processing_latency_seconds_bucket/,
    );
    expect(all).toMatch(/topk\(10, sum by \(rule\)/);
  });

  it('every expression expands to PromQL without Grafana variables left', () => {
    expect(dashboardExprs.length).toBeGreaterThan(30);
    for (const e of dashboardExprs) expect(() => expandGrafana(e)).not.toThrow();
    expect(() => expandGrafana('rate(x[$__foo])')).toThrow(/unexpanded/);
  });
});

describeWithProgram(
  'promtool',
  'PromQL of the dashboard and the Prometheus files, checked by promtool',
  (promtool) => {
    const check = (...args: string[]) =>
      spawnSync(promtool, ['check', ...args], { encoding: 'utf8', timeout: 30_000 });

    it('parses every dashboard expression', () => {
      const run = check('rules', rulesFile(dashboardExprs.map(expandGrafana)));
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain(`SUCCESS: ${dashboardExprs.length} rules found`);
    });

    it('rejects a broken expression (the check can fail)', () => {
      const run = check('rules', rulesFile(['sum(rate(x[1m])', 'rate(x)']));
      expect(run.status).not.toBe(0);
    });

    it('accepts deploy/prometheus/prometheus.yml and its alert rules', () => {
      const config = check('config', join(DEPLOY, 'prometheus', 'prometheus.yml'));
      expect(config.status, config.stdout + config.stderr).toBe(0);
      const alerts = check('rules', ALERTS);
      expect(alerts.status, alerts.stdout + alerts.stderr).toBe(0);
    });
  },
);

describe('every metric the dashboard and the alerts use is exported by a running syscorr (end to end)', () => {
  let run: Running | null = null;
  let port = 0;
  let body = '';

  beforeAll(async () => {
    expect(existsSync(MAIN_JS), 'dist/main.js: run npm run build').toBe(true);
    port = await freePort('tcp');
    run = startProcess({
      argv: [
        process.execPath,
        MAIN_JS,
        `--conf=${ROOT}config/*.sec`,
        '--input=udp://127.0.0.1:0',
        `--metrics=127.0.0.1:${port}`,
        '--poll-timeout=0.05',
      ],
      env: { ...process.env, SECRC: undefined },
    });
    const answer = await poll(
      async () => {
        const a = await httpGet(`http://127.0.0.1:${port}/metrics`);
        return a.status === 200 ? a : null;
      },
      () => `/metrics on port ${port}; stderr: ${run?.stderr()}`,
    );
    body = answer.body;
  });
  afterAll(async () => {
    await run?.stop();
  });

  it('names only series that /metrics offers', () => {
    const exposed = exposedNames(body);
    // Grafana's label_values(METRIC, LABEL) is not PromQL: its first argument is the metric.
    const variable = /^label_values\((\w+),/.exec(
      String(at(dashboard, 'templating', 'list', 1, 'definition')),
    );
    const used = new Set([...dashboardExprs, ...alertExprs].flatMap(metricNames));
    used.add(variable?.[1] ?? 'label_values() of the instance variable');
    // `up` is made by Prometheus for every target, not by the target itself.
    used.delete('up');
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((name) => !exposed.has(name)).sort()).toEqual([]);
  });

  it('labels its legends only with labels those series carry (or that Prometheus adds)', () => {
    const labels = exposedLabels(body);
    expect(labels.size).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const p of graphs)
      for (const t of p.targets ?? []) {
        const known = new Set(['instance', 'job']);
        const names = metricNames(t.expr);
        for (const name of names) for (const l of labels.get(name) ?? []) known.add(l);
        // A family with no sample yet (no TLS listener here) shows no labels: nothing to compare.
        if (names.some((n) => !labels.has(n))) continue;
        for (const m of (t.legendFormat ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g))
          if (!known.has(m[1] ?? '')) problems.push(`${p.title}: {{${m[1]}}} in ${t.expr}`);
      }
    expect(problems).toEqual([]);
  });
});
