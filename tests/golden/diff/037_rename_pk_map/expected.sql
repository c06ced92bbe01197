-- AlterTable
ALTER TABLE "Doc" RENAME CONSTRAINT "Doc_pkey" TO "doc_primary";

