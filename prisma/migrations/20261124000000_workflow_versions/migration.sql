-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

