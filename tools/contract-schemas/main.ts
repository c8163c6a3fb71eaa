import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { breakingChanges } from './compatibility';
import { deriveSchemas, JsonSchema } from './derive-schema';
import { findContracts } from './published-contracts';

const REPO = resolve(__dirname, '../..');

/** Where the published schema of `type` is committed: `contracts/<module>/<type>.schema.json`. */
export const snapshotPath = (root: string, type: string): string =>
  join(root, 'contracts', type.split('.')[0], `${type}.schema.json`);

/** How the contracts in the code stand against their committed (published) schemas. */
export interface ContractSchemaReport {
  /** Contracts with no snapshot yet (new ones): `npm run contracts:snapshot` records them. */
  readonly missing: string[];
  /** Compatible changes (a new optional field) not recorded yet: `npm run contracts:snapshot`. */
  readonly stale: string[];
  /** Published versions changed incompatibly, with why: they need a new version instead. */
  readonly breaking: { readonly type: string; readonly changes: string[] }[];
  /** Snapshots whose contract is gone: a published version removed from the code. */
  readonly removed: string[];
  /** Every contract's schema as derived from the code now, by type. */
  readonly schemas: Map<string, JsonSchema>;
}

const serialize = (schema: JsonSchema): string => `${JSON.stringify(schema, null, 2)}\n`;

function committedSnapshots(root: string): string[] {
  const dir = join(root, 'contracts');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.schema.json'))
    .map((name) =>
      name
        .split('/')
        .pop()!
        .replace(/\.schema\.json$/, ''),
    );
}

/** Compares every contract under `<root>/src/modules` with its snapshot under `<root>/contracts`. */
export function contractSchemaReport(root: string = REPO): ContractSchemaReport {
  const contracts = findContracts(root);
  const schemas = deriveSchemas(REPO, root, contracts);
  const report: ContractSchemaReport = { missing: [], stale: [], breaking: [], removed: [], schemas };
  for (const [type, schema] of schemas) {
    const path = snapshotPath(root, type);
    if (!existsSync(path)) {
      report.missing.push(type);
      continue;
    }
    const committed = readFileSync(path, 'utf8');
    const changes = breakingChanges(JSON.parse(committed) as JsonSchema, schema);
    if (changes.length > 0) report.breaking.push({ type, changes });
    else if (committed !== serialize(schema)) report.stale.push(type);
  }
  report.removed.push(...committedSnapshots(root).filter((type) => !schemas.has(type)));
  return report;
}

/** The report as the lines a person reads, each saying what to do; empty when all is recorded. */
export function problemLines(report: ContractSchemaReport): string[] {
  return [
    ...report.breaking.flatMap(({ type, changes }) => [
      `${type} changed incompatibly; keep it as published and add the next version beside it (docs/changing-a-contract.md):`,
      ...changes.map((change) => `  - ${change}`),
    ]),
    ...report.removed.map(
      (type) =>
        `${type} was published but is gone from the code: restore it, or retire it by deleting its snapshot once no outbox, stream or process holds it (docs/changing-a-contract.md)`,
    ),
    ...[...report.missing, ...report.stale].map(
      (type) => `${type} has no up-to-date snapshot: run \`npm run contracts:snapshot\` and commit contracts/`,
    ),
  ];
}

/**
 * `npm run contracts:snapshot` records new contracts and compatible changes (it refuses, writing
 * nothing, while any published version is broken); with `--check` it writes nothing and fails on
 * anything not recorded.
 */
function main(): void {
  const report = contractSchemaReport();
  const problems = problemLines(report);
  if (process.argv.includes('--check') || report.breaking.length > 0 || report.removed.length > 0) {
    if (problems.length > 0) {
      console.error(problems.join('\n'));
      process.exit(1);
    }
    console.log(`The ${report.schemas.size} contract schemas match their published snapshots.`);
    return;
  }
  for (const type of [...report.missing, ...report.stale]) {
    const path = snapshotPath(REPO, type);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, serialize(report.schemas.get(type)!));
    console.log(`recorded ${relative(REPO, path)}`);
  }
  console.log(`${report.schemas.size} contracts; ${report.missing.length} new, ${report.stale.length} updated.`);
}

if (require.main === module) main();
