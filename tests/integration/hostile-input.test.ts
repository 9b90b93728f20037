/**
 * Issue 9 item 10 (listings, catalog, moderation): hostile input answers a field error or a typed
 * error ActionResult, never a 500. PostgreSQL refuses NUL in text (22021), so NUL must be stopped at
 * the boundary; server actions must survive wrong-typed arguments.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  createListingAction,
  deleteAttachmentAction,
  transitionAction,
  updateListingAction,
} from "@/app/[locale]/(account)/account/listing-actions";
import { decideListingAction } from "@/app/[locale]/(admin)/admin/moderation/actions";
import { GET as demandsGET } from "@/app/api/v1/demands/route";
import { GET as offersGET } from "@/app/api/v1/offers/route";
import { GET as suggestGET } from "@/app/api/v1/suggest/route";
import { systemContext } from "@/lib/audit/context";
import type { Principal } from "@/lib/authz";
import { demandCatalog, offerCatalog } from "@/lib/catalog/catalog";
import { publishedDemandBySlug, publishedOfferBySlug } from "@/lib/catalog/details";
import { organizationProfile } from "@/lib/catalog/organizations";
import { db } from "@/lib/db";
import { DemandInputSchema } from "@/lib/listings/demand-schema";
import { formToObject } from "@/lib/forms";
import { createListing, moderateListing, ownerTransition } from "@/lib/listings/mutations";
import { ModerationReasonSchema } from "@/lib/listings/schemas";
import { OfferInputSchema } from "@/lib/listings/offer-schema";
import { createOrganization, createUser, ensureTaxonomy } from "../factories";
import { offerFormInput } from "../support/offer-input";

// The actions run outside a Next.js request here: the framework's request-bound helpers are replaced
// (the signed-in user is whoever `session.user` names; answers are worded by the real Vietnamese
// catalogs); the lib code and the database are real.
const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock("next/cache", async (original) => (await import("../support/action-mocks")).nextCache(original));
vi.mock("next-intl/server", async () => (await import("../support/action-mocks")).nextIntlServer());
vi.mock("@/lib/i18n/navigation", () => ({
  redirect: ({ href }: { href: string }) => {
    throw Object.assign(new Error(`NEXT_REDIRECT ${href}`), { digest: `NEXT_REDIRECT;replace;${href};307;` });
  },
}));
vi.mock("@/lib/auth/session", async () => (await import("../support/action-mocks")).authSession(session));

const ctx = systemContext("test:hostile");
let provider: Principal;
let operator: Principal;
const UUID = "7f1c2d7e-8a41-4e0b-9f55-3c2d1e0a9b77";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};

beforeAll(async () => {
  await ensureTaxonomy(db);
  const org = await createOrganization(db, { type: "UNIVERSITY" });
  provider = await createUser(db, { roles: ["PROVIDER"], organizationId: org.id });
  operator = await createUser(db, { roles: ["OPERATOR"] });
});

describe("NUL and control characters", () => {
  it("rejects NUL and control characters in keywords with a field error", () => {
    for (const keywords of ["sấy\u0000khô, bơm nhiệt", "sấy\u0007, bơm", "sấy\u0085khô"]) {
      const parsed = OfferInputSchema.safeParse(offerFormInput({ keywords }));
      expect(parsed.success, JSON.stringify(keywords)).toBe(false);
      expect(parsed.error!.issues.map((i) => i.path[0])).toContain("keywords");
    }
    const demand = DemandInputSchema.safeParse({ keywords: "nước\u0000thải" });
    expect(demand.error!.issues.some((i) => i.path[0] === "keywords" && i.message === "invisible_characters")).toBe(
      true,
    );
  });

  it("strips bidi overrides and zero-width characters from keywords", () => {
    const parsed = OfferInputSchema.parse(
      offerFormInput({ keywords: "\u202esấy\u202c, bơm\u200b nhiệt, \ufeffnông\u200d sản\u2066" }),
    );
    expect(parsed.keywords).toEqual(["sấy", "bơm nhiệt", "nông sản"]);
  });

  it("rejects C1 control characters in text fields too", () => {
    const parsed = OfferInputSchema.safeParse(offerFormInput({ titleVi: "Công nghệ sấy\u0085 nông sản" }));
    expect(parsed.error!.issues.map((i) => i.path[0])).toContain("titleVi");
  });

  it("refuses a moderation reason with NUL as a validation error, before the database sees it", async () => {
    const offer = await createListing(ctx, provider, "offer", OfferInputSchema.parse(offerFormInput()));
    await ownerTransition(ctx, provider, "offer", offer.id, "submit");
    await expect(
      moderateListing(ctx, operator, "offer", offer.id, "reject", "Thiếu hồ sơ\u0000"),
    ).rejects.toMatchObject({ code: "validation" });
    expect((await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("SUBMITTED");
    expect(ModerationReasonSchema.safeParse("Thiếu\u0000 hồ sơ").success).toBe(false);
    expect(ModerationReasonSchema.parse("  Thiếu hồ sơ  ")).toBe("Thiếu hồ sơ");
  });

  it("answers the moderation action's NUL reason with a field error", async () => {
    const result = await decideListingAction(
      { ok: true },
      form({ kind: "offer", id: UUID, decision: "reject", reason: "a\u0000b" }),
    );
    expect(result).toMatchObject({
      ok: false,
      code: "validation",
      fieldCodes: { reason: ["invisible_characters"] },
      fieldErrors: { reason: ["Lý do có ký tự ẩn hoặc ký tự điều khiển không được phép."] },
    });
  });
});

describe("wrong-typed server action arguments", () => {
  const hostile: unknown[] = [42, null, undefined, "text", { kind: "offer" }, [1, 2], new Map()];

  it("formToObject accepts anything and returns a plain object", () => {
    for (const value of hostile) expect(formToObject(value as FormData)).toEqual({});
    expect(formToObject(42 as unknown as FormData, ["transferForms"])).toEqual({ transferForms: [] });
  });

  it("the moderation action answers a typed error to anything but its form", async () => {
    for (const value of hostile) {
      const result = await decideListingAction({ ok: true }, value as FormData);
      expect(result.ok, String(value)).toBe(false);
    }
    const bad = [
      { kind: "deal", id: UUID, decision: "approve" },
      { kind: "offer", id: "../../etc", decision: "approve" },
      { kind: "offer", id: UUID, decision: "delete" },
    ];
    for (const entries of bad)
      expect(await decideListingAction({ ok: true }, form(entries))).toMatchObject({ ok: false });
  });

  it("the listing actions answer a typed error to an unknown kind, a non-uuid id or a non-form", async () => {
    const refused = { ok: false, code: "invalid_input" };
    expect(await createListingAction("deal" as "offer", { ok: true }, new FormData())).toMatchObject(refused);
    expect(await createListingAction("offer", { ok: true }, 42 as unknown as FormData)).toMatchObject(refused);
    expect(
      await updateListingAction({ kind: "offer" } as unknown as "offer", UUID, { ok: true }, new FormData()),
    ).toMatchObject(refused);
    expect(await updateListingAction("offer", "1 OR 1=1", { ok: true }, new FormData())).toMatchObject(refused);
    expect(await updateListingAction("offer", UUID, { ok: true }, "x" as unknown as FormData)).toMatchObject(refused);
    expect(await transitionAction("offer", 42 as unknown as string, "submit")).toMatchObject(refused);
    expect(await transitionAction("demand", UUID, { toString: () => "submit" } as unknown as string)).toMatchObject(
      refused,
    );
    expect(await transitionAction("offer", UUID, "explode")).toMatchObject(refused);
    expect(await deleteAttachmentAction("offer", UUID, "not-a-uuid")).toMatchObject(refused);
    expect(await deleteAttachmentAction(7 as unknown as "offer", UUID, UUID)).toMatchObject(refused);
    // The refusal is worded for the user, in the workspace's words.
    expect(await transitionAction("offer", UUID, "explode")).toMatchObject({
      formError: "Dữ liệu gửi lên không hợp lệ. Hãy tải lại trang rồi thử lại.",
    });
  });

  it("the listing actions answer a signed-out caller with a typed error, after checking the form", async () => {
    session.user = null;
    expect(await createListingAction("offer", { ok: true }, new FormData())).toMatchObject({
      ok: false,
      code: "validation",
    });
    const valid = new FormData();
    for (const [key, value] of Object.entries(offerFormInput()))
      for (const v of [value].flat()) valid.append(key, String(v));
    expect(await createListingAction("offer", { ok: true }, valid)).toMatchObject({
      ok: false,
      code: "unauthenticated",
      formError: "Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.",
    });
  });
});

describe("catalog and API input", () => {
  it("answers NUL and control characters in q and slugs without a database error", async () => {
    for (const q of ["s\u0000y", "\u0000", "sấy\u0007"]) {
      const offers = await offersGET(new Request(`http://localhost/api/v1/offers?q=${encodeURIComponent(q)}`));
      // The API names the bad parameter; pages drop it with a notice (parseLenient).
      expect(offers.status).toBe(400);
      expect((await offers.json()).issues[0].path).toBe("q");
      const demands = await demandsGET(
        new Request(`http://localhost/api/v1/demands?q=${encodeURIComponent(q)}&orgType=ENTERPRISE`),
      );
      expect(demands.status).toBe(400);
      const suggestions = await suggestGET(new Request(`http://localhost/api/v1/suggest?q=${encodeURIComponent(q)}`));
      expect([200, 400]).toContain(suggestions.status);
      expect((await offerCatalog({ q })).issues.map((i) => i.path)).toContain("q");
      await expect(demandCatalog({ q })).resolves.toBeDefined();
    }
    expect(await publishedOfferBySlug("a\u0000b")).toBeNull();
    expect(await publishedDemandBySlug("a\u0000b")).toBeNull();
    expect(await organizationProfile("a\u0000b")).toBeNull();
  });
});
