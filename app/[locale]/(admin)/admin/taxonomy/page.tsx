import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CreateNodeForm, RenameNodeForm } from "@/components/admin/taxonomy/node-forms";
import { InlineAction } from "@/components/admin/users/inline-action";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { pick } from "@/lib/i18n/pick";
import { canReadTaxonomy, taxonomyAdminTree, type AdminTaxonomyNode } from "@/lib/taxonomy/queries";
import {
  createNodeAction,
  deactivateNodeAction,
  deleteNodeAction,
  moveNodeAction,
  reactivateNodeAction,
  renameNodeAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminTools.taxonomy"))("title"), robots: { index: false } };
}

const NS = "adminTools.taxonomy";

/** The technology fields and sectors (DOMAIN §6) as data: officers edit, the operator and the auditor read. */
export default async function TaxonomyPage({ params }: PageProps<"/[locale]/admin/taxonomy">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("admin:access");
  if (!canReadTaxonomy(user)) notFound();
  const manage = can(user, "taxonomy:manage");
  const tree = await taxonomyAdminTree(user);
  const t = await getTranslations(NS);

  const controls = (node: AdminTaxonomyNode, index: number, count: number, childCount: number) => {
    const name = pick(locale, node.nameVi, node.nameEn);
    return (
      <div className="flex flex-wrap items-start gap-2">
        {index > 0 && (
          <InlineAction
            action={moveNodeAction}
            namespace={NS}
            hidden={{ code: node.code, direction: "up" }}
            label="↑"
            ariaLabel={t("moveUp", { name })}
            variant="ghost"
          />
        )}
        {index < count - 1 && (
          <InlineAction
            action={moveNodeAction}
            namespace={NS}
            hidden={{ code: node.code, direction: "down" }}
            label="↓"
            ariaLabel={t("moveDown", { name })}
            variant="ghost"
          />
        )}
        {node.active ? (
          <InlineAction
            action={deactivateNodeAction}
            namespace={NS}
            hidden={{ code: node.code }}
            label={t("deactivate")}
            variant="danger"
            confirm={t("confirmDeactivate", { name })}
          />
        ) : (
          <InlineAction
            action={reactivateNodeAction}
            namespace={NS}
            hidden={{ code: node.code }}
            label={t("reactivate")}
            confirm={t("confirmReactivate", { name })}
          />
        )}
        {node.listings === 0 && childCount === 0 && (
          <InlineAction
            action={deleteNodeAction}
            namespace={NS}
            hidden={{ code: node.code }}
            label={t("delete")}
            variant="ghost"
            confirm={t("confirmDelete", { name })}
          />
        )}
        <details className="basis-full">
          <summary className="cursor-pointer text-sm font-medium text-brand-700 underline">
            {t("rename.summary", { name })}
          </summary>
          <div className="mt-2 max-w-md">
            <RenameNodeForm action={renameNodeAction} code={node.code} nameVi={node.nameVi} nameEn={node.nameEn} />
          </div>
        </details>
      </div>
    );
  };

  const row = (node: AdminTaxonomyNode, index: number, count: number, childCount: number) => (
    <TR key={node.code} className={node.level === 1 ? "bg-surface-muted" : undefined}>
      <TD className={node.level === 1 ? "font-semibold" : "ps-8"}>{node.code}</TD>
      <TD>
        <p className={node.level === 1 ? "font-semibold" : undefined} lang="vi">
          {node.nameVi}
        </p>
        <p className="text-xs text-muted" lang="en">
          {node.nameEn}
        </p>
      </TD>
      <TD>{node.listings}</TD>
      <TD>
        <Badge tone={node.active ? "success" : "neutral"}>{node.active ? t("active") : t("inactive")}</Badge>
      </TD>
      {manage && <TD>{controls(node, index, count, childCount)}</TD>}
    </TR>
  );

  return (
    <div className="space-y-6">
      <header className="max-w-3xl space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("lead")}</p>
        {!manage && <p className="text-sm text-muted">{t("readOnly")}</p>}
      </header>
      {manage && (
        <Card as="section" aria-labelledby="new-node">
          <CardHeader>
            <CardTitle id="new-node">{t("new.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            <CreateNodeForm
              action={createNodeAction}
              fields={tree
                .filter((f) => f.active)
                .map((f) => ({ code: f.code, name: pick(locale, f.nameVi, f.nameEn) }))}
            />
          </CardContent>
        </Card>
      )}
      <Table scrollLabel={t("title")}>
        <THead>
          <TR>
            <TH>{t("code")}</TH>
            <TH>{t("name")}</TH>
            <TH>{t("listings")}</TH>
            <TH>{t("state")}</TH>
            {manage && <TH>{t("actions")}</TH>}
          </TR>
        </THead>
        <TBody>
          {tree.flatMap((field, i) => [
            row(field, i, tree.length, field.sectors.length),
            ...field.sectors.map((sector, j) => row(sector, j, field.sectors.length, 0)),
          ])}
        </TBody>
      </Table>
    </div>
  );
}
