-- AlterTable
ALTER TABLE "deals" ADD COLUMN     "registration_mandatory" BOOLEAN,
ADD COLUMN     "registration_reason" VARCHAR(40),
ADD COLUMN     "signed_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "contracts" ADD COLUMN     "created_by_id" UUID,
ALTER COLUMN "technology_name" DROP NOT NULL,
ALTER COLUMN "value" DROP NOT NULL,
ALTER COLUMN "payment_schedule" DROP NOT NULL;

-- CreateTable
CREATE TABLE "contract_confirmations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contract_id" UUID NOT NULL,
    "side" VARCHAR(10) NOT NULL,
    "version_no" INTEGER NOT NULL,
    "content_sha256" CHAR(64) NOT NULL,
    "user_id" UUID NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contract_confirmations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "contract_confirmations_contract_id_side_key" ON "contract_confirmations"("contract_id", "side");

-- AddForeignKey
ALTER TABLE "contract_confirmations" ADD CONSTRAINT "contract_confirmations_contract_id_fkey" FOREIGN KEY ("contract_id") REFERENCES "contracts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

