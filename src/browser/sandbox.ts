import { existsSync, readFileSync } from 'node:fs';

/** What decides whether Chromium may keep its sandbox; read from the machine by default. */
export interface SandboxFacts {
  platform: NodeJS.Platform;
  isRoot: boolean;
  inContainer: boolean;
  userNamespaces: boolean;
}

function readNumber(file: string): number | null {
  try {
    const n = Number(readFileSync(file, 'utf8').trim());
    return Number.isFinite(n) ? n : null;
  } catch {
    return null;
  }
}

/** Whether unprivileged user namespaces (what Chromium's Linux sandbox needs) are allowed. */
function userNamespacesAllowed(): boolean {
  const max = readNumber('/proc/sys/user/max_user_namespaces');
  const clone = readNumber('/proc/sys/kernel/unprivileged_userns_clone');
  const apparmor = readNumber('/proc/sys/kernel/apparmor_restrict_unprivileged_userns');
  return max !== 0 && clone !== 0 && apparmor !== 1;
}

export function sandboxFacts(): SandboxFacts {
  return {
    platform: process.platform,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    inContainer: existsSync('/.dockerenv') || existsSync('/run/.containerenv'),
    userNamespaces: process.platform === 'linux' ? userNamespacesAllowed() : true,
  };
}

/**
 * Chromium refuses to start its sandbox as root, and cannot build it in a container that forbids
 * user namespaces; only then is `--no-sandbox` passed. SHOPSIM_NO_SANDBOX=1 forces it.
 */
export function needsNoSandbox(
  facts: SandboxFacts = sandboxFacts(),
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (env.SHOPSIM_NO_SANDBOX === '1') return true;
  if (facts.isRoot) return true;
  return facts.platform === 'linux' && facts.inContainer && !facts.userNamespaces;
}
