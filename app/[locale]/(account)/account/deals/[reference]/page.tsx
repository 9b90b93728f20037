import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DealView } from "@/components/deals/deal-view";
import { requireUser } from "@/lib/auth/session";
import { intermediaryChoices } from "@/lib/deals/participants";
import { dealForViewer } from "@/lib/deals/queries";
import { env } from "@/lib/env";
import {
  addPapersAction,
  dealStepAction,
  fileRegistrationAction,
  inviteParticipantAction,
  markMilestoneAction,
  postMessageAction,
  rateDealAction,
  removeParticipantAction,
} from "../actions";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/account/deals/[reference]">): Promise<Metadata> {
  const { reference } = await params;
  const t = await getTranslations("deals.detail");
  return { title: t("title", { reference: reference.slice(0, 40) }), robots: { index: false } };
}

/**
 * One deal, for its parties and the intermediaries they invited (issue #12 item 2): what happens
 * next, the steps this party may take, the request, the NDA, the messages and the timeline.
 * Anyone else gets the same "not found" as for a reference that does not exist.
 */
export default async function DealPage({ params, searchParams }: PageProps<"/[locale]/account/deals/[reference]">) {
  const { locale, reference } = await params;
  setRequestLocale(locale);
  const user = await requireUser();
  const view = await dealForViewer(user, reference);
  if (!view) notFound();
  const query = await searchParams;
  const choices = view.viewer.kind === "party" ? await intermediaryChoices(user, view.deal.reference) : [];
  const notice = query.sent === "1" ? "sent" : query.existing === "1" ? "existing" : null;
  return (
    <DealView
      locale={locale}
      view={view}
      notice={notice}
      emailVerified={user.emailVerified}
      stepAction={dealStepAction}
      messageAction={postMessageAction}
      fileRegistrationAction={fileRegistrationAction.bind(null, view.deal.reference)}
      addPapersAction={addPapersAction.bind(null, view.deal.reference)}
      milestoneAction={markMilestoneAction.bind(null, view.deal.reference)}
      rateAction={rateDealAction.bind(null, view.deal.reference)}
      inviteAction={inviteParticipantAction.bind(null, view.deal.reference)}
      removeParticipantAction={removeParticipantAction.bind(null, view.deal.reference)}
      participantChoices={choices.map((c) => ({ id: c.id, name: c.name }))}
      maxMb={Math.round((env().UPLOAD_MAX_BYTES / 1_048_576) * 10) / 10}
      userName={user.name}
    />
  );
}
