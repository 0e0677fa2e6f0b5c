import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { BUILD_ROOT, SITE_BUILDS } from './site-builds.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

/**
 * Starts the system's headless Chromium (Debian's /usr/bin/chromium) through
 * playwright-core, with the background services that would reach the
 * network turned off. `CHROMIUM_PATH` overrides the executable.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** Folder for screenshots and PDFs that browser tests keep for people to look at. */
export const ARTEFACTS = join(BUILD_ROOT, 'artefacts');

/** Returns the path of an artefact file, creating the folder on first use. */
export function artefactPath(name: string): string {
  mkdirSync(ARTEFACTS, { recursive: true });
  return join(ARTEFACTS, name);
}

/** The shipped site served on localhost and a browser to read it, shared by the tests of one file. */
export interface BrowserSession {
  readonly server: StaticServer;
  readonly browser: Browser;
}

/**
 * Starts a static server for the root build and a browser before the file's
 * tests, and stops both after them. Read `server` and `browser` inside tests,
 * because they exist only once the hooks have run.
 */
export function useBrowserSession(): BrowserSession {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startStaticServer({ root: SITE_BUILDS.root.outDir });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
  };
}
