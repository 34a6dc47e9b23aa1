// A tiny typed event emitter, so src/store stays free of `vscode` (its Event shape is the same:
// subscribe with a listener, get back something to dispose).

export interface Unsubscribe {
  dispose(): void;
}

export type Event<T> = (listener: (value: T) => void) => Unsubscribe;

export class Emitter<T> {
  private readonly _listeners = new Set<(value: T) => void>();

  readonly event: Event<T> = (listener) => {
    this._listeners.add(listener);
    return { dispose: () => this._listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this._listeners]) {
      try {
        listener(value);
      } catch (error) {
        // One failing listener must not stop the others (nor the poller that fired).
        console.error('Chatwork store listener failed', error);
      }
    }
  }

  dispose(): void {
    this._listeners.clear();
  }
}
