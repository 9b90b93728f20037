-- AlterTable
ALTER TABLE "deals" ADD COLUMN     "budget" BIGINT,
ADD COLUMN     "intended_use" TEXT,
ADD COLUMN     "nda_accepted_by_id" UUID,
ADD COLUMN     "nda_required_at" TIMESTAMPTZ(3),
ADD COLUMN     "nda_required_by" VARCHAR(10),
ADD COLUMN     "nda_sha256" CHAR(64),
ADD COLUMN     "nda_text" TEXT,
ADD COLUMN     "state_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "timeline" VARCHAR(200);

-- CreateIndex
CREATE INDEX "deals_state_respond_by_idx" ON "deals"("state", "respond_by");

-- CreateIndex
CREATE INDEX "deals_provider_org_id_state_changed_at_idx" ON "deals"("provider_org_id", "state_changed_at" DESC);

-- CreateIndex
CREATE INDEX "deals_seeker_org_id_state_changed_at_idx" ON "deals"("seeker_org_id", "state_changed_at" DESC);

-- CreateIndex
CREATE INDEX "deal_participants_organization_id_idx" ON "deal_participants"("organization_id");

-- Hand-written (issue #12).
-- One open deal per organization pair and listing: the offer of an expression of interest or an
-- express licence, the demand of a provider's proposal. A second attempt opens the existing deal
-- (lib/deals/mutations.ts); this index is the rule when two attempts race.
CREATE UNIQUE INDEX "deals_one_open_per_pair_and_listing" ON "deals" (
  "provider_org_id",
  "seeker_org_id",
  (CASE WHEN "origin" = 'PROPOSAL' THEN "demand_id" ELSE "offer_id" END)
) WHERE "state" NOT IN ('DECLINED', 'EXPIRED', 'COMPLETED', 'TERMINATED', 'CANCELLED');

ALTER TABLE "deals"
  ADD CONSTRAINT "deals_two_parties" CHECK ("provider_org_id" <> "seeker_org_id"),
  ADD CONSTRAINT "deals_listing_present" CHECK (
    CASE WHEN "origin" = 'PROPOSAL' THEN "demand_id" IS NOT NULL AND "offer_id" IS NOT NULL
         ELSE "offer_id" IS NOT NULL END),
  ADD CONSTRAINT "deals_budget_not_negative" CHECK ("budget" IS NULL OR "budget" >= 0),
  ADD CONSTRAINT "deals_nda_side" CHECK ("nda_required_by" IS NULL OR "nda_required_by" IN ('provider', 'seeker'));
