import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable, type Writable } from "node:stream";
import { env } from "@/lib/env";

/**
 * Where attachment bytes live. Callers (lib/files/mutations.ts, queries.ts) only see this
 * interface and `storage()`, so a new backend changes nothing but this file.
 *
 * Keys come from `newStorageKey()` and are never derived from user input.
 *
 * Uploads are STAGED: the bytes go to a temporary object first (`stageWriter` / `stage`), the
 * database row is written, and only after its transaction committed does `commit` move the bytes
 * under their key; a failure calls `discard`. A crash in between leaves a staged object, which
 * purgeOrphanUploads (cleanup.ts) either completes (the row exists) or deletes (it does not).
 */
export interface FileStorage {
  /** Stores the bytes atomically: a reader sees the whole file or none of it. */
  put(key: string, bytes: Buffer): Promise<void>;
  /** A writable stream to a new staged object for `key` (not yet visible under the key). */
  stageWriter(key: string): Promise<Writable>;
  /** Stages bytes that are already in memory. */
  stage(key: string, bytes: Buffer): Promise<void>;
  /** The first `maxBytes` (default: all) of a staged object. */
  readStaged(key: string, maxBytes?: number): Promise<Buffer>;
  /** Makes a staged object visible under its key, atomically. */
  commit(key: string): Promise<void>;
  /** Removes a staged object; a missing one is not an error. */
  discard(key: string): Promise<void>;
  /** Every stored key with its last modification time (for the orphan cleanup). */
  list(): AsyncIterable<StoredObject>;
  /** Every staged key with its last modification time. */
  listStaged(): AsyncIterable<StoredObject>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Optional streaming read, for backends where loading the whole file is wasteful. */
  stream?(key: string): Promise<ReadableStream<Uint8Array> | null>;
  /** Removes the bytes; deleting a missing key is not an error (deletes are retried). */
  delete(key: string): Promise<void>;
}

export interface StoredObject {
  key: string;
  modifiedAt: Date;
}

// Two hex characters of fan-out keep directories small; 128 random bits make keys unguessable.
const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;
const FANOUT_PATTERN = /^[0-9a-f]{2}$/;
const STAGED_PATTERN = /^[0-9a-f]{32}$/;
/** Staged files live in one folder under the root: same file system, so commit is a rename. */
const STAGING_DIR = "tmp";

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

  /** Staged file of a key: tmp/<the key's 32 hex characters>, so a crash can be completed later. */
  private stagedPathFor(key: string): string {
    this.pathFor(key);
    return path.join(this.root, STAGING_DIR, key.slice(3));
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    await this.stage(key, bytes);
    await this.commit(key);
  }

  async stageWriter(key: string): Promise<Writable> {
    const staged = this.stagedPathFor(key);
    await fs.mkdir(path.dirname(staged), { recursive: true });
    return createWriteStream(staged, { flags: "wx", mode: 0o600 });
  }

  async stage(key: string, bytes: Buffer): Promise<void> {
    const staged = this.stagedPathFor(key);
    await fs.mkdir(path.dirname(staged), { recursive: true });
    await fs.writeFile(staged, bytes, { flag: "wx", mode: 0o600 });
  }

  async readStaged(key: string, maxBytes?: number): Promise<Buffer> {
    const staged = this.stagedPathFor(key);
    if (maxBytes === undefined) return fs.readFile(staged);
    const handle = await fs.open(staged, "r");
    try {
      const buffer = Buffer.alloc(maxBytes);
      const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async commit(key: string): Promise<void> {
    const staged = this.stagedPathFor(key);
    const target = this.pathFor(key);
    // Flush, then rename: rename is atomic within one file system, so a reader (or a crash) sees
    // either no file or the complete one.
    const handle = await fs.open(staged, "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.rename(staged, target);
  }

  async discard(key: string): Promise<void> {
    await fs.rm(this.stagedPathFor(key), { force: true });
  }

  async *list(): AsyncIterable<StoredObject> {
    for (const dir of await readDir(this.root)) {
      if (!FANOUT_PATTERN.test(dir)) continue;
      for (const name of await readDir(path.join(this.root, dir))) {
        const key = `${dir}/${name}`;
        if (!KEY_PATTERN.test(key)) continue;
        const modifiedAt = await mtime(path.join(this.root, key));
        if (modifiedAt) yield { key, modifiedAt };
      }
    }
  }

  async *listStaged(): AsyncIterable<StoredObject> {
    for (const name of await readDir(path.join(this.root, STAGING_DIR))) {
      if (!STAGED_PATTERN.test(name)) continue;
      const modifiedAt = await mtime(path.join(this.root, STAGING_DIR, name));
      if (modifiedAt) yield { key: `${name.slice(0, 2)}/${name}`, modifiedAt };
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

/** Entry names of a folder; none when it does not exist (yet). */
async function readDir(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/** Modification time of a file, or null when it vanished meanwhile (a concurrent delete). */
async function mtime(file: string): Promise<Date | null> {
  try {
    const stat = await fs.stat(file);
    return stat.isFile() ? stat.mtime : null;
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

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
