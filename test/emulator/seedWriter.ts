// A small vocabulary for writing seeded history: people say things, assign and finish tasks,
// upload files, all at given past times, through the same records the API writes.
import type { TaskLimitType, TaskStatus } from '../../src/api/types';
import { endOfJstDay } from './routes/tasks';
import type { FileContent, FileRecord, MessageRecord, TaskRecord } from './model';
import { contentSize } from './model';
import { mimeOf } from './mime';
import { fileNotice, taskCard, taskNotice } from './notation';
import { SEED_IDS, type SeedKey } from './seedAccounts';
import type { EmulatorState } from './state';

export class SeedWriter {
  constructor(
    readonly state: EmulatorState,
    readonly now: number,
  ) {}

  /** Unix seconds `days`, `hours`, `minutes` before now. */
  ago(days: number, hours = 0, minutes = 0): number {
    return this.now - days * 86400 - hours * 3600 - minutes * 60;
  }

  say(roomId: number, who: SeedKey, body: string, at: number, opts: { editedAt?: number; deleted?: boolean } = {}): MessageRecord {
    const m = this.state.postMessage(roomId, SEED_IDS[who], body, { at });
    if (opts.editedAt) m.update_time = opts.editedAt;
    if (opts.deleted) m.deleted = true;
    return m;
  }

  /** One task per assignee, announced by one system message. */
  task(roomId: number, by: SeedKey, to: SeedKey[], body: string, at: number, limit?: { at: number; type: Exclude<TaskLimitType, 'none'> }): TaskRecord[] {
    const limit_type: TaskLimitType = limit?.type ?? 'none';
    const limit_time = !limit ? 0 : limit.type === 'date' ? endOfJstDay(limit.at) : limit.at;
    const ids = to.map((k) => SEED_IDS[k]);
    const notice = this.say(roomId, by, taskNotice('task_added', taskCard(ids, 'open', limit_time, limit_type, body)), at);
    return ids.map((account_id) => {
      const task: TaskRecord = {
        task_id: this.state.nextId('task'), room_id: roomId, account_id, assigned_by_account_id: SEED_IDS[by],
        message_id: notice.message_id, body, limit_time, limit_type, status: 'open',
      };
      this.state.tasks.set(task.task_id, task);
      return task;
    });
  }

  setStatus(task: TaskRecord | undefined, by: SeedKey, status: TaskStatus, at: number): void {
    if (!task) return;
    task.status = status;
    const card = taskCard([task.account_id], status, task.limit_time, task.limit_type, task.body);
    this.say(task.room_id, by, taskNotice(status === 'done' ? 'task_done' : 'task_reverted', card), at);
  }

  file(roomId: number, who: SeedKey, filename: string, content: FileContent, at: number, message?: string): FileRecord {
    const file_id = this.state.nextId('file');
    const size = contentSize(content);
    const content_type = mimeOf(filename);
    const notice = this.say(roomId, who, fileNotice(file_id, filename, size, content_type.startsWith('image/'), message), at);
    const file: FileRecord = {
      file_id, room_id: roomId, account_id: SEED_IDS[who], message_id: notice.message_id, filename, filesize: size,
      upload_time: at, content_type, content,
    };
    this.state.files.set(file_id, file);
    return file;
  }

  /** Ends the history: everyone has read everything; rooms were last updated by their last message. */
  finish(): void {
    for (const room of this.state.rooms.values()) {
      const list = this.state.roomMessages(room.room_id);
      room.last_update_time = list.reduce((t, m) => Math.max(t, m.send_time, m.update_time), this.ago(30));
      for (const id of room.members.keys()) this.state.setReadPointer(room.room_id, id, list.at(-1)?.seq ?? 0);
    }
  }

  /** Leaves the last `n` messages of others unread for `who`. */
  unread(roomId: number, who: SeedKey, n: number): void {
    const list = this.state.roomMessages(roomId);
    let i = list.length;
    for (let left = n; i > 0 && left > 0; ) if (list[--i]?.account_id !== SEED_IDS[who]) left--;
    this.state.setReadPointer(roomId, SEED_IDS[who], list[i - 1]?.seq ?? 0);
  }
}
