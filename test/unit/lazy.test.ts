// src/common/lazy.ts: what activate() leaves for later is built once, by whoever needs it first.
import * as assert from 'assert';
import { afterActivation, Lazy } from '../../src/common/lazy';

describe('Lazy and afterActivation', () => {
  it('builds the value on the first read only, and never again', () => {
    let builds = 0;
    const lazy = new Lazy(() => ({ n: ++builds }));
    assert.strictEqual(builds, 0, 'nothing built before it is read');
    const first = lazy.value;
    assert.strictEqual(lazy.value, first);
    assert.deepStrictEqual(first, { n: 1 });
    assert.strictEqual(builds, 1);
  });

  it('keeps a falsy value (undefined included) without building it twice', () => {
    let builds = 0;
    const lazy = new Lazy(() => {
      builds++;
      return undefined;
    });
    assert.strictEqual(lazy.value, undefined);
    assert.strictEqual(lazy.value, undefined);
    assert.strictEqual(builds, 1);
  });

  it('runs the work after the current task (after activate() returned), and not at all once disposed', async () => {
    const order: string[] = [];
    afterActivation(() => order.push('after'));
    const cancelled = afterActivation(() => order.push('cancelled'));
    cancelled.dispose();
    order.push('activate returns');
    await Promise.resolve();
    assert.deepStrictEqual(order, ['activate returns'], 'not even in a microtask of the same task');
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.deepStrictEqual(order, ['activate returns', 'after']);
  });
});
