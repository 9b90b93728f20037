import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { env } from "@/lib/env";

/**
 * Where attachment bytes live. Callers (lib/files/mutations.ts, queries.ts) only see this
 * interface and `storage()`, so a new backend changes nothing but this file.
 *
 * Keys come from `newStorageKey()` and are never derived from user input.
 */
export interface FileStorage {
  /** Stores the bytes atomically: a reader sees the whole file or none of it. */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Optional streaming read, for backends where loading the whole file is wasteful. */
  stream?(key: string): Promise<ReadableStream<Uint8Array> | null>;
  /** Removes the bytes; deleting a missing key is not an error (deletes are retried). */
  delete(key: string): Promise<void>;
}

// Two hex characters of fan-out keep directories small; 128 random bits make keys unguessable.
const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;

/** A fresh random storage key, e.g. "3f/3f9c…" (32 hex characters after the fan-out folder). */
export function newStorageKey(): string {
  const hex = randomBytes(16).toString("hex");
  return `${hex.slice(0, 2)}/${hex}`;
}

/** Stores files on the local disk under `root` (env STORAGE_DIR), which must be outside public/. */
export class LocalDiskStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /**
   * Key -> absolute path. The pattern alone rules out traversal; the prefix check is a second
   * lock in case the pattern is ever loosened.
   */
  private pathFor(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    const full = path.resolve(this.root, key);
    if (!full.startsWith(this.root + path.sep)) throw new Error("Storage key escapes the storage root");
    return full;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathFor(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Write beside the target, flush, then rename: rename is atomic within one file system, so a
    // crash leaves either no file or the complete one (plus, at worst, a stray *.tmp file).
    const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
    const handle = await fs.open(temp, "wx", 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathFor(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async stream(key: string): Promise<ReadableStream<Uint8Array> | null> {
    const file = this.pathFor(key);
    try {
      await fs.access(file);
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    return Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathFor(key), { force: true });
  }
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === "ENOENT";

let cached: LocalDiskStorage | undefined;

/**
 * The configured backend. Only "local" exists today. An S3-compatible backend (MinIO, AWS or a
 * Vietnamese cloud) plugs in by implementing FileStorage with the same keys as object names
 * (PutObject / GetObject / DeleteObject; PutObject is atomic by nature), adding e.g.
 * STORAGE_BACKEND=s3 and its bucket settings to lib/env.ts, and choosing it here. Callers and the
 * database (storage_key) stay as they are.
 */
export function storage(): FileStorage {
  const root = env().STORAGE_DIR;
  if (cached?.root !== path.resolve(root)) cached = new LocalDiskStorage(root);
  return cached;
}
