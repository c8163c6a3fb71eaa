import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isConnectionFailure } from './database-outage';

describe('isConnectionFailure', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a server shutting down', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['a connection exception', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    // TypeORM fails the next query of a transaction whose connection broke with one of these two.
    ['a released query runner', new QueryRunnerAlreadyReleasedError()],
    [
      'a released query runner provider (a transaction whose connection the outage broke)',
      new QueryRunnerProviderAlreadyReleasedError(),
    ],
    ['a wrapped driver error', Object.assign(new Error('query failed'), { driverError: { code: 'ECONNRESET' } })],
  ])('is true for %s', (_, error) => {
    expect(isConnectionFailure(error)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a syntax error', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['a plain error', new Error('boom')],
    ['nothing', undefined],
  ])('is false for %s', (_, error) => {
    expect(isConnectionFailure(error)).toBe(false);
  });
});
