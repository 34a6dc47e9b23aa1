// Parts of the extension that the first frame does not need. activate() only says how to build them;
// they are built right after it returned (afterActivation), or earlier by a command that needs one:
// whichever comes first. VS Code waits for activate() before it starts other extensions' work and
// before it runs a command of ours, so what is not built there is not waited for.

/** A value built once, by its first reader. */
export class Lazy<T> {
  private _built = false;
  private _value: T | undefined;

  constructor(private readonly _build: () => T) {}

  get value(): T {
    if (!this._built) {
      this._value = this._build();
      this._built = true;
    }
    return this._value as T;
  }
}

/**
 * Runs `work` in a task of its own once activate() has returned (a command that ran in between built
 * what it needed through its Lazy). Disposing before then cancels it.
 */
export function afterActivation(work: () => void): { dispose(): void } {
  const timer = setTimeout(work, 0);
  return { dispose: () => clearTimeout(timer) };
}
