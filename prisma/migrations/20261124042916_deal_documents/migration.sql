-- CreateEnum
CREATE TYPE "DealDocumentPurpose" AS ENUM ('DOCUMENT', 'SIGNED_CONTRACT', 'REGISTRATION_PAPER');

-- AlterTable
ALTER TABLE "attachments" ADD COLUMN     "confidential" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "deal_side" VARCHAR(12),
ADD COLUMN     "purpose" "DealDocumentPurpose",
ADD COLUMN     "series_id" UUID,
ADD COLUMN     "version" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "attachments_series_id_version_key" ON "attachments"("series_id", "version");


-- Hand-written: a deal document always has its side, purpose and place in a series; other files have none.
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_deal_document_check" CHECK (
  ("deal_id" IS NULL AND "purpose" IS NULL AND "series_id" IS NULL AND "version" IS NULL AND "deal_side" IS NULL AND NOT "confidential")
  OR ("deal_id" IS NOT NULL AND "purpose" IS NOT NULL AND "series_id" IS NOT NULL AND "version" >= 1
      AND "deal_side" IN ('provider', 'seeker', 'participant'))
);
