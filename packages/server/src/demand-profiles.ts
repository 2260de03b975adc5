import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { PassportError } from '@skills-passport/core';
import { validate } from '@skills-passport/schemas';
import { type DemandProfile, parseDemandProfile } from '@skills-passport/store';

/** Reads a JSON file; how the caller reads files (node:fs, or a CLI's injectable I/O). */
export type ReadJson = (path: string) => Promise<unknown>;

const readJsonFromDisk: ReadJson = async (path) => JSON.parse(await readFile(path, 'utf8')) as unknown;

/**
 * Reads one demand profile file: each job's `requirements` may be a job-requirements document or a path to one
 * (relative to the demand file), and each must pass the job-requirements schema. Throws PassportError
 * `invalid-options` naming the file and job, or InsightsError `insights-demand-invalid` for a bad profile.
 *
 * @example
 * const leeds = await readDemandProfile('examples/demand/leeds-2026.json');
 */
export async function readDemandProfile(
  file: string,
  readJson: ReadJson = readJsonFromDisk,
): Promise<DemandProfile> {
  const profile = (await readJsonOrExplain(readJson, file, file)) as { jobs?: unknown };
  const base = dirname(resolve(file));
  if (profile && typeof profile === 'object' && Array.isArray(profile.jobs)) {
    for (const [index, job] of profile.jobs.entries()) {
      if (!job || typeof job !== 'object') continue;
      const entry = job as { requirements?: unknown };
      if (typeof entry.requirements === 'string') {
        entry.requirements = await readJsonOrExplain(readJson, resolve(base, entry.requirements), file);
      }
      const checked = validate('job-requirements', entry.requirements);
      if (!checked.valid) {
        throw new PassportError(
          'invalid-options',
          `${file}: jobs[${index}].requirements is not valid job requirements: ${checked.errors
            .slice(0, 3)
            .map((error) => `${error.path} ${error.message}`)
            .join('; ')}`,
          checked.errors,
        );
      }
    }
  }
  return parseDemandProfile(profile);
}

/**
 * The service's demand side for `/insights`: every profile file named in the configuration, read once at start
 * and found by area. A profile without `area` answers for queries over all areas.
 *
 * @example
 * const demandFor = await loadDemandProfiles(['demand/leeds.json', 'demand/bradford.json']);
 * await demandFor('E08000035'); // the Leeds profile, or undefined
 */
export async function loadDemandProfiles(
  files: string[],
): Promise<(area: string | null) => Promise<DemandProfile | undefined>> {
  const byArea = new Map<string | null, DemandProfile>();
  for (const file of files) {
    const profile = await readDemandProfile(file);
    const area = profile.area ?? null;
    if (byArea.has(area)) {
      throw new PassportError(
        'invalid-options',
        `${file}: a second demand profile for ${area ?? 'all areas'}; give one file per area.`,
      );
    }
    byArea.set(area, profile);
  }
  return async (area) => byArea.get(area);
}

async function readJsonOrExplain(readJson: ReadJson, path: string, named: string): Promise<unknown> {
  try {
    return await readJson(path);
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'is not JSON' : 'cannot be read';
    throw new PassportError('invalid-options', `${named}: ${path} ${reason} (${(error as Error).message}).`);
  }
}
