import { ClassFact, FileFact } from './source-facts';

/**
 * Arcade's module grammar (docs/writing-a-module.md), as checks over the parsed sources. Each rule
 * returns its offenders as stable strings (`<path>` or `<path>: <Class>`), so a test can compare
 * them with the listed offenders of today (todays-offenders.cjs) and with a fixture's.
 *
 * Both directions are checked, after kgrzybek's architecture tests
 * (`CommandHandler_Should_Have_Name_EndingWith_CommandHandler`): a file's suffix promises its
 * role (suffix → role), and a class with a role lives in the file its suffix names (role → suffix).
 */
export type GrammarRule = (files: readonly FileFact[]) => string[];

const BUS_DECORATORS = ['CommandHandler', 'BatchedCommandHandler', 'QueryHandler', 'OnIntegrationEvent'];

const isBusHandler = (c: ClassFact): boolean => c.decorators.some((d) => BUS_DECORATORS.includes(d));
const busHandlersOf = (f: FileFact): ClassFact[] => f.classes.filter(isBusHandler);
const where = (f: FileFact, c?: ClassFact): string => (c ? `${f.path}: ${c.name}` : f.path);

/** `PlaceOrderHandler` with role `Handler` → `place-order`; the file must be `place-order.handler.ts`. */
export function kebabStem(className: string, role: string): string {
  return className
    .slice(0, className.length - role.length)
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** Whether the class is named `<Stem><role>` and its file `<stem>.<suffix>.ts`. */
function namedForItsFile(f: FileFact, c: ClassFact, role: string, suffix: string): boolean {
  return c.name.endsWith(role) && c.name !== role && f.fileName === `${kebabStem(c.name, role)}.${suffix}.ts`;
}

/** A role named by a file suffix: the class that plays it, and where it lives. */
interface Role {
  readonly suffix: string;
  readonly className: string;
  readonly layer: string;
}

const CLASS_ROLES: Record<string, Role> = {
  useCase: { suffix: 'use-case', className: 'UseCase', layer: 'application' },
  sweeper: { suffix: 'sweeper', className: 'Sweeper', layer: 'application' },
  process: { suffix: 'process', className: 'Process', layer: 'application' },
  repository: { suffix: 'repository', className: 'Repository', layer: 'infrastructure' },
  ormEntity: { suffix: 'orm-entity', className: 'OrmEntity', layer: 'infrastructure' },
  controller: { suffix: 'controller', className: 'Controller', layer: 'http' },
};

/** Suffix → role: every `<x>.<suffix>.ts` holds exactly one exported `<X><Role>` class, in its layer. */
function suffixPromisesRole(role: Role, extra: (c: ClassFact, f: FileFact) => boolean = () => true): GrammarRule {
  return (files) =>
    files
      .filter((f) => f.fileName.endsWith(`.${role.suffix}.ts`))
      .filter((f) => {
        const players = f.classes.filter((c) => c.exported && c.name.endsWith(role.className));
        return (
          f.layer !== role.layer ||
          players.length !== 1 ||
          !namedForItsFile(f, players[0], role.className, role.suffix) ||
          !extra(players[0], f)
        );
      })
      .map((f) => where(f));
}

/** Role → suffix: a class named `<X><Role>` (or marked as one) lives in `<x>.<suffix>.ts` in its layer. */
function roleLivesInSuffix(role: Role, marks: (c: ClassFact, f: FileFact) => boolean = () => false): GrammarRule {
  return (files) =>
    files.flatMap((f) =>
      f.classes
        .filter((c) => c.name.endsWith(role.className) || marks(c, f))
        .filter((c) => f.layer !== role.layer || !namedForItsFile(f, c, role.className, role.suffix))
        .map((c) => where(f, c)),
    );
}

const publicInstanceMethods = (c: ClassFact) => c.methods.filter((m) => m.visibility === 'public' && !m.isStatic);

/**
 * A use case: `@Injectable()`, one public method `execute` taking one input object or nothing; the
 * input's type is `<VerbNoun>Input`, exported from the same file.
 */
const isWellFormedUseCase = (c: ClassFact, f: FileFact): boolean => {
  const methods = publicInstanceMethods(c);
  return (
    c.decorators.includes('Injectable') &&
    methods.length === 1 &&
    methods[0].name === 'execute' &&
    (methods[0].parameters === 0 ||
      (methods[0].parameters === 1 && f.exportedNames.includes(`${c.name.slice(0, -'UseCase'.length)}Input`)))
  );
};

/** The subscribers whose inbox identity was recorded before names were required: kept as they are, forever. */
export const LEGACY_INBOX_NAMES = new Set([
  'OnPaymentVoided',
  'OnPaymentRefunded',
  'OnStockReleased',
  'OnPaymentCaptured',
  'OnPaymentAuthorized',
  'OnStockReserved',
  'OnStockReservationRejected',
  'OnStockCommitted',
  'OnPaymentFailed',
  'OnPaymentDeclined',
  'SendPasswordChangedEmail',
  'SendWelcomeEmail',
  'SendPasswordResetEmail',
  'SendOrderConfirmedEmail',
  'SendOrderShippedEmail',
  'SendOrderCancelledEmail',
  'TrackProductPublished',
  'TrackStockAvailability',
  'LearnFromCartItemAdded',
  'TrackProductUpdated',
  'LearnFromOrderConfirmed',
]);

const CONTRACT_SUFFIXES: Record<string, string> = {
  CommandContract: 'command',
  QueryContract: 'query',
  IntegrationEventContract: 'integration-event',
};

export const GRAMMAR_RULES: Record<string, GrammarRule> = {
  // --- bus handlers: application/<use-case>/<verb-noun>.handler.ts, <VerbNoun>Handler ------------
  'handler-file-holds-one-bus-handler': (files) =>
    files.filter((f) => f.fileName.endsWith('.handler.ts') && busHandlersOf(f).length !== 1).map((f) => where(f)),
  'bus-handler-lives-in-handler-file': (files) =>
    files.flatMap((f) =>
      busHandlersOf(f)
        .filter((c) => f.layer !== 'application' || !namedForItsFile(f, c, 'Handler', 'handler'))
        .map((c) => where(f, c)),
    ),
  'subscriber-has-a-module-name': (files) =>
    files.flatMap((f) =>
      f.classes
        .filter((c) => c.decorators.includes('OnIntegrationEvent'))
        .filter((c) => {
          const name = /name:\s*'([^']*)'/.exec(c.decoratorArguments.OnIntegrationEvent)?.[1] ?? '';
          return !new RegExp(`^${f.module}\\.[A-Z][A-Za-z0-9]*$`).test(name) && !LEGACY_INBOX_NAMES.has(name);
        })
        .map((c) => where(f, c)),
    ),

  // --- HTTP-driven use cases: application/<use-case>/<verb-noun>.use-case.ts -----------------------
  'use-case-file-holds-one-use-case': suffixPromisesRole(CLASS_ROLES.useCase, isWellFormedUseCase),
  'use-case-lives-in-use-case-file': roleLivesInSuffix(
    CLASS_ROLES.useCase,
    // What plays the role whatever its name: an injectable application service with a public
    // `execute` that no bus dispatches to.
    (c, f) =>
      f.layer === 'application' &&
      c.decorators.includes('Injectable') &&
      !isBusHandler(c) &&
      publicInstanceMethods(c).some((m) => m.name === 'execute'),
  ),

  // --- periodic tasks and process managers -------------------------------------------------------
  'sweeper-file-holds-a-sweeper': suffixPromisesRole(CLASS_ROLES.sweeper),
  'sweeper-lives-in-sweeper-file': roleLivesInSuffix(
    CLASS_ROLES.sweeper,
    (c, f) =>
      f.layer === 'application' &&
      f.imports.some((i) => i.endsWith('platform/jobs')) &&
      c.decorators.includes('Injectable'),
  ),
  'process-file-holds-a-process': suffixPromisesRole(CLASS_ROLES.process),
  'process-lives-in-process-file': roleLivesInSuffix(CLASS_ROLES.process),

  // --- persistence: infrastructure/<aggregate>.repository.ts, <thing>.orm-entity.ts ---------------
  'repository-file-holds-an-injectable-repository': suffixPromisesRole(CLASS_ROLES.repository, (c) =>
    c.decorators.includes('Injectable'),
  ),
  'repository-lives-in-repository-file': (files) => [
    ...roleLivesInSuffix(CLASS_ROLES.repository)(files),
    // A repository written as an object literal or a function is not an injectable class.
    ...files.flatMap((f) =>
      f.exportedNames
        .filter((n) => /repository$/i.test(n) && !f.classes.some((c) => c.name === n))
        .map((n) => `${f.path}: ${n}`),
    ),
  ],
  'orm-entity-file-holds-an-entity': suffixPromisesRole(CLASS_ROLES.ormEntity, (c) => c.decorators.includes('Entity')),
  'entity-lives-in-orm-entity-file': roleLivesInSuffix(CLASS_ROLES.ormEntity, (c) => c.decorators.includes('Entity')),

  // --- provider adapters: infrastructure/providers/**, <Name>Provider -------------------------------
  'provider-lives-in-providers': (files) =>
    files.flatMap((f) =>
      f.classes
        .filter((c) => c.name.endsWith('Provider') && !f.path.includes('/infrastructure/providers/'))
        .map((c) => where(f, c)),
    ),

  // --- HTTP: http/<thing>.controller.ts and DTOs ------------------------------------------------------
  'controller-file-holds-a-controller': suffixPromisesRole(CLASS_ROLES.controller, (c) =>
    c.decorators.includes('Controller'),
  ),
  'controller-lives-in-controller-file': roleLivesInSuffix(CLASS_ROLES.controller, (c) =>
    c.decorators.includes('Controller'),
  ),
  'http-holds-controllers-and-dtos': (files) =>
    files
      .filter((f) => f.layer === 'http')
      .flatMap((f) => {
        if (f.fileName.endsWith('.controller.ts')) return [];
        if (!/\.(dto|response)\.ts$/.test(f.fileName)) return [where(f)];
        return f.classes.filter((c) => !/(Dto|Response)$/.test(c.name)).map((c) => where(f, c));
      }),
  'controller-injects-only-use-cases': (files) =>
    files.flatMap((f) =>
      f.classes
        .filter((c) => c.decorators.includes('Controller'))
        .filter((c) =>
          c.constructorParameters.some((p) => !p.byToken && !p.type.endsWith('UseCase') && p.type !== 'MessageBus'),
        )
        .map((c) => where(f, c)),
    ),

  // --- contracts: contracts/<thing>.command.ts | .query.ts | .integration-event.ts --------------------
  'contract-lives-in-its-suffix': (files) =>
    files.flatMap((f) =>
      f.classes
        .flatMap((c) =>
          c.decorators.filter((d) => d in CONTRACT_SUFFIXES).map((d) => ({ c, suffix: CONTRACT_SUFFIXES[d] })),
        )
        .filter(({ suffix }) => f.layer !== 'contracts' || !f.fileName.endsWith(`.${suffix}.ts`))
        .map(({ c }) => where(f, c)),
    ),
  'contract-suffix-holds-a-contract': (files) =>
    files
      .filter((f) => /\.(command|query|integration-event)\.ts$/.test(f.fileName))
      .filter((f) => {
        const suffix = /\.(command|query|integration-event)\.ts$/.exec(f.fileName)![1];
        const decorator = Object.keys(CONTRACT_SUFFIXES).find((d) => CONTRACT_SUFFIXES[d] === suffix)!;
        return f.layer !== 'contracts' || !f.classes.some((c) => c.decorators.includes(decorator));
      })
      .map((f) => where(f)),

  // --- the module's root: index.ts, <m>.module.ts, <m>.descriptor.ts, <m>.config.ts (load<M>Config) ---
  'module-root-holds-index-module-config': (files) =>
    files
      .filter((f) => f.layer === 'root')
      .filter((f) => {
        if (f.fileName === 'index.ts' || f.fileName === `${f.module}.module.ts`) return false;
        if (f.fileName === `${f.module}.descriptor.ts`) return !f.exportedNames.includes(`${f.module}Descriptor`);
        if (f.fileName !== `${f.module}.config.ts`) return true;
        const loader = `load${f.module[0].toUpperCase()}${f.module.slice(1)}Config`;
        return !f.exportedNames.includes(loader);
      })
      .map((f) => where(f)),
};
