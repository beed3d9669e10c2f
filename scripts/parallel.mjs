// Runs shell commands side by side, e.g. `npm test`'s checks before the tests: the TypeScript
// build and type check in one, ESLint and Prettier in another (each mostly uses one core, so on
// two cores they take about half as long as one after the other). A command's output is printed
// in one piece when it ends; exits 1 when any command failed, after all have ended.
import { spawn } from 'node:child_process';

const commands = process.argv.slice(2);
if (commands.length === 0) {
  console.error('usage: node scripts/parallel.mjs "command" ["command" ...]');
  process.exit(2);
}

const codes = await Promise.all(
  commands.map(
    (command) =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
        const output = [];
        child.stdout.on('data', (chunk) => output.push(chunk));
        child.stderr.on('data', (chunk) => output.push(chunk));
        child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
        child.on('close', (code) => {
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          process.stdout.write(
            `\n$ ${command}  (${seconds} s)\n${Buffer.concat(output).toString()}`,
          );
          resolve(code ?? 1);
        });
      }),
  ),
);

const failed = commands.filter((_, i) => codes[i] !== 0);
for (const command of failed) console.error(`parallel: failed: ${command}`);
process.exit(failed.length > 0 ? 1 : 0);
