import { assessRisk, RiskInput, RiskPolicy } from '../../risk-assessment';
import { extractSignals } from '../extract-signals';
import { AttemptFact, FraudHistory, OrderFact } from '../fraud-history';
import { LabelledSignals } from '../train-fraud-model';
import { AttemptLabel, HistoryEvent } from './synthetic-world';

/** One scored attempt of a replayed history: its signals, the rules' score and the truth. */
export interface ReplayedAttempt extends LabelledSignals {
  /** `assessRisk(...).score` of the seven rules, 0..100. */
  readonly rulesScore: number;
  readonly label: AttemptLabel;
}

/**
 * Feeds the events to a fresh read model in time order and, for every attempt from `from` on,
 * computes the signals and the rules' input **before** the attempt itself is recorded, exactly as
 * the live risk check would see them: nothing that happens later can leak into an attempt's row.
 */
export function replayHistory(
  events: readonly HistoryEvent[],
  policy: RiskPolicy & { readonly velocityWindowMinutes: number },
  from: number,
): ReplayedAttempt[] {
  const history = new FraudHistory();
  const scored: ReplayedAttempt[] = [];
  let last = -Infinity;
  for (const event of events) {
    if (event.at < last) throw new RangeError('events must be in time order');
    last = event.at;
    if (event.kind === 'account') history.addAccount(event.account);
    else if (event.kind === 'order') history.addOrder(event.order);
    else {
      if (event.at >= from) {
        const { fingerprint, cardCountry, providerRiskLevel } = event.attempt;
        const context = { order: event.order, at: event.at, fingerprint, cardCountry, providerRiskLevel };
        const rules = assessRisk(rulesInput(history, event.attempt, event.order, policy.velocityWindowMinutes), policy);
        scored.push({
          signals: extractSignals(history, context),
          fraud: event.label.fraud,
          at: event.at,
          rulesScore: rules.score,
          label: event.label,
        });
      }
      history.addAttempt(event.attempt);
    }
  }
  return scored;
}

/** What `OpenPayment` gives `assessRisk` today: the customer's payments and declines in the window. */
function rulesInput(history: FraudHistory, attempt: AttemptFact, order: OrderFact, windowMinutes: number): RiskInput {
  const since = attempt.at - windowMinutes * 60_000;
  const recent = (history.attemptsByAccount.get(attempt.accountId) ?? []).filter(
    (a) => a.at >= since && a.at < attempt.at,
  );
  return {
    amount: attempt.amount,
    recentPayments: recent.length,
    recentFailures: recent.filter((a) => a.outcome === 'declined').length,
    shippingCountry: order.shippingCountry,
    cardCountry: attempt.cardCountry,
    providerRiskLevel: attempt.providerRiskLevel,
  };
}
