import { defineConfig } from 'vite';

/**
 * The admin console (docs/adr/0121-admin-console.md): built into dist/admin and served by the app
 * at /admin; in development the app proxies /admin to this dev server (ADMIN_DEV_SERVER_URL).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/admin/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../dist/admin',
    emptyOutDir: true,
    // The chart library alone is ~400 kB; it is loaded with the pages that draw charts.
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      // The component library marks its files "use client" (for server components): meaningless here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    // The page is proxied by the app, but hot reload talks to the dev server directly.
    hmr: { clientPort: 5173 },
  },
});
