import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function ruleIdsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('architecture boundaries (lint)', () => {
  it('the code base respects them', async () => {
    const results = await eslint.lintFiles(['main', 'renderer', 'shared']);
    const problems = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`));
    expect(problems).toEqual([]);
  });

  it('shared/ may not import Node, Electron, the database or UI', async () => {
    expect(await ruleIdsFor('shared/domain/x.ts', `import fs from 'node:fs'; export const a = fs;`)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('shared/domain/x.ts', `import { app } from 'electron'; export const a = app;`)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('shared/domain/x.ts', `import Database from 'better-sqlite3'; export const a = Database;`)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('shared/domain/x.ts', `export const w = window.innerWidth;`)).toContain('no-restricted-globals');
    expect(await ruleIdsFor('shared/domain/x.ts', `import { z } from 'zod'; export const s = z.string();`)).toEqual([]);
  });

  it('the renderer may not import main/ or Node', async () => {
    expect(await ruleIdsFor('renderer/accounts/x.ts', `import { handlers } from '../../main/api'; export const h = handlers;`)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('renderer/accounts/x.ts', `import fs from 'fs'; export const f = fs;`)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('renderer/accounts/x.ts', `import { api } from '../api'; export const a = api;`)).toEqual([]);
  });

  it('only main/electron/ may import electron', async () => {
    expect(await ruleIdsFor('main/accounts/x.ts', `import { app } from 'electron'; export const a = app;`)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('main/electron/x.ts', `import { app } from 'electron'; export const a = app;`)).toEqual([]);
  });
});
