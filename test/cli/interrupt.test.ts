import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { withInterrupt } from '../../src/cli/interrupt.js';

afterEach(() => vi.restoreAllMocks());

describe('withInterrupt', () => {
  it('the first Ctrl-C asks the work to end; a second one quits at once with 130', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const onFirst = vi.fn();
    let finish!: () => void;
    const work = new Promise<void>((resolve) => (finish = resolve));
    const running = withInterrupt(onFirst, () => work);
    process.emit('SIGINT');
    expect(onFirst).toHaveBeenCalledTimes(1);
    expect(exit).not.toHaveBeenCalled();
    process.emit('SIGTERM');
    expect(exit).toHaveBeenCalledWith(130);
    expect(onFirst).toHaveBeenCalledTimes(1);
    finish();
    await running;
  });

  it('removes its handlers when the work settles, even when it fails', async () => {
    const before = process.listenerCount('SIGINT');
    await expect(
      withInterrupt(
        () => undefined,
        () => Promise.reject(new Error('boom')),
      ),
    ).rejects.toThrow('boom');
    expect(process.listenerCount('SIGINT')).toBe(before);
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});

describe('--threads', () => {
  it('every command that can load a GGUF model takes --threads', () => {
    const program = buildProgram();
    for (const name of ['simulate', 'ab', 'eval', 'synthesize']) {
      const command = program.commands.find((c) => c.name() === name);
      expect(
        command?.options.some((o) => o.long === '--threads'),
        name,
      ).toBe(true);
    }
  });
});
