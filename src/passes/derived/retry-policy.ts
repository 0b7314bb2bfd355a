// Retry and timeout policies per callee kind. One table, so event retries, call budgets and alerts agree.
// Timeouts are limits the caller enforces, not latency promises.

export interface CallPolicy {
  timeoutMs: number;
  attempts: number;
  /** Wait before each retry (attempts - 1 entries). */
  backoffMs: number[];
  circuitBreaker: { failureThreshold: number; windowSeconds: number; openSeconds: number } | null;
}

/** Exponential backoff: initial × multiplier^i, capped, one entry per retry. */
export function exponentialBackoff(attempts: number, initialMs: number, multiplier: number, maxMs: number): number[] {
  return Array.from({ length: Math.max(0, attempts - 1) }, (_, i) => Math.min(maxMs, initialMs * multiplier ** i));
}

/** Consumer redelivery for queued events: 5 attempts, 1 s doubling to at most 60 s, then the dead-letter queue. */
export const EVENT_RETRY = { attempts: 5, initialBackoffMs: 1000, maxBackoffMs: 60_000, multiplier: 2 } as const;

export const EVENT_RETRY_BACKOFF = exponentialBackoff(
  EVENT_RETRY.attempts, EVENT_RETRY.initialBackoffMs, EVENT_RETRY.multiplier, EVENT_RETRY.maxBackoffMs);

const BREAKER = { failureThreshold: 5, windowSeconds: 30, openSeconds: 30 };
const INTEGRATION_BREAKER = { failureThreshold: 5, windowSeconds: 60, openSeconds: 60 };

/** A statement on the primary store: no client retry (a failed transaction is retried by the whole flow or job). */
export function storePolicy(synchronous: boolean): CallPolicy {
  return { timeoutMs: synchronous ? 2000 : 10_000, attempts: 1, backoffMs: [], circuitBreaker: null };
}

/** Redis: short timeout, no retry, breaker open ⇒ read PostgreSQL directly. */
export const CACHE_POLICY: CallPolicy = { timeoutMs: 200, attempts: 1, backoffMs: [], circuitBreaker: BREAKER };

export const SEARCH_ENGINE_POLICY: CallPolicy = { timeoutMs: 1000, attempts: 2, backoffMs: [100], circuitBreaker: BREAKER };

export const OBJECT_STORAGE_POLICY: CallPolicy = { timeoutMs: 5000, attempts: 3, backoffMs: [200, 400], circuitBreaker: BREAKER };

/** Publishing to the queue or log (falls back to the transactional outbox when the breaker is open). */
export const PUBLISH_POLICY: CallPolicy = { timeoutMs: 1000, attempts: 3, backoffMs: [100, 200], circuitBreaker: BREAKER };

/** An external integration: fewer, shorter attempts on a user's request than in a background job. */
export function integrationPolicy(synchronous: boolean): CallPolicy {
  return synchronous
    ? { timeoutMs: 3000, attempts: 2, backoffMs: [250], circuitBreaker: INTEGRATION_BREAKER }
    : { timeoutMs: 10_000, attempts: 3, backoffMs: [1000, 2000], circuitBreaker: INTEGRATION_BREAKER };
}

/** A call to another service: one retry, carrying an idempotency key; the timeout is the callee's own budget. */
export function serviceCallPolicy(calleeTimeoutMs: number): CallPolicy {
  return { timeoutMs: calleeTimeoutMs, attempts: 2, backoffMs: [100], circuitBreaker: BREAKER };
}
