import { IpStatus, OrgType, TransferForm } from "@/lib/generated/prisma/enums";
import enEnums from "@/messages/en/enums.json";
import enOrgTypes from "@/messages/en/orgTypes.json";
import viEnums from "@/messages/vi/enums.json";
import viOrgTypes from "@/messages/vi/orgTypes.json";
import type { Choice } from "./option-list";

/**
 * The fixed choices of the catalog filters (TRL, IP status, transfer form, organization type) in
 * both languages, read from the message catalogs into the client bundle, like the locations
 * (lib/geo/locations.ts): static text that otherwise travelled in every catalog page's RSC payload.
 * The sectors come from the database and still travel with the page.
 */
const CATALOGS = {
  vi: { enums: viEnums, orgTypes: viOrgTypes },
  en: { enums: enEnums, orgTypes: enOrgTypes },
};

export const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export type EnumChoices = Record<"trl" | "ip" | "forms" | "orgTypes", readonly Choice[]>;

export function enumChoices(locale: string): EnumChoices {
  const { enums, orgTypes } = locale === "en" ? CATALOGS.en : CATALOGS.vi;
  return {
    // enums.trlLevel is "TRL {level} — {label}": plain arguments, no ICU syntax to format.
    trl: TRL_LEVELS.map((n): Choice => {
      const label = enums.trlLevel.replace("{level}", String(n)).replace("{label}", enums.trl[n]);
      return [String(n), label];
    }),
    ip: Object.values(IpStatus).map((v): Choice => [v, enums.ipStatus[v]]),
    forms: Object.values(TransferForm).map((v): Choice => [v, enums.transferForm[v]]),
    orgTypes: Object.values(OrgType).map((v): Choice => [v, orgTypes[v]]),
  };
}
