-- CreateIndex
CREATE INDEX "matches_created_at_idx" ON "matches"("created_at");

-- CreateIndex
CREATE INDEX "deals_created_at_idx" ON "deals"("created_at");

-- CreateIndex
CREATE INDEX "deals_responded_at_idx" ON "deals"("responded_at");

-- CreateIndex
CREATE INDEX "deals_nda_acknowledged_at_idx" ON "deals"("nda_acknowledged_at");

-- CreateIndex
CREATE INDEX "deals_state_changed_at_idx" ON "deals"("state_changed_at");

-- CreateIndex
CREATE INDEX "contracts_signed_at_idx" ON "contracts"("signed_at");

-- CreateIndex
CREATE INDEX "registrations_filed_at_idx" ON "registrations"("filed_at");

-- CreateIndex
CREATE INDEX "registrations_decided_at_idx" ON "registrations"("decided_at");

-- CreateIndex
CREATE INDEX "audit_events_action_occurred_at_idx" ON "audit_events"("action", "occurred_at");


-- Hand-written (lib/kpi/README.md): covering and partial indexes Prisma cannot express.
-- The submission before each moderation decision, read without visiting the table.
CREATE INDEX "audit_events_entity_seq_idx" ON "audit_events" ("entity_type", "entity_id", "seq") INCLUDE ("action", "occurred_at");
-- Published listings by publication date, with what the stock and breakdowns read.
CREATE INDEX "offers_kpi_idx" ON "offers" ("published_at") INCLUDE ("status", "expires_at", "updated_at", "organization_id", "sector_code") WHERE "published_at" IS NOT NULL;
CREATE INDEX "demands_kpi_idx" ON "demands" ("published_at") INCLUDE ("status", "expires_at", "updated_at", "organization_id", "sector_code") WHERE "published_at" IS NOT NULL;
