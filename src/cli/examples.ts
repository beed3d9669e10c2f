import type { Command } from 'commander';

/**
 * Adds an "Example:" section after `command`'s --help. Each line is one shell line without the
 * prompt (`shopsim ...`, an optional `# comment` after it); it is shown as `$ shopsim ...`.
 */
export function withExample(command: Command, lines: string[]): Command {
  const body = lines.map((line) => `  $ ${line}`).join('\n');
  return command.addHelpText('after', `\nExample:\n${body}\n`);
}
