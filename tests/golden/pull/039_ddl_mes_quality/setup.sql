-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "InspectionResult" AS ENUM ('PASS', 'FAIL', 'CONDITIONAL');

-- CreateEnum
CREATE TYPE "NCRStatus" AS ENUM ('OPEN', 'under_review', 'CLOSED');

-- CreateTable
CREATE TABLE "quality_plans" (
    "id" TEXT NOT NULL,
    "plan_number" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "quality_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quality_characteristics" (
    "id" TEXT NOT NULL,
    "plan_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nominal" DECIMAL(18,6),
    "upperLimit" DECIMAL(18,6),
    "lowerLimit" DECIMAL(18,6),
    "unit" VARCHAR(20),

    CONSTRAINT "quality_characteristics_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualityInspection" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "workOrderId" TEXT NOT NULL,
    "result" "InspectionResult",
    "inspectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QualityInspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualityMeasurement" (
    "id" TEXT NOT NULL,
    "inspectionId" TEXT NOT NULL,
    "characteristicId" TEXT NOT NULL,
    "value" DECIMAL(18,6) NOT NULL,
    "withinSpec" BOOLEAN NOT NULL,

    CONSTRAINT "QualityMeasurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NCR" (
    "id" SERIAL NOT NULL,
    "ncrNumber" TEXT NOT NULL,
    "status" "NCRStatus" NOT NULL DEFAULT 'OPEN',
    "inspectionId" TEXT,
    "description" TEXT NOT NULL,

    CONSTRAINT "NCR_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElectronicSignature" (
    "id" TEXT NOT NULL,
    "signerId" TEXT NOT NULL,
    "meaning" TEXT NOT NULL,
    "signedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordHash" CHAR(64) NOT NULL,

    CONSTRAINT "ElectronicSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_ElectronicSignatureToNCR" (
    "A" TEXT NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_ElectronicSignatureToNCR_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "quality_plans_plan_number_key" ON "quality_plans"("plan_number");

-- CreateIndex
CREATE UNIQUE INDEX "quality_plans_plan_number_revision_key" ON "quality_plans"("plan_number", "revision");

-- CreateIndex
CREATE INDEX "QualityInspection_workOrderId_idx" ON "QualityInspection"("workOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "QualityMeasurement_inspectionId_characteristicId_key" ON "QualityMeasurement"("inspectionId", "characteristicId");

-- CreateIndex
CREATE UNIQUE INDEX "NCR_ncrNumber_key" ON "NCR"("ncrNumber");

-- CreateIndex
CREATE INDEX "_ElectronicSignatureToNCR_B_index" ON "_ElectronicSignatureToNCR"("B");

-- AddForeignKey
ALTER TABLE "quality_characteristics" ADD CONSTRAINT "quality_characteristics_plan_id_fkey" FOREIGN KEY ("plan_id") REFERENCES "quality_plans"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityInspection" ADD CONSTRAINT "QualityInspection_planId_fkey" FOREIGN KEY ("planId") REFERENCES "quality_plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityMeasurement" ADD CONSTRAINT "QualityMeasurement_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "QualityInspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityMeasurement" ADD CONSTRAINT "QualityMeasurement_characteristicId_fkey" FOREIGN KEY ("characteristicId") REFERENCES "quality_characteristics"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NCR" ADD CONSTRAINT "NCR_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "QualityInspection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ElectronicSignatureToNCR" ADD CONSTRAINT "_ElectronicSignatureToNCR_A_fkey" FOREIGN KEY ("A") REFERENCES "ElectronicSignature"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ElectronicSignatureToNCR" ADD CONSTRAINT "_ElectronicSignatureToNCR_B_fkey" FOREIGN KEY ("B") REFERENCES "NCR"("id") ON DELETE CASCADE ON UPDATE CASCADE;

