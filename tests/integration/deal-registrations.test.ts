/**
 * Issue 12 item 5: filing a signed contract's registration, the officers' decisions and queue, the
 * deal moving to performance on certification, and the 60/80/88-day reminders.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "@/lib/audit/context";
import type { Principal } from "@/lib/authz";
import { db } from "@/lib/db";
import { startDeal } from "@/lib/deals/mutations";
import { registrationFee } from "@/lib/deals/registration";
import {
  addRegistrationPapers,
  decideRegistration,
  fileRegistration,
  registrationQueue,
  sendRegistrationReminders,
} from "@/lib/deals/registrations";
import { FULL_CONTENT } from "../fixtures/contracts/full-contract";
import { buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";
import { codeOf, signedDeal } from "../support/deals";

const ctx = systemContext("test:registrations");
let provider: Principal;
let seeker: Principal;
let officer: Principal;
let auditor: Principal;
let providerOrg: string;
const DAY = 24 * 60 * 60 * 1000;
const dossier = {
  applicant: "Công ty Dệt nhuộm Thử",
  address: "Khu công nghiệp Quất Động, Hà Nội",
  representative: "Trần Văn Đức",
  contact: "024 3333 4444",
};

const signed = (stateFunded = true) => signedDeal(ctx, { provider, seeker }, stateFunded);

beforeAll(async () => {
  await ensureTaxonomy(db);
  const uni = await createOrganization(db, { type: "UNIVERSITY" });
  const business = await createOrganization(db, { type: "ENTERPRISE" });
  providerOrg = uni.id;
  provider = await createUser(db, { roles: ["PROVIDER"], organizationId: uni.id });
  seeker = await createUser(db, { roles: ["SEEKER"], organizationId: business.id });
  officer = await createUser(db, { roles: ["OFFICER"] });
  auditor = await createUser(db, { roles: ["AUDITOR"] });
});

describe("registration", () => {
  it("is filed, completed with papers, certified; the deal moves to performance", async () => {
    const reference = await signed();
    const deal = await db.deal.findUniqueOrThrow({ where: { reference } });
    expect(deal).toMatchObject({ state: "SIGNED", registrationMandatory: true });

    const { id, fee } = await fileRegistration(ctx, seeker, reference, dossier);
    expect(fee).toBe(registrationFee(FULL_CONTENT.value!));
    expect((await db.deal.findUniqueOrThrow({ where: { reference } })).state).toBe("REGISTRATION");
    expect(await codeOf(fileRegistration(ctx, provider, reference, dossier))).toBe("invalid_state:registration_open");
    expect(await db.notification.count({ where: { userId: officer.id, type: "registration.filed" } })).toBeGreaterThan(
      0,
    );

    const queued = (await registrationQueue(auditor)).find((r) => r.id === id);
    expect(queued).toMatchObject({ state: "FILED", mandatory: true, reference });
    expect(queued?.deadline?.kind).toBe("papers");

    expect(await codeOf(decideRegistration(ctx, auditor, id, { event: "certify", certificateNumber: "1/GCN" }))).toBe(
      "forbidden:forbidden",
    );
    await decideRegistration(ctx, officer, id, {
      event: "request_papers",
      note: "Bổ sung bản sao hợp đồng có dấu giáp lai.",
    });
    expect(await codeOf(decideRegistration(ctx, officer, id, { event: "certify", certificateNumber: "1/GCN" }))).toBe(
      "invalid_state:invalid_state",
    );
    await addRegistrationPapers(ctx, seeker, reference, "Đã bổ sung bản sao có dấu giáp lai.");
    const certificate = `${Date.now() % 100000}/GCN-SKHCN`;
    await decideRegistration(ctx, officer, id, { event: "certify", certificateNumber: certificate });

    const after = await db.deal.findUniqueOrThrow({ where: { reference } });
    expect(after.state).toBe("IN_PERFORMANCE");
    const registration = await db.registration.findUniqueOrThrow({ where: { id } });
    expect(registration).toMatchObject({ state: "CERTIFIED", certificateNumber: certificate, decidedById: officer.id });
    expect(registration.papersAddedAt).not.toBeNull();

    // The same certificate number cannot certify another contract.
    const other = await signed();
    const second = await fileRegistration(ctx, provider, other, dossier);
    expect(
      await codeOf(decideRegistration(ctx, officer, second.id, { event: "certify", certificateNumber: certificate })),
    ).toBe("validation:certificate_taken");
    await decideRegistration(ctx, officer, second.id, { event: "refuse", reason: "Hợp đồng thiếu chữ ký trang 3." });
    // Refused: the parties may file again.
    expect(await codeOf(fileRegistration(ctx, provider, other, dossier))).toBe("ok");
  });

  it("someone outside the deal cannot file, and a contract not signed cannot be registered", async () => {
    const outsider = await createUser(db, { roles: ["SEEKER"], organizationId: (await createOrganization(db)).id });
    const reference = await signed();
    expect(await codeOf(fileRegistration(ctx, outsider, reference, dossier))).toBe("not_found:not_found");
    const offer = await db.offer.create({ data: buildOffer(providerOrg, provider.id) });
    const open = await startDeal(ctx, seeker, {
      kind: "interest",
      offerId: offer.id,
      message: "Xin chào.",
      intendedUse: "Thử.",
    });
    expect(await codeOf(fileRegistration(ctx, seeker, open.reference, dossier))).toBe("invalid_state:not_signed");
  });
});

describe("reminders to file", () => {
  it("come on days 60, 80 and 88 after signing, each once, for a mandatory registration not filed", async () => {
    const reference = await signed();
    const signedAt = new Date(Date.now() - 61 * DAY);
    await db.deal.update({ where: { reference }, data: { signedAt } });
    const notices = () => db.notification.count({ where: { userId: seeker.id, type: "deal.registration_reminder" } });
    const before = await notices();
    await sendRegistrationReminders();
    expect(await notices()).toBe(before + 1);
    await sendRegistrationReminders();
    expect(await notices()).toBe(before + 1);
    await sendRegistrationReminders(new Date(signedAt.getTime() + 81 * DAY));
    expect(await notices()).toBe(before + 2);
    expect((await db.deal.findUniqueOrThrow({ where: { reference } })).registrationReminders).toEqual([60, 80]);
  });
});
