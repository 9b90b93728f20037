import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LocalDiskStorage, newStorageKey } from "@/lib/files/storage";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "techex-storage-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("local disk storage", () => {
  const store = new LocalDiskStorage(root);

  it("stores, reads, streams and deletes bytes under a random key", async () => {
    const key = newStorageKey();
    expect(key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);
    const bytes = Buffer.from("Sàn Giao dịch Công nghệ Hà Nội");
    await store.put(key, bytes);
    expect(await store.get(key)).toEqual(bytes);
    const streamed = Buffer.from(await new Response(await store.stream(key)).arrayBuffer());
    expect(streamed).toEqual(bytes);
    // Only the final file remains: the temporary one was renamed into place.
    expect(fs.readdirSync(path.join(root, key.slice(0, 2)))).toEqual([key.slice(3)]);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    expect(await store.stream(key)).toBeNull();
    await expect(store.delete(key)).resolves.toBeUndefined(); // deleting twice is fine
  });

  it("never makes two equal keys", () => {
    const keys = new Set(Array.from({ length: 1000 }, newStorageKey));
    expect(keys.size).toBe(1000);
  });

  it("refuses keys that are not its own format, so nothing outside the root is reachable", async () => {
    for (const key of [
      "../../etc/passwd",
      "ab/../../x",
      "/etc/passwd",
      "ab/CD",
      "report.pdf",
      `ab/${"0".repeat(32)}/..`,
    ]) {
      await expect(store.get(key), key).rejects.toThrow(/Invalid storage key/);
      await expect(store.put(key, Buffer.from("x")), key).rejects.toThrow(/Invalid storage key/);
      await expect(store.delete(key), key).rejects.toThrow(/Invalid storage key/);
    }
  });

  it("replaces a file atomically: a reader sees the old or the new bytes, never a mix", async () => {
    const key = newStorageKey();
    await store.put(key, Buffer.alloc(256 * 1024, 1));
    const writing = store.put(key, Buffer.alloc(256 * 1024, 2));
    const seen = await store.get(key);
    await writing;
    expect(seen && new Set(seen).size).toBe(1);
    expect((await store.get(key))?.[0]).toBe(2);
  });

  it("stages bytes out of sight and makes them visible under the key only on commit", async () => {
    const key = newStorageKey();
    const writer = await store.stageWriter(key);
    await new Promise<void>((resolve, reject) =>
      writer.end(Buffer.from("%PDF-1.7 staged"), (e?: Error | null) => (e ? reject(e) : resolve())),
    );
    expect(await store.get(key)).toBeNull();
    expect((await store.readStaged(key, 8)).toString()).toBe("%PDF-1.7");
    const staged: string[] = [];
    for await (const o of store.listStaged()) staged.push(o.key);
    expect(staged).toContain(key);
    await store.commit(key);
    expect((await store.get(key))?.toString()).toBe("%PDF-1.7 staged");
    const listed: string[] = [];
    for await (const o of store.list()) listed.push(o.key);
    expect(listed).toContain(key);
    for await (const o of store.listStaged()) expect(o.key).not.toBe(key);

    const dropped = newStorageKey();
    await store.stage(dropped, Buffer.from("x"));
    await store.discard(dropped);
    await expect(store.discard(dropped)).resolves.toBeUndefined();
    await expect(store.readStaged(dropped)).rejects.toThrow(/ENOENT/);
    expect(await store.get(dropped)).toBeNull();
  });

  it("refuses staging under a key that is not its own format", async () => {
    await expect(store.stage("../../etc/passwd", Buffer.from("x"))).rejects.toThrow(/Invalid storage key/);
    await expect(store.commit("ab/../../x")).rejects.toThrow(/Invalid storage key/);
  });
});
