import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { boundaryConfigs } from '../eslint/boundaries.js';

/** The project's boundary rules alone, without type information, so any text can be linted. */
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { '@typescript-eslint': tseslint.plugin },
    },
    ...boundaryConfigs([
      'agent',
      'browser',
      'models',
      'eval',
      'traces',
      'export',
      'replay',
      'testing',
    ]),
  ],
});

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import boundaries', () => {
  it('fails on Playwright outside src/browser, type imports included', async () => {
    expect(
      await problems('src/agent/probe.ts', "import { chromium } from 'playwright';\n"),
    ).toEqual([
      expect.stringMatching(/no-restricted-imports: .*Only src\/browser imports Playwright/),
    ]);
    expect(
      await problems('src/eval/probe.ts', "import type { Page } from 'playwright';\n"),
    ).toHaveLength(1);
    expect(await problems('src/config.ts', "import 'playwright-core';\n")).toHaveLength(1);
    expect(
      await problems('src/browser/probe.ts', "import { chromium } from 'playwright';\n"),
    ).toEqual([]);
  });

  it('lets src/testing import Playwright Test and nothing else of Playwright', async () => {
    expect(
      await problems('src/testing/probe.ts', "import { test, expect } from 'playwright/test';\n"),
    ).toEqual([]);
    expect(
      await problems('src/testing/probe.ts', "import type { TestInfo } from '@playwright/test';\n"),
    ).toEqual([]);
    expect(
      await problems('src/testing/probe.ts', "import { chromium } from 'playwright';\n"),
    ).toEqual([expect.stringMatching(/src\/testing imports only Playwright Test/)]);
    expect(
      await problems('src/testing/probe.ts', "import type { Page } from 'playwright-core';\n"),
    ).toHaveLength(1);
    expect(await problems('src/testing/probe.ts', "import 'playwright-core/test';\n")).toHaveLength(
      1,
    );
    expect(await problems('src/testing/probe.ts', "import OpenAI from 'openai';\n")).toHaveLength(
      1,
    );
    // elsewhere the test runner is Playwright like the rest
    expect(
      await problems('src/agent/probe.ts', "import { test } from 'playwright/test';\n"),
    ).toHaveLength(1);
  });

  it('fails on model SDKs outside src/models', async () => {
    expect(await problems('src/eval/probe.ts', "import type OpenAI from 'openai';\n")).toEqual([
      expect.stringMatching(/Only src\/models imports model SDKs/),
    ]);
    expect(
      await problems('src/traces/probe.ts', "import { getLlama } from 'node-llama-cpp';\n"),
    ).toHaveLength(1);
    expect(await problems('src/models/probe.ts', "import OpenAI from 'openai';\n")).toEqual([]);
  });

  it('keeps eval, traces and export off the browser layer, and replay off the agent', async () => {
    expect(
      await problems(
        'src/export/probe.ts',
        "import { launchBrowser } from '../browser/launch.js';\n",
      ),
    ).toEqual([expect.stringMatching(/never on a live browser/)]);
    expect(
      await problems(
        'src/replay/probe.ts',
        "import { runSession } from '../agent/run-session.js';\n",
      ),
    ).toEqual([expect.stringMatching(/below src\/agent/)]);
    expect(
      await problems(
        'src/agent/probe.ts',
        "import { launchBrowser } from '../browser/launch.js';\n",
      ),
    ).toEqual([]);
  });
});
