-- Extensions used by search (unaccent, pg_trgm) and by uuid/hash defaults (pgcrypto).
CREATE EXTENSION IF NOT EXISTS "pgcrypto";
CREATE EXTENSION IF NOT EXISTS "unaccent";
CREATE EXTENSION IF NOT EXISTS "pg_trgm";


-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PROVIDER', 'SEEKER', 'INTERMEDIARY', 'OPERATOR', 'OFFICER', 'AUDITOR', 'ADMIN');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('ACTIVE', 'DISABLED');

-- CreateEnum
CREATE TYPE "OrgType" AS ENUM ('UNIVERSITY', 'INSTITUTE', 'ENTERPRISE', 'INDIVIDUAL', 'INTERMEDIARY', 'STATE_AGENCY');

-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('UNVERIFIED', 'PENDING', 'VERIFIED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ListingStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'REJECTED', 'EXPIRED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ScreeningOutcome" AS ENUM ('CLEAR', 'ENCOURAGED', 'RESTRICTED', 'PROHIBITED');

-- CreateEnum
CREATE TYPE "IpStatus" AS ENUM ('PATENT', 'UTILITY_SOLUTION', 'INDUSTRIAL_DESIGN', 'PLANT_VARIETY', 'COPYRIGHT_SOFTWARE', 'LAYOUT_DESIGN', 'APPLICATION_PENDING', 'KNOW_HOW', 'NONE');

-- CreateEnum
CREATE TYPE "TransferObject" AS ENUM ('KNOW_HOW', 'DOCUMENTS_SOFTWARE_DATA', 'RATIONALISATION', 'MACHINERY_WITH_TECHNOLOGY');

-- CreateEnum
CREATE TYPE "TransferForm" AS ENUM ('STANDALONE', 'INVESTMENT_PROJECT', 'CAPITAL_CONTRIBUTION', 'FRANCHISE', 'IP_RIGHT_TRANSFER', 'MACHINERY_SALE');

-- CreateEnum
CREATE TYPE "TransferMethod" AS ENUM ('DOCUMENTS', 'TRAINING', 'EXPERT_ASSISTANCE', 'MACHINERY_PLUS', 'OTHER');

-- CreateEnum
CREATE TYPE "PriceType" AS ENUM ('NEGOTIABLE', 'RANGE', 'FIXED');

-- CreateEnum
CREATE TYPE "AttachmentKind" AS ENUM ('IMAGE', 'DOCUMENT');

-- CreateEnum
CREATE TYPE "MatchState" AS ENUM ('SUGGESTED', 'SEEN', 'DISMISSED', 'ACTED_ON');

-- CreateEnum
CREATE TYPE "DealState" AS ENUM ('EOI_SENT', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'NEGOTIATING', 'CONTRACT_DRAFTED', 'SIGNED', 'REGISTRATION', 'IN_PERFORMANCE', 'COMPLETED', 'TERMINATED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DealOrigin" AS ENUM ('EOI', 'PROPOSAL', 'EXPRESS_LICENCE');

-- CreateEnum
CREATE TYPE "ContractState" AS ENUM ('DRAFT', 'SIGNED', 'IN_PERFORMANCE', 'COMPLETED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "RegistrationState" AS ENUM ('FILED', 'MISSING_PAPERS', 'CERTIFIED', 'REFUSED');

-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('TECHMART', 'TECHDEMO', 'MATCHMAKING');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "ScreeningCategory" AS ENUM ('ENCOURAGED', 'RESTRICTED', 'PROHIBITED');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "password_hash" TEXT NOT NULL,
    "roles" "Role"[],
    "status" "UserStatus" NOT NULL DEFAULT 'ACTIVE',
    "locale" VARCHAR(5) NOT NULL DEFAULT 'vi',
    "phone" VARCHAR(30),
    "organization_id" UUID,
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempts" (
    "id" BIGSERIAL NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "ip" VARCHAR(64) NOT NULL,
    "success" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organizations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" VARCHAR(160) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "name_en" VARCHAR(200),
    "type" "OrgType" NOT NULL,
    "description" TEXT,
    "description_en" TEXT,
    "tax_code" VARCHAR(20),
    "establishment_decision" VARCHAR(120),
    "address" VARCHAR(300),
    "location" VARCHAR(40) NOT NULL DEFAULT 'HN',
    "website" VARCHAR(300),
    "verification_status" "VerificationStatus" NOT NULL DEFAULT 'UNVERIFIED',
    "verification_note" TEXT,
    "verified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "taxonomy_nodes" (
    "code" VARCHAR(8) NOT NULL,
    "parent_code" VARCHAR(8),
    "level" SMALLINT NOT NULL,
    "name_vi" VARCHAR(200) NOT NULL,
    "name_en" VARCHAR(200) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "taxonomy_nodes_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "offers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" VARCHAR(200) NOT NULL,
    "organization_id" UUID NOT NULL,
    "created_by_id" UUID NOT NULL,
    "status" "ListingStatus" NOT NULL DEFAULT 'DRAFT',
    "title_vi" VARCHAR(200) NOT NULL,
    "title_en" VARCHAR(200),
    "summary_vi" VARCHAR(1000) NOT NULL,
    "summary_en" VARCHAR(1000),
    "description" TEXT NOT NULL,
    "sector_code" VARCHAR(8) NOT NULL,
    "keywords" TEXT[],
    "trl" SMALLINT NOT NULL,
    "ip_status" "IpStatus" NOT NULL,
    "ip_title_number" VARCHAR(60),
    "transfer_objects" "TransferObject"[],
    "transfer_forms" "TransferForm"[],
    "transfer_methods" "TransferMethod"[],
    "price_type" "PriceType" NOT NULL DEFAULT 'NEGOTIABLE',
    "price_min" BIGINT,
    "price_max" BIGINT,
    "application_areas" TEXT,
    "advantages" TEXT,
    "location" VARCHAR(40) NOT NULL DEFAULT 'HN',
    "state_funded" BOOLEAN NOT NULL DEFAULT false,
    "funding_programme" VARCHAR(300),
    "screening" "ScreeningOutcome" NOT NULL DEFAULT 'CLEAR',
    "screening_note" TEXT,
    "moderation_note" TEXT,
    "pending_revision" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submitted_at" TIMESTAMPTZ(3),
    "published_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "reminded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "offers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "demands" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" VARCHAR(200) NOT NULL,
    "organization_id" UUID NOT NULL,
    "created_by_id" UUID NOT NULL,
    "status" "ListingStatus" NOT NULL DEFAULT 'DRAFT',
    "title_vi" VARCHAR(200) NOT NULL,
    "title_en" VARCHAR(200),
    "summary_vi" VARCHAR(1000),
    "summary_en" VARCHAR(1000),
    "description" TEXT NOT NULL,
    "sector_code" VARCHAR(8) NOT NULL,
    "keywords" TEXT[],
    "trl_min" SMALLINT NOT NULL DEFAULT 1,
    "budget_min" BIGINT,
    "budget_max" BIGINT,
    "deadline" DATE,
    "location" VARCHAR(40) NOT NULL DEFAULT 'HN',
    "preferred_forms" "TransferForm"[],
    "confidential" BOOLEAN NOT NULL DEFAULT false,
    "screening" "ScreeningOutcome" NOT NULL DEFAULT 'CLEAR',
    "screening_note" TEXT,
    "moderation_note" TEXT,
    "pending_revision" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submitted_at" TIMESTAMPTZ(3),
    "published_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "reminded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "demands_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "AttachmentKind" NOT NULL,
    "filename" VARCHAR(255) NOT NULL,
    "mime_type" VARCHAR(120) NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "storage_key" VARCHAR(300) NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "offer_id" UUID,
    "demand_id" UUID,
    "organization_id" UUID,
    "deal_id" UUID,
    "contract_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "matches" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "offer_id" UUID NOT NULL,
    "demand_id" UUID NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "explanation" JSONB NOT NULL,
    "state" "MatchState" NOT NULL DEFAULT 'SUGGESTED',
    "notified_at" TIMESTAMPTZ(3),
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "matches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deals" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "reference" VARCHAR(30) NOT NULL,
    "origin" "DealOrigin" NOT NULL,
    "state" "DealState" NOT NULL DEFAULT 'EOI_SENT',
    "offer_id" UUID,
    "demand_id" UUID,
    "match_id" UUID,
    "provider_org_id" UUID NOT NULL,
    "seeker_org_id" UUID NOT NULL,
    "initiated_by_id" UUID NOT NULL,
    "state_reason" TEXT,
    "nda_acknowledged_at" TIMESTAMPTZ(3),
    "respond_by" TIMESTAMPTZ(3),
    "responded_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deal_participants" (
    "deal_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "invited_by_id" UUID NOT NULL,
    "invited_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deal_participants_pkey" PRIMARY KEY ("deal_id","organization_id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "deal_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contracts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "deal_id" UUID NOT NULL,
    "version_no" INTEGER NOT NULL,
    "state" "ContractState" NOT NULL DEFAULT 'DRAFT',
    "technology_name" VARCHAR(300) NOT NULL,
    "terms" JSONB NOT NULL,
    "value" BIGINT NOT NULL,
    "payment_schedule" JSONB NOT NULL,
    "effective_date" DATE,
    "term_end_date" DATE,
    "registration_required" BOOLEAN NOT NULL DEFAULT false,
    "content_sha256" CHAR(64) NOT NULL,
    "provider_signed_at" TIMESTAMPTZ(3),
    "provider_signed_by_id" UUID,
    "seeker_signed_at" TIMESTAMPTZ(3),
    "seeker_signed_by_id" UUID,
    "signed_at" TIMESTAMPTZ(3),
    "state_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "contracts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contract_milestones" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contract_id" UUID NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "due_date" DATE NOT NULL,
    "amount" BIGINT,
    "completed_at" TIMESTAMPTZ(3),
    "paid_at" TIMESTAMPTZ(3),

    CONSTRAINT "contract_milestones_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "registrations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contract_id" UUID NOT NULL,
    "state" "RegistrationState" NOT NULL DEFAULT 'FILED',
    "mandatory" BOOLEAN NOT NULL,
    "dossier" JSONB NOT NULL,
    "fee" BIGINT NOT NULL,
    "filed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "papers_requested_at" TIMESTAMPTZ(3),
    "decision_due_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,
    "certificate_number" VARCHAR(60),
    "refusal_reason" TEXT,

    CONSTRAINT "registrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ratings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "deal_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "stars" SMALLINT NOT NULL,
    "comment" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ratings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "experts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" VARCHAR(160) NOT NULL,
    "user_id" UUID,
    "name" VARCHAR(120) NOT NULL,
    "title" VARCHAR(120),
    "organization_id" UUID,
    "sector_codes" TEXT[],
    "expertise" TEXT NOT NULL,
    "expertise_en" TEXT,
    "bio" TEXT,
    "is_public" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "experts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" VARCHAR(160) NOT NULL,
    "type" "EventType" NOT NULL,
    "title_vi" VARCHAR(200) NOT NULL,
    "title_en" VARCHAR(200),
    "description" TEXT,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "place" VARCHAR(300),
    "online" BOOLEAN NOT NULL DEFAULT false,
    "capacity" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_listings" (
    "event_id" UUID NOT NULL,
    "offer_id" UUID NOT NULL,

    CONSTRAINT "event_listings_pkey" PRIMARY KEY ("event_id","offer_id")
);

-- CreateTable
CREATE TABLE "event_signups" (
    "event_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_signups_pkey" PRIMARY KEY ("event_id","user_id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "type" VARCHAR(60) NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "link" VARCHAR(300),
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_outbox" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "to" VARCHAR(254) NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "body" TEXT NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "screening_entries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "category" "ScreeningCategory" NOT NULL,
    "name" VARCHAR(300) NOT NULL,
    "sector_codes" TEXT[],
    "keywords" TEXT[],
    "source" VARCHAR(300),
    "sample" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "screening_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpi_targets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "metric" VARCHAR(60) NOT NULL,
    "period" VARCHAR(10) NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "comparator" VARCHAR(3) NOT NULL DEFAULT 'gte',
    "note" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "kpi_targets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "seq" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_role" VARCHAR(40),
    "action" VARCHAR(80) NOT NULL,
    "entity_type" VARCHAR(40) NOT NULL,
    "entity_id" VARCHAR(80),
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "request_id" VARCHAR(64),
    "ip" VARCHAR(64),
    "prev_hash" CHAR(64) NOT NULL,
    "hash" CHAR(64) NOT NULL,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_organization_id_idx" ON "users"("organization_id");

-- CreateIndex
CREATE INDEX "login_attempts_email_created_at_idx" ON "login_attempts"("email", "created_at");

-- CreateIndex
CREATE INDEX "login_attempts_ip_created_at_idx" ON "login_attempts"("ip", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations"("slug");

-- CreateIndex
CREATE INDEX "organizations_type_idx" ON "organizations"("type");

-- CreateIndex
CREATE INDEX "taxonomy_nodes_parent_code_idx" ON "taxonomy_nodes"("parent_code");

-- CreateIndex
CREATE UNIQUE INDEX "offers_slug_key" ON "offers"("slug");

-- CreateIndex
CREATE INDEX "offers_status_published_at_idx" ON "offers"("status", "published_at");

-- CreateIndex
CREATE INDEX "offers_organization_id_idx" ON "offers"("organization_id");

-- CreateIndex
CREATE INDEX "offers_sector_code_idx" ON "offers"("sector_code");

-- CreateIndex
CREATE UNIQUE INDEX "demands_slug_key" ON "demands"("slug");

-- CreateIndex
CREATE INDEX "demands_status_published_at_idx" ON "demands"("status", "published_at");

-- CreateIndex
CREATE INDEX "demands_organization_id_idx" ON "demands"("organization_id");

-- CreateIndex
CREATE INDEX "demands_sector_code_idx" ON "demands"("sector_code");

-- CreateIndex
CREATE UNIQUE INDEX "attachments_storage_key_key" ON "attachments"("storage_key");

-- CreateIndex
CREATE INDEX "attachments_offer_id_idx" ON "attachments"("offer_id");

-- CreateIndex
CREATE INDEX "attachments_demand_id_idx" ON "attachments"("demand_id");

-- CreateIndex
CREATE INDEX "attachments_deal_id_idx" ON "attachments"("deal_id");

-- CreateIndex
CREATE INDEX "matches_demand_id_score_idx" ON "matches"("demand_id", "score");

-- CreateIndex
CREATE UNIQUE INDEX "matches_offer_id_demand_id_key" ON "matches"("offer_id", "demand_id");

-- CreateIndex
CREATE UNIQUE INDEX "deals_reference_key" ON "deals"("reference");

-- CreateIndex
CREATE INDEX "deals_provider_org_id_state_idx" ON "deals"("provider_org_id", "state");

-- CreateIndex
CREATE INDEX "deals_seeker_org_id_state_idx" ON "deals"("seeker_org_id", "state");

-- CreateIndex
CREATE INDEX "messages_deal_id_created_at_idx" ON "messages"("deal_id", "created_at");

-- CreateIndex
CREATE INDEX "contracts_state_signed_at_idx" ON "contracts"("state", "signed_at");

-- CreateIndex
CREATE UNIQUE INDEX "contracts_deal_id_version_no_key" ON "contracts"("deal_id", "version_no");

-- CreateIndex
CREATE INDEX "contract_milestones_contract_id_idx" ON "contract_milestones"("contract_id");

-- CreateIndex
CREATE UNIQUE INDEX "registrations_certificate_number_key" ON "registrations"("certificate_number");

-- CreateIndex
CREATE INDEX "registrations_state_filed_at_idx" ON "registrations"("state", "filed_at");

-- CreateIndex
CREATE UNIQUE INDEX "ratings_deal_id_author_id_key" ON "ratings"("deal_id", "author_id");

-- CreateIndex
CREATE UNIQUE INDEX "experts_slug_key" ON "experts"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "experts_user_id_key" ON "experts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "events_slug_key" ON "events"("slug");

-- CreateIndex
CREATE INDEX "notifications_user_id_read_at_created_at_idx" ON "notifications"("user_id", "read_at", "created_at");

-- CreateIndex
CREATE INDEX "email_outbox_status_created_at_idx" ON "email_outbox"("status", "created_at");

-- CreateIndex
CREATE INDEX "screening_entries_category_idx" ON "screening_entries"("category");

-- CreateIndex
CREATE UNIQUE INDEX "kpi_targets_metric_period_key" ON "kpi_targets"("metric", "period");

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_hash_key" ON "audit_events"("hash");

-- CreateIndex
CREATE INDEX "audit_events_entity_type_entity_id_idx" ON "audit_events"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_occurred_at_idx" ON "audit_events"("actor_id", "occurred_at");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "taxonomy_nodes" ADD CONSTRAINT "taxonomy_nodes_parent_code_fkey" FOREIGN KEY ("parent_code") REFERENCES "taxonomy_nodes"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offers" ADD CONSTRAINT "offers_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offers" ADD CONSTRAINT "offers_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offers" ADD CONSTRAINT "offers_sector_code_fkey" FOREIGN KEY ("sector_code") REFERENCES "taxonomy_nodes"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demands" ADD CONSTRAINT "demands_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demands" ADD CONSTRAINT "demands_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demands" ADD CONSTRAINT "demands_sector_code_fkey" FOREIGN KEY ("sector_code") REFERENCES "taxonomy_nodes"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_demand_id_fkey" FOREIGN KEY ("demand_id") REFERENCES "demands"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deals"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "matches" ADD CONSTRAINT "matches_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "matches" ADD CONSTRAINT "matches_demand_id_fkey" FOREIGN KEY ("demand_id") REFERENCES "demands"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deals" ADD CONSTRAINT "deals_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deals" ADD CONSTRAINT "deals_demand_id_fkey" FOREIGN KEY ("demand_id") REFERENCES "demands"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deals" ADD CONSTRAINT "deals_match_id_fkey" FOREIGN KEY ("match_id") REFERENCES "matches"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deals" ADD CONSTRAINT "deals_provider_org_id_fkey" FOREIGN KEY ("provider_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deals" ADD CONSTRAINT "deals_seeker_org_id_fkey" FOREIGN KEY ("seeker_org_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_participants" ADD CONSTRAINT "deal_participants_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deal_participants" ADD CONSTRAINT "deal_participants_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contract_milestones" ADD CONSTRAINT "contract_milestones_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_deal_id_fkey" FOREIGN KEY ("deal_id") REFERENCES "deals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "experts" ADD CONSTRAINT "experts_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_listings" ADD CONSTRAINT "event_listings_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_listings" ADD CONSTRAINT "event_listings_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "offers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_signups" ADD CONSTRAINT "event_signups_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_signups" ADD CONSTRAINT "event_signups_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written: the audit log is append-only. UPDATE, DELETE and TRUNCATE are refused by the
-- database itself, whatever the application does; integrity is additionally proven by the hash chain.
CREATE FUNCTION audit_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_events_no_update_delete
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
