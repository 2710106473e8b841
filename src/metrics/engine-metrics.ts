import type { Registry } from 'prom-client';
import type { Rule } from '../config/rules/types.js';
import { one, pulledCounter, pulledGauge, pulledHistogram } from './collected.js';
import type { CountsView } from './counts.js';
import type { EngineView, RuleView } from './sources.js';

/**
 * SEC's twelve rule types (sec-features 2): the eleven the engine has (EventGroupN is EventGroup)
 * plus Options, which holds no operations but is a rule type all the same. `satisfies` keeps the
 * list in step with the Rule union.
 */
const RULE_TYPES = Object.keys({
  Single: 0,
  SingleWithScript: 0,
  SingleWithSuppress: 0,
  Pair: 0,
  PairWithWindow: 0,
  SingleWithThreshold: 0,
  SingleWith2Thresholds: 0,
  EventGroup: 0,
  Suppress: 0,
  Calendar: 0,
  Jump: 0,
  Options: 0,
} satisfies Record<Rule['type'] | 'Options', 0>);

/** The rule label: `file:line` of the rule's first line (GUIDE convention 6), never its desc. */
export function ruleLabel(rule: RuleView): string {
  return `${rule.file}:${rule.line}`;
}

function* loadedRules(engine: EngineView): Iterable<RuleView> {
  for (const f of engine.config.files) yield* f.rules;
}

/** Events, latency, rules, contexts and operations (engine), and configuration reloads. */
export function registerEngineMetrics(registry: Registry, counts: CountsView, engine: EngineView): void {
  registerEventMetrics(registry, counts);
  registerStateMetrics(registry, engine);
  registerReloadMetrics(registry, counts);
}

/** Events through the rules, and how long a network message took to get through them. */
function registerEventMetrics(registry: Registry, counts: CountsView): void {
  pulledCounter(
    registry,
    {
      name: 'syscorr_events_processed_total',
      help: 'Events that went through the rules: input (files, stdin, listeners) or synthetic (event actions, child output).',
      labelNames: ['kind'],
    },
    () => [
      [{ kind: 'input' }, counts.eventsInput],
      [{ kind: 'synthetic' }, counts.eventsSynthetic],
    ],
  );
  pulledHistogram(
    registry,
    {
      name: 'syscorr_event_processing_latency_seconds',
      help: 'Time from the receipt of a network syslog message to the end of its rule processing.',
    },
    counts.latency,
  );
}

/** Rules and what they hold: matches per rule, live contexts and operations. */
function registerStateMetrics(registry: Registry, engine: EngineView): void {
  pulledCounter(
    registry,
    {
      name: 'syscorr_rule_matches_total',
      help: 'Full matches per loaded rule, labelled by the file:line of its first line (reset by a reload of its file).',
      labelNames: ['rule'],
    },
    function* () {
      for (const rule of loadedRules(engine))
        yield [{ rule: ruleLabel(rule) }, engine.matchCounts.get(rule) ?? 0];
    },
  );
  pulledGauge(registry, { name: 'syscorr_rules_loaded', help: 'Rules loaded from the rule files.' }, () => {
    let n = 0;
    for (const _ of loadedRules(engine)) n++;
    return one(n);
  });
  pulledGauge(registry, { name: 'syscorr_contexts_live', help: 'Contexts that exist now.' }, () =>
    one(engine.contextsLive),
  );
  pulledCounter(
    registry,
    { name: 'syscorr_contexts_expired_total', help: 'Contexts expired (lifetime over, or obsoleted).' },
    () => one(engine.contextsExpired),
  );
  pulledGauge(
    registry,
    {
      name: 'syscorr_operations_live',
      help: 'Event correlation operations running now, by rule type.',
      labelNames: ['type'],
    },
    () => {
      const live = engine.operationsByType();
      return RULE_TYPES.map((type) => [{ type }, live.get(type) ?? 0] as const);
    },
  );
}

function registerReloadMetrics(registry: Registry, counts: CountsView): void {
  pulledCounter(
    registry,
    {
      name: 'syscorr_config_reloads_total',
      help: 'Rule reloads (SIGHUP full, SIGABRT soft) by result; failure: a file or rule could not be loaded.',
      labelNames: ['mode', 'result'],
    },
    function* () {
      for (const [mode, [ok, failed]] of counts.reloads) {
        yield [{ mode, result: 'success' }, ok];
        yield [{ mode, result: 'failure' }, failed];
      }
    },
  );
  pulledGauge(
    registry,
    {
      name: 'syscorr_config_last_reload_successful',
      help: 'Whether the last load of the rules (at start or reload) had every file and rule loaded.',
    },
    () => one(counts.reload.ok ? 1 : 0),
  );
  pulledGauge(
    registry,
    {
      name: 'syscorr_config_last_reload_success_timestamp_seconds',
      help: 'When the rules were last loaded without an error (epoch seconds).',
    },
    () => one(counts.reload.lastSuccess ?? 0),
  );
}
