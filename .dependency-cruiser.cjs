/**
 * The import rule of Arcade (design.md §2), checked by `npm run lint:arch`:
 * a module reaches another only through its index.ts, the platform knows no module,
 * contracts depend on nothing but the platform's message base types, and nothing is circular.
 */
module.exports = {
  forbidden: [
    {
      name: 'module-internals',
      comment: 'A module may import another module only through modules/<name>/index.ts.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
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
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: require('node:path').join(__dirname, 'tsconfig.json') },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
