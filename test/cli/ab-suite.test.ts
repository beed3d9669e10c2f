import { expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

it('explains each misuse of --suite as a usage error, before any browser starts', async () => {
  const cases: [string[], RegExp][] = [
    [['--suite', 'famous-effects'], /unknown suite; use known-effects/],
    [['--suite', 'known-effects', '--arm', 'c=http://127.0.0.1:1/', '--arm', 't=http://127.0.0.1:1/'], /leave out --arm/], // prettier-ignore
    [['--suite', 'known-effects', '--from-human', 'traces'], /leave out --from-human/],
    [['--suite', 'known-effects', '--site', 'http://127.0.0.1:1/'], /needs the bundled shop/],
    [['--suite', 'known-effects', '--until-decided'], /--until-decided needs --max-pairs/],
  ];
  for (const [args, message] of cases) {
    const { code, stderr } = await runCli(['ab', ...args]);
    expect(code, args.join(' ')).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  }
});
