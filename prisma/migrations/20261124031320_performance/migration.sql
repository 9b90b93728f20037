-- AlterTable
ALTER TABLE "contract_milestones" ADD COLUMN     "confirmed_at" TIMESTAMPTZ(3),
ADD COLUMN     "confirmed_by_id" UUID,
ADD COLUMN     "deliverable" TEXT,
ADD COLUMN     "done_by_id" UUID,
ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "responsible" VARCHAR(10);

