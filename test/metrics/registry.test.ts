import { describe, expect, it } from 'vitest';
import { HANDLERS } from '../../src/actions/handlers.js';
import type { RuleView } from '../../src/metrics/index.js';
import { CONTRACT } from './contract.js';
import { find, value } from './exposition.js';
import { RULES, world } from './world.js';

describe('the syscorr registry', () => {
  it('exports every family of the contract with its type', async () => {
    const e = await world().scrape();
    for (const [name, type] of Object.entries(CONTRACT))
      expect([name, e.types.get(name)]).toEqual([name, type]);
  });

  it('exports every series that will exist as 0 from the start', async () => {
    const e = await world().scrape();
    for (const url of ['udp://0.0.0.0:5514', 'tcp://[::]:5514=ROUTERS', 'tls://0.0.0.0:6514']) {
      const drops = find(e, 'syscorr_syslog_messages_dropped_total', { listener: url });
      expect(drops.map((s) => `${s.labels.stage}/${s.labels.reason}=${s.value}`).sort()).toEqual([
        'intake/queue_full=0',
        'listener/acl=0',
        'listener/rate_limit=0',
        'shutdown/shutdown=0',
      ]);
      expect(value(e, 'syscorr_syslog_oversize_messages_total', { listener: url })).toBe(0);
    }
    expect(find(e, 'syscorr_syslog_messages_parsed_total').map((s) => s.labels.format)).toEqual([
      'rfc5424',
      'rfc3164',
      'raw',
    ]);
    expect(find(e, 'syscorr_syslog_parse_errors_total').map((s) => s.labels.reason)).toEqual([
      'pri',
      'header',
      'timestamp',
      'structured_data',
      'encoding',
      'empty',
      'internal',
    ]);
    const actions = find(e, 'syscorr_actions_total');
    expect(actions).toHaveLength(Object.keys(HANDLERS).length * 2);
    expect(actions.every((s) => s.value === 0)).toBe(true);
    expect(value(e, 'syscorr_actions_total', { type: 'shellcmd', result: 'error' })).toBe(0);
    expect(find(e, 'syscorr_mails_failed_total').map((s) => s.labels.reason)).toEqual([
      'transport',
      'rejected',
      'gave_up',
      'queue_full',
    ]);
    expect(find(e, 'syscorr_config_reloads_total').map((s) => `${s.labels.mode}/${s.labels.result}`)).toEqual(
      ['soft/success', 'soft/failure', 'full/success', 'full/failure'],
    );
    const ops = find(e, 'syscorr_operations_live');
    expect(ops).toHaveLength(12);
    expect(ops.map((s) => s.labels.type)).toContain('SingleWith2Thresholds');
    expect(ops.map((s) => s.labels.type)).toContain('Options');
    expect(find(e, 'syscorr_rule_matches_total').map((s) => `${s.labels.rule}=${s.value}`)).toEqual([
      'conf/ssh.sec:1=0',
      'conf/ssh.sec:9=0',
      'conf/vpn.sec:4=0',
    ]);
    expect(value(e, 'syscorr_events_processed_total', { kind: 'synthetic' })).toBe(0);
    expect(value(e, 'syscorr_event_processing_latency_seconds_count')).toBe(0);
    expect(value(e, 'syscorr_mail_send_duration_seconds_bucket', { le: '+Inf' })).toBe(0);
  });

  it('turns the emitters into values, and a second scrape does not add them again', async () => {
    const w = world();
    const c = w.counts;
    c.syslogParsed('rfc3164', null);
    c.syslogParsed('raw', 'pri');
    c.syslogParsed('rfc5424', 'structured_data');
    c.syslogParsed('rfc5424', 'no such reason');
    c.actionRun('shellcmd', true);
    c.actionRun('shellcmd', false);
    c.actionRun('write', true);
    c.childStarted();
    c.childStarted();
    c.childExited(true);
    c.mailSent(0.2);
    c.mailFailed('transport');
    c.mailRetried();
    c.mailDigested(4);
    c.eventProcessed('input', 0.0003);
    c.eventProcessed('input', null);
    c.eventProcessed('synthetic', null);
    c.droppedAtShutdown('udp://0.0.0.0:5514');
    w.matches.set(RULES[0] as RuleView, 5);
    w.ops.set('SingleWithThreshold', 2);
    w.mailQueued = 3;
    w.running = 1;
    await w.scrape();
    const e = await w.scrape();
    expect(value(e, 'syscorr_syslog_messages_parsed_total', { format: 'rfc5424' })).toBe(2);
    expect(value(e, 'syscorr_syslog_messages_parsed_total', { format: 'rfc3164' })).toBe(1);
    expect(value(e, 'syscorr_syslog_parse_errors_total', { reason: 'pri' })).toBe(1);
    expect(value(e, 'syscorr_syslog_parse_errors_total', { reason: 'structured_data' })).toBe(1);
    // A reason outside the bounded set is counted as internal, never as a new label value.
    expect(value(e, 'syscorr_syslog_parse_errors_total', { reason: 'internal' })).toBe(1);
    expect(find(e, 'syscorr_syslog_parse_errors_total')).toHaveLength(7);
    expect(value(e, 'syscorr_actions_total', { type: 'shellcmd', result: 'ok' })).toBe(1);
    expect(value(e, 'syscorr_actions_total', { type: 'shellcmd', result: 'error' })).toBe(1);
    expect(value(e, 'syscorr_actions_total', { type: 'write', result: 'ok' })).toBe(1);
    expect(value(e, 'syscorr_child_processes_started_total')).toBe(2);
    expect(value(e, 'syscorr_child_processes_failed_total')).toBe(1);
    expect(value(e, 'syscorr_child_processes_running')).toBe(1);
    expect(value(e, 'syscorr_mails_sent_total')).toBe(1);
    expect(value(e, 'syscorr_mails_failed_total', { reason: 'transport' })).toBe(1);
    expect(value(e, 'syscorr_mail_retries_total')).toBe(1);
    expect(value(e, 'syscorr_mails_digested_total')).toBe(4);
    expect(value(e, 'syscorr_mail_queue_depth_messages')).toBe(3);
    expect(value(e, 'syscorr_mail_send_duration_seconds_bucket', { le: '0.25' })).toBe(1);
    expect(value(e, 'syscorr_mail_send_duration_seconds_bucket', { le: '0.1' })).toBe(0);
    expect(value(e, 'syscorr_events_processed_total', { kind: 'input' })).toBe(2);
    expect(value(e, 'syscorr_events_processed_total', { kind: 'synthetic' })).toBe(1);
    expect(value(e, 'syscorr_event_processing_latency_seconds_bucket', { le: '0.00025' })).toBe(0);
    expect(value(e, 'syscorr_event_processing_latency_seconds_bucket', { le: '0.0005' })).toBe(1);
    expect(value(e, 'syscorr_event_processing_latency_seconds_bucket', { le: '+Inf' })).toBe(1);
    expect(value(e, 'syscorr_event_processing_latency_seconds_count')).toBe(1);
    expect(value(e, 'syscorr_event_processing_latency_seconds_sum')).toBeCloseTo(0.0003, 10);
    expect(value(e, 'syscorr_rule_matches_total', { rule: 'conf/ssh.sec:1' })).toBe(5);
    expect(value(e, 'syscorr_operations_live', { type: 'SingleWithThreshold' })).toBe(2);
    expect(value(e, 'syscorr_operations_live', { type: 'Pair' })).toBe(0);
    expect(value(e, 'syscorr_contexts_live')).toBe(2);
    expect(value(e, 'syscorr_contexts_expired_total')).toBe(3);
    expect(value(e, 'syscorr_rules_loaded')).toBe(3);
    expect(
      value(e, 'syscorr_syslog_messages_dropped_total', {
        listener: 'udp://0.0.0.0:5514',
        stage: 'shutdown',
        reason: 'shutdown',
      }),
    ).toBe(1);
  });

  it('labels rules by file:line only, never by their desc', async () => {
    const e = await world().scrape();
    const labels = e.samples.flatMap((s) => Object.values(s.labels));
    expect(labels.some((l) => l.includes('brute force'))).toBe(false);
    expect(
      find(e, 'syscorr_rule_matches_total').every((s) => /^conf\/\w+\.sec:\d+$/.test(s.labels.rule ?? '')),
    ).toBe(true);
  });

  it('tracks reloads by mode and result and the last successful load time', async () => {
    const w = world();
    w.counts.configLoaded(true);
    let e = await w.scrape();
    expect(value(e, 'syscorr_config_last_reload_successful')).toBe(1);
    expect(value(e, 'syscorr_config_last_reload_success_timestamp_seconds')).toBe(1_700_000_000);
    w.counts.configReloaded('full', false);
    e = await w.scrape();
    expect(value(e, 'syscorr_config_reloads_total', { mode: 'full', result: 'failure' })).toBe(1);
    expect(value(e, 'syscorr_config_last_reload_successful')).toBe(0);
    expect(value(e, 'syscorr_config_last_reload_success_timestamp_seconds')).toBe(1_700_000_000);
    w.counts.configReloaded('soft', true);
    e = await w.scrape();
    expect(value(e, 'syscorr_config_reloads_total', { mode: 'soft', result: 'success' })).toBe(1);
    expect(value(e, 'syscorr_config_last_reload_successful')).toBe(1);
    expect(value(e, 'syscorr_config_last_reload_success_timestamp_seconds')).toBe(1_700_000_001);
  });

  it('has build_info and, without listeners, an empty per-listener set and a zero queue', async () => {
    const e = await world({ listeners: false }).scrape();
    expect(value(e, 'syscorr_build_info', { version: '9.9.9', node_version: 'v20.0.0' })).toBe(1);
    expect(find(e, 'syscorr_syslog_messages_received_total')).toEqual([]);
    expect(value(e, 'syscorr_ingest_queue_depth_messages')).toBe(0);
  });

  it("adds prom-client's process and Node.js metrics, event-loop lag included", async () => {
    const e = await world({ defaultMetrics: true }).scrape();
    expect(e.types.get('process_cpu_user_seconds_total')).toBe('counter');
    expect(e.types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
    expect(find(e, 'process_resident_memory_bytes').length).toBeGreaterThan(0);
    // Gauges named *_total fail promtool's lint; the per-type gauges stay.
    expect(e.types.has('nodejs_active_handles_total')).toBe(false);
    expect(e.types.get('nodejs_active_handles')).toBe('gauge');
  });
});
