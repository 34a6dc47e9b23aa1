// Injected failures per route (see Fault in contract.ts).
import type { Fault } from './contract';

interface Armed {
  fault: Fault;
  test: (path: string) => boolean;
  left: number;
}

function pathTest(path: string | RegExp): (p: string) => boolean {
  if (path instanceof RegExp) return (p) => new RegExp(path.source, path.flags.replace('g', '')).test(p);
  if (!path.includes('{')) return (p) => p === path;
  const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '\\d+');
  const re = new RegExp(`^${source}$`);
  return (p) => re.test(p);
}

export class FaultTable {
  private _armed: Armed[] = [];

  add(fault: Fault): void {
    this._armed.push({ fault, test: pathTest(fault.path), left: fault.times ?? Infinity });
  }

  clear(): void {
    this._armed = [];
  }

  /** The first fault matching the request, used up by one. */
  take(method: string, path: string): Fault | undefined {
    const hit = this._armed.find((a) => (!a.fault.method || a.fault.method.toUpperCase() === method) && a.test(path));
    if (!hit) return undefined;
    if (--hit.left <= 0) this._armed = this._armed.filter((a) => a !== hit);
    return hit.fault;
  }
}
