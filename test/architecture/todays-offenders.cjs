/**
 * Today's offenders of Arcade's module grammar (docs/writing-a-module.md): ONE list, read by
 * .dependency-cruiser.cjs (layer rules) and test/architecture/grammar.e2e-spec.ts (naming rules).
 *
 * It shrinks to empty with issue 17's module refactor: fix a file, delete its line. The grammar
 * test fails both for a new offender and for a line that no longer offends, so the list always
 * names exactly what is left to do. Never add a line to it: write the new code in the grammar.
 *
 * Layer rules list the importing file; naming rules list `<file>` or `<file>: <Class>`.
 */
module.exports = {
  'http-calls-use-cases': [],
  'http-not-infrastructure': [],
  'orm-entities-stay-in-infrastructure': [],
  'handler-file-holds-one-bus-handler': [],
  'bus-handler-lives-in-handler-file': [],
  'use-case-file-holds-one-use-case': [],
  'use-case-lives-in-use-case-file': [],
  'sweeper-lives-in-sweeper-file': [],
  'repository-file-holds-an-injectable-repository': [],
  'repository-lives-in-repository-file': [],
  'orm-entity-file-holds-an-entity': [],
  'entity-lives-in-orm-entity-file': [],
  'http-holds-controllers-and-dtos': [],
  'controller-injects-only-use-cases': [],
};
