import { join } from 'node:path';
import { GRAMMAR_RULES } from './support/grammar-rules';
import { moduleSourceFacts } from './support/source-facts';

const ROOT = join(__dirname, '../..');
const FIXTURE = join(__dirname, '../fixtures/architecture');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const offenders = require('./todays-offenders.cjs') as Record<string, string[]>;

const W = 'src/modules/widgets';
/** What each rule must report on the fixture (test/fixtures/architecture): proof that it fires. */
const FIXTURE_OFFENDERS: Record<string, string[]> = {
  'handler-file-holds-one-bus-handler': [
    `${W}/application/paint-widget/paint-widget.handler.ts`,
    `${W}/application/polish-widget/polish-widget.handler.ts`,
  ],
  'bus-handler-lives-in-handler-file': [
    `${W}/application/polish-widget/polish-widget.handler.ts: ForgottenWidgetHandler`,
    `${W}/application/react-to-paint/on-widget-painted.handler.ts: OnWidgetPainted`,
  ],
  'subscriber-has-a-module-name': [`${W}/application/react-to-paint/on-widget-painted.handler.ts: OnWidgetPainted`],
  'use-case-file-holds-one-use-case': [`${W}/application/buff-widget/buff-widget.use-case.ts`],
  'use-case-lives-in-use-case-file': [`${W}/application/paint-widget/paint-widget.handler.ts: PaintWidgetHandler`],
  'sweeper-file-holds-a-sweeper': [`${W}/application/expire-widgets/dust.sweeper.ts`],
  'sweeper-lives-in-sweeper-file': [`${W}/application/expire-widgets/widget-sweeper.ts: WidgetSweeper`],
  'process-file-holds-a-process': [`${W}/application/assembly/build.process.ts`],
  'process-lives-in-process-file': [`${W}/application/assembly/assembly-process.ts: AssemblyProcess`],
  'repository-file-holds-an-injectable-repository': [`${W}/infrastructure/widget.repository.ts`],
  'repository-lives-in-repository-file': [`${W}/infrastructure/widget.repository.ts: widgetRepository`],
  'orm-entity-file-holds-an-entity': [`${W}/infrastructure/widget.orm-entity.ts`],
  'entity-lives-in-orm-entity-file': [`${W}/infrastructure/widget.orm-entity.ts: WidgetEntity`],
  'provider-lives-in-providers': [`${W}/infrastructure/gadget-provider.ts: GadgetProvider`],
  'controller-file-holds-a-controller': [`${W}/http/gizmos.controller.ts`],
  'controller-lives-in-controller-file': [
    `${W}/http/admin-panel.ts: AdminPanel`,
    `${W}/http/gizmos.controller.ts: GizmoController`,
  ],
  'http-holds-controllers-and-dtos': [
    `${W}/http/admin-panel.ts`,
    `${W}/http/list-widgets.query.ts`,
    `${W}/http/widget.dto.ts: WidgetFilter`,
  ],
  'controller-injects-only-use-cases': [
    `${W}/http/widgets.controller.ts: WidgetsController`,
    // @InjectDataSource is not the plain @Inject(token) of a setting: persistence is not a use case.
    `${W}/http/reports.controller.ts: ReportsController`,
  ],
  'contract-lives-in-its-suffix': [`${W}/contracts/widget-painted.ts: WidgetPainted`],
  'contract-suffix-holds-a-contract': [`${W}/http/list-widgets.query.ts`],
  'module-root-holds-index-module-config': [`${W}/helpers.ts`, `${W}/widgets.config.ts`],
};

const sorted = (list: readonly string[]) => [...list].sort();

/**
 * The module grammar, checked in both directions (suffix → role, role → suffix). The rules are in
 * support/grammar-rules.ts; docs/writing-a-module.md explains each.
 */
describe('architecture: the module grammar', () => {
  const facts = moduleSourceFacts(ROOT);
  const fixtureFacts = moduleSourceFacts(FIXTURE);

  it.each(Object.keys(GRAMMAR_RULES))('%s: src breaks it only where todays-offenders.cjs says', (rule) => {
    expect(sorted(GRAMMAR_RULES[rule](facts))).toEqual(sorted(offenders[rule] ?? []));
  });

  it.each(Object.keys(GRAMMAR_RULES))('%s: fires on the fixture', (rule) => {
    expect(FIXTURE_OFFENDERS[rule]?.length).toBeGreaterThan(0);
    expect(sorted(GRAMMAR_RULES[rule](fixtureFacts))).toEqual(sorted(FIXTURE_OFFENDERS[rule]));
  });
});
