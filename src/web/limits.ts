import { IMAGE_LIMITS } from '../main/core/images/limits';
import type { CommandName } from '../shared/names';
import type { BucketRate } from './tokenBucket';

/** How much one client of the bridge may ask of it. Every number is a named, bounded budget. */
export interface BridgeLimits {
  /** Command calls carrying the token. */
  commands: BucketRate;
  /** Pages, assets, images and event-socket upgrades carrying the token (query or cookie). */
  pages: BucketRate;
  /** Everything without a valid token, in one shared bucket: refusing stays cheap however fast they come. */
  anonymous: BucketRate;
  /** Body of any command that carries no file. */
  commandBodyBytes: number;
  /** Body of a command that carries one image (UPLOAD_COMMANDS). */
  uploadBodyBytes: number;
  /** Upload bodies being read at once: the rate alone would let a burst buffer gigabytes. */
  uploadsInFlight: number;
  /** Open event sockets; each one receives every event. */
  eventSockets: number;
  /** Events queued for a socket that does not read; past this it is dropped (it reconnects and resyncs). */
  socketBufferBytes: number;
  /** Clients only listen; any message closes the socket, and a big one is refused before it is buffered. */
  socketMessageBytes: number;
}

/** Base64 turns every 3 bytes into 4. */
const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;

/**
 * Room for the JSON around the image: a file name, a persona, attributes, an instruction. The
 * contract caps each far below this, so only a body the router would refuse anyway can need more.
 */
const UPLOAD_OVERHEAD_BYTES = 64 * 1024;

/**
 * Commands whose input carries file bytes (`{"$bytes": …}` on the wire). A command missing here
 * gets the small body limit and a clear 413; tests/security checks this list against the contract.
 */
export const UPLOAD_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>(['avatars.upload', 'generations.fromReference']);

/**
 * Sized for what the renderer really does, with wide margins: a snapshot load is a dozen
 * commands, uploads go one at a time, and a fast scroll through the gallery asks for a few
 * hundred thumbnails (immutable, so each is fetched once). A flood of any of them is bounded.
 */
export const BRIDGE_LIMITS = {
  commands: { burst: 200, perSecond: 50 },
  pages: { burst: 1000, perSecond: 250 },
  anonymous: { burst: 60, perSecond: 5 },
  // The largest text inputs (a 1,000-character prompt, a preset) are a few kilobytes even JSON-escaped.
  commandBodyBytes: 256 * 1024,
  uploadBodyBytes: base64Length(IMAGE_LIMITS.maxBytes) + UPLOAD_OVERHEAD_BYTES,
  uploadsInFlight: 4,
  eventSockets: 32,
  socketBufferBytes: 8 * 1024 * 1024,
  socketMessageBytes: 1024,
} as const satisfies BridgeLimits;

export const bodyLimitFor = (limits: BridgeLimits, command: string): number =>
  UPLOAD_COMMANDS.has(command as CommandName) ? limits.uploadBodyBytes : limits.commandBodyBytes;
