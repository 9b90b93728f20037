import { requirePermission } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function AccountLayout({ children }: LayoutProps<"/[locale]/account">) {
  await requirePermission("workspace:access");
  return children;
}
