-- AlterTable
ALTER TABLE "users" ADD COLUMN     "consented_at" TIMESTAMPTZ(3),
ADD COLUMN     "email_opt_out" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "privacy_version" VARCHAR(20),
ADD COLUMN     "terms_version" VARCHAR(20);

-- CreateTable
CREATE TABLE "saved_searches" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "kind" VARCHAR(10) NOT NULL,
    "query" VARCHAR(200) NOT NULL DEFAULT '',
    "filters" JSONB NOT NULL DEFAULT '{}',
    "label" VARCHAR(200) NOT NULL,
    "checked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_searches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "listing_view_days" (
    "listing_kind" VARCHAR(10) NOT NULL,
    "listing_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "listing_view_days_pkey" PRIMARY KEY ("listing_kind","listing_id","day")
);

-- CreateIndex
CREATE INDEX "saved_searches_user_id_idx" ON "saved_searches"("user_id");

-- AddForeignKey
ALTER TABLE "saved_searches" ADD CONSTRAINT "saved_searches_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

