/** Waits until `check` holds, checking every `intervalMs`; fails after `timeoutMs` instead of hanging. */
export const until = async (
  check: () => boolean | Promise<boolean>,
  { timeoutMs = 5000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};
