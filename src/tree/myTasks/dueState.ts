// How pressing a task of mine is, for its icon and colour. No `vscode`.

import type { MyTask } from '../../api/types';
import { chatworkDayOf, daysBetween, localDay } from '../../common/deadline/chatworkDay';
import { isOverdue } from '../format';

export type DueState = 'done' | 'overdue' | 'soon' | 'later' | 'none';

const DAY_MS = 24 * 60 * 60 * 1000;

export function dueState(task: Pick<MyTask, 'status' | 'limit_time' | 'limit_type'>, now = Date.now()): DueState {
  if (task.status === 'done') return 'done';
  if (task.limit_time <= 0 || task.limit_type === 'none') return 'none';
  if (isOverdue(task.limit_time, task.limit_type, now)) return 'overdue';
  // A whole-day deadline is soon when its day is today or tomorrow on the user's calendar.
  if (task.limit_type === 'date') return daysBetween(localDay(new Date(now)), chatworkDayOf(task.limit_time)) <= 1 ? 'soon' : 'later';
  return task.limit_time * 1000 - now <= DAY_MS ? 'soon' : 'later';
}

/** Soonest deadline first, tasks without one after them (oldest first). */
export function compareByDue(a: Pick<MyTask, 'limit_time' | 'task_id'>, b: Pick<MyTask, 'limit_time' | 'task_id'>): number {
  return (a.limit_time || Infinity) - (b.limit_time || Infinity) || a.task_id - b.task_id;
}
