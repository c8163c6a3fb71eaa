import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { allContracts, ContractEntry } from '../../src/platform/messaging/contracts';

const MODULES = join(__dirname, '../../src/modules');
const moduleNames = readdirSync(MODULES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

describe('architecture: contracts', () => {
  let contracts: ContractEntry[] = [];
  beforeAll(async () => {
    // Every module's public contracts, registered by loading them.
    for (const name of moduleNames) await import(join(MODULES, name, 'contracts'));
    contracts = allContracts().filter((c) => moduleNames.includes(c.owner));
  });

  it('loads the contracts of every module', () => {
    expect(contracts.length).toBeGreaterThan(30);
  });

  it('gives every command and event an ordering key (the outbox relay partitions by it)', () => {
    const keyless = contracts.filter((c) => c.kind !== 'query' && c.key === undefined).map((c) => c.type);
    expect(keyless).toEqual([]);
  });
});
