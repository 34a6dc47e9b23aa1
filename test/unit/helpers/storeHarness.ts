// Shared set-up of the store tests: an emulator over real HTTP, a client and store on it, a poller
// whose timers are recorded instead of run, and a controllable emulator clock.
import { ChatworkClient } from '../../../src/api';
import { Poller } from '../../../src/store/poller';
import { RoomStore } from '../../../src/store/roomStore';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator';

export const INTERVAL_MS = 30_000;

export interface Harness {
  emu: Emulator;
  client: ChatworkClient;
  store: RoomStore;
  poller: Poller;
  /** Delays the poller asked to wait, in order; `runTimer()` fires the pending one. */
  delays: number[];
  runTimer(): void;
  /** "GET /rooms", "GET /rooms/10010/messages?force=1"… since the last reset. */
  requests(): string[];
  /** Moves the emulator's clock on, so the next change gets a new last_update_time. */
  tick(seconds?: number): void;
  close(): Promise<void>;
}

export async function harness(options: EmulatorOptions = { rateLimit: 0 }, token?: string): Promise<Harness> {
  const emu = await startEmulator(options);
  let clock = emu.state.now() + 60;
  emu.state.now = () => clock;
  const client = new ChatworkClient({ baseUrl: emu.url, token: () => token ?? emu.token });
  const store = new RoomStore(client);
  const delays: number[] = [];
  let pending: (() => void) | undefined;
  const poller = new Poller(store, {
    intervalMs: () => INTERVAL_MS,
    setTimer: (callback, ms) => {
      delays.push(ms);
      pending = callback;
      return delays.length;
    },
    clearTimer: () => (pending = undefined),
  });
  return {
    emu,
    client,
    store,
    poller,
    delays,
    runTimer: () => {
      const callback = pending;
      pending = undefined;
      callback?.();
    },
    requests: () =>
      emu.requests.map((r) => {
        const query = new URLSearchParams(r.query).toString();
        return `${r.method} ${r.path}${query ? `?${query}` : ''}`;
      }),
    tick: (seconds = 60) => (clock += seconds),
    close: async () => {
      poller.dispose();
      store.dispose();
      await emu.close();
    },
  };
}
