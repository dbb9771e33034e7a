import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// One renderer build serves both shells: app:// in Electron and 127.0.0.1 in browser mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
