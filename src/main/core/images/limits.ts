export const IMAGE_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  /** 40 MP covers every camera and generator size we expect; a decompression bomb is far above it. */
  maxPixels: 40_000_000,
  thumbSize: 300,
  thumbQuality: 85,
} as const;
