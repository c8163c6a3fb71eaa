import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unregisteredHandlers } from './support/handler-registration';

const MODULES = join(__dirname, '../../src/modules');
const FIXTURE = join(__dirname, '../fixtures/architecture/src/modules/widgets');

describe('architecture: every bus handler is registered', () => {
  const modules = readdirSync(MODULES).filter((name) => existsSync(join(MODULES, name, `${name}.module.ts`)));

  it.each(modules)('%s provides every command, query and event handler it declares', async (name) => {
    expect(await unregisteredHandlers(join(MODULES, name))).toEqual([]);
  });

  it('fires on a fixture whose handler was left out of the providers', async () => {
    expect(await unregisteredHandlers(FIXTURE)).toEqual(['widgets: ForgottenWidgetHandler']);
  });
});
