import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CACHE } from './test/e2e/fixtures';

const CHROMIUM = process.env.COUNTERCHECK_CHROMIUM ?? '/usr/lib/chromium/chromium';
// Overridable so parallel checkouts can run their suites side by side.
const PORT = Number(process.env.COUNTERCHECK_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${join(CACHE, 'desk-upright.y4m')}`,
      ],
    },
  },
  webServer: {
    command: `node scripts/serve-dist.mjs`,
    env: { PORT: String(PORT) },
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
