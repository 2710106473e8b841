import type { Command } from '../../actions/ports.js';
import type { SingleWithScriptRule } from '../../config/rules/types.js';
import type { RuleHandler } from './runtime.js';

/**
 * RT-swscript: fork the script with every context name on stdin and go on matching; when the
 * child is reaped, exit code 0 runs `action`, anything else `action2` (RT-swscript-exit). The
 * script gets `$` variables but no `%` variables; both lists are frozen at match time.
 */
export const singleWithScript: RuleHandler<SingleWithScriptRule> = {
  matched(rule, values, rt) {
    const desc = rt.subst(rule.desc, values);
    const action = rt.freeze(rule.action, values);
    const action2 = rule.action2 === null ? null : rt.freeze(rule.action2, values);
    const command: Command = rule.script.shell
      ? { shell: rt.subst(rule.script.command, values) }
      : { argv: rule.script.argv.map((w) => rt.subst(w, values)) };
    rt.script(command, (exitCode) => {
      if (exitCode === 0) rt.run(action, desc);
      else if (action2 !== null) rt.run(action2, desc);
    });
  },
};
