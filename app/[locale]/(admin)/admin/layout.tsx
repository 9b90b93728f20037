import { requirePermission } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

// Department / operator / auditor / admin area: every page below is for staff roles only.
export default async function AdminLayout({ children }: LayoutProps<"/[locale]/admin">) {
  await requirePermission("admin:access");
  return children;
}
