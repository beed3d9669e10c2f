import { Command, CommanderError } from 'commander';
import { ShopsimError, UsageError } from '../errors.js';
import { SHOPSIM_VERSION } from '../version.js';
import { registerCommands } from './commands/index.js';

/** The exit code of a usage error: commander's (unknown option, missing argument) and UsageError's. */
const USAGE_EXIT_CODE = new UsageError('').exitCode;

export function buildProgram(): Command {
  const program = new Command('shopsim')
    .description(
      'Simulate online shoppers with language models in a real browser, and compare them with humans.',
    )
    .version(SHOPSIM_VERSION)
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program);
  return program;
}

/** Runs the CLI; returns the process exit code. Never prints a stack trace for a ShopsimError. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and --version end through here with 0; every other commander error is a usage error
      return error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
    }
    if (error instanceof ShopsimError) {
      process.stderr.write(`shopsim: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(
      `shopsim: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`,
    );
    return 70;
  }
}
