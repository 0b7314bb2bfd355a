// Finds a Chromium/Chrome to render diagrams with: PUPPETEER_EXECUTABLE_PATH first, then the system browser.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The browser executable, or null when none is installed. */
export function findBrowser(env: Readonly<Record<string, string | undefined>>): string | null {
  const explicit = env['PUPPETEER_EXECUTABLE_PATH'];
  if (explicit) return isExecutable(explicit) ? explicit : null;
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    for (const name of BROWSER_NAMES) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}
