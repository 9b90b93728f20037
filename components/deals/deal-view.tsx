import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import type { ActionResult } from "@/lib/errors";
import type { DealView as DealViewData } from "@/lib/deals/queries";
import { STANDARD_NDA_TEXT } from "@/lib/deals/nda";
import { otherSide } from "@/lib/deals/parties";
import { canMessage, canShareDocuments, partyCommands, type DealFacts } from "@/lib/deals/state-machine";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import { DealCommands, type CommandEvent } from "./deal-commands";
import { DealDocuments } from "./deal-documents";
import { InviteParticipantForm, RemoveParticipantButton } from "./participants-panel";
import { DealStateBadge } from "./deal-state-badge";
import { MessageForm } from "./message-form";
import { NdaPanel } from "./nda-panel";
import { PerformancePanel } from "./performance-panel";
import { RegistrationPanel } from "./registration-panel";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

const COMMANDS: readonly CommandEvent[] = [
  "accept",
  "decline",
  "withdraw",
  "start_performance",
  "complete",
  "cancel",
  "terminate",
];
const PERFORMANCE_STATES = new Set(["IN_PERFORMANCE", "COMPLETED", "TERMINATED"]);
const REGISTRATION_STATES = new Set(["SIGNED", "REGISTRATION", "IN_PERFORMANCE", "COMPLETED", "TERMINATED"]);

/**
 * The deal page's content, for a party (with its commands), an invited intermediary (messages
 * only) or staff (read-only: the actions are not passed).
 */
export async function DealView({
  locale,
  view,
  notice,
  emailVerified,
  stepAction,
  messageAction,
  fileRegistrationAction,
  addPapersAction,
  milestoneAction,
  rateAction,
  inviteAction,
  removeParticipantAction,
  participantChoices = [],
  maxMb = 10,
  userName = "",
}: {
  locale: string;
  view: DealViewData;
  notice: "sent" | "existing" | null;
  emailVerified: boolean;
  stepAction?: Action;
  messageAction?: Action;
  fileRegistrationAction?: Action;
  addPapersAction?: Action;
  milestoneAction?: Action;
  rateAction?: Action;
  /** Bound to the deal's reference; the remove action takes the organization's id next. */
  inviteAction?: Action;
  removeParticipantAction?: (organizationId: string, prev: ActionResult, data: FormData) => Promise<ActionResult>;
  /** Intermediary organizations a party may invite (lib/deals/participants.ts). */
  participantChoices?: readonly { id: string; name: string }[];
  /** The upload limit in MB (env UPLOAD_MAX_BYTES). */
  maxMb?: number;
  /** The signed-in party's name: the registration application's default representative. */
  userName?: string;
}) {
  const { deal, viewer, messages, timeline } = view;
  const t = await getTranslations("deals.detail");
  const tt = await getTranslations("deals.timeline");
  const to = await getTranslations("deals.origins");
  const tn = await getTranslations("deals.nda");
  const tm = await getTranslations("deals.messages");
  const tp = await getTranslations("deals.participants");
  const trs = await getTranslations("deals.registrationScan");
  const format = await getFormatter();
  const now = new Date();

  const listing = deal.origin === "PROPOSAL" && deal.demand ? deal.demand : deal.offer;
  const party = viewer.kind === "party" ? viewer : null;
  const facts: DealFacts = {
    origin: deal.origin,
    respondBy: deal.respondBy,
    registrationMandatory: deal.registrationMandatory ?? false,
    // The contract's own guards are checked on its page; here only what the commands above need.
    contract: null,
    registrationState: deal.registration?.state ?? null,
    openMilestones: deal.milestones.filter((m) => !m.confirmedAt).length,
    nda: { requiredBy: deal.nda.requiredBy, acceptedAt: deal.nda.acceptedAt },
  };
  const available = party ? partyCommands(facts, deal.state, party.actor, now) : [];
  const commands = available.flatMap((c) =>
    (COMMANDS as readonly string[]).includes(c.event)
      ? [{ event: c.event as CommandEvent, blockedBy: c.blockedBy }]
      : [],
  );
  const ndaMode = !party
    ? "none"
    : available.some((c) => c.event === "require_nda" && c.blockedBy === null)
      ? "require"
      : available.some((c) => c.event === "accept_nda" && c.blockedBy === null)
        ? "accept"
        : "none";
  const waitingForMe = party !== null && deal.waitingOn.includes(party.side);
  const waitingForOther = party !== null && deal.waitingOn.includes(otherSide(party.side));
  const orgName = (o: { name: string; nameEn: string | null }) => pick(locale, o.name, o.nameEn);
  // Staff read the contract from the workspace page too: it authorizes by the same rule.
  const contractBase = "/account/deals";
  const signedScan =
    view.documents.series.find((s) => s.purpose === "SIGNED_CONTRACT" && s.contractVersion === deal.contractVersion)
      ?.versions[0] ?? null;
  const canWrite = messageAction !== undefined && viewer.kind !== "staff" && canMessage(deal.state);

  return (
    <article className="space-y-6" aria-labelledby="deal-title">
      {notice && <Alert tone={notice === "sent" ? "success" : "info"}>{t(`notice.${notice}`)}</Alert>}
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <DealStateBadge state={deal.state} />
          <Badge tone="neutral">{to(deal.origin)}</Badge>
          <span className="font-mono text-sm text-muted" data-testid="deal-reference">
            {deal.reference}
          </span>
        </div>
        <h1 id="deal-title" className="text-2xl font-bold">
          {listing ? pick(locale, listing.titleVi, listing.titleEn) : deal.reference}
        </h1>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          <div>
            <dt className="inline text-muted">{t("provider")}: </dt>
            <dd className="inline font-medium">
              <Link href={`/organizations/${deal.provider.slug}`} className="hover:underline">
                {orgName(deal.provider)}
              </Link>
            </dd>
          </div>
          <div>
            <dt className="inline text-muted">{t("seeker")}: </dt>
            <dd className="inline font-medium">
              <Link href={`/organizations/${deal.seeker.slug}`} className="hover:underline">
                {orgName(deal.seeker)}
              </Link>
            </dd>
          </div>
          {deal.offer && (
            <div>
              <dt className="inline text-muted">{t("offer")}: </dt>
              <dd className="inline">
                <Link href={`/technologies/${deal.offer.slug}`} className="text-brand-700 hover:underline">
                  {pick(locale, deal.offer.titleVi, deal.offer.titleEn)}
                </Link>
              </dd>
            </div>
          )}
          {deal.demand && (
            <div>
              <dt className="inline text-muted">{t("demand")}: </dt>
              <dd className="inline">
                <Link href={`/demands/${deal.demand.slug}`} className="text-brand-700 hover:underline">
                  {pick(locale, deal.demand.titleVi, deal.demand.titleEn)}
                </Link>
              </dd>
            </div>
          )}
          {deal.participants.length > 0 && (
            <div className="sm:col-span-2">
              <dt className="inline text-muted">{t("participants")}: </dt>
              <dd className="inline">{deal.participants.map(orgName).join(", ")}</dd>
            </div>
          )}
        </dl>
      </header>

      <section aria-labelledby="deal-next" className="rounded-lg border border-brand-200 bg-brand-50 p-4">
        <h2 id="deal-next" className="text-base font-semibold">
          {t("next.heading")}
        </h2>
        <p className="mt-1 text-sm" data-testid="deal-next">
          {viewer.kind === "staff"
            ? t("next.staff")
            : viewer.kind === "participant"
              ? t("next.participant")
              : t(`next.${nextKey(deal.state, waitingForMe, waitingForOther, deal.nda.requiredBy !== null)}`, {
                  date: deal.respondBy ? format.dateTime(deal.respondBy, "datetime") : "",
                })}
        </p>
        {deal.stateReason && (
          <p className="mt-2 text-sm">
            <span className="font-medium">{t("reason")}:</span> {deal.stateReason}
          </p>
        )}
        {party && stepAction && !emailVerified && (
          <Alert tone="warning" className="mt-3">
            {t("verifyEmailFirst")}
          </Alert>
        )}
        {/* Kept mounted when no command is left, so that the step's own confirmation stays in view. */}
        {party && stepAction && (
          <div className="mt-3 empty:hidden">
            <DealCommands reference={deal.reference} commands={commands} action={stepAction} />
          </div>
        )}
      </section>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-6">
          <section aria-labelledby="deal-messages" className="space-y-4">
            <h2 id="deal-messages" className="text-lg font-semibold">
              {tm("heading")}
            </h2>
            {messages.length === 0 ? (
              <p className="text-sm text-muted">{tm("empty")}</p>
            ) : (
              <ol className="space-y-3" aria-label={tm("heading")}>
                {messages.map((m) => (
                  <li
                    key={m.id}
                    className={
                      m.mine
                        ? "ms-8 rounded-lg border border-brand-200 bg-brand-50 p-3"
                        : "me-8 rounded-lg border border-border bg-white p-3"
                    }
                  >
                    <p className="text-xs text-muted">
                      <span className="font-medium text-foreground">{m.author}</span>
                      {m.organization ? ` · ${m.organization}` : ""} · {format.dateTime(m.createdAt, "datetime")}
                    </p>
                    <p className="mt-1 whitespace-pre-line text-sm">{m.body}</p>
                  </li>
                ))}
              </ol>
            )}
            {canWrite && messageAction && <MessageForm reference={deal.reference} action={messageAction} />}
          </section>

          {(deal.state !== "EOI_SENT" || view.documents.series.length > 0) && (
            <DealDocuments view={view} maxMb={maxMb} />
          )}
        </div>

        <aside className="space-y-6">
          {(deal.state !== "EOI_SENT" && !["DECLINED", "EXPIRED", "CANCELLED"].includes(deal.state)) ||
          deal.contractVersion ? (
            <section aria-labelledby="deal-contract" className="rounded-lg border border-border bg-white p-4">
              <h2 id="deal-contract" className="text-base font-semibold">
                {t("contract.heading")}
              </h2>
              <p className="mt-1 text-sm text-muted" data-testid="deal-contract">
                {deal.contractVersion ? t("contract.latest", { version: deal.contractVersion }) : t("contract.none")}
              </p>
              <Link
                href={`${contractBase}/${deal.reference}/contract`}
                className="mt-2 inline-block font-medium text-brand-700 hover:underline"
              >
                {deal.contractVersion || !party ? t("contract.open") : t("contract.draft")}
              </Link>
            </section>
          ) : null}

          {(PERFORMANCE_STATES.has(deal.state) || deal.milestones.length > 0) && (
            <PerformancePanel
              deal={deal}
              side={party?.side ?? null}
              milestoneAction={milestoneAction}
              rateAction={rateAction}
            />
          )}

          {party && deal.state === "SIGNED" && !deal.registration && (
            <Alert tone={signedScan ? "info" : "warning"} className="text-sm">
              {signedScan
                ? trs("attached", { name: signedScan.filename, sha: signedScan.sha256.slice(0, 16) })
                : trs("missing")}
            </Alert>
          )}
          {(REGISTRATION_STATES.has(deal.state) || deal.registration) && (
            <RegistrationPanel
              deal={deal}
              canAct={party !== null}
              fileAction={fileRegistrationAction}
              papersAction={addPapersAction}
              defaults={{
                applicant: party ? (party.side === "provider" ? deal.provider.name : deal.seeker.name) : "",
                address: party ? ((party.side === "provider" ? deal.provider.address : deal.seeker.address) ?? "") : "",
                representative: userName,
              }}
            />
          )}

          <section aria-labelledby="deal-request" className="rounded-lg border border-border bg-white p-4">
            <h2 id="deal-request" className="text-base font-semibold">
              {t("request.heading")}
            </h2>
            <dl className="mt-2 space-y-2 text-sm">
              <div>
                <dt className="text-muted">{t("request.intendedUse")}</dt>
                <dd className="whitespace-pre-line">{deal.intendedUse ?? "—"}</dd>
              </div>
              <div>
                <dt className="text-muted">{t("request.budget")}</dt>
                <dd>{deal.budget !== null ? format.number(deal.budget, "vnd") : t("request.none")}</dd>
              </div>
              <div>
                <dt className="text-muted">{t("request.timeline")}</dt>
                <dd>{deal.timeline ?? t("request.none")}</dd>
              </div>
              <div>
                <dt className="text-muted">{t("request.sent")}</dt>
                <dd>{format.dateTime(deal.createdAt, "datetime")}</dd>
              </div>
            </dl>
          </section>

          <section aria-labelledby="deal-nda" className="rounded-lg border border-border bg-white p-4">
            <h2 id="deal-nda" className="text-base font-semibold">
              {tn("heading")}
            </h2>
            <p className="mt-1 text-sm text-muted" data-testid="nda-status">
              {deal.nda.requiredBy === null
                ? tn("none")
                : deal.nda.acceptedAt
                  ? tn("accepted", { date: format.dateTime(deal.nda.acceptedAt, "datetime") })
                  : tn("pending", { side: t(deal.nda.requiredBy) })}
            </p>
            {deal.nda.text && (
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer font-medium text-brand-700">{tn("show")}</summary>
                <pre className="mt-2 whitespace-pre-wrap font-sans text-sm">{deal.nda.text}</pre>
                <p className="mt-2 break-all font-mono text-xs text-muted">SHA-256: {deal.nda.sha256}</p>
              </details>
            )}
            {party && stepAction && (
              <div className="mt-3 empty:hidden">
                <NdaPanel
                  reference={deal.reference}
                  mode={ndaMode}
                  standardText={STANDARD_NDA_TEXT[locale === "en" ? "en" : "vi"]}
                  text={deal.nda.text}
                  sha256={deal.nda.sha256}
                  action={stepAction}
                />
              </div>
            )}
          </section>

          {(deal.participants.length > 0 || (party && inviteAction && canShareDocuments(deal.state))) && (
            <section aria-labelledby="deal-participants" className="rounded-lg border border-border bg-white p-4">
              <h2 id="deal-participants" className="text-base font-semibold">
                {tp("heading")}
              </h2>
              <p className="mt-1 text-sm text-muted">{tp("lead")}</p>
              {deal.participants.length === 0 ? (
                <p className="mt-2 text-sm text-muted">{tp("none")}</p>
              ) : (
                <ul className="mt-2 space-y-1 text-sm" data-testid="deal-participants">
                  {deal.participants.map((o) => (
                    <li key={o.id} className="flex flex-wrap items-center justify-between gap-2">
                      <Link href={`/organizations/${o.slug}`} className="font-medium hover:underline">
                        {orgName(o)}
                      </Link>
                      {party && removeParticipantAction && (
                        <RemoveParticipantButton name={orgName(o)} action={removeParticipantAction.bind(null, o.id)} />
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {party && inviteAction && canShareDocuments(deal.state) && (
                <div className="mt-3">
                  <InviteParticipantForm choices={participantChoices} action={inviteAction} />
                </div>
              )}
            </section>
          )}

          <section aria-labelledby="deal-timeline" className="rounded-lg border border-border bg-white p-4">
            <h2 id="deal-timeline" className="text-base font-semibold">
              {tt("heading")}
            </h2>
            <ol className="mt-2 space-y-2 text-sm" data-testid="deal-timeline">
              {timeline.map((e) => (
                <li key={e.seq}>
                  <p className="font-medium">{tt.has(e.action) ? tt(e.action) : e.action}</p>
                  <p className="text-xs text-muted">
                    {format.dateTime(e.at, "datetime")}
                    {e.actor ? ` · ${e.actor}` : ` · ${tt("system")}`}
                    {e.organization ? ` (${e.organization})` : ""}
                  </p>
                  {e.reason && <p className="text-xs">{e.reason}</p>}
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </article>
  );
}

/** The "what happens next" sentence for a party (`deals.detail.next.<key>`). */
function nextKey(state: string, waitingForMe: boolean, waitingForOther: boolean, nda: boolean): string {
  if (state === "EOI_SENT") return waitingForMe ? "answer" : "awaitAnswer";
  if (state === "NEGOTIATING" || state === "CONTRACT_DRAFTED") {
    if (nda && waitingForMe) return "acceptNda";
    if (nda && waitingForOther) return "awaitNda";
    return state === "CONTRACT_DRAFTED" ? "contractDrafted" : "negotiate";
  }
  return state.toLowerCase();
}
