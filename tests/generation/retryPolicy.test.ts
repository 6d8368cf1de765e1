import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS, parseRetryAfter, retryDelayMs } from '../../src/main/core/generation/retryPolicy';
import { seededRandom } from '../fakes/seededRandom';

const NOW = Date.UTC(2025, 5, 1, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('2', NOW)).toBe(2000);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
  });

  it('reads all three HTTP-date forms', () => {
    expect(parseRetryAfter('Sun, 01 Jun 2025 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(parseRetryAfter('Sunday, 01-Jun-25 12:01:00 GMT', NOW)).toBe(60_000);
    expect(parseRetryAfter('Sun Jun  1 12:00:05 2025', NOW)).toBe(5000);
  });

  it('gives 0 for a negative delay or a date in the past', () => {
    expect(parseRetryAfter('-5', NOW)).toBe(0);
    expect(parseRetryAfter('Sun, 01 Jun 2025 11:00:00 GMT', NOW)).toBe(0);
  });

  it('gives null for a missing or garbage header', () => {
    for (const garbage of [null, '', '   ', 'soon', 'Tuesday 5', '5s', '1e3', 'NaN', 'Infinity', '0x10', 'Sun, 31 Feb 2025 12:00:00 GMT', 'Sun, 01 Jun 2025 25:00:00 GMT', 'Mon, 01 Foo 2025 12:00:00 GMT']) {
      expect(parseRetryAfter(garbage, NOW), String(garbage)).toBeNull();
    }
  });

  it('never asks for a wait a timer cannot hold', () => {
    expect(parseRetryAfter('99999999999', NOW)).toBe(MAX_TIMER_MS);
    expect(parseRetryAfter('9'.repeat(400), NOW)).toBeNull();
  });
});

describe('retryDelayMs', () => {
  const base = 1000;
  const cap = 60_000;

  it('is never below Retry-After and, for the backoff part, never above the cap (seeded property loop)', () => {
    const random = seededRandom(42);
    const violations: string[] = [];
    for (let index = 0; index < 20_000; index += 1) {
      const attempt = 1 + Math.floor(random() * 40);
      const retryAfterMs = random() < 0.3 ? null : Math.floor(random() * 200_000);
      const delay = retryDelayMs({ attempt, retryAfterMs, baseMs: base, capMs: cap, random });
      const ok =
        Number.isInteger(delay) &&
        delay >= (retryAfterMs ?? 0) &&
        (retryAfterMs !== null && retryAfterMs > cap ? delay === retryAfterMs : delay <= cap);
      if (!ok) violations.push(`attempt ${attempt}, Retry-After ${retryAfterMs} → ${delay}`);
    }
    expect(violations).toEqual([]);
  });

  it('keeps the backoff between half and all of min(cap, base·2^(attempt−1))', () => {
    const random = seededRandom(7);
    for (let index = 0; index < 5000; index += 1) {
      const attempt = 1 + (index % 12);
      const ceiling = Math.min(cap, base * 2 ** (attempt - 1));
      const delay = retryDelayMs({ attempt, retryAfterMs: null, random });
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
  });

  it('grows with the attempt until the cap (monotone at fixed jitter, rising on average)', () => {
    for (const jitter of [0, 0.25, 0.5, 0.999]) {
      let previous = 0;
      for (let attempt = 1; attempt <= 20; attempt += 1) {
        const delay = retryDelayMs({ attempt, retryAfterMs: null, random: () => jitter });
        expect(delay).toBeGreaterThanOrEqual(previous);
        previous = delay;
      }
      expect(previous).toBeLessThanOrEqual(cap);
      expect(previous).toBeGreaterThanOrEqual(cap / 2);
    }
    const random = seededRandom(3);
    const mean = (attempt: number): number => {
      let sum = 0;
      for (let index = 0; index < 500; index += 1) sum += retryDelayMs({ attempt, retryAfterMs: null, random });
      return sum / 500;
    };
    const means = [1, 2, 3, 4, 5, 6].map(mean);
    for (let index = 1; index < means.length; index += 1) expect(means[index]).toBeGreaterThan(means[index - 1] ?? 0);
  });

  it('spreads concurrent retries (jitter) instead of waking them together', () => {
    const random = seededRandom(11);
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs({ attempt: 4, retryAfterMs: null, random })));
    expect(delays.size).toBeGreaterThan(40);
  });

  it('survives odd input: attempt 0, NaN, huge; negative or NaN Retry-After; a random() of 1', () => {
    expect(retryDelayMs({ attempt: 0, retryAfterMs: null, random: () => 0 })).toBe(500);
    expect(retryDelayMs({ attempt: Number.NaN, retryAfterMs: null, random: () => 0 })).toBe(500);
    expect(retryDelayMs({ attempt: 1e9, retryAfterMs: null, random: () => 0.5 })).toBeLessThanOrEqual(cap);
    expect(retryDelayMs({ attempt: 1, retryAfterMs: -100, random: () => 0 })).toBe(500);
    expect(retryDelayMs({ attempt: 1, retryAfterMs: Number.NaN, random: () => 0 })).toBe(500);
    expect(retryDelayMs({ attempt: 30, retryAfterMs: null, random: () => 1 })).toBe(cap);
    expect(retryDelayMs({ attempt: 1, retryAfterMs: 1e15, random: () => 0 })).toBe(MAX_TIMER_MS);
  });

  it('honours custom base and cap', () => {
    expect(retryDelayMs({ attempt: 3, retryAfterMs: null, baseMs: 100, capMs: 250, random: () => 0.999_999 })).toBeLessThanOrEqual(250);
    expect(retryDelayMs({ attempt: 2, retryAfterMs: null, baseMs: 100, capMs: 10_000, random: () => 0 })).toBe(100);
  });
});
