/** The hosts @huggingface/inference talks to (its config.js: HF_HUB_URL and HF_ROUTER_URL). */
const HF_ORIGINS = ['https://huggingface.co', 'https://router.huggingface.co'] as const;

const rewrite = (url: string, origin: string): string => {
  for (const hfOrigin of HF_ORIGINS) {
    if (url === hfOrigin || url.startsWith(`${hfOrigin}/`)) return origin + url.slice(hfOrigin.length);
  }
  return url;
};

/**
 * A fetch that sends requests for the Hub and the router to `origin` and everything else on
 * unchanged, so the real client can run against the fake server without knowing it.
 */
export const makeFetchRedirect = (origin: string, base: typeof fetch = fetch): typeof fetch =>
  async (input, init) => {
    if (typeof input === 'string') return base(rewrite(input, origin), init);
    if (input instanceof URL) return base(rewrite(input.href, origin), init);
    const target = rewrite(input.url, origin);
    return base(target === input.url ? input : new Request(target, input), init);
  };
