import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';

/** Every command that runs something (has no subcommands), by its full name. */
function leafCommands(command: Command, prefix = ''): [string, Command][] {
  return command.commands.flatMap((sub) => {
    const name = `${prefix}${sub.name()}`;
    return sub.commands.length ? leafCommands(sub, `${name} `) : [[name, sub] as [string, Command]];
  });
}

/** The whole --help text of `command`, the addHelpText sections included. */
function helpOf(command: Command): string {
  let text = '';
  command.configureOutput({ writeOut: (s) => (text += s), writeErr: (s) => (text += s) });
  command.outputHelp();
  return text;
}

describe('an example in every --help', () => {
  it('every leaf command shows "Example:" and a `$ shopsim <its name>` line', () => {
    const leaves = leafCommands(buildProgram());
    expect(leaves.length).toBeGreaterThan(15);
    const missing = leaves
      .filter(([name, command]) => {
        const help = helpOf(command);
        const lines = help.split('\n').map((l) => l.trim());
        return !help.includes('Example:') || !lines.some((l) => l.startsWith(`$ shopsim ${name}`));
      })
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('the example comes after the options', () => {
    const simulate = leafCommands(buildProgram()).find(([name]) => name === 'simulate')![1];
    const help = helpOf(simulate);
    expect(help.indexOf('Example:')).toBeGreaterThan(help.indexOf('--sessions'));
  });
});
