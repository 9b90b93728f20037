import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { purgeOrphanUploads } from "@/lib/files/cleanup";
import { saveAttachment } from "@/lib/files/mutations";
import { newStorageKey, storage } from "@/lib/files/storage";
import { buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../fixtures/files", name));
const storageDir = path.resolve(process.env.STORAGE_DIR!);
const TWO_HOURS_AGO = new Date(Date.now() - 2 * 3_600_000);
const stored = (key: string) => path.join(storageDir, key);
const staged = (key: string) => path.join(storageDir, "tmp", key.slice(3));
const age = (file: string) => fs.utimesSync(file, TWO_HOURS_AGO, TWO_HOURS_AGO);

let user: Awaited<ReturnType<typeof createUser>>;
let offerId: string;

beforeAll(async () => {
  await ensureTaxonomy(db);
  const org = await createOrganization(db);
  user = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id });
  offerId = (
    await db.offer.create({
      data: buildOffer(org.id, user.id, { status: "DRAFT", publishedAt: null, expiresAt: null }),
    })
  ).id;
});

afterAll(() => fs.rmSync(storageDir, { recursive: true, force: true }));

/** Files under their final keys (the two-hex fan-out folders), and staged ones. */
function onDisk() {
  const all = fs.existsSync(storageDir)
    ? fs.readdirSync(storageDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    : [];
  const rel = all.map((e) => path.relative(storageDir, path.join(e.parentPath, e.name)));
  return { final: rel.filter((f) => !f.startsWith("tmp")), staged: rel.filter((f) => f.startsWith("tmp")) };
}

describe("saveAttachment", () => {
  it("keeps the bytes under a staged name while the transaction runs and moves them only after the commit", async () => {
    // Another transaction holds the offer row, so the attachment INSERT (its foreign key check)
    // waits inside saveAttachment's transaction: a crash now must not leave a file under a key.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    let saving: ReturnType<typeof saveAttachment> | undefined;
    try {
      await blocker.query("BEGIN");
      await blocker.query("SELECT id FROM offers WHERE id = $1 FOR UPDATE", [offerId]);
      const before = onDisk().final.length;
      saving = saveAttachment(
        { actor: { id: user.id, role: "PROVIDER" }, request: { requestId: null, ip: null } },
        user,
        { file: { name: "during.png", bytes: fixture("image.png") }, target: { offerId } },
      );
      const waiting = async () =>
        Number(
          (
            await blocker.query(
              "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
            )
          ).rows[0].n,
        ) > 0;
      await expect.poll(waiting, { timeout: 10_000 }).toBe(true);
      expect(onDisk().final.length).toBe(before);
      expect(onDisk().staged.length).toBe(1);
      await blocker.query("COMMIT");
      const saved = await saving;
      const { storageKey } = await db.attachment.findUniqueOrThrow({ where: { id: saved.id } });
      expect(onDisk()).toEqual({ final: expect.arrayContaining([storageKey]), staged: [] });
      expect(onDisk().final.length).toBe(before + 1);
    } finally {
      await blocker.query("ROLLBACK").catch(() => undefined);
      await saving?.catch(() => undefined);
      await blocker.end();
    }
  });
});

describe("purgeOrphanUploads", () => {
  it("removes files without a row after an hour, keeps recorded and fresh ones, completes a committed upload", async () => {
    const store = storage();
    const png = fixture("image.png");

    const recorded = await saveAttachment(
      { actor: { id: user.id, role: "PROVIDER" }, request: { requestId: null, ip: null } },
      user,
      { file: { name: "kept.png", bytes: png }, target: { offerId } },
    );
    const recordedKey = (await db.attachment.findUniqueOrThrow({ where: { id: recorded.id } })).storageKey;
    age(stored(recordedKey));

    // A crash after writing the bytes but before the row: stored (old code) or staged (new code).
    const oldOrphan = newStorageKey();
    await store.put(oldOrphan, png);
    age(stored(oldOrphan));
    const freshOrphan = newStorageKey();
    await store.put(freshOrphan, png);
    const oldStaged = newStorageKey();
    await store.stage(oldStaged, png);
    age(staged(oldStaged));
    const freshStaged = newStorageKey();
    await store.stage(freshStaged, png);

    // A crash after the commit but before the move: the row exists, the bytes are still staged.
    const committed = newStorageKey();
    await store.stage(committed, png);
    age(staged(committed));
    await db.attachment.create({
      data: {
        kind: "IMAGE",
        filename: "committed.png",
        mimeType: "image/png",
        size: png.length,
        sha256: recorded.sha256,
        storageKey: committed,
        uploadedById: user.id,
        offerId,
      },
    });

    const result = await purgeOrphanUploads();
    expect(result).toEqual({ deletedStored: 1, deletedStaged: 1, completed: 1 });
    expect(fs.existsSync(stored(recordedKey))).toBe(true);
    expect(fs.existsSync(stored(oldOrphan))).toBe(false);
    expect(fs.existsSync(stored(freshOrphan))).toBe(true);
    expect(fs.existsSync(staged(oldStaged))).toBe(false);
    expect(fs.existsSync(staged(freshStaged))).toBe(true);
    expect(fs.existsSync(staged(committed))).toBe(false);
    expect((await store.get(committed))?.equals(png)).toBe(true);

    // A second run finds nothing more to do; an hour later the fresh orphans go too.
    expect(await purgeOrphanUploads()).toEqual({ deletedStored: 0, deletedStaged: 0, completed: 0 });
    const later = new Date(Date.now() + 2 * 3_600_000);
    expect(await purgeOrphanUploads(3_600_000, later)).toEqual({ deletedStored: 1, deletedStaged: 1, completed: 0 });
    expect(fs.existsSync(stored(recordedKey))).toBe(true);
    expect(fs.existsSync(stored(committed))).toBe(true);
  });
});
