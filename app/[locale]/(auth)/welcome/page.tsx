import { getLocale } from "next-intl/server";
import { can } from "@/lib/authz";
import { getCurrentUser } from "@/lib/auth/session";
import { redirect } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

/** Where sign-in lands: sends each role to the place it works in. */
export default async function WelcomePage() {
  const locale = await getLocale();
  const user = await getCurrentUser();
  if (!user) return redirect({ href: "/login", locale });
  if (can(user, "admin:access")) return redirect({ href: "/admin", locale });
  return redirect({ href: "/account", locale });
}
