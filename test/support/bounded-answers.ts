import { ServerResponse } from 'node:http';

/**
 * A webhook receiver's way of answering that proves a sender posts concurrently up to a bound:
 * each POST is answered only once `bound` are open at the same time (or, at the end of a page where
 * fewer remain, 50 ms later), so a sender that posted one at a time would never reach the bound.
 * `answer(response)` holds a request; `most()` is the most that were open at once.
 */
export function boundedAnswers(bound: number): { answer(response: ServerResponse): void; most(): number } {
  let inFlight = 0;
  let most = 0;
  const held: (() => void)[] = [];
  let fallback: NodeJS.Timeout | undefined;
  const releaseAll = () => {
    clearTimeout(fallback);
    fallback = undefined;
    for (const release of held.splice(0)) release();
  };
  return {
    answer(response) {
      inFlight++;
      most = Math.max(most, inFlight);
      held.push(() => {
        inFlight--;
        response.writeHead(200).end();
      });
      if (inFlight >= bound) releaseAll();
      else fallback ??= setTimeout(releaseAll, 50);
    },
    most: () => most,
  };
}
