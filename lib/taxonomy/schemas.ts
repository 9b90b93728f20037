import { z } from "zod";
import { isPlainLine } from "@/lib/text";

/**
 * Input of the taxonomy editor (DOMAIN §6). Two levels, as the rest of the exchange reads them:
 * fields ("1".."9", no parent) and sectors (three digits beginning with their field's code, e.g.
 * "207" under "2"). Listings are filed under sectors. Client-safe: imports nothing server-side.
 */

const name = z.preprocess(
  (v) => (typeof v === "string" ? v.normalize("NFC").trim() : v),
  z.string({ error: "required" }).min(2, "too_short").max(200, "too_long").refine(isPlainLine, "invisible_characters"),
);

export const NodeCodeSchema = z.string({ error: "invalid_input" }).regex(/^\d{1,8}$/, "invalid_input");

export const NodeNamesSchema = z.object({ nameVi: name, nameEn: name });

export const CreateNodeSchema = NodeNamesSchema.extend({
  parentCode: z.preprocess((v) => (v === "" ? null : v), NodeCodeSchema.nullable().default(null)),
  code: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "required" }).min(1, "required")),
}).superRefine((input, ctx) => {
  const ok =
    input.parentCode === null ? /^[1-9]$/.test(input.code) : new RegExp(`^${input.parentCode}\\d{2}$`).test(input.code);
  if (!ok)
    ctx.addIssue({
      code: "custom",
      path: ["code"],
      message: input.parentCode === null ? "field_code_invalid" : "sector_code_invalid",
    });
});
export type CreateNodeInput = z.infer<typeof CreateNodeSchema>;

export const RenameNodeSchema = NodeNamesSchema.extend({ code: NodeCodeSchema });
export type RenameNodeInput = z.infer<typeof RenameNodeSchema>;

export const NodeTargetSchema = z.object({ code: NodeCodeSchema });

export const MoveNodeSchema = z.object({
  code: NodeCodeSchema,
  direction: z.enum(["up", "down"], { error: "invalid_input" }),
});
