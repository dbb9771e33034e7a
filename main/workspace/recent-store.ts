import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { newId } from '../db/new-id';
import { nowIso } from '../db/clock';

const entrySchema = z.object({ id: z.string(), path: z.string(), name: z.string(), lastOpenedAt: z.string() });
const fileSchema = z.object({ entries: z.array(entrySchema) });
export type RecentEntry = z.infer<typeof entrySchema>;

const MAX_RECENT = 12;

/** The recent-workspaces list lives outside any workspace, in the app's data folder. */
export class RecentStore {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'recent-workspaces.json');
  }

  list(): RecentEntry[] {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data.entries : [];
    } catch {
      // A missing or unreadable list is an empty list, not a reason to refuse to start.
      return [];
    }
  }

  find(id: string): RecentEntry | undefined {
    return this.list().find((e) => e.id === id);
  }

  touch(filePath: string, name: string): RecentEntry {
    const resolved = path.resolve(filePath);
    const entries = this.list();
    const existing = entries.find((e) => e.path === resolved);
    const entry: RecentEntry = { id: existing?.id ?? newId(), path: resolved, name, lastOpenedAt: nowIso() };
    this.write([entry, ...entries.filter((e) => e.path !== resolved)].slice(0, MAX_RECENT));
    return entry;
  }

  forget(id: string): void {
    this.write(this.list().filter((e) => e.id !== id));
  }

  private write(entries: RecentEntry[]): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ entries }, null, 2));
    fs.renameSync(tmp, this.file);
  }
}
