import { describe, expect, it } from "vitest";
import { createTranslator, type Messages } from "use-intl/core";
import { enumChoices, TRL_LEVELS } from "@/components/catalog/enum-choices";
import { IpStatus, OrgType, TransferForm } from "@/lib/generated/prisma/enums";
import { loadMessages } from "@/lib/i18n/messages";

describe("the filter form's fixed choices, shipped in the bundle", () => {
  it.each(["vi", "en"])("read as the server would translate them (%s)", async (locale) => {
    // Untyped catalogs (no AppConfig), as getTranslations() sees them: any key is a string.
    const t = createTranslator<Messages>({ locale, messages: await loadMessages(locale) });
    const choices = enumChoices(locale);
    expect(choices.trl).toEqual(
      TRL_LEVELS.map((n) => [String(n), t("enums.trlLevel", { level: n, label: t(`enums.trl.${n}`) })]),
    );
    expect(choices.ip).toEqual(Object.values(IpStatus).map((v) => [v, t(`enums.ipStatus.${v}`)]));
    expect(choices.forms).toEqual(Object.values(TransferForm).map((v) => [v, t(`enums.transferForm.${v}`)]));
    expect(choices.orgTypes).toEqual(Object.values(OrgType).map((v) => [v, t(`orgTypes.${v}`)]));
  });

  it("differ by language", () => {
    expect(enumChoices("en").trl[3]![1]).toMatch(/^TRL 4 — \S/);
    expect(enumChoices("vi").ip[0]![1]).not.toBe(enumChoices("en").ip[0]![1]);
  });
});
