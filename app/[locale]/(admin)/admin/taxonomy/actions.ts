"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions";
import {
  createTaxonomyNode,
  deleteTaxonomyNode,
  moveTaxonomyNode,
  renameTaxonomyNode,
  setTaxonomyNodeActive,
} from "@/lib/taxonomy/mutations";
import { CreateNodeSchema, MoveNodeSchema, NodeTargetSchema, RenameNodeSchema } from "@/lib/taxonomy/schemas";

const NAMESPACE = "adminTools.taxonomy";
const refresh = () => revalidatePath("/[locale]/admin/taxonomy", "page");

/** A department officer adds a field, or a sector under a field. */
export const createNodeAction = formAction({
  name: "createTaxonomyNode",
  namespace: NAMESPACE,
  form: { schema: CreateNodeSchema },
  permission: "taxonomy:manage",
  errorFields: { parent_not_field: "parentCode", parent_inactive: "parentCode" },
  run: async ({ input, user, audit }) => {
    await createTaxonomyNode(audit, user, input);
    refresh();
    return { message: "created" };
  },
});

export const renameNodeAction = formAction({
  name: "renameTaxonomyNode",
  namespace: NAMESPACE,
  form: { schema: RenameNodeSchema, hidden: ["code"] },
  permission: "taxonomy:manage",
  run: async ({ input, user, audit }) => {
    await renameTaxonomyNode(audit, user, input);
    refresh();
    return { message: "renamed" };
  },
});

export const moveNodeAction = formAction({
  name: "moveTaxonomyNode",
  namespace: NAMESPACE,
  form: { schema: MoveNodeSchema, hidden: ["code", "direction"] },
  permission: "taxonomy:manage",
  run: async ({ input, user, audit }) => {
    await moveTaxonomyNode(audit, user, input.code, input.direction);
    refresh();
    return { message: "moved" };
  },
});

export const deactivateNodeAction = formAction({
  name: "deactivateTaxonomyNode",
  namespace: NAMESPACE,
  form: { schema: NodeTargetSchema, hidden: ["code"] },
  permission: "taxonomy:manage",
  run: async ({ input, user, audit }) => {
    await setTaxonomyNodeActive(audit, user, input.code, false);
    refresh();
    return { message: "deactivated" };
  },
});

export const reactivateNodeAction = formAction({
  name: "reactivateTaxonomyNode",
  namespace: NAMESPACE,
  form: { schema: NodeTargetSchema, hidden: ["code"] },
  permission: "taxonomy:manage",
  run: async ({ input, user, audit }) => {
    await setTaxonomyNodeActive(audit, user, input.code, true);
    refresh();
    return { message: "reactivated" };
  },
});

/** Deletes a node nothing uses; a used node answers "node_in_use" (deactivate it instead). */
export const deleteNodeAction = formAction({
  name: "deleteTaxonomyNode",
  namespace: NAMESPACE,
  form: { schema: NodeTargetSchema, hidden: ["code"] },
  permission: "taxonomy:manage",
  run: async ({ input, user, audit }) => {
    await deleteTaxonomyNode(audit, user, input.code);
    refresh();
    return { message: "deleted" };
  },
});
