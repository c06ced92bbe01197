-- RenameForeignKey
ALTER TABLE "B" RENAME CONSTRAINT "B_aId_fkey" TO "b_to_a";

