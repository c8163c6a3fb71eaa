/**
 * The import rules of Arcade (docs/architecture.md §2, docs/writing-a-module.md), checked by
 * `npm run lint:arch`: a module reaches another only through its index.ts and only if its descriptor
 * allows it (allowedDependencies), the platform knows no
 * module, contracts depend on nothing but the platform's message base types, nothing is circular,
 * and inside a module the layers keep their places (domain pure, transitively; http calls use
 * cases and never infrastructure; ORM entities stay in infrastructure).
 *
 * Files that break a layer rule today are listed, in one place, in
 * test/architecture/todays-offenders.cjs (that list shrinks to empty with issue 17's module
 * refactor); `ARCADE_ARCH_ALLOWLIST=off` ignores it, which test/architecture uses to check that the
 * list names exactly today's offenders.
 */
const offenders =
  process.env.ARCADE_ARCH_ALLOWLIST === 'off' ? {} : require('./test/architecture/todays-offenders.cjs');

/**
 * One rule per module folder: it imports only itself and the modules its descriptor allows
 * (`allowedDependencies` in src/modules/<m>/<m>.descriptor.ts; a folder without one may import no
 * module). Read from the cruised tree (the working directory), so a fixture brings its own.
 */
function declaredDependencies() {
  const { moduleDescriptors } = require('./scripts/module-descriptors.cjs');
  return Object.entries(moduleDescriptors()).map(([module, descriptor]) => {
    const allowed = [module, ...(descriptor?.allowedDependencies ?? [])];
    return {
      name: 'module-dependencies-declared',
      comment: `${module} may import only ${allowed.slice(1).join(', ') || 'no other module'} (allowedDependencies in its descriptor).`,
      severity: 'error',
      from: { path: `^src/modules/${module}/` },
      to: { path: '^src/modules/[^/]+/', pathNot: [`^src/modules/(${allowed.join('|')})/`] },
    };
  });
}

/** Regexes matching exactly the files listed for `rule` (none: a regex that matches nothing). */
function listedFor(rule) {
  const files = offenders[rule] ?? [];
  return files.length === 0 ? ['^$'] : files.map((file) => `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** What domain code must never reach, even through other files: frameworks, I/O and the outer layers. */
const IMPURE = [
  '^src/modules/[^/]+/(application|infrastructure|http)/',
  '^src/modules/[^/]+/[^/]+\\.(module|config)\\.ts$',
  '^src/platform/(messaging|http|database|auth|config|observability|limits|jobs|context)/',
  'node_modules/(@nestjs|typeorm|fastify|@fastify|pg|nats|ioredis|class-validator|class-transformer)/',
];

module.exports = {
  forbidden: [
    {
      name: 'module-internals',
      comment: 'A module may import another module only through modules/<name>/index.ts.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    ...declaredDependencies(),
    {
      name: 'platform-knows-no-module',
      comment: 'src/platform is the kernel every module uses; it imports no business module nor the composition root.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(modules/|app\\.module|business-modules|create-app|main)' },
    },
    {
      name: 'messaging-knows-no-http',
      comment:
        'Messaging raises its own errors (messaging-errors.ts) and the HTTP edge maps them; only its admin controller (messaging/http/) is HTTP.',
      severity: 'error',
      from: { path: '^src/platform/messaging/', pathNot: '^src/platform/messaging/http/' },
      to: { path: '^src/platform/http/' },
    },
    {
      name: 'modules-use-the-module-entry-of-messaging',
      comment:
        "A module uses messaging through platform/messaging (index.ts) and its contracts/: the relays, the local dispatcher, transports and outbox tables (kernel.ts) are the kernel's, testing.ts is for tests. Seeders (npm run seed, never the app) may write outbox rows in bulk through the kernel.",
      severity: 'error',
      from: { path: '^src/modules/', pathNot: '^src/modules/[^/]+/infrastructure/seed/' },
      to: {
        path: '^src/platform/messaging/',
        pathNot: ['^src/platform/messaging/index\\.ts$', '^src/platform/messaging/contracts/'],
      },
    },
    {
      name: 'testing-entry-is-for-tests',
      comment: 'platform/messaging/testing.ts exposes the kernel to tests; the app and migrations never import it.',
      severity: 'error',
      from: { path: '^(src|migrations)/' },
      to: { path: '^src/platform/messaging/testing\\.ts$' },
    },
    {
      name: 'contracts-are-plain',
      comment: "contracts/ import only their own module's contracts and the platform message base types.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/contracts/' },
      to: { pathNot: ['^src/modules/$1/contracts/', '^src/platform/messaging/contracts/'] },
    },
    {
      name: 'modules-not-into-composition-root',
      comment: 'Modules never import the composition root.',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/(app\\.module|business-modules|create-app|main)' },
    },
    {
      name: 'migrations-stay-in-their-module',
      comment: 'migrations/<name> may only touch TypeORM and the platform, never another module.',
      severity: 'error',
      from: { path: '^migrations/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'domain-is-pure',
      comment:
        'domain/ is plain TypeScript: it reaches, directly or through any chain of imports, no application/infrastructure/http code, no framework and no platform part but the pure helpers (money, ids, errors, retry).',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/domain/', pathNot: ['\\.spec\\.ts$', ...listedFor('domain-is-pure')] },
      to: { path: IMPURE, reachable: true },
    },
    {
      name: 'http-not-infrastructure',
      comment: 'http/ reaches persistence and providers only through use cases (application/).',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/http/', pathNot: listedFor('http-not-infrastructure') },
      to: { path: '^src/modules/$1/infrastructure/' },
    },
    {
      name: 'http-calls-use-cases',
      comment:
        'A controller calls use cases (*.use-case.ts), never bus handlers (*.handler.ts): those are for the buses.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/http/', pathNot: listedFor('http-calls-use-cases') },
      to: { path: '^src/modules/$1/application/.*\\.handler\\.ts$' },
    },
    {
      name: 'application-not-http',
      comment: 'Use cases return the module’s own view types; request and response DTOs belong to http/.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/application/', pathNot: listedFor('application-not-http') },
      to: { path: '^src/modules/$1/http/' },
    },
    {
      name: 'persistence-stays-in-infrastructure',
      comment:
        'application/ and http/ reach no ORM nor driver (no DataSource, EntityManager, Repository or SQL of their own): repositories in infrastructure/ do, and hand back the module’s own types.',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/(application|http)/', pathNot: '\\.spec\\.ts$' },
      to: { path: 'node_modules/(typeorm|@nestjs/typeorm|pg)/' },
    },
    {
      name: 'orm-entities-stay-in-infrastructure',
      comment:
        'ORM entities (*.orm-entity.ts) are never imported outside infrastructure/ (repositories return the module’s own types); only the module file registers them with its DataSource.',
      severity: 'error',
      from: {
        path: '^(src|migrations)/',
        pathNot: [
          '^src/modules/[^/]+/infrastructure/',
          '^src/modules/([^/]+)/\\1\\.module\\.ts$',
          ...listedFor('orm-entities-stay-in-infrastructure'),
        ],
      },
      to: { path: '\\.orm-entity\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: require('node:path').join(__dirname, 'tsconfig.json') },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
