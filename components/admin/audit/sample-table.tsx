import { getFormatter, getTranslations } from "next-intl/server";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { SampledDeal } from "@/lib/audit/sample";
import { Link } from "@/lib/i18n/navigation";
import { historyHref } from "./log-table";

/** The drawn deals in draw order, each linking to the deal (read-only) and to its history. */
export async function SampleTable({ deals }: { deals: readonly SampledDeal[] }) {
  const t = await getTranslations("auditLog.sample");
  const tdeal = await getTranslations("deals");
  const format = await getFormatter();
  return (
    <Table scrollLabel={t("title")}>
      <THead>
        <TR>
          <TH>#</TH>
          <TH>{t("reference")}</TH>
          <TH>{t("stateCol")}</TH>
          <TH>{t("originCol")}</TH>
          <TH>{t("created")}</TH>
          <TH>{t("parties")}</TH>
          <TH>{t("history")}</TH>
          <TH>{t("drawKey")}</TH>
        </TR>
      </THead>
      <TBody>
        {deals.map((deal, i) => (
          <TR key={deal.id}>
            <TD className="tabular-nums">{i + 1}</TD>
            <TD>
              <Link href={`/admin/deals/${deal.reference}`} className="underline">
                {deal.reference}
              </Link>
            </TD>
            <TD>{tdeal(`states.${deal.state}`)}</TD>
            <TD>{tdeal(`origins.${deal.origin}`)}</TD>
            <TD className="whitespace-nowrap">{format.dateTime(deal.createdAt, "short")}</TD>
            <TD>{t("partiesValue", { provider: deal.provider, seeker: deal.seeker })}</TD>
            <TD>
              <Link href={historyHref("deal", deal.id)} className="underline">
                {t("history")}
              </Link>
            </TD>
            <TD>
              <code className="text-xs" title={deal.drawKey}>
                {deal.drawKey.slice(0, 12)}…
              </code>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
