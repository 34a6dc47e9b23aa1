// The store's events (rooms changed, a list loaded, …): what a subscriber gets, and stops getting.
import * as assert from 'assert';
import { Emitter } from '../../src/store/emitter';

describe('store: events', () => {
  it('a subscription gets every value until it is disposed; dispose() ends them all', () => {
    const emitter = new Emitter<number>();
    const a: number[] = [];
    const b: number[] = [];
    const subA = emitter.event((v) => a.push(v));
    emitter.event((v) => b.push(v));
    emitter.fire(1);
    subA.dispose();
    emitter.fire(2);
    assert.deepStrictEqual([a, b], [[1], [1, 2]]);
    emitter.dispose();
    emitter.fire(3);
    assert.deepStrictEqual([a, b], [[1], [1, 2]]);
  });

  it('a listener that throws does not keep the value from the others', () => {
    const emitter = new Emitter<string>();
    const got: string[] = [];
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args[0]);
    try {
      emitter.event(() => {
        throw new Error('broken view');
      });
      emitter.event((v) => got.push(v));
      emitter.fire('rooms');
    } finally {
      console.error = original;
    }
    assert.deepStrictEqual(got, ['rooms']);
    assert.deepStrictEqual(logged, ['Chatwork store listener failed']);
  });
});
