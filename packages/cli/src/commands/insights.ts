import { dirname, resolve } from 'node:path';
import { validate } from '@skills-passport/schemas';
import {
  DEFAULT_INSIGHTS_K,
  type DemandProfile,
  type InsightCell,
  type InsightsReport,
  insightsCsv,
  openStore,
  parseDemandProfile,
  resolveStoreSecret,
  skillsSupply,
} from '@skills-passport/store';
import type { Command } from 'commander';
import { CliCodes, CliError } from '../cli-error.js';
import { readJsonFile } from '../input-file.js';
import type { Output } from '../output.js';
import { type ProgramState, type Session, sessionAction } from '../session.js';

interface InsightsOptions {
  area?: string;
  from: string;
  to: string;
  k?: string;
  demand?: string;
  csv?: boolean;
  store?: string;
}

/** Rows shown per breakdown in the human output (`--json` and `--csv` have every row). */
const SHOWN_ROWS = 10;

/**
 * `insights --from YYYY-MM --to YYYY-MM [--area X] [--demand file] [--k N] [--csv]`: the anonymised
 * skills-supply report of the issuance log (this data directory's store, or `--store <url>`), with demand
 * against supply when a demand profile is given. Figures under k learners are suppressed (docs/insights.md).
 *
 * @example
 * registerInsights(program, state); // skills-passport insights --area E08000035 --from 2026-01 --to 2026-12
 */
export function registerInsights(program: Command, state: ProgramState): void {
  program
    .command('insights')
    .description('anonymised skills-supply counts (and gaps against job demand) from the issuance log')
    .requiredOption('--from <month>', 'first month, YYYY-MM')
    .requiredOption('--to <month>', 'last month, YYYY-MM (inclusive)')
    .option('--area <code>', 'area code recorded at issuing (default: all areas)')
    .option('--demand <file>', 'demand profile: { area, jobs: [{ requirements, openings }] }')
    .option(
      '--k <learners>',
      `minimum learners per published figure (default ${DEFAULT_INSIGHTS_K}, at least 5)`,
    )
    .option('--csv', 'print the report as CSV')
    .option('--store <url>', "read another store (sqlite:<path> or postgres://...), e.g. the service's")
    .addHelpText(
      'after',
      `
Every figure counts credentials issued and not revoked. A figure describing fewer than k learners is
suppressed, never rounded; see docs/insights.md for the method.

Examples:
  $ skills-passport insights --area E08000035 --from 2026-01 --to 2026-12
  $ skills-passport insights --area E08000035 --from 2026-01 --to 2026-12 --demand examples/demand/leeds-2026.json --csv`,
    )
    .action(
      sessionAction(state, async (session, options: InsightsOptions) => {
        const demand = options.demand ? await readDemand(session, options.demand) : undefined;
        const k = options.k === undefined ? undefined : Number(options.k);
        const store = options.store ? await openOtherStore(session, options.store) : await session.store();
        let report: InsightsReport;
        try {
          report = await skillsSupply(store, {
            area: options.area,
            from: options.from,
            to: options.to,
            k,
            demand,
          });
        } finally {
          if (options.store) await store.close();
        }
        if (options.csv && !session.output.json) session.output.raw(insightsCsv(report));
        else session.output.result(reportLines(session.output, report), report);
        return 0;
      }),
    );
}

/**
 * Reads a demand profile; each job's `requirements` may be a job-requirements document or a path to one
 * (relative to the demand file), and each must pass the job-requirements schema.
 */
async function readDemand(session: Session, file: string): Promise<DemandProfile> {
  const profile = (await readJsonFile(session.io, file)) as { jobs?: unknown };
  const base = dirname(resolve(session.io.cwd, file));
  if (profile && typeof profile === 'object' && Array.isArray(profile.jobs)) {
    for (const [index, job] of profile.jobs.entries()) {
      if (!job || typeof job !== 'object') continue;
      const entry = job as { requirements?: unknown };
      if (typeof entry.requirements === 'string') {
        entry.requirements = await readJsonFile(session.io, resolve(base, entry.requirements));
      }
      const checked = validate('job-requirements', entry.requirements);
      if (!checked.valid) {
        throw new CliError(
          CliCodes.inputUnreadable,
          `${file}: jobs[${index}].requirements is not valid job requirements.`,
          { details: checked.errors },
        );
      }
    }
  }
  return parseDemandProfile(profile);
}

async function openOtherStore(session: Session, url: string) {
  const secret = await resolveStoreSecret({
    env: session.io.env,
    production: false,
    dataDir: session.dataDir,
  });
  return openStore(url, { secret });
}

function reportLines(output: Output, report: InsightsReport): string[] {
  const { query } = report;
  const lines = [
    output.style(
      'bold',
      `Skills supply in ${query.area ?? 'all areas'}, ${query.from} to ${query.to} (k = ${query.k} learners)`,
    ),
    `Credentials issued (not revoked): ${figure(report.total)}`,
    '',
  ];
  const table = (title: string, cells: InsightCell[]) => {
    if (cells.length === 0) return;
    lines.push(output.style('bold', title));
    lines.push(
      ...output.table(
        ['', 'credentials'],
        cells.slice(0, SHOWN_ROWS).map((cell) => [cell.key, figure(cell)]),
      ),
    );
    if (cells.length > SHOWN_ROWS)
      lines.push(output.style('dim', `… ${cells.length - SHOWN_ROWS} more (--json)`));
    lines.push('');
  };
  table('By month', report.months);
  table('By skill', report.bySkill);
  table('By level', report.byLevel);
  table('By kind', report.byKind);
  table('By provider', report.byProvider);
  table('By area', report.byArea);
  if (report.demand) {
    lines.push(output.style('bold', `Demand (${report.demand.openings} openings) against supply`));
    lines.push(
      ...output.table(
        ['skill', 'demand', 'supply', 'gap'],
        report.demand.skills
          .slice(0, SHOWN_ROWS)
          .map((skill) => [
            skill.name ? `${skill.key} (${skill.name})` : skill.key,
            String(skill.demand),
            skill.supply === null
              ? 'suppressed'
              : skill.supplyStatus === 'partial'
                ? `${skill.supply}+`
                : String(skill.supply),
            skill.gap === null ? '?' : skill.supplyStatus === 'partial' ? `≤${skill.gap}` : String(skill.gap),
          ]),
      ),
    );
    lines.push('');
  }
  lines.push(
    output.style(
      'dim',
      'suppressed: fewer than k learners; N+: some months or areas suppressed (a lower bound).',
    ),
  );
  return lines;
}

/** A figure as people read it: the number, `N+` for a lower bound, or `suppressed`. */
function figure(cell: InsightCell): string {
  if (cell.credentials === null) return 'suppressed';
  return cell.status === 'partial' ? `${cell.credentials}+` : String(cell.credentials);
}
