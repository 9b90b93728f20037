import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { FlagList } from "@/components/oversight/flags-panel";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import type { FlagState } from "@/lib/generated/prisma/enums";
import { Link } from "@/lib/i18n/navigation";
import { listFlags } from "@/lib/oversight/flags";
import { pageNumber } from "@/lib/page-number";
import { answerFlagAction, flagStepAction } from "../performance/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("oversight.flags");
  return { title: t("title"), robots: { index: false } };
}

const STATES = ["active", "OPEN", "ANSWERED", "CLOSED", "all"] as const;

/** Supervision flags (issue #13 item 4): officers raise and close them, the operator answers. */
export default async function FlagsPage({ params, searchParams }: PageProps<"/[locale]/admin/flags">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("oversight:read");
  const query = await searchParams;
  const state = (STATES as readonly string[]).includes(String(query.state))
    ? (query.state as FlagState | "active" | "all")
    : "active";
  const page = pageNumber(query.page);
  const list = await listFlags(user, { state, page });
  const t = await getTranslations("oversight.flags");
  const tp = await getTranslations("pagination");
  const actor = can(user, "flag:answer") ? "operator" : can(user, "flag:raise") ? "officer" : null;
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl text-muted">{t("lead")}</p>
      </header>
      <nav aria-label={t("title")} className="flex flex-wrap gap-2 text-sm">
        {STATES.map((s) => (
          <Link
            key={s}
            href={s === "active" ? "/admin/flags" : `/admin/flags?state=${s}`}
            aria-current={s === state ? "page" : undefined}
            className={
              s === state ? "rounded-md bg-brand-700 px-3 py-1 text-white" : "rounded-md border border-border px-3 py-1"
            }
          >
            {t(`state.${s}`)}
          </Link>
        ))}
      </nav>
      {list.items.length === 0 ? (
        <p className="text-muted">{t("empty")}</p>
      ) : (
        <FlagList items={list.items} actor={actor} answerAction={answerFlagAction} stepAction={flagStepAction} />
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(p) => `/admin/flags?state=${state}${p > 1 ? `&page=${p}` : ""}`}
        labels={{ previous: tp("previous"), next: tp("next"), nav: tp("nav"), page: (n) => tp("page", { n }) }}
      />
    </div>
  );
}
