// Task cards that act. A `[task]` card in the message that added the task shows the task's live
// state (the notation only says how it was when posted) and, for its assignee or the one who
// assigned it, a Mark done / Reopen button that changes it in place (PUT …/tasks/{id}/status on the
// host). Cards are decorated when their message is mounted and again whenever the tasks change.
import type { TaskData } from '../panels/protocol';
import { el, icon } from './dom';
import { format, type Strings } from './strings';

export interface TaskCardHost {
  /** Asks the host to set the tasks' status; resolves with an error text, or undefined when done. */
  setStatus(taskIds: readonly number[], status: 'open' | 'done'): Promise<string | undefined>;
  notice(text: string): void;
}

export class TaskCards {
  private readonly _byMessage = new Map<string, TaskData[]>();

  constructor(
    private readonly _me: number,
    private readonly _strings: Strings,
    private readonly _host: TaskCardHost,
  ) {}

  /** New task states: every mounted card under `root` is brought up to date. */
  setTasks(tasks: readonly TaskData[], root: ParentNode): void {
    this._byMessage.clear();
    for (const task of tasks) {
      const list = this._byMessage.get(task.messageId) ?? [];
      list.push(task);
      this._byMessage.set(task.messageId, list);
    }
    for (const message of root.querySelectorAll<HTMLElement>('.cw-msg[data-id]')) this.decorate(message);
  }

  /** Brings the card of one message element up to date (no-op without a card or known tasks). */
  decorate(message: HTMLElement): void {
    const tasks = this._byMessage.get(message.dataset.id ?? '');
    // The card of the message itself (often inside the task_added info box), not one in a quote.
    const card = [...message.querySelectorAll<HTMLElement>('.cw-msg-body .cw-task')].find((c) => !c.closest('.cw-quote'));
    if (!tasks || !card) return;
    const s = this._strings;
    const done = tasks.every((t) => t.status === 'done');
    card.classList.toggle('cw-task-done', done);
    const head = card.querySelector('.cw-task-head');
    head?.firstElementChild?.replaceWith(icon(done ? 'pass-filled' : 'circle-large-outline'));
    const status = card.querySelector('.cw-task-status');
    if (status) status.textContent = `${s.task} · ${done ? s.done : s.open}`;
    card.querySelector('.cw-task-action')?.remove();
    // My own task if I am an assignee; otherwise, the ones I assigned.
    const mine = tasks.filter((t) => t.accountId === this._me);
    const actionable = mine.length > 0 ? mine : tasks.filter((t) => t.assignedById === this._me);
    if (actionable.length === 0 || !head) return;
    const open = actionable.filter((t) => t.status === 'open');
    const target = open.length > 0 ? 'done' : 'open';
    const ids = (open.length > 0 ? open : actionable).map((t) => t.taskId);
    const button = el('button', 'cw-button cw-button-secondary cw-task-action');
    button.type = 'button';
    button.dataset.status = target;
    button.append(icon(target === 'done' ? 'check' : 'debug-restart'), el('span', undefined, target === 'done' ? s.markDone : s.reopen));
    button.addEventListener('click', () => void this._run(button, ids, target));
    head.append(button);
  }

  private async _run(button: HTMLButtonElement, ids: readonly number[], status: 'open' | 'done'): Promise<void> {
    button.disabled = true;
    const error = await this._host.setStatus(ids, status).catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
    // On success the host sends the new states, which rebuild the button; on failure it comes back.
    button.disabled = false;
    if (error !== undefined) this._host.notice(format(this._strings.actionFailed, error));
  }
}
