-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Measurement" (
    "id" INTEGER NOT NULL,
    "firstExtremelyLongColumnNameForTesting" TEXT NOT NULL,
    "secondExtremelyLongColumnNameForTestingToo" TEXT NOT NULL,
    "thirdColumn" INTEGER NOT NULL,

    CONSTRAINT "Measurement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Measurement_secondExtremelyLongColumnNameForTestingToo_thir_idx" ON "Measurement"("secondExtremelyLongColumnNameForTestingToo", "thirdColumn", "firstExtremelyLongColumnNameForTesting");

-- CreateIndex
CREATE UNIQUE INDEX "Measurement_firstExtremelyLongColumnNameForTesting_secondEx_key" ON "Measurement"("firstExtremelyLongColumnNameForTesting", "secondExtremelyLongColumnNameForTestingToo");

