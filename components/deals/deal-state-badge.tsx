import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { DealState } from "@/lib/generated/prisma/enums";

const TONES: Record<DealState, BadgeTone> = {
  EOI_SENT: "info",
  ACCEPTED: "info",
  NEGOTIATING: "brand",
  CONTRACT_DRAFTED: "brand",
  SIGNED: "success",
  REGISTRATION: "brand",
  IN_PERFORMANCE: "success",
  COMPLETED: "success",
  DECLINED: "neutral",
  EXPIRED: "neutral",
  CANCELLED: "neutral",
  TERMINATED: "danger",
};

/** A deal's state as a word, coloured by how far along it is. */
export function DealStateBadge({ state }: { state: DealState }) {
  const t = useTranslations("deals.states");
  return <Badge tone={TONES[state]}>{t(state)}</Badge>;
}
