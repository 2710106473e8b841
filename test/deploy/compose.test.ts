import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { at, cmd, compose, DEPLOY, healthcheck, ROOT } from './files.js';

/** Compose durations (`30s`, `1m30s`) in seconds. */
function seconds(text: unknown): number {
  const parts = [...String(text).matchAll(/(\d+(?:\.\d+)?)(h|m|s|ms|us)/g)];
  const unit: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 0.000001 };
  return parts.reduce((sum, m) => sum + Number(m[1]) * (unit[m[2] ?? 's'] ?? 0), 0);
}

/** A service's `volumes` as [source, target, mode] triples (short syntax). */
function volumes(service: unknown): string[][] {
  const list = at(service, 'volumes');
  return Array.isArray(list) ? list.map((v) => String(v).split(':')) : [];
}

describe('deploy/compose.yaml', () => {
  const file = compose();
  const services = at(file, 'services') as Record<string, unknown>;
  const syscorr = services.syscorr;

  it('runs syscorr, Prometheus, Grafana and Mailpit', () => {
    expect(Object.keys(services).sort()).toEqual(['grafana', 'mailpit', 'prometheus', 'syscorr']);
  });

  it('builds syscorr from the repository Dockerfile', () => {
    const context = resolve(DEPLOY, String(at(syscorr, 'build', 'context')));
    expect(context).toBe(resolve(ROOT));
    expect(existsSync(join(context, String(at(syscorr, 'build', 'dockerfile'))))).toBe(true);
  });

  it('gives every service a healthcheck, a grace period to stop, and a restart policy', () => {
    for (const [name, service] of Object.entries(services)) {
      const test = at(service, 'healthcheck', 'test');
      expect(Array.isArray(test) && test[0] === 'CMD', `${name} healthcheck`).toBe(true);
      expect(seconds(at(service, 'stop_grace_period')), `${name} stop_grace_period`).toBeGreaterThanOrEqual(
        10,
      );
      expect(at(service, 'restart'), name).toBe('unless-stopped');
    }
    // syscorr ends the commands its rules started before it exits: give it the most time.
    expect(seconds(at(syscorr, 'stop_grace_period'))).toBeGreaterThanOrEqual(30);
  });

  it('runs syscorr with a read-only root, writable only where the image writes', () => {
    expect(at(syscorr, 'read_only')).toBe(true);
    expect(at(syscorr, 'tmpfs')).toContainEqual(expect.stringMatching(/^\/tmp(:|$)/));
    const state = volumes(syscorr).find((v) => v[1] === '/var/lib/syscorr');
    expect(state?.[0]).toBe('syscorr-state');
    expect(Object.keys(at(file, 'volumes') as object)).toContain('syscorr-state');
    // Every path the image's command line writes to is on a writable mount.
    const writes = cmd()
      .filter((a) => /^--(dump|pid|log)=/.test(a))
      .map((a) => a.slice(a.indexOf('=') + 1));
    for (const path of writes) expect(path.startsWith('/var/lib/syscorr/'), path).toBe(true);
  });

  it('binds port 514 as the unprivileged user with no capability at all', () => {
    expect(at(syscorr, 'sysctls', 'net.ipv4.ip_unprivileged_port_start')).toBe(0);
    expect(at(syscorr, 'cap_drop')).toEqual(['ALL']);
    expect(at(syscorr, 'cap_add')).toBeUndefined();
    expect(at(syscorr, 'security_opt')).toContain('no-new-privileges:true');
    expect(at(syscorr, 'user')).toBeUndefined();
  });

  it('publishes syslog on 514 UDP and TCP and keeps metrics on the host', () => {
    const ports = at(syscorr, 'ports') as string[];
    expect(ports).toContain('514:514/udp');
    expect(ports).toContain('514:514/tcp');
    expect(ports).toContain('127.0.0.1:8514:8514');
    for (const name of ['prometheus', 'grafana', 'mailpit'])
      for (const p of at(services[name], 'ports') as string[]) expect(p, name).toMatch(/^127\.0\.0\.1:/);
  });

  it('checks syscorr health with the same command as the image', () => {
    expect(at(syscorr, 'healthcheck', 'test')).toEqual(['CMD', ...healthcheck()]);
  });

  it('sends syscorr mail to the Mailpit service', () => {
    const url = new URL(String(at(syscorr, 'environment', 'SYSCORR_SMTP_URL')));
    expect(url.protocol).toBe('smtp:');
    expect(url.hostname).toBe('mailpit');
    expect(url.port).toBe('1025');
    expect(String(at(services.mailpit, 'image'))).toMatch(/^axllent\/mailpit:v\d/);
  });

  it('mounts only files that exist, and Prometheus scrapes the metrics port of the image', () => {
    for (const [name, service] of Object.entries(services))
      for (const [source] of volumes(service))
        if (source?.startsWith('.'))
          expect(existsSync(resolve(DEPLOY, source)), `${name}: ${source}`).toBe(true);
    const prom = parseYaml(readFileSync(join(DEPLOY, 'prometheus', 'prometheus.yml'), 'utf8'));
    const job = (at(prom, 'scrape_configs') as unknown[]).find((j) => at(j, 'job_name') === 'syscorr');
    const metrics = cmd()
      .find((a) => a.startsWith('--metrics='))
      ?.split(':')
      .at(-1);
    expect(at(job, 'static_configs', 0, 'targets')).toEqual([`syscorr:${metrics}`]);
    expect(at(prom, 'rule_files')).toEqual(['alerts.yml']);
    expect(existsSync(join(DEPLOY, 'prometheus', 'alerts.yml'))).toBe(true);
  });

  it('provisions Grafana with the Prometheus datasource and the syscorr dashboard', () => {
    const grafana = services.grafana;
    const mounts = new Map(volumes(grafana).map((v) => [v[1], v[0]]));
    const provisioning = resolve(DEPLOY, mounts.get('/etc/grafana/provisioning') ?? 'missing');
    const ds = parseYaml(readFileSync(join(provisioning, 'datasources', 'prometheus.yaml'), 'utf8'));
    expect(at(ds, 'datasources', 0, 'url')).toBe('http://prometheus:9090');
    expect(at(ds, 'datasources', 0, 'uid')).toBe('prometheus');
    const provider = parseYaml(readFileSync(join(provisioning, 'dashboards', 'syscorr.yaml'), 'utf8'));
    const path = String(at(provider, 'providers', 0, 'options', 'path'));
    const dashboards = mounts.get(path);
    expect(dashboards, `a volume mounted at ${path}`).toBeDefined();
    const home = String(at(grafana, 'environment', 'GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH'));
    expect(home.startsWith(`${path}/`)).toBe(true);
    expect(existsSync(join(resolve(DEPLOY, dashboards ?? ''), home.slice(path.length + 1)))).toBe(true);
  });
});
