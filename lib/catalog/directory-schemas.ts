import { z } from "zod";
import { OrgType } from "@/lib/generated/prisma/enums";
import { PageSchema } from "@/lib/page-number";
import { oneOf, SectorCodeSchema, VerifiedSchema } from "./schemas";

/** `/organizations`: type and verified filters. */
export const OrganizationQuerySchema = z.object({
  orgType: oneOf("orgType", OrgType).optional(),
  verified: VerifiedSchema.default(false),
  page: PageSchema.default(1),
});

/** `/experts`: a field (all its sectors) or one sector. */
export const ExpertQuerySchema = z.object({
  sector: SectorCodeSchema.optional(),
  page: PageSchema.default(1),
});

export type OrganizationQuery = z.output<typeof OrganizationQuerySchema>;
export type ExpertQuery = z.output<typeof ExpertQuerySchema>;
