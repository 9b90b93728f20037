import "server-only";
import { db } from "@/lib/db";

/** The technology fields (top level of the taxonomy), for the console's filter and breakdown labels. */
export async function kpiFields() {
  return db.taxonomyNode.findMany({
    where: { parentCode: null, active: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { code: true, nameVi: true, nameEn: true },
  });
}
