import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instructionsOf } from './dockerfile.js';
import { at, cmd, kubernetes, MAIN_JS, ROOT, runtimeStage } from './files.js';

type Doc = Record<string, unknown>;

describe('deploy/kubernetes/syscorr.yaml', () => {
  const docs = kubernetes();
  const find = (kind: string, name: string): Doc => {
    const doc = docs.find((d) => d.kind === kind && at(d, 'metadata', 'name') === name);
    if (doc === undefined) throw new Error(`no ${kind} ${name}`);
    return doc;
  };
  const deployment = find('Deployment', 'syscorr');
  const pod = at(deployment, 'spec', 'template', 'spec');
  const container = at(pod, 'containers', 0);
  const containerPorts = at(container, 'ports') as Doc[];

  it('holds a ConfigMap, a Deployment and the syslog and metrics Services', () => {
    expect(docs.map((d) => `${String(d.kind)}/${String(at(d, 'metadata', 'name'))}`).sort()).toEqual([
      'ConfigMap/syscorr-config',
      'Deployment/syscorr',
      'Service/syscorr-metrics',
      'Service/syscorr-syslog',
    ]);
  });

  it('runs exactly one correlator, and never two during a rollout', () => {
    expect(at(deployment, 'spec', 'replicas')).toBe(1);
    expect(at(deployment, 'spec', 'strategy', 'type')).toBe('Recreate');
  });

  it('runs as the image user, non-root, with a read-only root and no capability', () => {
    const uid = Number(instructionsOf(runtimeStage(), 'USER').at(-1)?.args.split(':')[0]);
    expect(at(pod, 'securityContext', 'runAsNonRoot')).toBe(true);
    expect(at(pod, 'securityContext', 'runAsUser')).toBe(uid);
    expect(at(pod, 'securityContext', 'seccompProfile', 'type')).toBe('RuntimeDefault');
    expect(at(pod, 'securityContext', 'sysctls')).toEqual([
      { name: 'net.ipv4.ip_unprivileged_port_start', value: '0' },
    ]);
    expect(at(container, 'securityContext', 'readOnlyRootFilesystem')).toBe(true);
    expect(at(container, 'securityContext', 'allowPrivilegeEscalation')).toBe(false);
    expect(at(container, 'securityContext', 'capabilities', 'drop')).toEqual(['ALL']);
    expect(at(container, 'securityContext', 'capabilities', 'add')).toBeUndefined();
  });

  it('probes liveness on /-/healthy and readiness on /-/ready, on the metrics port', () => {
    const metrics = containerPorts.find((p) => p.name === 'metrics');
    expect(String(metrics?.containerPort)).toBe(
      cmd()
        .find((a) => a.startsWith('--metrics='))
        ?.split(':')
        .at(-1),
    );
    expect(at(container, 'livenessProbe', 'httpGet')).toEqual({ path: '/-/healthy', port: 'metrics' });
    expect(at(container, 'readinessProbe', 'httpGet')).toEqual({ path: '/-/ready', port: 'metrics' });
    expect(at(container, 'startupProbe', 'httpGet', 'path')).toBe('/-/healthy');
  });

  it('takes the SMTP URL from a Secret and the rules from the ConfigMap at /etc/syscorr', () => {
    const env = at(container, 'env') as Doc[];
    const smtp = env.find((e) => e.name === 'SYSCORR_SMTP_URL');
    expect(at(smtp, 'valueFrom', 'secretKeyRef', 'name')).toBe('syscorr-smtp');
    const mounts = new Map((at(container, 'volumeMounts') as Doc[]).map((m) => [m.mountPath, m]));
    const volumes = new Map((at(pod, 'volumes') as Doc[]).map((v) => [v.name, v]));
    const config = mounts.get('/etc/syscorr');
    expect(config?.readOnly).toBe(true);
    expect(at(volumes.get(config?.name), 'configMap', 'name')).toBe('syscorr-config');
    for (const writable of ['/var/lib/syscorr', '/tmp']) {
      const mount = mounts.get(writable);
      expect(mount?.readOnly, writable).toBeUndefined();
      expect(at(volumes.get(mount?.name), 'emptyDir'), writable).toBeDefined();
    }
  });

  it('serves syslog over UDP and TCP 514 to the pod, keeping the senders’ addresses', () => {
    const syslog = find('Service', 'syscorr-syslog');
    const labels = at(deployment, 'spec', 'template', 'metadata', 'labels');
    expect(at(syslog, 'spec', 'selector')).toEqual(labels);
    expect(at(find('Service', 'syscorr-metrics'), 'spec', 'selector')).toEqual(labels);
    expect(at(syslog, 'spec', 'externalTrafficPolicy')).toBe('Local');
    const ports = (at(syslog, 'spec', 'ports') as Doc[]).map((p) => {
      const target = containerPorts.find((c) => c.name === p.targetPort);
      return `${String(p.port)}/${String(p.protocol)}->${String(target?.containerPort)}/${String(target?.protocol)}`;
    });
    expect(ports.sort()).toEqual(['514/TCP->514/TCP', '514/UDP->514/UDP']);
  });

  it('ships a ConfigMap whose rules and options syscorr loads (--testonly)', () => {
    expect(existsSync(MAIN_JS), 'dist/main.js: run npm run build').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'syscorr-k8s-'));
    const data = at(find('ConfigMap', 'syscorr-config'), 'data') as Record<string, string>;
    for (const [name, text] of Object.entries(data))
      writeFileSync(join(dir, name), text.replaceAll('/app/', ROOT).replaceAll('/etc/syscorr/', `${dir}/`));
    const run = spawnSync(process.execPath, [MAIN_JS, '--testonly', `--conf=${dir}/*.sec`], {
      encoding: 'utf8',
      env: { ...process.env, SECRC: join(dir, 'syscorr.rc') },
      timeout: 15_000,
    });
    expect(run.stderr).not.toMatch(/\b(error|warning) SYS\d|Can't open/);
    expect(run.status, run.stderr).toBe(0);
    // The rc adds the image's shipped rulesets to the ConfigMap's own file.
    const files = Number(/from (\d+) file\(s\)/.exec(run.stderr)?.[1]);
    expect(files).toBeGreaterThan(1);
  });
});
