import { createHash } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { buildSampleArchive } from "@/lib/audit/archive";
import type { AuditContext } from "@/lib/audit/context";
import { appendAudit } from "@/lib/audit/mutations";
import { drawSample, selectSample, type SampleInput } from "@/lib/audit/sample";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { newDealReference } from "@/lib/deals/reference";
import type { DealOrigin, DealState, Role } from "@/lib/generated/prisma/enums";
import { buildDemand, buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  auditContext: async (user: CurrentUser | null): Promise<AuditContext> => ({
    actor: user ? { id: user.id, role: user.roles[0]! } : { id: null, role: "anonymous" },
    request: { requestId: "req-sample", ip: null },
  }),
}));
const { GET } = await import("@/app/api/admin/audit/archive/route");

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

let auditor: CurrentUser;
const ctx = (): AuditContext => ({
  actor: { id: auditor.id, role: "AUDITOR" },
  request: { requestId: null, ip: null },
});
const deals: { id: string; reference: string; state: DealState; origin: DealOrigin }[] = [];

const asCurrent = (u: { id: string; email: string; name: string; roles: Role[] }): CurrentUser => ({
  ...u,
  organizationId: null,
  orgRole: null,
  emailVerified: true,
  organization: null,
});

beforeAll(async () => {
  auditor = asCurrent(await createUser(db, { roles: ["AUDITOR"] }));
  const provider = await createOrganization(db);
  const member = await createUser(db, { roles: ["PROVIDER"], organizationId: provider.id });
  await ensureTaxonomy(db);
  const offer = await db.offer.create({ data: buildOffer(provider.id, member.id) });
  const shapes: [DealState, DealOrigin][] = [
    ["EOI_SENT", "EOI"],
    ["NEGOTIATING", "EOI"],
    ["SIGNED", "PROPOSAL"],
    ["SIGNED", "EOI"],
    ["COMPLETED", "EXPRESS_LICENCE"],
    ["DECLINED", "PROPOSAL"],
    ["SIGNED", "EOI"],
    ["IN_PERFORMANCE", "EOI"],
    ["NEGOTIATING", "PROPOSAL"],
    ["SIGNED", "EXPRESS_LICENCE"],
    ["CANCELLED", "EOI"],
    ["SIGNED", "EOI"],
  ];
  for (const [i, [state, origin]] of shapes.entries()) {
    // One seeker per deal: a provider and a seeker have at most one open deal about one listing.
    const seeker = await createOrganization(db);
    const asker = await createUser(db, { roles: ["SEEKER"], organizationId: seeker.id });
    const demand = origin === "PROPOSAL" ? await db.demand.create({ data: buildDemand(seeker.id, asker.id) }) : null;
    const deal = await db.deal.create({
      data: {
        reference: newDealReference(new Date()),
        origin,
        state,
        offerId: offer.id,
        demandId: demand?.id ?? null,
        providerOrgId: provider.id,
        seekerOrgId: seeker.id,
        initiatedById: member.id,
      },
    });
    deals.push({ id: deal.id, reference: deal.reference, state, origin });
    await db.$transaction((tx) =>
      appendAudit(
        tx,
        { actor: { id: member.id, role: "PROVIDER" }, request: { requestId: null, ip: null } },
        {
          action: "deal.start",
          entityType: "deal",
          entityId: deal.id,
          after: { state: "EOI_SENT", n: i },
        },
      ),
    );
    if (state === "SIGNED") {
      for (const versionNo of [1, 2]) {
        const contract = await db.contract.create({
          data: {
            dealId: deal.id,
            versionNo,
            terms: { v: versionNo },
            contentSha256: sha256(`${deal.id}:${versionNo}`),
          },
        });
        if (versionNo === 2) {
          await db.attachment.create({
            data: {
              kind: "DOCUMENT",
              filename: "hop-dong-da-ky.pdf",
              mimeType: "application/pdf",
              size: 1234,
              sha256: sha256(`scan:${deal.id}`),
              storageKey: `test/${deal.id}/scan`,
              uploadedById: member.id,
              dealId: deal.id,
              contractId: contract.id,
              purpose: "SIGNED_CONTRACT",
              seriesId: deal.id,
              version: 1,
              dealSide: "provider",
            },
          });
        }
      }
    }
  }
});

/** The documented algorithm, computed here without the database. */
function expectedSample(seed: string, size: number, keep: (d: (typeof deals)[number]) => boolean) {
  return deals
    .filter(keep)
    .map((d) => ({ ...d, key: sha256(`${seed}:${d.id}`) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1))
    .slice(0, size)
    .map((d) => d.reference);
}

describe("the auditor's sample of deals", () => {
  it("is reproducible: the same seed and filters give the same deals, by the documented algorithm", async () => {
    const input: SampleInput = { seed: "kiem-toan-2026", size: 5 };
    const first = await drawSample(auditor, ctx(), input);
    const again = await drawSample(auditor, ctx(), input);
    expect(first.deals.map((d) => d.reference)).toEqual(again.deals.map((d) => d.reference));
    expect(first.deals.map((d) => d.reference)).toEqual(expectedSample(input.seed, 5, () => true));
    expect(first.population).toBe(deals.length);
    expect(first.deals[0]!.drawKey).toBe(sha256(`${input.seed}:${first.deals[0]!.id}`));
  });

  it("draws another sample with another seed, and applies the state and origin filters", async () => {
    const a = await selectSample({ seed: "a", size: 6 });
    const b = await selectSample({ seed: "b", size: 6 });
    expect(a.deals.map((d) => d.reference)).toEqual(expectedSample("a", 6, () => true));
    expect(b.deals.map((d) => d.reference)).toEqual(expectedSample("b", 6, () => true));
    const signed = await selectSample({ seed: "a", size: 10, state: "SIGNED", origin: "EOI" });
    expect(signed.deals.map((d) => d.reference)).toEqual(
      expectedSample("a", 10, (d) => d.state === "SIGNED" && d.origin === "EOI"),
    );
    expect(signed.population).toBe(3);
    // Deals started today are in today's period; none in a period of the past.
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect((await selectSample({ seed: "a", size: 3, from: today, to: today })).population).toBe(deals.length);
    expect((await selectSample({ seed: "a", size: 3, from: "2020-01-01", to: "2020-12-31" })).deals).toEqual([]);
  });

  it("records the draw as an audit event of the auditor", async () => {
    const sample = await drawSample(auditor, ctx(), { seed: "recorded", size: 2 });
    const event = await db.auditEvent.findFirst({ where: { action: "audit.sample" }, orderBy: { seq: "desc" } });
    expect(event).toMatchObject({
      actorId: auditor.id,
      actorRole: "AUDITOR",
      entityType: "audit_sample",
      entityId: "recorded",
    });
    expect(event?.after).toMatchObject({ seed: "recorded", size: 2, references: sample.deals.map((d) => d.reference) });
  });
});

describe("the sample's archive", () => {
  it("holds a manifest whose hashes match its files, its own hash beside it, and each deal's records", async () => {
    const input: SampleInput = { seed: "zip", size: 12, state: "SIGNED" };
    const headBefore = await db.auditEvent.findFirst({ orderBy: { seq: "desc" } });
    const archive = await buildSampleArchive(auditor, ctx(), input, new Date("2026-11-20T03:00:00Z"));
    const files = unzipSync(archive.bytes);
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as {
      seed: string;
      filters: Record<string, unknown>;
      generatedAt: string;
      references: string[];
      chainHead: { seq: string; hash: string };
      files: { path: string; sha256: string; bytes: number }[];
    };
    expect(strFromU8(files["manifest.sha256"]!)).toBe(`${sha256(files["manifest.json"]!)}  manifest.json\n`);
    expect(archive.manifestSha256).toBe(sha256(files["manifest.json"]!));
    expect(manifest).toMatchObject({
      seed: "zip",
      filters: { state: "SIGNED", origin: null, from: null, to: null },
      generatedAt: "2026-11-20T03:00:00.000Z",
      chainHead: { seq: String(headBefore!.seq), hash: headBefore!.hash },
    });
    // Every file but the manifest and its hash is listed, with the right hash and size.
    expect(manifest.files.map((f) => f.path).sort()).toEqual(
      Object.keys(files)
        .filter((p) => !p.startsWith("manifest."))
        .sort(),
    );
    for (const file of manifest.files) {
      expect(sha256(files[file.path]!)).toBe(file.sha256);
      expect(files[file.path]!.length).toBe(file.bytes);
    }
    const signed = deals.filter((d) => d.state === "SIGNED");
    expect(manifest.references).toEqual(expectedSample("zip", 12, (d) => d.state === "SIGNED"));
    const dealsJson = JSON.parse(strFromU8(files["deals.json"]!)) as {
      id: string;
      reference: string;
      contractVersions: { version: number; contentSha256: string }[];
      documents: { sha256: string }[];
    }[];
    expect(dealsJson).toHaveLength(signed.length);
    for (const deal of dealsJson) {
      expect(deal.contractVersions.map((c) => c.contentSha256)).toEqual([
        sha256(`${deal.id}:1`),
        sha256(`${deal.id}:2`),
      ]);
      expect(deal.documents.map((d) => d.sha256)).toEqual([sha256(`scan:${deal.id}`)]);
      const events = JSON.parse(strFromU8(files[`events/${deal.reference}.json`]!)) as {
        action: string;
        hash: string;
      }[];
      expect(events.map((e) => e.action)).toEqual(["deal.start"]);
      expect(events[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    const csv = strFromU8(files["deals.csv"]!).trim().split("\r\n");
    expect(csv[0]).toMatch(/^reference,origin,state,/);
    expect(csv).toHaveLength(signed.length + 1);
    const hashes = strFromU8(files["hashes.csv"]!);
    for (const deal of dealsJson)
      expect(hashes).toContain(`${deal.reference},document,1,hop-dong-da-ky.pdf,${sha256(`scan:${deal.id}`)}`);

    const event = await db.auditEvent.findFirst({ where: { action: "audit.export" }, orderBy: { seq: "desc" } });
    expect(event).toMatchObject({ actorId: auditor.id, entityType: "audit_sample", entityId: "zip" });
    expect(event?.after).toMatchObject({ manifestSha256: archive.manifestSha256 });
  });

  it("is downloaded by the auditor from the route, with the manifest's hash in a header", async () => {
    session.user = auditor;
    const response = await GET(new Request("http://localhost/api/admin/audit/archive?seed=route&size=3"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-sample-.*-route\.zip"$/);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(response.headers.get("x-manifest-sha256")).toBe(sha256(files["manifest.json"]!));
    expect((await GET(new Request("http://localhost/api/admin/audit/archive?seed=bad%20seed&size=3"))).status).toBe(
      400,
    );
  });
});

describe("authorization", () => {
  it("refuses the sample and the archive to every role but the auditor, and to anonymous users", async () => {
    const before = await db.auditEvent.count();
    for (const roles of [
      ["PROVIDER"],
      ["SEEKER"],
      ["INTERMEDIARY"],
      ["OFFICER"],
      ["OPERATOR"],
      ["ADMIN"],
    ] as Role[][]) {
      const user: Principal = { id: auditor.id, roles, organizationId: null };
      await expect(drawSample(user, ctx(), { seed: "x", size: 1 })).rejects.toMatchObject({ code: "forbidden" });
      await expect(buildSampleArchive(user, ctx(), { seed: "x", size: 1 })).rejects.toMatchObject({
        code: "forbidden",
      });
      session.user = { ...auditor, roles };
      expect((await GET(new Request("http://localhost/api/admin/audit/archive?seed=x&size=1"))).status).toBe(404);
    }
    await expect(drawSample(null, ctx(), { seed: "x", size: 1 })).rejects.toMatchObject({ code: "unauthenticated" });
    session.user = null;
    expect((await GET(new Request("http://localhost/api/admin/audit/archive?seed=x&size=1"))).status).toBe(404);
    expect(await db.auditEvent.count()).toBe(before);
  });

  it("answers 400, not 500, to a day that does not exist or lies outside the calendar", async () => {
    // Regression (review): a regex-valid but impossible day reached the period code and threw.
    session.user = auditor;
    for (const query of ["from=2025-02-30", "to=1900-01-01", "from=2026-13-01"]) {
      const response = await GET(new Request(`http://localhost/api/admin/audit/archive?seed=x&size=1&${query}`));
      expect(response.status, query).toBe(400);
    }
    session.user = null;
  });
});
