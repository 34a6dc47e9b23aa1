// What the store asks of the local message archive (src/archive), as an interface so the store
// does not depend on where or how history is kept. No `vscode`.
import type { Message } from '../api/types';

export type ArchiveMergeKind = 'force' | 'diff' | 'edit';

/** Where the archive begins and which stretches it is missing. */
export interface ArchiveShape {
  /** The room's first message is archived (nothing older exists). */
  readonly complete: boolean;
  readonly gaps: readonly { readonly afterId: string; readonly beforeId: string }[];
}

export interface ArchiveHook {
  /** The room's archived messages, oldest first; undefined when none (or the archive is off). */
  archived(roomId: number): Promise<readonly Message[] | undefined>;
  /** The shape of the room's archived history, once it was read (else undefined). */
  shape(roomId: number): ArchiveShape | undefined;
  /** Messages Chatwork returned (or a change made here); must return at once. */
  record(roomId: number, kind: ArchiveMergeKind, messages: readonly Message[]): void;
}
