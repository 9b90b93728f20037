import { ALL_ROLES } from "@/lib/authz";
import type { Role } from "@/lib/generated/prisma/enums";

/** A catalogue lookup, as next-intl's translators offer it (server or client). */
interface Lookup {
  (key: string): string;
  has(key: string): boolean;
}

/**
 * Words for what the log stores as codes. Actions come from the closed catalogue
 * (lib/audit/actions.ts; `auditLog.actions.<subject>.<verb>`, complete by
 * tests/unit/audit-labels.test.ts); roles from `roles` (user roles) or `auditLog.roles` (system,
 * anonymous); entity types from `auditLog.entityTypes`. An unknown code is shown as it is.
 */
export function auditLabels(t: Lookup, tRoles: Lookup) {
  return {
    action: (action: string) => (t.has(`actions.${action}`) ? t(`actions.${action}`) : action),
    role: (role: string | null) => {
      if (!role) return "—";
      if ((ALL_ROLES as readonly string[]).includes(role)) return tRoles(role as Role);
      return t.has(`roles.${role}`) ? t(`roles.${role}`) : role;
    },
    entityType: (type: string) => (t.has(`entityTypes.${type}`) ? t(`entityTypes.${type}`) : type),
  };
}
