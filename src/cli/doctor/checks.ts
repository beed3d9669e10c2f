import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Config } from '../../config.js';
import { DEFAULT_TRACES_DIR } from '../../traces/run.js';

/** One line of `shopsim doctor`: what was checked, whether it is fine, and what to do if not. */
export interface CheckResult {
  name: string;
  ok: boolean;
  detail: string;
  /** What to do about a problem. */
  fix?: string;
}

const DEFAULT_OPENAI_URL = 'https://api.openai.com/v1';

/** The chromium checks: found, then starts. */
export async function browserChecks(browserPath: string | null): Promise<CheckResult[]> {
  const { describeLocation, findBrowser, locateBrowser } = await import('../../browser/launch.js');
  const { tryLaunch } = await import('../../browser/install.js');
  let found;
  try {
    found = locateBrowser(browserPath);
  } catch (error) {
    return [{ name: 'browser found', ok: false, detail: (error as Error).message }];
  }
  const location = found ?? findBrowser(browserPath);
  const results: CheckResult[] = [
    found
      ? { name: 'browser found', ok: true, detail: describeLocation(found) }
      : {
          name: 'browser found',
          ok: true,
          detail: "no Chromium on disk; trying Google Chrome through Playwright's chrome channel",
        },
  ];
  const problem = await tryLaunch(location);
  results.push(
    problem === null
      ? { name: 'browser starts', ok: true, detail: 'launched and closed headless' }
      : {
          name: 'browser starts',
          ok: false,
          detail: problem,
          fix: 'run `shopsim install-browser` (as root on Debian/Ubuntu: `--with-deps`).',
        },
  );
  return results;
}

/** For openai: models or a configured base URL: the API key and whether the endpoint answers. */
export async function modelChecks(
  config: Config,
  env: NodeJS.ProcessEnv = process.env,
): Promise<CheckResult[]> {
  if (config.model.startsWith('llama:')) {
    try {
      createRequire(import.meta.url).resolve('node-llama-cpp');
      return [{ name: 'llama runtime', ok: true, detail: 'node-llama-cpp is installed' }];
    } catch {
      return [
        {
          name: 'llama runtime',
          ok: false,
          detail: `${config.model} needs the optional package node-llama-cpp, which is not installed`,
          fix: 'run `npm install node-llama-cpp` where shopsim is installed.',
        },
      ];
    }
  }
  const baseUrl = config.baseUrl ?? env.OPENAI_BASE_URL ?? null;
  if (!config.model.startsWith('openai:') && !baseUrl) return [];
  const url = (baseUrl ?? DEFAULT_OPENAI_URL).replace(/\/+$/, '');
  const results: CheckResult[] = [];
  const hostedOpenAI = url.startsWith(DEFAULT_OPENAI_URL);
  if (hostedOpenAI && !env.OPENAI_API_KEY) {
    // without a key the hosted endpoint answers nothing useful: not probed
    return [
      {
        name: 'OPENAI_API_KEY',
        ok: false,
        detail: `not set, and ${url} needs it`,
        fix: 'export OPENAI_API_KEY=<your key>, or point --base-url at a local server.',
      },
    ];
  } else {
    const detail = env.OPENAI_API_KEY ? 'set' : 'not set (a local server usually needs none)';
    results.push({ name: 'OPENAI_API_KEY', ok: true, detail });
  }
  try {
    const response = await fetch(`${url}/models`, {
      headers: env.OPENAI_API_KEY ? { authorization: `Bearer ${env.OPENAI_API_KEY}` } : {},
      signal: AbortSignal.timeout(5_000),
    });
    const denied = response.status === 401 || response.status === 403;
    results.push({
      name: 'model endpoint',
      ok: !denied,
      detail: `${url} answered HTTP ${response.status}`,
      ...(denied ? { fix: 'check OPENAI_API_KEY.' } : {}),
    });
  } catch (error) {
    results.push({
      name: 'model endpoint',
      ok: false,
      detail: `${url} is not reachable (${(error as Error).message})`,
      fix: 'start the server, or fix --base-url / OPENAI_BASE_URL / base_url in the config file.',
    });
  }
  return results;
}

/** The run folder (or, before it exists, its nearest existing parent) is writable. */
export async function outputCheck(out: string | null): Promise<CheckResult> {
  const target = path.resolve(out ?? DEFAULT_TRACES_DIR);
  let dir = target;
  for (;;) {
    try {
      await access(dir, constants.F_OK);
      break;
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  try {
    await access(dir, constants.W_OK);
    const how = dir === target ? 'writable' : `will be created in ${dir}, which is writable`;
    return { name: 'output folder', ok: true, detail: `${target} ${how}` };
  } catch {
    return {
      name: 'output folder',
      ok: false,
      detail: `${dir} is not writable, so ${target} cannot hold traces`,
      fix: 'give a writable folder with --out, or run shopsim from a folder you can write to.',
    };
  }
}
