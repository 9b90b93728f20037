/**
 * Issue 13: "the auditor cannot change anything anywhere (every mutation tried)". On the demo
 * exchange (tests/support/auditor-world.ts: every listing, deal, contract and registration state),
 * the auditor signs in through the real next-auth route and tries every mutation the app has:
 *  - every export of every "use server" file under app/ and lib/, found by scanning the source,
 *    each called with well-formed arguments aimed at a real row (a new action or file fails the
 *    first test until a call is written for it below; no action needed to be left out);
 *  - every route handler under app/ exporting POST, PUT, PATCH or DELETE (found by reading them).
 * Each must be refused properly (an action's `forbidden` / `not_found`, a route's 403 / 404; no
 * throw, no 500, nothing logged), and afterwards a fingerprint of every table (row count and MD5 of
 * the ordered rows; tests/support/auditor-fingerprint.ts) must equal the one before, but for the
 * auditor's own access events in the audit log and the checkpoint each chain verification records
 * (`auditorAccess`, `withVerifications`).
 *
 * Then, each in its own test: the public actions and routes (sign-up, password links, the search
 * beacon) do for the auditor exactly what they do for a signed-out visitor; the auditor's own inbox
 * and sign-in/sign-out change only the auditor's rows; a control shows the harness sees the change
 * the same calls make for the roles allowed to make them; and, with every permission lent to the
 * auditor for one run, the same calls do their work — so every refusal was the permission's, not
 * the arguments'.
 *
 * Only the request is made up (tests/support/auditor-browser.ts: headers and cookies), plus the
 * framework helpers that need Next's server (revalidatePath, the request's translator, next-intl's
 * redirect); the session, the permission checks, the lib code and the database are the real ones.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as inviteActions from "@/app/[locale]/(auth)/invite/actions";
import * as forgotActions from "@/app/[locale]/(auth)/forgot-password/actions";
import * as registerActions from "@/app/[locale]/(auth)/register/actions";
import * as resetActions from "@/app/[locale]/(auth)/reset-password/actions";
import * as verifyActions from "@/app/[locale]/(auth)/verify-email/actions";
import * as listingActions from "@/app/[locale]/(account)/account/listing-actions";
import * as dealActions from "@/app/[locale]/(account)/account/deals/actions";
import * as matchActions from "@/app/[locale]/(account)/account/matches/actions";
import * as notificationActions from "@/app/[locale]/(account)/account/notifications/actions";
import * as savedSearchActions from "@/app/[locale]/(account)/account/saved-searches/actions";
import * as settingsActions from "@/app/[locale]/(account)/account/settings/actions";
import * as expertActions from "@/app/[locale]/(account)/account/experts/[slug]/contact/actions";
import * as organizationActions from "@/app/[locale]/(account)/account/organization/actions";
import * as memberActions from "@/app/[locale]/(account)/account/organization/members/actions";
import * as adminActions from "@/app/[locale]/(admin)/admin/actions";
import * as userActions from "@/app/[locale]/(admin)/admin/users/actions";
import * as moderationActions from "@/app/[locale]/(admin)/admin/moderation/actions";
import * as screeningActions from "@/app/[locale]/(admin)/admin/screening/actions";
import * as registrationActions from "@/app/[locale]/(admin)/admin/registrations/actions";
import * as performanceActions from "@/app/[locale]/(admin)/admin/performance/actions";
import * as orgAdminActions from "@/app/[locale]/(admin)/admin/organizations/actions";
import * as taxonomyActions from "@/app/[locale]/(admin)/admin/taxonomy/actions";
import * as thesaurusActions from "@/app/[locale]/(admin)/admin/thesaurus/actions";
import * as searchInsightActions from "@/app/[locale]/(admin)/admin/search-insights/actions";
import { appendAudit } from "@/lib/audit/mutations";
import { PERMISSIONS } from "@/lib/authz";
import { issueUserToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import type { ContractContent } from "@/lib/deals/contract";
import { COMPUTED_METRICS } from "@/lib/kpi/catalogue";
import type { Role } from "@/lib/generated/prisma/enums";
import { formValues } from "@/lib/listings/form-options";
import { notify } from "@/lib/notifications/mutations";
import { authPost, Browser, patchNextHeaders, send, SESSION_COOKIE, signIn, actAs } from "../support/auditor-browser";
import { changedTables, fingerprint, rowDelta, type Exclusions } from "../support/auditor-fingerprint";
import { buildWorld, type World } from "../support/auditor-world";
import { CONTENT_TYPE, multipart } from "../support/multipart";
import { offerFormInput } from "../support/offer-input";
import { createUser, DEMO_PASSWORD } from "../factories";

vi.hoisted(() => {
  process.env.NEXTAUTH_URL ??= "http://localhost:3000";
});
// How many times an action asked who the user is (a public action never does).
const sessionReads = vi.hoisted(() => ({ count: 0 }));
vi.mock("next/cache", async (original) => (await import("../support/action-mocks")).nextCache(original));
vi.mock("next-intl/server", async () => (await import("../support/action-mocks")).nextIntlServer());
vi.mock("next/headers", async () => (await import("../support/auditor-browser")).nextHeaders());
// next-intl's navigation cannot load outside Next's bundler; its redirect throws Next's signal, as the real one.
vi.mock("@/lib/i18n/navigation", () => ({
  redirect: ({ href }: { href: unknown }) => {
    throw Object.assign(new Error(`NEXT_REDIRECT ${JSON.stringify(href)}`), {
      digest: `NEXT_REDIRECT;replace;${JSON.stringify(href)};307;`,
    });
  },
}));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/session")>();
  return {
    ...real,
    getCurrentUser: async () => {
      sessionReads.count++;
      return real.getCurrentUser();
    },
  };
});

const ROOT = path.resolve(import.meta.dirname, "../..");
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

// ─── What the source has ─────────────────────────────────────────────────────

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ["node_modules", "generated"].includes(entry.name) ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** A "use server" directive opening the file (after comments), which makes every export an action. */
const FILE_DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;
const ANY_DIRECTIVE = /["']use server["']/;

const sources = [...sourceFiles(path.join(ROOT, "app")), ...sourceFiles(path.join(ROOT, "lib"))];
const actionFiles = sources.filter((f) => FILE_DIRECTIVE.test(fs.readFileSync(f, "utf8")));
const routeFiles = sourceFiles(path.join(ROOT, "app")).filter((f) => /[\\/]route\.(ts|tsx|js)$/.test(f));
const MUTATING = /^(POST|PUT|PATCH|DELETE)$/;

/**
 * The POST/PUT/PATCH/DELETE a route file exports, read from its source (declared, or re-exported
 * by name as next-auth's route does); null when it re-exports `*` and the source cannot tell.
 */
function mutatingMethods(source: string): string[] | null {
  if (/export\s*\*/.test(source)) return null;
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function\*?|const|let|var)\s+([A-Z]+)\b/g))
    if (MUTATING.test(m[1]!)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g))
    for (const part of m[1]!.split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .at(-1)!;
      if (MUTATING.test(name)) found.add(name);
    }
  return [...found].sort();
}

// ─── How each action is called ───────────────────────────────────────────────

type Result = { ok: boolean; code?: string } | undefined;

/**
 * What a call must answer:
 * - "refused" (the default): `{ ok: false }` with code `forbidden` or `not_found`. The wrapper
 *   (lib/actions.ts) parses the arguments and the form before it checks the permission, so a
 *   `forbidden` also proves the call was well-formed; `validation` / `invalid_input` fail the test.
 * - "plain": a plain form action that answers nothing (the fingerprint shows what it did);
 * - `{ code, why }`: another typed refusal, and why it is the right answer;
 * - "auditor-write": allowed to the auditor (`withVerifications` says what it may write).
 */
type Expect = "refused" | "plain" | "auditor-write" | { code: string; why: string };

interface Attempt {
  label: string;
  call: () => Promise<unknown>;
  expect?: Expect;
}

const PREV = { ok: true } as const;
const REFUSALS = ["forbidden", "not_found"];

function form(fields: Record<string, string | number | bigint | boolean | readonly string[] | undefined | null>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) data.append(key, String(v));
  }
  return data;
}

/** A stored contract as the contract form posts it ("milestones.0.title", checkbox lists). */
function contractForm(content: ContractContent): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(content)) {
    if (value === undefined) continue;
    if (key === "milestones" || key === "supportObligations") {
      (value as Record<string, unknown>[]).forEach((row, i) => {
        for (const [field, v] of Object.entries(row))
          if (v !== undefined) data.append(`${key}.${i}.${field}`, String(v));
      });
    } else if (Array.isArray(value)) for (const v of value) data.append(key, String(v));
    else data.append(key, String(value));
  }
  return data;
}

const demandForm = () =>
  form({
    titleVi: "Cần công nghệ xử lý bùn thải từ trạm xử lý nước thải",
    summaryVi: "Nhà máy cần xử lý bùn thải sau xử lý nước thải, khoảng 2 tấn mỗi ngày.",
    description:
      "Nhà máy chế biến thực phẩm cần công nghệ làm khô và ổn định bùn thải, giảm khối lượng phải chôn lấp, chi phí vận hành hợp lý.",
    sectorCode: "207",
    keywords: "bùn thải, làm khô bùn",
    trlMin: "6",
    budgetMin: "300000000",
    budgetMax: "900000000",
    location: "HN-CAUGIAY",
    preferredForms: ["STANDALONE"],
  });

/** The same inputs serve the auditor's attempt and the control (the roles allowed to make them). */
const inputs = {
  target: () =>
    form({ metric: COMPUTED_METRICS[0]!, period: String(new Date().getFullYear()), target: "12", comparator: "gte" }),
  roles: (w: World) => form({ userId: w.staff.id, roles: ["OFFICER"] }),
  flagAnswer: () => form({ answer: "Đơn vị vận hành đã kiểm tra, hồ sơ đầy đủ." }),
  upload: (w: World) => `for=offer&id=${w.offers.draft.id}&kind=DOCUMENT`,
};

/** Every export of every "use server" file, by file, with the calls that try it. */
function actionCalls(w: World): Record<string, Record<string, (() => Attempt[]) | { public: string }>> {
  const { people } = w;
  const attempt = (label: string, call: () => Promise<unknown>, expect?: Expect): Attempt => ({ label, call, expect });
  const deal = w.deals;
  const profile = formValues(w.legalChangeOrg as unknown as Record<string, unknown>);
  return {
    "app/[locale]/(auth)/forgot-password/actions.ts": {
      forgotPasswordAction: { public: "forgot password: answers the same to everyone, signed in or not" },
    },
    "app/[locale]/(auth)/register/actions.ts": {
      registerAction: { public: "sign-up: open to every visitor" },
      searchOrganizationsAction: { public: "organization names for the sign-up form (a read)" },
    },
    "app/[locale]/(auth)/reset-password/actions.ts": {
      resetPasswordAction: { public: "the holder of an e-mailed reset link sets a password" },
    },
    "app/[locale]/(auth)/verify-email/actions.ts": {
      verifyEmailAction: { public: "the holder of an e-mailed link confirms an address" },
      resendVerificationAction: () => [
        attempt("send myself a new verification link", () => verifyActions.resendVerificationAction(), {
          code: "already_verified",
          why: "personal: it only ever acts on the caller's own, unconfirmed address; the auditor's is confirmed",
        }),
      ],
    },
    "app/[locale]/(auth)/invite/actions.ts": {
      acceptInviteAction: () => [
        attempt("accept the invitation an organization sent to the auditor's address", () =>
          inviteActions.acceptInviteAction(PREV, form({ token: w.invite.token })),
        ),
      ],
    },
    "app/[locale]/(account)/account/listing-actions.ts": {
      createListingAction: () => [
        attempt("create an offer", () =>
          listingActions.createListingAction("offer", PREV, form(offerFormInput() as never)),
        ),
        attempt("create a demand", () => listingActions.createListingAction("demand", PREV, demandForm())),
      ],
      updateListingAction: () => [
        attempt("edit a draft offer", () =>
          listingActions.updateListingAction("offer", w.offers.draft.id, PREV, form(formValues(w.offers.draft))),
        ),
        attempt("revise a published offer", () =>
          listingActions.updateListingAction(
            "offer",
            w.offers.published.id,
            PREV,
            form(formValues(w.offers.published)),
          ),
        ),
        attempt("edit a draft demand", () =>
          listingActions.updateListingAction("demand", w.demands.draft.id, PREV, form(formValues(w.demands.draft))),
        ),
      ],
      transitionAction: () => [
        attempt("submit a draft offer", () => listingActions.transitionAction("offer", w.offers.draft.id, "submit")),
        attempt("recall a submitted offer", () =>
          listingActions.transitionAction("offer", w.offers.submitted.id, "recall"),
        ),
        attempt("withdraw a published offer", () =>
          listingActions.transitionAction("offer", w.offers.published.id, "withdraw"),
        ),
        attempt("renew an expired offer", () => listingActions.transitionAction("offer", w.offers.expired.id, "renew")),
        attempt("submit a draft demand", () => listingActions.transitionAction("demand", w.demands.draft.id, "submit")),
        attempt("recall a submitted demand", () =>
          listingActions.transitionAction("demand", w.demands.submitted.id, "recall"),
        ),
        attempt("withdraw a published demand", () =>
          listingActions.transitionAction("demand", w.demands.published.id, "withdraw"),
        ),
      ],
      deleteAttachmentAction: () => [
        attempt("delete a draft offer's attachment", () =>
          listingActions.deleteAttachmentAction("offer", w.offers.draft.id, attachmentId),
        ),
      ],
    },
    "app/[locale]/(account)/account/deals/actions.ts": {
      startDealAction: () => [
        attempt("send an expression of interest", () =>
          dealActions.startDealAction(
            PREV,
            form({
              kind: "interest",
              offerId: w.offers.published.id,
              message: "Chúng tôi quan tâm đến công nghệ này cho nhà máy ở Đông Anh.",
              intendedUse: "Áp dụng cho dây chuyền mới.",
              budget: "500000000",
              timeline: "Quý 3 năm sau",
            }),
          ),
        ),
        attempt("propose an offer for a demand", () =>
          dealActions.startDealAction(
            PREV,
            form({
              kind: "proposal",
              offerId: w.offers.published.id,
              demandId: w.demands.published.id,
              message: "Công nghệ của chúng tôi đáp ứng nhu cầu này.",
              intendedUse: "Đáp ứng nhu cầu đã đăng.",
            }),
          ),
        ),
      ],
      dealStepAction: () => {
        const step = (label: string, fields: Record<string, string>) =>
          attempt(label, () => dealActions.dealStepAction(PREV, form(fields)));
        return [
          step("accept an expression of interest", { reference: deal.sent.reference, event: "accept" }),
          step("decline an expression of interest", {
            reference: deal.sent.reference,
            event: "decline",
            reason: "Không phù hợp.",
          }),
          step("withdraw an expression of interest", { reference: deal.sent.reference, event: "withdraw" }),
          step("cancel a negotiation", { reference: deal.negotiating.reference, event: "cancel", reason: "Dừng." }),
          step("require an NDA", {
            reference: deal.drafted.reference,
            event: "require_nda",
            text: "Hai bên cam kết giữ bí mật mọi thông tin kỹ thuật trao đổi trên Sàn.",
          }),
          step("accept an NDA", { reference: deal.negotiating.reference, event: "accept_nda", sha256: w.ndaSha256 }),
          step("start performance", { reference: deal.signed.reference, event: "start_performance" }),
          step("complete a deal", { reference: deal.performing.reference, event: "complete" }),
          step("terminate a deal", {
            reference: deal.performing.reference,
            event: "terminate",
            reason: "Vi phạm hợp đồng.",
          }),
        ];
      },
      postMessageAction: () => [
        attempt("post a message in a negotiation", () =>
          dealActions.postMessageAction(
            PREV,
            form({ reference: deal.negotiating.reference, body: "Đề nghị hai bên gửi lại hồ sơ." }),
          ),
        ),
      ],
      saveContractAction: () => [
        attempt("draft the first contract of a negotiation", () =>
          dealActions.saveContractAction(deal.negotiating.reference, 0, PREV, contractForm(w.draftedContent)),
        ),
        attempt("revise a drafted contract", () =>
          dealActions.saveContractAction(
            deal.drafted.reference,
            w.draftedContract.versionNo,
            PREV,
            contractForm(w.draftedContent),
          ),
        ),
      ],
      confirmContractAction: () => [
        attempt("confirm (sign) a drafted contract", () =>
          dealActions.confirmContractAction(
            deal.drafted.reference,
            PREV,
            form({ versionNo: w.draftedContract.versionNo, sha256: w.draftedContract.contentSha256 }),
          ),
        ),
      ],
      takeExpressLicenceAction: () => [
        attempt("take an express licence", () =>
          dealActions.takeExpressLicenceAction(
            PREV,
            form({ offerId: w.offers.fixedPrice.id, intendedUse: "Sản xuất thử nghiệm.", message: "Đồng ý giá." }),
          ),
        ),
      ],
      fileRegistrationAction: () => [
        attempt("file a registration", () =>
          dealActions.fileRegistrationAction(
            deal.signed.reference,
            PREV,
            form({
              applicant: "Công ty Cổ phần Kiểm Thử",
              address: "Số 1 Tràng Tiền, Hà Nội",
              representative: "Vũ Thị Mai",
              contact: "024 3333 5555",
            }),
          ),
        ),
      ],
      addPapersAction: () => [
        attempt("add the papers the Department asked for", () =>
          dealActions.addPapersAction(deal.registration.reference, PREV, form({ note: "Đã bổ sung giấy tờ." })),
        ),
      ],
      markMilestoneAction: () =>
        (["done", "confirm"] as const).map((step) =>
          attempt(`mark a milestone ${step}`, () =>
            dealActions.markMilestoneAction(
              deal.performing.reference,
              PREV,
              form({ milestoneId: w.openMilestone.id, step }),
            ),
          ),
        ),
      rateDealAction: () => [
        attempt("rate a completed deal", () =>
          dealActions.rateDealAction(deal.completed.reference, PREV, form({ stars: "2", comment: "Chậm." })),
        ),
      ],
      inviteParticipantAction: () => [
        attempt("invite an intermediary", () =>
          dealActions.inviteParticipantAction(
            deal.negotiating.reference,
            PREV,
            form({ organizationId: w.otherIntermediary.id }),
          ),
        ),
      ],
      removeParticipantAction: () => [
        attempt("remove an invited intermediary", () =>
          dealActions.removeParticipantAction(deal.negotiating.reference, w.participant.organizationId, PREV, form({})),
        ),
      ],
    },
    "app/[locale]/(account)/account/matches/actions.ts": {
      setMatchStateAction: () => [
        attempt("dismiss a match", () =>
          matchActions.setMatchStateAction(PREV, form({ id: w.match.id, state: "DISMISSED" })),
        ),
      ],
    },
    "app/[locale]/(account)/account/notifications/actions.ts": {
      markReadAction: () => [
        attempt(
          "mark another user's notification read",
          () => notificationActions.markReadAction(form({ id: w.notification.id })),
          "plain",
        ),
      ],
      markAllReadAction: () => [
        attempt("mark all my notifications read", () => notificationActions.markAllReadAction(form({})), "plain"),
      ],
    },
    // The user's own settings (issue #15): open to every signed-in user, staff included, and only ever
    // acting on the caller's own row. Each call is aimed so that it changes nothing: the auditor's
    // own name again, the current password as the new one, the current e-mail choices.
    "app/[locale]/(account)/account/settings/actions.ts": {
      updateNameAction: () => [
        attempt(
          "save my own name unchanged",
          () => settingsActions.updateNameAction(PREV, form({ name: auditorName })),
          "auditor-write",
        ),
      ],
      changePasswordAction: () => [
        attempt(
          "change my own password to the same one",
          () =>
            settingsActions.changePasswordAction(
              PREV,
              form({ currentPassword: DEMO_PASSWORD, password: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD }),
            ),
          {
            code: "password_unchanged",
            why: "personal: only the caller's own password, only with the current one; a change would end only the auditor's own sessions",
          },
        ),
      ],
      updateEmailPreferencesAction: () => [
        attempt(
          "save my own e-mail choices unchanged",
          () => settingsActions.updateEmailPreferencesAction(PREV, form({})),
          "auditor-write",
        ),
      ],
    },
    "app/[locale]/(account)/account/saved-searches/actions.ts": {
      saveSearchAction: () => [
        attempt("save a catalog search", () =>
          savedSearchActions.saveSearchAction({
            kind: "offers",
            q: "màng lọc",
            filters: { trlMin: 5 },
            label: "Màng lọc từ TRL 5",
          }),
        ),
      ],
      createSavedSearchAction: () => [
        attempt("save a search from the form", () =>
          savedSearchActions.createSavedSearchAction(PREV, form({ kind: "demands", q: "bùn thải", sector: "207" })),
        ),
      ],
      deleteSavedSearchAction: () => [
        attempt("delete a seeker's saved search", () =>
          savedSearchActions.deleteSavedSearchAction(PREV, form({ id: savedSearchId })),
        ),
      ],
    },
    "app/[locale]/(account)/account/experts/[slug]/contact/actions.ts": {
      contactExpertAction: () => [
        attempt("ask an expert for advice", () =>
          expertActions.contactExpertAction(
            PREV,
            form({ slug: w.expert.slug, topic: "Tư vấn kỹ thuật", message: "Xin ý kiến về công nghệ xử lý nước." }),
          ),
        ),
      ],
    },
    "app/[locale]/(account)/account/organization/actions.ts": {
      updateOrganizationAction: () => [
        attempt("edit an organization's profile", () =>
          organizationActions.updateOrganizationAction(PREV, form(profile)),
        ),
      ],
      requestVerificationAction: () => [
        attempt("ask for verification", () => organizationActions.requestVerificationAction()),
      ],
      requestMembershipAction: () => [
        attempt("ask to join an organization", () =>
          organizationActions.requestMembershipAction(
            PREV,
            form({ organizationId: people.provider.organizationId, message: "Xin gia nhập." }),
          ),
        ),
      ],
      cancelMembershipRequestAction: () => [
        attempt("withdraw someone's membership request", () =>
          organizationActions.cancelMembershipRequestAction(PREV, form({ id: w.request.id })),
        ),
      ],
    },
    "app/[locale]/(account)/account/organization/members/actions.ts": {
      decideMembershipAction: () => [
        attempt("approve a membership request", () =>
          memberActions.decideMembershipAction(PREV, form({ requestId: w.request.id, decision: "approve" })),
        ),
      ],
      inviteMemberAction: () => [
        attempt("invite a member", () =>
          memberActions.inviteMemberAction(PREV, form({ email: "thanh-vien-moi@demo-test.vn" })),
        ),
      ],
      revokeInviteAction: () => [
        attempt("revoke an invitation", () => memberActions.revokeInviteAction(PREV, form({ id: w.invite.id }))),
      ],
      removeMemberAction: () => [
        attempt("remove a member", () => memberActions.removeMemberAction(PREV, form({ id: w.colleague.id }))),
      ],
      transferAdminAction: () => [
        attempt("hand on an organization's administration", () =>
          memberActions.transferAdminAction(PREV, form({ id: w.colleague.id })),
        ),
      ],
    },
    "app/[locale]/(admin)/admin/actions.ts": {
      verifyChainAction: () => [
        attempt("verify the audit chain", () => adminActions.verifyChainAction(), "auditor-write"),
      ],
    },
    "app/[locale]/(admin)/admin/users/actions.ts": {
      inviteStaffAction: () => [
        attempt("invite a staff member", () =>
          userActions.inviteStaffAction(
            PREV,
            form({ name: "Kiểm Toán Viên Hai", email: "kiem-toan-2@demo-test.vn", roles: ["AUDITOR"], locale: "vi" }),
          ),
        ),
      ],
      updateRolesAction: () => [
        attempt("make myself an administrator", () =>
          userActions.updateRolesAction(PREV, form({ userId: people.auditor.id, roles: ["ADMIN"] })),
        ),
        attempt("change a staff member's roles", () => userActions.updateRolesAction(PREV, inputs.roles(w))),
      ],
      deactivateUserAction: () => [
        attempt("deactivate the administrator", () =>
          userActions.deactivateUserAction(PREV, form({ userId: people.admin.id, reason: "Thử" })),
        ),
      ],
      reactivateUserAction: () => [
        attempt("reactivate a deactivated account", () =>
          userActions.reactivateUserAction(PREV, form({ userId: w.retired.id, reason: "Thử" })),
        ),
      ],
      resetPasswordAction: () => [
        attempt("send an officer a password reset", () =>
          userActions.resetPasswordAction(PREV, form({ userId: people.officer.id })),
        ),
      ],
    },
    "app/[locale]/(admin)/admin/moderation/actions.ts": {
      decideListingAction: () => [
        attempt("approve a submitted offer", () =>
          moderationActions.decideListingAction(
            PREV,
            form({ kind: "offer", id: w.offers.submitted.id, decision: "approve" }),
          ),
        ),
        attempt("reject a submitted demand", () =>
          moderationActions.decideListingAction(
            PREV,
            form({ kind: "demand", id: w.demands.submitted.id, decision: "reject", reason: "Thiếu thông tin." }),
          ),
        ),
      ],
    },
    "app/[locale]/(admin)/admin/screening/actions.ts": {
      createEntryAction: () => [
        attempt("add a screening entry", () =>
          screeningActions.createEntryAction(
            PREV,
            form({ category: "PROHIBITED", name: "Công nghệ thử cấm", sectorCodes: "207", keywords: "chất cấm" }),
          ),
        ),
      ],
      updateEntryAction: () => [
        attempt("edit a screening entry", () =>
          screeningActions.updateEntryAction(
            PREV,
            form({
              id: w.screeningEntry.id,
              updatedAt: w.screeningEntry.updatedAt.toISOString(),
              category: "ENCOURAGED",
              name: w.screeningEntry.name,
              sectorCodes: w.screeningEntry.sectorCodes.join(", "),
              keywords: w.screeningEntry.keywords.join(", "),
              source: w.screeningEntry.source ?? "",
            }),
          ),
        ),
      ],
      deactivateEntryAction: () => [
        attempt("deactivate a screening entry", () =>
          screeningActions.deactivateEntryAction(PREV, form({ id: w.screeningEntry.id })),
        ),
      ],
      reactivateEntryAction: () => [
        attempt("reactivate a screening entry", () =>
          screeningActions.reactivateEntryAction(PREV, form({ id: w.inactiveEntry.id })),
        ),
      ],
      deleteEntryAction: () => [
        attempt("delete a screening entry", () =>
          screeningActions.deleteEntryAction(PREV, form({ id: w.inactiveEntry.id })),
        ),
      ],
    },
    "app/[locale]/(admin)/admin/registrations/actions.ts": {
      decideRegistrationAction: () => [
        attempt("certify a registration", () =>
          registrationActions.decideRegistrationAction(
            w.missingPapers.id,
            PREV,
            form({ event: "certify", certificateNumber: "999/GCN-SKHCN" }),
          ),
        ),
        attempt("ask for papers", () =>
          registrationActions.decideRegistrationAction(
            w.missingPapers.id,
            PREV,
            form({ event: "request_papers", note: "Bổ sung hợp đồng." }),
          ),
        ),
        attempt("refuse a registration", () =>
          registrationActions.decideRegistrationAction(
            w.missingPapers.id,
            PREV,
            form({ event: "refuse", reason: "Không đủ điều kiện." }),
          ),
        ),
      ],
    },
    "app/[locale]/(admin)/admin/performance/actions.ts": {
      setTargetAction: () => [
        attempt("set a KPI target", () => performanceActions.setTargetAction(PREV, inputs.target())),
      ],
      deleteTargetAction: () => [
        attempt("delete a KPI target", () => performanceActions.deleteTargetAction(w.target.id, PREV, form({}))),
      ],
      raiseFlagAction: () => [
        attempt("flag a deal", () =>
          performanceActions.raiseFlagAction(
            PREV,
            form({ entityType: "deal", entityId: deal.negotiating.id, note: "Cần xem lại." }),
          ),
        ),
      ],
      answerFlagAction: () => [
        attempt("answer a flag", () =>
          performanceActions.answerFlagAction(w.openFlag.id, w.openFlag.version, PREV, inputs.flagAnswer()),
        ),
      ],
      flagStepAction: () =>
        (["close", "reopen"] as const).map((event) =>
          attempt(`${event} a flag`, () =>
            performanceActions.flagStepAction(w.answeredFlag.id, w.answeredFlag.version, event, PREV, form({})),
          ),
        ),
    },
    "app/[locale]/(admin)/admin/organizations/actions.ts": {
      decideVerificationAction: () => [
        attempt("verify an organization", () =>
          orgAdminActions.decideVerificationAction(
            PREV,
            form({ id: w.pendingOrg.id, decision: "approve", kind: "verification" }),
          ),
        ),
        attempt("reject a legal change", () =>
          orgAdminActions.decideVerificationAction(
            PREV,
            form({ id: w.legalChangeOrg.id, decision: "reject", kind: "legal", reason: "Sai mã số thuế." }),
          ),
        ),
      ],
      decideOrphanMembershipAction: () => [
        attempt("approve a request to an organization without administrator", () =>
          orgAdminActions.decideOrphanMembershipAction(
            PREV,
            form({ requestId: w.orphanRequest.id, decision: "approve" }),
          ),
        ),
      ],
    },
    "app/[locale]/(admin)/admin/taxonomy/actions.ts": {
      createNodeAction: () => [
        attempt("add a sector", () =>
          taxonomyActions.createNodeAction(
            PREV,
            form({ parentCode: "2", code: "283", nameVi: "Ngành thử", nameEn: "Test sector" }),
          ),
        ),
      ],
      renameNodeAction: () => [
        attempt("rename a sector", () =>
          taxonomyActions.renameNodeAction(PREV, form({ code: "207", nameVi: "Tên mới", nameEn: "New name" })),
        ),
      ],
      moveNodeAction: () => [
        attempt("move a sector", () => taxonomyActions.moveNodeAction(PREV, form({ code: "207", direction: "up" }))),
      ],
      deactivateNodeAction: () => [
        attempt("deactivate a sector", () => taxonomyActions.deactivateNodeAction(PREV, form({ code: "207" }))),
      ],
      reactivateNodeAction: () => [
        attempt("reactivate a sector", () => taxonomyActions.reactivateNodeAction(PREV, form({ code: "282" }))),
      ],
      deleteNodeAction: () => [
        attempt("delete an unused sector", () => taxonomyActions.deleteNodeAction(PREV, form({ code: "281" }))),
      ],
    },
    "app/[locale]/(admin)/admin/thesaurus/actions.ts": {
      createSynonymAction: () => [
        attempt("add a search expansion answering a zero-result search", () =>
          thesaurusActions.createSynonymAction(
            PREV,
            form({
              kind: "EXPANSION",
              terms: "viên nén trấu, trấu ép",
              weight: "0.7",
              fieldCode: "2",
              miss: w.miss.query,
            }),
          ),
        ),
      ],
      updateSynonymAction: () => [
        attempt("edit a synonym", () =>
          thesaurusActions.updateSynonymAction(
            PREV,
            form({
              id: w.synonym.id,
              updatedAt: w.synonym.updatedAt.toISOString(),
              kind: w.synonym.kind,
              terms: [...w.synonym.terms, "máy sấy lạnh"].join(", "),
              weight: String(w.synonym.weight),
              fieldCode: w.synonym.fieldCode ?? "",
              note: w.synonym.note ?? "",
            }),
          ),
        ),
      ],
      setSynonymActiveAction: () => [
        attempt("turn a synonym off", () =>
          thesaurusActions.setSynonymActiveAction(PREV, form({ id: w.synonym.id, active: "false" })),
        ),
      ],
      deleteSynonymAction: () => [
        attempt("delete a synonym", () => thesaurusActions.deleteSynonymAction(PREV, form({ id: w.synonym.id }))),
      ],
    },
    "app/[locale]/(admin)/admin/search-insights/actions.ts": {
      dismissMissAction: () => [
        attempt("close a zero-result search", () =>
          searchInsightActions.dismissMissAction(PREV, form({ query: w.miss.query })),
        ),
      ],
    },
  };
}

/** The modules the calls above use, to check they are the very exports the scan found. */
const MODULES: Record<string, Record<string, unknown>> = {
  "app/[locale]/(auth)/invite/actions.ts": inviteActions,
  "app/[locale]/(auth)/forgot-password/actions.ts": forgotActions,
  "app/[locale]/(auth)/register/actions.ts": registerActions,
  "app/[locale]/(auth)/reset-password/actions.ts": resetActions,
  "app/[locale]/(auth)/verify-email/actions.ts": verifyActions,
  "app/[locale]/(account)/account/listing-actions.ts": listingActions,
  "app/[locale]/(account)/account/deals/actions.ts": dealActions,
  "app/[locale]/(account)/account/matches/actions.ts": matchActions,
  "app/[locale]/(account)/account/notifications/actions.ts": notificationActions,
  "app/[locale]/(account)/account/settings/actions.ts": settingsActions,
  "app/[locale]/(account)/account/saved-searches/actions.ts": savedSearchActions,
  "app/[locale]/(account)/account/experts/[slug]/contact/actions.ts": expertActions,
  "app/[locale]/(account)/account/organization/actions.ts": organizationActions,
  "app/[locale]/(account)/account/organization/members/actions.ts": memberActions,
  "app/[locale]/(admin)/admin/actions.ts": adminActions,
  "app/[locale]/(admin)/admin/users/actions.ts": userActions,
  "app/[locale]/(admin)/admin/moderation/actions.ts": moderationActions,
  "app/[locale]/(admin)/admin/screening/actions.ts": screeningActions,
  "app/[locale]/(admin)/admin/registrations/actions.ts": registrationActions,
  "app/[locale]/(admin)/admin/performance/actions.ts": performanceActions,
  "app/[locale]/(admin)/admin/organizations/actions.ts": orgAdminActions,
  "app/[locale]/(admin)/admin/taxonomy/actions.ts": taxonomyActions,
  "app/[locale]/(admin)/admin/thesaurus/actions.ts": thesaurusActions,
  "app/[locale]/(admin)/admin/search-insights/actions.ts": searchInsightActions,
};

// ─── How each mutating route handler is called ───────────────────────────────

type Handler = Parameters<typeof send>[1];
interface RouteAttempt {
  label: string;
  call: (handler: Handler) => Promise<Response>;
  /** "refused" (403/404, the default), "auditor-write" (200), "auth" (next-auth's protocol, < 400). */
  expect?: "refused" | "auditor-write" | "auth";
}

const PDF = () => fs.readFileSync(path.join(ROOT, "tests/fixtures/files/report.pdf"));
const PNG = () => fs.readFileSync(path.join(ROOT, "tests/fixtures/files/image.png"));

/** A route open to every visitor: tried as the auditor and as a visitor by the public-actions test. */
interface PublicRoute {
  public: string;
}

function routeCalls(w: World, auditor: Browser): Record<string, Partial<Record<string, RouteAttempt[] | PublicRoute>>> {
  const upload = (label: string, query: string, bytes = PDF(), name = "ho-so.pdf"): RouteAttempt => ({
    label,
    call: (handler) =>
      send(auditor, handler, `/api/uploads?${query}`, {
        method: "POST",
        body: new Uint8Array(multipart(name, bytes)),
        headers: { "content-type": CONTENT_TYPE },
      }),
  });
  const auth = (label: string, segments: string[], fields: Record<string, string> = {}): RouteAttempt => ({
    label,
    call: () => authPost(auditor, segments, fields),
    expect: "auth",
  });
  return {
    "app/api/uploads/route.ts": {
      POST: [
        upload("attach a document to a draft offer", inputs.upload(w)),
        upload("attach an image to a draft offer", `for=offer&id=${w.offers.draft.id}&kind=IMAGE`, PNG(), "anh.png"),
        upload("attach a document to a draft demand", `for=demand&id=${w.demands.draft.id}&kind=DOCUMENT`),
        upload("attach a verification document to an organization", "for=organization"),
        upload("add a document to a negotiation", `for=deal&id=${w.deals.negotiating.reference}&purpose=DOCUMENT`),
        upload(
          "replace a deal document",
          `for=deal&id=${w.deals.negotiating.reference}&purpose=DOCUMENT&replaces=${w.dealDocument.id}`,
        ),
        upload("add the signed contract", `for=deal&id=${w.deals.signed.reference}&purpose=SIGNED_CONTRACT`),
        upload(
          "add a registration paper",
          `for=deal&id=${w.deals.registration.reference}&purpose=REGISTRATION_PAPER&confidential=1`,
        ),
      ],
    },
    "app/api/admin/audit/verify/route.ts": {
      POST: [
        {
          label: "verify the audit chain (streamed)",
          call: (handler) =>
            send(auditor, handler, "/api/admin/audit/verify", {
              method: "POST",
              body: "{}",
              headers: { "content-type": "application/json" },
            }),
          expect: "auditor-write",
        },
      ],
    },
    "app/api/search/miss/route.ts": {
      POST: { public: "the zero-result beacon: counts a search that found nothing, for anyone, naming no one" },
    },
    "app/api/listings/view/route.ts": {
      POST: { public: "the view beacon: counts a view of a published listing, for anyone, naming no one" },
    },
    "app/api/auth/[...nextauth]/route.ts": {
      // Sign-in and sign-out (callback, signout) write the security log and the session version:
      // the test of the auditor's own account shows exactly what they change.
      POST: [
        auth("ask to sign in with the credentials provider", ["signin", "credentials"]),
        auth("refresh the session", ["session"]),
        auth("send a client log line", ["_log"], { code: "TEST", level: "warn" }),
      ],
    },
  };
}

// ─── The auditor's own traces ────────────────────────────────────────────────

/** What the auditor's reads record about themselves (lib/audit/actions.ts): access, not change. */
const AUDITOR_ACCESS_ACTIONS = ["audit.browse", "audit.history", "audit.verify", "audit.sample", "audit.export"];

/**
 * The only rows the fingerprint leaves out: the auditor's own access events in the audit log
 * (actor = the auditor, action in AUDITOR_ACCESS_ACTIONS). pg-boss's schema is not fingerprinted.
 */
function auditorAccess(auditorId: string): Exclusions {
  const actions = AUDITOR_ACCESS_ACTIONS.map((a) => `'${a}'`).join(", ");
  return { "public.audit_events": `t.actor_id = '${auditorId}'::uuid AND t.action IN (${actions})` };
}

/**
 * Verifying the chain (DOMAIN §9: the auditor's job) also records the head it verified in
 * audit_checkpoints, so that a later verification notices deleted events: the one write the
 * auditor's role has (tests/unit/auditor-read-only.test.ts, AUDITOR_WRITES). The test expects
 * exactly one new checkpoint per verification, naming the head, and every older one unchanged.
 */
function withVerifications(auditorId: string, lastCheckpoint: bigint): Exclusions {
  return {
    ...auditorAccess(auditorId),
    "public.audit_checkpoints": `t.source = 'verify' AND t.id > ${lastCheckpoint}`,
  };
}

const lastCheckpointId = async () =>
  (await db.auditCheckpoint.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;

/** Every file under the upload root (staged ones included). */
function filesOnDisk(): string[] {
  const dir = path.resolve(process.env.STORAGE_DIR!);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** One call of an action (`result`) or a route (`status`, `body`), as the auditor made it. */
interface Try {
  where: string;
  want: Expect | RouteAttempt["expect"];
  result?: unknown;
  status?: number;
  body?: string;
  thrown?: string;
  /** Whether the call asked who the user is (lib/auth/session.ts getCurrentUser). */
  readSession: boolean;
}

/** Every call above but the public ones, as the auditor, in order. */
async function tryEverything(): Promise<Try[]> {
  const tries: Try[] = [];
  try {
    for (const [file, byExport] of Object.entries(actionCalls(w))) {
      for (const [name, spec] of Object.entries(byExport)) {
        if ("public" in spec) continue;
        for (const { label, call, expect: want = "refused" } of spec()) {
          const reads = sessionReads.count;
          const { value, thrown } = await outcome(auditor, call);
          tries.push({
            where: `${file}#${name} (${label})`,
            want,
            result: value,
            thrown,
            readSession: sessionReads.count > reads,
          });
        }
      }
    }
    for (const [file, byMethod] of Object.entries(routeCalls(w, auditor))) {
      const routeModule = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, Handler>;
      for (const [method, attempts] of Object.entries(byMethod)) {
        if (!attempts || "public" in attempts) continue;
        for (const { label, call, expect: want = "refused" } of attempts) {
          const reads = sessionReads.count;
          const { value, thrown } = await outcome(auditor, () => call(routeModule[method]!));
          const response = value instanceof Response ? value : undefined;
          tries.push({
            where: `${method} ${file} (${label})`,
            want,
            status: response?.status,
            body: response ? await response.text() : undefined,
            thrown: thrown ?? (response ? undefined : "no response"),
            readSession: sessionReads.count > reads,
          });
        }
      }
    }
  } finally {
    actAs(null);
  }
  return tries;
}

// ─── The test ────────────────────────────────────────────────────────────────

let w: World;
let attachmentId: string;
let savedSearchId: string;
let auditorName: string;
let restoreHeaders: () => void;
const auditor = new Browser("auditor", "203.0.113.50");

/** Runs `call` as `browser` and turns a throw into an outcome the test reports. */
async function outcome(browser: Browser | null, call: () => Promise<unknown>) {
  actAs(browser);
  try {
    return { value: await call() };
  } catch (error) {
    const digest = (error as { digest?: string })?.digest;
    return { thrown: digest?.startsWith("NEXT_REDIRECT") ? "redirect" : String(error) };
  }
}

beforeAll(async () => {
  restoreHeaders = patchNextHeaders();
  w = await buildWorld();
  // A real attachment on the draft offer, uploaded by its author through the upload route.
  const author = await db.user.findUniqueOrThrow({ where: { id: w.offers.draft.createdById } });
  const owner = new Browser("draft-author", "203.0.113.60");
  await signIn(owner, author.email, DEMO_PASSWORD);
  const { POST } = await import("@/app/api/uploads/route");
  const response = await send(owner, POST as Handler, `/api/uploads?for=offer&id=${w.offers.draft.id}&kind=DOCUMENT`, {
    method: "POST",
    body: new Uint8Array(multipart("ban-ve.pdf", PDF())),
    headers: { "content-type": CONTENT_TYPE },
  });
  expect(response.status).toBe(201);
  attachmentId = ((await response.json()) as { attachment: { id: string } }).attachment.id;
  auditorName = (await db.user.findUniqueOrThrow({ where: { id: w.people.auditor.id } })).name;
  // A seeker's saved search (issue #15), for the delete the auditor tries.
  savedSearchId = (
    await db.savedSearch.create({
      data: { userId: w.people.seeker.id, kind: "offers", query: "màng lọc", label: "Màng lọc" },
    })
  ).id;
  await signIn(auditor, w.people.auditor.email, DEMO_PASSWORD);
}, 300_000);

afterAll(() => {
  actAs(null);
  restoreHeaders?.();
});

describe("the auditor tries every mutation", () => {
  it("finds every server action and mutating route handler, and has a call for each", async () => {
    // Inline "use server" (an action declared inside a component or function) would escape the scan.
    const inline = sources.filter((f) => {
      const text = fs.readFileSync(f, "utf8");
      return ANY_DIRECTIVE.test(text) && !FILE_DIRECTIVE.test(text);
    });
    expect(inline.map(rel)).toEqual([]);

    const calls = actionCalls(w);
    expect(actionFiles.map(rel).sort()).toEqual(Object.keys(calls).sort());
    for (const file of actionFiles) {
      const key = rel(file);
      const scanned = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const exported = Object.keys(scanned).filter((name) => typeof scanned[name] === "function");
      expect(exported.sort(), `${key}: write a call for each new action`).toEqual(Object.keys(calls[key]!).sort());
      for (const name of exported) expect(MODULES[key]?.[name], `${key}#${name}`).toBe(scanned[name]);
    }
    expect(actionFiles.length).toBeGreaterThanOrEqual(20);

    const routes = routeCalls(w, auditor);
    const mutating: Record<string, string[] | null> = {};
    for (const file of routeFiles) {
      const methods = mutatingMethods(fs.readFileSync(file, "utf8"));
      if (methods === null || methods.length > 0) mutating[rel(file)] = methods;
    }
    expect(routeFiles.length).toBeGreaterThanOrEqual(20);
    expect(mutating).toEqual(
      Object.fromEntries(Object.entries(routes).map(([file, byMethod]) => [file, Object.keys(byMethod).sort()])),
    );
    // The handlers called are the ones the files export.
    for (const [file, methods] of Object.entries(mutating)) {
      const routeModule = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      for (const method of methods ?? []) expect(typeof routeModule[method], `${method} ${file}`).toBe("function");
    }
  });

  it("is refused every mutation, properly, and the database is unchanged but for the auditor's own traces", async () => {
    const auditorId = w.people.auditor.id;
    const checkpointsBefore = await lastCheckpointId();
    const headBefore = await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } });
    const disk = filesOnDisk();
    const errors: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      errors.push(args.map(String).join(" "));
    });
    const before = await fingerprint(auditorAccess(auditorId));
    const beforeVerified = await fingerprint(withVerifications(auditorId, checkpointsBefore));

    let tries: Try[];
    try {
      tries = await tryEverything();
    } finally {
      spy.mockRestore();
    }
    const problems = tries.flatMap((t) => {
      const answered = t.status === undefined ? JSON.stringify(t.result) : `HTTP ${t.status} ${t.body?.slice(0, 200)}`;
      const fail = (why = "") => [`${t.where}: ${t.thrown ? `threw ${t.thrown}` : `answered ${answered}`}${why}`];
      if (t.thrown) return fail();
      if (t.status !== undefined) {
        if (t.want === "refused") return [403, 404].includes(t.status) ? [] : fail();
        if (t.want === "auditor-write")
          return t.status === 200 && /"type":"verdict","verdict":\{"ok":true/.test(t.body ?? "") ? [] : fail();
        return t.status < 400 ? [] : fail();
      }
      if (!t.readSession) return fail(" without asking who the user is");
      const result = t.result as Result;
      if (t.want === "refused") return result?.ok === false && REFUSALS.includes(result.code ?? "") ? [] : fail();
      if (t.want === "plain") return result === undefined ? [] : fail();
      if (t.want === "auditor-write") return result?.ok === true ? [] : fail();
      const { code, why } = t.want as { code: string; why: string };
      return result?.ok === false && result.code === code ? [] : fail(`, expected ${code} (${why})`);
    });

    const after = await fingerprint(auditorAccess(auditorId));
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
    expect(tries.length).toBeGreaterThanOrEqual(90);
    expect(filesOnDisk()).toEqual(disk);

    // The one change: a checkpoint for each of the two verifications (the action and the route)...
    const n = before["public.audit_checkpoints"]!.rows;
    expect(changedTables(before, after)).toEqual({ "public.audit_checkpoints": `${n} -> ${n + 2} rows` });
    expect(changedTables(beforeVerified, await fingerprint(withVerifications(auditorId, checkpointsBefore)))).toEqual(
      {},
    );
    const checkpoints = await db.auditCheckpoint.findMany({ where: { id: { gt: checkpointsBefore } } });
    expect(checkpoints.map((c) => c.source)).toEqual(["verify", "verify"]);
    for (const c of checkpoints) {
      const head = await db.auditEvent.findUniqueOrThrow({ where: { seq: c.seq } });
      expect(head.hash).toBe(c.hash);
    }
    // ...and what the exclusion hid is only the auditor's accesses (the route records its verification).
    const hidden = await db.auditEvent.findMany({ where: { seq: { gt: headBefore.seq } } });
    expect(hidden.every((e) => e.actorId === auditorId && AUDITOR_ACCESS_ACTIONS.includes(e.action))).toBe(true);
    expect(hidden.map((e) => e.action)).toContain("audit.verify");
  });

  it("tries the public actions and routes as any visitor would: the session is never read, the effect is the same", async () => {
    // Two of everything a public action is aimed at: one for the auditor, one for a signed-out visitor.
    const unverified = [
      await createUser(db, { roles: ["SEEKER"], emailVerified: false, name: "Đỗ Thị Chưa Xác Nhận" }),
      await createUser(db, { roles: ["SEEKER"], emailVerified: false, name: "Hồ Văn Chưa Xác Nhận" }),
    ];
    const accounts = [w.colleague, await db.user.findUniqueOrThrow({ where: { email: "nguoi-moi@demo-test.vn" } })];
    const tokens = async (kind: "RESET_PASSWORD" | "VERIFY_EMAIL", users: { id: string }[]) =>
      Promise.all(users.map((u) => db.$transaction((tx) => issueUserToken(tx, u.id, kind))));
    const resets = await tokens("RESET_PASSWORD", accounts);
    const verifications = await tokens("VERIFY_EMAIL", unverified);
    const PASSWORD = "lò-vi-sóng-màu-cam-ở-Cầu-Giấy";
    const { POST: reportMiss } = await import("@/app/api/search/miss/route");
    const { POST: reportView } = await import("@/app/api/listings/view/route");
    const calls: Record<string, (i: number, browser: Browser) => Promise<unknown>> = {
      "app/[locale]/(auth)/forgot-password/actions.ts#forgotPasswordAction": (i) =>
        forgotActions.forgotPasswordAction(PREV, form({ email: accounts[i]!.email })),
      "app/[locale]/(auth)/register/actions.ts#registerAction": (i) =>
        registerActions.registerAction(
          PREV,
          form({
            name: ["Bùi Văn Đăng Ký", "Lý Thị Đăng Ký"][i],
            email: `dang-ky-${i}@demo-test.vn`,
            password: PASSWORD,
            confirmPassword: PASSWORD,
            role: "SEEKER",
            orgMode: "join",
            organizationId: w.people.seeker.organizationId,
            joinMessage: "Tôi là nhân viên mới.",
            acceptTerms: "on",
          }),
        ),
      "app/[locale]/(auth)/register/actions.ts#searchOrganizationsAction": () =>
        registerActions.searchOrganizationsAction("Viện"),
      "app/[locale]/(auth)/reset-password/actions.ts#resetPasswordAction": (i) =>
        resetActions.resetPasswordAction(
          PREV,
          form({ token: resets[i]!, password: PASSWORD, confirmPassword: PASSWORD }),
        ),
      "app/[locale]/(auth)/verify-email/actions.ts#verifyEmailAction": (i) =>
        verifyActions.verifyEmailAction(PREV, form({ token: verifications[i]! })),
      "POST app/api/search/miss/route.ts": (i, browser) =>
        send(browser, reportMiss as Handler, "/api/search/miss", {
          method: "POST",
          // Typed nonsense finds nothing (the search relaxes real words until something matches).
          body: JSON.stringify({ q: ["xqzv wkjh", "qqzx vvkj"][i] }),
          headers: { "content-type": "application/json" },
        }),
      "POST app/api/listings/view/route.ts": (i, browser) =>
        send(browser, reportView as Handler, "/api/listings/view", {
          method: "POST",
          body: JSON.stringify(
            [
              { kind: "offer", id: w.offers.published.id },
              { kind: "demand", id: w.demands.published.id },
            ][i],
          ),
          headers: {
            "content-type": "application/json",
            "sec-fetch-site": "same-origin",
            "user-agent":
              "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36",
          },
        }),
    };
    // Every action and route marked public above is tried here.
    const publicOnes = [
      ...Object.entries(actionCalls(w)).flatMap(([file, byExport]) =>
        Object.entries(byExport)
          .filter(([, spec]) => "public" in spec)
          .map(([name]) => `${file}#${name}`),
      ),
      ...Object.entries(routeCalls(w, auditor)).flatMap(([file, byMethod]) =>
        Object.entries(byMethod)
          .filter(([, spec]) => spec && "public" in spec)
          .map(([method]) => `${method} ${file}`),
      ),
    ];
    expect(Object.keys(calls).sort()).toEqual(publicOnes.sort());

    const visitor = new Browser("visitor", "203.0.113.70");
    const normalized = (o: { value?: unknown; thrown?: string }) =>
      o.thrown ??
      (o.value instanceof Response
        ? `HTTP ${o.value.status}`
        : JSON.stringify(o.value, (key, v: unknown) => (key === "email" ? "<email>" : v)));
    const deltas: Record<string, Record<string, number>> = {};
    for (const [name, call] of Object.entries(calls)) {
      const seq = (await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } })).seq;
      const t0 = await fingerprint();
      const reads = sessionReads.count;
      const asAuditor = await outcome(auditor, () => call(0, auditor));
      expect(sessionReads.count, `${name} read the session`).toBe(reads);
      const t1 = await fingerprint();
      const asVisitor = await outcome(visitor, () => call(1, visitor));
      const t2 = await fingerprint();
      expect(normalized(asAuditor), name).toBe(normalized(asVisitor));
      expect(Object.keys(changedTables(t0, t1)), name).toEqual(Object.keys(changedTables(t1, t2)));
      expect(rowDelta(t0, t1), name).toEqual(rowDelta(t1, t2));
      deltas[name] = rowDelta(t0, t1);
      // Nothing they recorded names the auditor.
      expect(await db.auditEvent.count({ where: { seq: { gt: seq }, actorId: w.people.auditor.id } }), name).toBe(0);
    }
    // The comparisons are not between two no-ops: the writing ones wrote, for both.
    expect(deltas["app/[locale]/(auth)/register/actions.ts#registerAction"]).toMatchObject({ "public.users": 1 });
    expect(deltas["app/[locale]/(auth)/forgot-password/actions.ts#forgotPasswordAction"]).toMatchObject({
      "public.user_tokens": 1,
    });
    expect(deltas["POST app/api/search/miss/route.ts"]).toEqual({ "public.search_misses": 1 });
    expect(deltas["POST app/api/listings/view/route.ts"]).toEqual({ "public.listing_view_days": 1 });
    actAs(null);
  });

  it("the auditor's own account: marking their notification read, signing out and in change only their rows", async () => {
    const auditorId = w.people.auditor.id;
    // The nightly checkpoint's "chain broken" notice, the one notification an auditor receives.
    await db.$transaction((tx) =>
      notify(tx, {
        roles: ["AUDITOR"],
        type: "audit.chain_broken",
        params: { seq: "1", problem: "hash" },
        link: "/admin/audit/verify",
        email: false,
      }),
    );
    const mine = await db.notification.findFirstOrThrow({ where: { userId: auditorId, readAt: null } });
    const others = { "public.notifications": `t.id = '${mine.id}'::uuid` };
    const before = await fingerprint(others);
    const seq = (await db.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } })).seq;
    await outcome(auditor, () => notificationActions.markReadAction(form({ id: mine.id })));
    const n = before["public.audit_events"]!.rows;
    expect(changedTables(before, await fingerprint(others))).toEqual({
      "public.audit_events": `${n} -> ${n + 1} rows`,
    });
    expect((await db.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).not.toBeNull();
    const events = await db.auditEvent.findMany({ where: { seq: { gt: seq } } });
    expect(events.map((e) => [e.actorId, e.action, e.entityId])).toEqual([[auditorId, "notification.read", mine.id]]);

    // Signing out ends every session of the account; signing in again starts one. Both write the
    // account's own session version, sign-in time, security log and sign-in attempts, nothing else.
    const stale = auditor.cookies.get(SESSION_COOKIE)!;
    const lastId = async (table: "security_events" | "login_attempts") =>
      (await db.$queryRawUnsafe<{ id: bigint | null }[]>(`SELECT max(id) AS id FROM ${table}`))[0]!.id ?? 0n;
    const [lastEvent, lastAttempt] = [await lastId("security_events"), await lastId("login_attempts")];
    const mineOnly: Exclusions = {
      "public.users": `t.id = '${auditorId}'::uuid`,
      "public.security_events": `t.id > ${lastEvent}`,
      "public.login_attempts": `t.id > ${lastAttempt}`,
    };
    const account = () =>
      db.user.findUniqueOrThrow({
        where: { id: auditorId },
        select: { email: true, roles: true, status: true, organizationId: true, orgRole: true, passwordHash: true },
      });
    const t0 = await fingerprint(mineOnly);
    const accountBefore = await account();
    const version = (await db.user.findUniqueOrThrow({ where: { id: auditorId } })).sessionVersion;
    const out = await authPost(auditor, ["signout"]);
    expect(out.status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: auditorId } })).sessionVersion).toBe(version + 1);
    await signIn(auditor, w.people.auditor.email, DEMO_PASSWORD);
    expect(changedTables(t0, await fingerprint(mineOnly))).toEqual({});
    expect(await account()).toEqual(accountBefore);
    const logged = await db.securityEvent.findMany({ where: { id: { gt: lastEvent } }, orderBy: { id: "asc" } });
    expect(logged.map((e) => [e.userId, e.kind])).toEqual([
      [auditorId, "sign_out"],
      [auditorId, "sign_in.success"],
    ]);
    const attempts = await db.loginAttempt.findMany({ where: { id: { gt: lastAttempt } } });
    expect(attempts.map((a) => [a.email, a.success])).toEqual([[w.people.auditor.email, true]]);

    // The token from before the sign-out no longer opens a session.
    const old = new Browser("stale-auditor", "203.0.113.51");
    old.cookies.set(SESSION_COOKIE, stale);
    const result = (await outcome(old, () => performanceActions.setTargetAction(PREV, inputs.target()))).value;
    expect(result).toMatchObject({ ok: false, code: "unauthenticated" });
    actAs(null);
  });

  it("control: the same calls by the roles allowed to make them change the fingerprint", async () => {
    const officer = new Browser("officer", "203.0.113.80");
    const admin = new Browser("admin", "203.0.113.81");
    const operator = new Browser("operator", "203.0.113.82");
    await signIn(officer, w.people.officer.email, DEMO_PASSWORD);
    await signIn(admin, w.people.admin.email, DEMO_PASSWORD);
    await signIn(operator, w.people.operator.email, DEMO_PASSWORD);
    const traces = auditorAccess(w.people.auditor.id);

    const controls: [Browser, () => Promise<unknown>, string][] = [
      [officer, () => performanceActions.setTargetAction(PREV, inputs.target()), "public.kpi_targets"],
      [admin, () => userActions.updateRolesAction(PREV, inputs.roles(w)), "public.users"],
      [
        operator,
        () => performanceActions.answerFlagAction(w.openFlag.id, w.openFlag.version, PREV, inputs.flagAnswer()),
        "public.flags",
      ],
    ];
    for (const [browser, call, table] of controls) {
      const before = await fingerprint(traces);
      const { value } = await outcome(browser, call);
      expect(value, browser.name).toMatchObject({ ok: true });
      const changed = changedTables(before, await fingerprint(traces));
      expect(Object.keys(changed), browser.name).toEqual(expect.arrayContaining([table, "public.audit_events"]));
    }

    // The upload route, as the draft's author, with the query the auditor sent.
    const author = await db.user.findUniqueOrThrow({ where: { id: w.offers.draft.createdById } });
    const owner = new Browser("draft-author-2", "203.0.113.61");
    await signIn(owner, author.email, DEMO_PASSWORD);
    const { POST } = await import("@/app/api/uploads/route");
    const before = await fingerprint(traces);
    const response = await send(owner, POST as Handler, `/api/uploads?${inputs.upload(w)}`, {
      method: "POST",
      body: new Uint8Array(multipart("ho-so.pdf", PDF())),
      headers: { "content-type": CONTENT_TYPE },
    });
    expect(response.status).toBe(201);
    expect(Object.keys(changedTables(before, await fingerprint(traces)))).toEqual(
      expect.arrayContaining(["public.attachments", "public.audit_events"]),
    );

    // The exclusions are narrow: an auditor event that is not an access, or an access by someone
    // else, is seen.
    const seen = async (actorId: string, action: "audit.browse" | "offer.update") => {
      const t0 = await fingerprint(traces);
      await db.$transaction((tx) =>
        appendAudit(
          tx,
          { actor: { id: actorId, role: "test" }, request: { requestId: "control", ip: null } },
          {
            action,
            entityType: "audit_log",
          },
        ),
      );
      return Object.keys(changedTables(t0, await fingerprint(traces)));
    };
    expect(await seen(w.people.auditor.id, "audit.browse")).toEqual([]);
    expect(await seen(w.people.auditor.id, "offer.update")).toEqual(["public.audit_events"]);
    expect(await seen(w.people.officer.id, "audit.browse")).toEqual(["public.audit_events"]);
    actAs(null);
  });

  it("the calls are well-formed: with every permission lent to the auditor, they do the work, none fails on its input", async () => {
    // The permission table is data (lib/authz.ts): lent here, for this one run, to prove that each
    // refusal above was the permission's and not the arguments'. The rows were aimed at the right
    // states, so most calls now succeed; the rest meet a state an earlier call changed, or a scope
    // the auditor (a member of no organization, or of the one whose invitation it accepted) lacks.
    const table = PERMISSIONS as unknown as Record<string, readonly Role[]>;
    const lent = Object.fromEntries(Object.entries(table).map(([action, roles]) => [action, roles]));
    for (const action of Object.keys(table)) table[action] = [...table[action]!, "AUDITOR"];
    const before = await fingerprint(auditorAccess(w.people.auditor.id));
    let tries: Try[];
    try {
      tries = await tryEverything();
    } finally {
      Object.assign(table, lent);
    }
    const malformed = tries.filter((t) => {
      const code = (t.result as Result)?.code;
      return (
        (t.thrown && t.thrown !== "redirect") ||
        code === "validation" ||
        code === "invalid_input" ||
        (t.status !== undefined && (t.status === 400 || t.status >= 500))
      );
    });
    expect(malformed.map((t) => `${t.where}: ${t.thrown ?? JSON.stringify(t.result) ?? t.status}`)).toEqual([]);
    const done = tries.filter((t) => t.thrown === "redirect" || (t.result as Result)?.ok === true || t.status === 201);
    expect(done.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(changedTables(before, await fingerprint(auditorAccess(w.people.auditor.id))))).toEqual(
      expect.arrayContaining([
        "public.kpi_targets",
        "public.taxonomy_nodes",
        "public.screening_entries",
        "public.users",
      ]),
    );
    expect(table).toEqual(lent);
  });
});
