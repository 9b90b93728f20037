-- AlterTable
ALTER TABLE "offers" ADD COLUMN     "matched_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "demands" ADD COLUMN     "matched_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "matches" DROP COLUMN "state",
ADD COLUMN     "demand_state" "MatchState" NOT NULL DEFAULT 'SUGGESTED',
ADD COLUMN     "offer_state" "MatchState" NOT NULL DEFAULT 'SUGGESTED';

