import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHODS } from '../../../shared/contract';

/** Power users script the workbench from the README's table of calls; a call missing there is a call they cannot find. */
describe('README documents the HTTP API', () => {
  const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const rows = new Map<string, string>();
  for (const match of readme.matchAll(/^\| `([\w]+)` \| (.+) \|$/gm)) rows.set(match[1]!, match[2]!);

  it('lists every contract method under its group', () => {
    const missing = METHODS.filter((method) => {
      const [group, ...rest] = method.split('.');
      return !(rows.get(group!) ?? '').includes('`' + rest.join('.') + '`');
    });
    expect(missing).toEqual([]);
  });

  it('lists no call that does not exist', () => {
    const known = new Set<string>(METHODS);
    const documented = [...rows].flatMap(([group, cells]) => [...cells.matchAll(/`([\w.]+)`/g)].map((m) => `${group}.${m[1]}`));
    expect(documented.filter((method) => !known.has(method))).toEqual([]);
  });
});
