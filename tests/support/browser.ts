import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { BUILD_ROOT } from './site-builds.ts';

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
