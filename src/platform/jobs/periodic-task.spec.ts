import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs on its interval, one run at a time, and keeps going after a failure', async () => {
    let runs = 0;
    let finish: () => void = () => undefined;
    const task = new PeriodicTask('test', 100, () => {
      runs++;
      if (runs === 1) return Promise.reject(new Error('first run fails'));
      return new Promise<void>((r) => (finish = r));
    });
    task.start();
    await jest.advanceTimersByTimeAsync(100);
    await jest.advanceTimersByTimeAsync(100);
    await jest.advanceTimersByTimeAsync(300);
    expect(runs).toBe(2);
    finish();
    await jest.advanceTimersByTimeAsync(100);
    expect(runs).toBe(3);
    finish();
    await task.stop();
  });

  it('waits for a run in flight when stopped, and never runs after', async () => {
    let finished = false;
    let runs = 0;
    const task = new PeriodicTask('test', 50, async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 200));
      finished = true;
    });
    task.start();
    await jest.advanceTimersByTimeAsync(50);
    const stopped = task.stop();
    await jest.advanceTimersByTimeAsync(200);
    await stopped;
    expect(finished).toBe(true);
    await jest.advanceTimersByTimeAsync(500);
    expect(runs).toBe(1);
  });

  it('does nothing with an interval of 0', async () => {
    let runs = 0;
    const task = new PeriodicTask('test', 0, async () => void runs++);
    task.start();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(runs).toBe(0);
  });
});
