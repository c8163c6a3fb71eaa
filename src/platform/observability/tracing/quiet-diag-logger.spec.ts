import type { DiagLogger } from '@opentelemetry/api';
import { DIAGNOSTIC_INTERVAL_MS, QuietDiagLogger } from './quiet-diag-logger';

function recorder(): DiagLogger & { lines: string[] } {
  const lines: string[] = [];
  const add = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return {
    lines,
    error: add('error'),
    warn: add('warn'),
    info: add('info'),
    debug: add('debug'),
    verbose: add('verbose'),
  };
}

describe('QuietDiagLogger', () => {
  it('writes one kind of diagnostic once per interval, then says how many it left out', () => {
    const target = recorder();
    let now = 0;
    const logger = new QuietDiagLogger(target, () => now);
    for (let i = 0; i < 50; i++) logger.error(`Export retry time ${i}ms exceeds remaining timeout ${i * 7}ms`);
    expect(target.lines).toHaveLength(1);
    now += DIAGNOSTIC_INTERVAL_MS;
    logger.error('Export retry time 3ms exceeds remaining timeout 1ms');
    expect(target.lines).toHaveLength(2);
    expect(target.lines[1]).toContain('49 more like it');
  });

  it('keeps different kinds and levels apart, and passes debug through', () => {
    const target = recorder();
    const logger = new QuietDiagLogger(target, () => 0);
    logger.error('Export failed: ECONNREFUSED');
    logger.warn('Export failed: ECONNREFUSED');
    logger.error('Request timed out');
    logger.debug('detail');
    logger.debug('detail');
    expect(target.lines.map((line) => line.split(' ')[0])).toEqual(['error', 'warn', 'error', 'debug', 'debug']);
  });
});
