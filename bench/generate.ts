/** Deterministic rule-file generators for the benchmarks. */

const SERVICES = ['sshd', 'vpn', 'asa', 'router', 'named', 'postfix', 'kernel', 'cron'];

/** N rules of mixed types (mostly RegExp Single) with realistic patterns, contexts and actions. */
export function generateRules(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const svc = SERVICES[i % SERVICES.length] ?? 'svc';
    const pattern = `${svc}\\[\\d+\\]: event-${i} (?<user>\\S+) from (\\d+\\.\\d+\\.\\d+\\.\\d+)(?: port (\\d+))?`;
    switch (i % 4) {
      case 0:
        out.push(
          `type=Single\nptype=RegExp\npattern=${pattern}\ndesc=${svc} event ${i} for $+{user}\n` +
            `action=write - %s; create SEEN_${i}_$2 60 (write - expired %s)`,
        );
        break;
      case 1:
        out.push(
          `type=SingleWithThreshold\nptype=RegExp\npattern=${pattern}\ncontext=!QUIET_$2 && ACTIVE\n` +
            `desc=${svc} burst ${i} from $2\naction=write - %s; shellcmd /bin/true\naction2=logonly\nwindow=60\nthresh=5`,
        );
        break;
      case 2:
        out.push(
          `type=PairWithWindow\nptype=RegExp\npattern=${pattern}\ndesc=${svc} open ${i} $2\naction=write - timeout %s\n` +
            `ptype2=RegExp\npattern2=${svc}\\[\\d+\\]: close-${i} $2\ndesc2=closed %1\naction2=write - %s\nwindow=30`,
        );
        break;
      default:
        out.push(
          `type=Single\nptype=SubStr\npattern=${svc} marker ${i}\ndesc=marker ${i}\n` +
            `action=if %x ( add CTX_${i} %s ) else ( assign %x 1; event 5 delayed ${i} )`,
        );
    }
  }
  return `${out.join('\n\n')}\n`;
}
