// Lint keeps the architecture's boundaries (architecture.md): shared/ is environment-free,
// the renderer never reaches into main/, and only main/electron/ touches Electron.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib', 'events', 'buffer', 'process'];
const nodeModules = [...nodeBuiltins, ...nodeBuiltins.map((m) => `node:${m}`), 'node:*'];
const dataLibraries = ['better-sqlite3', 'kysely', 'exceljs'];

const restrict = (groups) => ['error', { patterns: groups }];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'tests/artifacts/**', 'native/**', '**/*.cjs'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.base],
    rules: {
      'no-debugger': 'error',
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        { group: nodeModules, message: 'shared/ runs everywhere: no Node modules.' },
        { group: ['electron', ...dataLibraries, 'react', 'react-dom', 'echarts', 'zustand'], message: 'shared/ holds the contract and domain only: no Electron, database, or UI libraries.' },
        { group: ['**/main/**', '**/renderer/**', '../main', '../renderer', '../../main', '../../renderer'], message: 'shared/ imports nothing from main/ or renderer/.' },
      ]),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/main/**', '../main', '../../main', '../../../main'], message: 'The renderer only calls the API (renderer/api.ts); it never imports main/.' },
        { group: [...nodeModules, 'electron', ...dataLibraries], message: 'The renderer has no Node, Electron or database access.' },
      ]),
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron'], message: 'Only main/electron/ may import electron: the core must run without it (browser mode, tests).' },
        { group: ['**/renderer/**', '../renderer', '../../renderer'], message: 'main/ imports nothing from renderer/.' },
      ]),
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['**/renderer/**', '../renderer', '../../renderer'], message: 'main/ imports nothing from renderer/.' }]),
    },
  },
);
