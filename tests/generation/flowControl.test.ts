import { describe, expect, it } from 'vitest';
import { AdaptiveConcurrency } from '../../src/main/core/generation/adaptiveConcurrency';
import { CircuitBreaker } from '../../src/main/core/generation/circuitBreaker';

describe('adaptive concurrency (AIMD)', () => {
  it('halves on a 429, counts a burst once, and climbs back one per full round of successes', () => {
    const aimd = new AdaptiveConcurrency(16, 1000);
    expect(aimd.onRateLimited(0)).toBe(true);
    expect(aimd.effective).toBe(8);
    expect(aimd.onRateLimited(500)).toBe(false);
    expect(aimd.effective).toBe(8);
    expect(aimd.onRateLimited(1500)).toBe(true);
    expect(aimd.effective).toBe(4);
    for (let i = 0; i < 3; i += 1) expect(aimd.onSuccess()).toBe(false);
    expect(aimd.onSuccess()).toBe(true);
    expect(aimd.effective).toBe(5);
    for (let i = 0; i < 200; i += 1) aimd.onSuccess();
    expect(aimd.effective).toBe(16);
  });

  it('never goes below one or above the ceiling', () => {
    const aimd = new AdaptiveConcurrency(3, 0);
    for (let t = 0; t < 10; t += 1) aimd.onRateLimited(t * 10);
    expect(aimd.effective).toBe(1);
    aimd.setCeiling(2);
    for (let i = 0; i < 50; i += 1) aimd.onSuccess();
    expect(aimd.effective).toBe(2);
  });

  it('follows a new ceiling at once until it has been throttled', () => {
    const aimd = new AdaptiveConcurrency(4);
    aimd.setCeiling(12);
    expect(aimd.effective).toBe(12);
    aimd.onRateLimited(0);
    aimd.setCeiling(32);
    expect(aimd.effective).toBe(6);
  });
});

describe('circuit breaker', () => {
  const options = { threshold: 3, cooldownMs: 100, maxCooldownMs: 400 };

  it('opens after consecutive failures, lets one probe through after the cooldown, and closes on success', () => {
    const circuit = new CircuitBreaker(options);
    for (let i = 0; i < 2; i += 1) circuit.onFailure(0);
    expect(circuit.state).toBe('closed');
    circuit.onFailure(0);
    expect(circuit.state).toBe('open');
    expect(circuit.tryAcquire(50)).toBe(false);
    expect(circuit.retryAt).toBe(100);
    expect(circuit.tryAcquire(100)).toBe(true);
    expect(circuit.state).toBe('half_open');
    expect(circuit.tryAcquire(101)).toBe(false);
    circuit.onSuccess();
    expect(circuit.state).toBe('closed');
    expect(circuit.tryAcquire(102)).toBe(true);
  });

  it('reopens for longer when the probe fails, up to the maximum', () => {
    const circuit = new CircuitBreaker(options);
    for (let i = 0; i < 3; i += 1) circuit.onFailure(0);
    let now = 0;
    const cooldowns: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      now = circuit.retryAt!;
      expect(circuit.tryAcquire(now)).toBe(true);
      circuit.onFailure(now);
      cooldowns.push(circuit.retryAt! - now);
    }
    expect(cooldowns).toEqual([200, 400, 400, 400]);
  });

  it('a success resets the failure count', () => {
    const circuit = new CircuitBreaker(options);
    circuit.onFailure(0);
    circuit.onFailure(0);
    circuit.onSuccess();
    circuit.onFailure(0);
    circuit.onFailure(0);
    expect(circuit.state).toBe('closed');
  });

  it('an inconclusive probe frees the slot for another', () => {
    const circuit = new CircuitBreaker(options);
    for (let i = 0; i < 3; i += 1) circuit.onFailure(0);
    expect(circuit.tryAcquire(100)).toBe(true);
    circuit.onInconclusive();
    expect(circuit.tryAcquire(100)).toBe(true);
  });
});
