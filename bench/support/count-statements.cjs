/**
 * Counts the SQL statements and transactions a Node server sends to PostgreSQL through `pg`, for
 * the benchmark (this PostgreSQL has no pg_stat_statements, and pg_stat_database would count the
 * runner's own queries). Preloaded into the server's process (`node -r bench/support/count-statements.cjs`,
 * or NODE_OPTIONS=--require=…): it wraps `Client.prototype.query` of every copy of `pg` the process
 * loads (Arcade's, or a peer's own in bench/peers/<name>/node_modules; TypeORM and pg's Pool both
 * end up there), so the runner's connections, in another process, are never counted.
 *
 * Counted per query call (one round trip):
 * - statements: each statement of the text; a simple query's multi-statement text
 *   (`UPDATE …; INSERT …`) counts as what it is, several statements. BEGIN, COMMIT, SAVEPOINT are
 *   statements too (each is a round trip).
 * - transactions: BEGIN / START TRANSACTION … COMMIT / END / ROLLBACK / ABORT is one, tracked per
 *   connection; a statement outside an explicit transaction is its own, and a multi-statement text
 *   outside one is one implicit transaction (as PostgreSQL runs it). ROLLBACK TO SAVEPOINT ends
 *   nothing.
 * - explicit: those of the transactions that were opened with BEGIN / START TRANSACTION (the rest
 *   are single statements, or multi-statement texts, in autocommit).
 * - queries: the calls themselves (round trips).
 *
 * Active only with COUNT_STATEMENTS_FILE set (`%p` in it is replaced by the pid): the counters are
 * written there as JSON `{ pid, seq, statements, transactions, explicit, queries }` when the module loads
 * (seq 0) and again, synchronously and atomically, on every SIGWINCH (seq + 1): a signal ignored by
 * default and listened to by no server here (Vendure, a NestJS app with shutdown hooks, stops on
 * SIGUSR2).
 * The runner (bench/support/statement-counts.ts) sends the signal and waits for the next seq.
 */
'use strict';
const Module = require('node:module');
const { renameSync, writeFileSync } = require('node:fs');

const counters = { statements: 0, transactions: 0, explicit: 0, queries: 0 };
const PATCHED = Symbol.for('arcade.bench.count-statements.patched');
const IN_TRANSACTION = Symbol.for('arcade.bench.count-statements.in-transaction');

/**
 * The first two words (upper case) of each non-empty statement of `text`, skipping comments and
 * never splitting inside quotes, quoted identifiers or dollar-quoted bodies.
 */
function statementHeads(text) {
  const heads = [];
  let words = [];
  let word = '';
  let i = 0;
  const n = text.length;
  const endWord = () => {
    if (word) {
      if (words.length < 2) words.push(word.toUpperCase());
      word = '';
    }
  };
  const endStatement = () => {
    endWord();
    if (words.length > 0) heads.push(words);
    words = [];
  };
  while (i < n) {
    const c = text[i];
    if (c === '-' && text[i + 1] === '-') {
      endWord();
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? n : eol + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      endWord();
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        const pair = text.slice(i, i + 2);
        if (pair === '/*' || pair === '*/') {
          depth += pair === '/*' ? 1 : -1;
          i += 2;
        } else i++;
      }
    } else if (c === "'" || c === '"') {
      // E'…' strings may escape a quote with a backslash.
      const escapes = c === "'" && /[eE]$/.test(word) && !/[A-Za-z0-9_]/.test(text[i - 2] ?? '');
      endWord();
      if (words.length < 2) words.push('…');
      i++;
      while (i < n) {
        if (escapes && text[i] === '\\') i += 2;
        else if (text[i] === c && text[i + 1] === c) i += 2;
        else if (text[i] === c) {
          i++;
          break;
        } else i++;
      }
    } else if (c === '$' && !word) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 64));
      if (tag) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        if (words.length < 2) words.push('…');
        i = close < 0 ? n : close + tag[0].length;
      } else i++; // $1
    } else if (c === ';') {
      endStatement();
      i++;
    } else if (/[A-Za-z_]/.test(c) || (word && /[0-9$]/.test(c))) {
      word += c;
      i++;
    } else {
      endWord();
      i++;
    }
  }
  endStatement();
  return heads;
}

/** What a statement does to a transaction: 'begin', 'end' or undefined (neither). */
function transactionControl([first, second]) {
  if (first === 'BEGIN' || (first === 'START' && second === 'TRANSACTION')) return 'begin';
  if (first === 'COMMIT' || first === 'END' || first === 'ABORT') return second === 'PREPARED' ? undefined : 'end';
  if (first === 'ROLLBACK') return second === 'TO' || second === 'PREPARED' ? undefined : 'end';
  return undefined;
}

/** Counts one query call's `text` on `client` (the connection whose transaction state it tracks). */
function count(client, text) {
  counters.queries++;
  // One statement without a ';' in it is by far the commonest: no scan beyond the first words.
  const heads = text.includes(';')
    ? statementHeads(text)
    : [
        (/^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*([A-Za-z_]+)(?:\s+([A-Za-z_]+))?/.exec(text) ?? [])
          .slice(1)
          .filter(Boolean)
          .map((w) => w.toUpperCase()),
      ];
  let implicit = false;
  for (const head of heads) {
    counters.statements++;
    const control = transactionControl(head);
    if (control === 'begin') {
      if (!client[IN_TRANSACTION] && !implicit) {
        counters.transactions++;
        counters.explicit++;
      }
      client[IN_TRANSACTION] = true;
    } else if (control === 'end') {
      client[IN_TRANSACTION] = false;
      implicit = false;
    } else if (!client[IN_TRANSACTION] && !implicit) {
      counters.transactions++;
      // The rest of a multi-statement text runs in the same implicit transaction.
      implicit = heads.length > 1;
    }
  }
}

/** The SQL text of `query`'s first argument: a string, a config `{ text }` or a Submittable (cursor, stream). */
function textOf(config) {
  if (typeof config === 'string') return config;
  if (config && typeof config.text === 'string') return config.text;
  if (config && config.cursor && typeof config.cursor.text === 'string') return config.cursor.text;
  return undefined;
}

/** Wraps `Client.prototype.query` of one copy of pg (once). */
function patchClient(Client) {
  const proto = Client && Client.prototype;
  if (!proto || typeof proto.query !== 'function' || proto[PATCHED]) return;
  const query = proto.query;
  proto.query = function countedQuery(config, ...rest) {
    const text = textOf(config);
    if (text !== undefined) count(this, text);
    return query.call(this, config, ...rest);
  };
  proto[PATCHED] = true;
}

const file = process.env.COUNT_STATEMENTS_FILE?.replace(/%p/g, String(process.pid));
let seq = 0;

/** Writes the counters (atomically: a temporary file renamed over the last one). */
function write() {
  const tmp = `${file}.${seq}.tmp`;
  writeFileSync(tmp, JSON.stringify({ pid: process.pid, seq, ...counters }));
  renameSync(tmp, file);
}

if (file) {
  const load = Module._load;
  Module._load = function loadAndPatch(request, parent, isMain) {
    const exported = load.call(this, request, parent, isMain);
    // pg's index (`require('pg')`, or its path): an object with Client and Pool. Never touch
    // `.native`, a getter that loads pg-native.
    if (
      exported &&
      typeof exported === 'object' &&
      (request === 'pg' || /[\\/]pg[\\/]lib[\\/]index(\.js)?$/.test(request) || request.endsWith('/pg'))
    ) {
      patchClient(exported.Client);
    }
    return exported;
  };
  process.on('SIGWINCH', () => {
    seq++;
    write();
  });
  write();
}

module.exports = { counters, count, statementHeads, patchClient, IN_TRANSACTION };
