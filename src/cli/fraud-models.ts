/**
 * `npm run fraud:models -- [list | audit | promote <version> | shadow <version> | rollback]`: the
 * stored fraud model versions and their hold-out figures, the audit of changes, and the same
 * promotion, shadowing and rollback as the admin routes (audited as `cli:<os user>`). Rollback
 * retires the active version and reactivates the one before it; with none before, the rules decide.
 */
import 'reflect-metadata';
import { failed, withPayments } from './fraud-app';
import { FraudModelLifecycle } from '../modules/payments/application/fraud-models/fraud-model-lifecycle';

const [command = 'list', argument] = process.argv.slice(2);
const version = Number(argument);
if (['promote', 'shadow'].includes(command) && !(Number.isSafeInteger(version) && version > 0)) {
  console.error(`Usage: npm run fraud:models -- ${command} <version>`);
  process.exit(2);
}
if (!['list', 'audit', 'promote', 'shadow', 'rollback'].includes(command)) {
  console.error('Usage: npm run fraud:models -- [list | audit | promote <version> | shadow <version> | rollback]');
  process.exit(2);
}

withPayments(async (app, actor) => {
  const lifecycle = app.get(FraudModelLifecycle);
  if (command === 'list') {
    for (const v of await lifecycle.list()) {
      const model = (v.metrics as { model?: { prAuc?: number | null } }).model;
      const rules = (v.metrics as { rules?: { prAuc?: number | null } }).rules;
      console.log(
        `v${v.version}  ${v.status.padEnd(9)} ${v.source.padEnd(9)} PR AUC ${model?.prAuc?.toFixed(4) ?? 'n/a'} (rules ${rules?.prAuc?.toFixed(4) ?? 'n/a'})  ${v.createdAt.toISOString()}  by ${v.createdBy}`,
      );
    }
    return;
  }
  if (command === 'audit') {
    for (const e of await lifecycle.audit()) {
      console.log(
        `${e.at.toISOString()}  ${e.action.padEnd(8)} v${e.version ?? '-'} (was v${e.previousVersion ?? '-'})  by ${e.actor}`,
      );
    }
    return;
  }
  const live =
    command === 'promote'
      ? await lifecycle.promote(version, actor)
      : command === 'shadow'
        ? await lifecycle.shadow(version, actor)
        : await lifecycle.rollback(actor);
  console.log(
    `active: ${live.active === null ? 'none (the rules decide)' : `v${live.active}`}, shadow: ${live.shadow === null ? 'none' : `v${live.shadow}`}`,
  );
}).catch(failed);
