/**
 * Runs `work` with Ctrl-C (SIGINT, and SIGTERM) handled: the first signal calls `onFirst`, which
 * should end the work cleanly; a second one quits at once with exit code 130. The handlers are
 * removed when the work settles.
 */
export async function withInterrupt<T>(onFirst: () => void, work: () => Promise<T>): Promise<T> {
  let signalled = false;
  // tests find this listener by its name
  const onSignal = (): void => {
    if (signalled) return process.exit(130);
    signalled = true;
    onFirst();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await work();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
