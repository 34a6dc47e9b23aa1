// Which lines offer "Create Chatwork task from TODO": a TODO / FIXME inside a comment only.

import assert from 'node:assert/strict';
import { findTodo } from '../../src/editor/todo';

describe('TODO comments', () => {
  const positives: ReadonlyArray<readonly [string, string, number]> = [
    ['  // TODO: retry on 429', 'TODO: retry on 429', 5],
    ['x = 1  # FIXME handle None', 'FIXME handle None', 9],
    ['/* TODO(taro): split this */', 'TODO(taro): split this', 3],
    [' * TODO document the options', 'TODO document the options', 3],
    ['<!-- TODO: alt text -->', 'TODO: alt text', 5],
    ['-- TODO: index on user_id', 'TODO: index on user_id', 3],
    ['; TODO: bind key', 'TODO: bind key', 2],
    ['% TODO: cite', 'TODO: cite', 2],
    ['call(); // see above. TODO: remove', 'TODO: remove', 22],
    ['//TODO', 'TODO', 2],
  ];
  for (const [line, text, column] of positives) {
    it(`finds ${JSON.stringify(text)} in ${JSON.stringify(line)}`, () => {
      const todo = findTodo(line);
      assert.ok(todo);
      assert.equal(todo.text, text);
      assert.equal(todo.column, column);
      assert.equal(todo.keyword, text.startsWith('FIXME') ? 'FIXME' : 'TODO');
    });
  }

  const negatives = [
    'const todoList = [];',
    'const TODO = 1;',
    'print("TODO")',
    '// TODOS are tracked elsewhere',
    '// a todo in lower case',
    'MY_TODO_FLAG = true',
    '',
  ];
  const tasks: ReadonlyArray<readonly [string, string]> = [
    ['  // TODO: retry on 429', 'retry on 429'],
    ['x = 1  # FIXME handle None', 'handle None'],
    ['/* TODO(taro): split this */', 'split this'],
    ['<!-- TODO: alt text -->', 'alt text'],
    ['<!-- TODO alt text-->', 'alt text'],
    ['# FIXME - flaky on Windows', 'flaky on Windows'],
    ['// TODO：全角コロン', '全角コロン'],
    ['//TODO', 'TODO'],
  ];
  for (const [line, task] of tasks) {
    it(`the task of ${JSON.stringify(line)} is ${JSON.stringify(task)} (no comment marker, no keyword)`, () => {
      assert.equal(findTodo(line)?.task, task);
    });
  }

  for (const line of negatives) {
    it(`finds nothing in ${JSON.stringify(line)}`, () => assert.equal(findTodo(line), undefined));
  }
});
