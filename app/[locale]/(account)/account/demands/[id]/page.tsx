import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import {
  deleteAttachmentAction,
  transitionAction,
  updateListingAction,
} from "@/app/[locale]/(account)/account/listing-actions";
import { ListingEditor } from "@/components/listings/listing-editor";
import { requirePermission } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workspace"))("myDemands"), robots: { index: false } };
}

export default async function EditDemandPage({ params, searchParams }: PageProps<"/[locale]/account/demands/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("demand:manage-own");
  return (
    <ListingEditor
      user={user}
      kind="demand"
      id={id}
      saved={(await searchParams).saved === "1"}
      actions={{ update: updateListingAction, transition: transitionAction, deleteAttachment: deleteAttachmentAction }}
    />
  );
}
