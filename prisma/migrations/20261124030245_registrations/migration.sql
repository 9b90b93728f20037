-- AlterTable
ALTER TABLE "deals" ADD COLUMN     "registration_reminders" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- AlterTable
ALTER TABLE "registrations" ADD COLUMN     "deal_id" UUID,
ADD COLUMN     "filed_by_id" UUID,
ADD COLUMN     "papers_added_at" TIMESTAMPTZ(3),
ADD COLUMN     "papers_note" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "registrations_deal_id_idx" ON "registrations"("deal_id");

