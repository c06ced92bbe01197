-- CreateEnum
CREATE TYPE "QualityPlanStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'APPROVED', 'SUPERSEDED', 'OBSOLETE');

-- CreateEnum
CREATE TYPE "CharacteristicType" AS ENUM ('VARIABLE', 'ATTRIBUTE');

-- CreateEnum
CREATE TYPE "CharacteristicClass" AS ENUM ('CRITICAL', 'MAJOR', 'MINOR');

-- CreateEnum
CREATE TYPE "InspectionType" AS ENUM ('RECEIVING', 'IN_PROCESS', 'FINAL', 'FIRST_ARTICLE', 'AUDIT');

-- CreateEnum
CREATE TYPE "InspectionStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'PASSED', 'FAILED', 'ON_HOLD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('PASS', 'FAIL', 'NOT_MEASURED');

-- CreateEnum
CREATE TYPE "NCRStatus" AS ENUM ('OPEN', 'UNDER_REVIEW', 'DISPOSITIONED', 'CORRECTIVE_ACTION', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "NCRSeverity" AS ENUM ('CRITICAL', 'MAJOR', 'MINOR');

-- CreateEnum
CREATE TYPE "Disposition" AS ENUM ('USE_AS_IS', 'REWORK', 'REPAIR', 'SCRAP', 'RETURN_TO_VENDOR');

-- CreateEnum
CREATE TYPE "FAIStatus" AS ENUM ('DRAFT', 'IN_PROGRESS', 'SUBMITTED', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "FAIReason" AS ENUM ('NEW_PART', 'DESIGN_CHANGE', 'PROCESS_CHANGE', 'SUPPLIER_CHANGE', 'PRODUCTION_LAPSE');

-- CreateEnum
CREATE TYPE "SignatureMeaning" AS ENUM ('AUTHORED', 'REVIEWED', 'APPROVED', 'VERIFIED', 'REJECTED', 'RELEASED');

-- CreateEnum
CREATE TYPE "SignedRecordType" AS ENUM ('QUALITY_PLAN', 'INSPECTION', 'NCR', 'FAI_REPORT', 'QIF_RESULT');

-- CreateEnum
CREATE TYPE "SignatureAuthMethod" AS ENUM ('PASSWORD', 'PASSWORD_AND_MFA', 'BADGE_AND_PIN', 'BIOMETRIC');

-- CreateTable
CREATE TABLE "QualityPlan" (
    "id" TEXT NOT NULL,
    "planNumber" VARCHAR(32) NOT NULL,
    "revision" VARCHAR(8) NOT NULL,
    "title" VARCHAR(255) NOT NULL,
    "status" "QualityPlanStatus" NOT NULL DEFAULT 'DRAFT',
    "partId" VARCHAR(64) NOT NULL,
    "partNumber" VARCHAR(64) NOT NULL,
    "routingOperationId" VARCHAR(64),
    "inspectionType" "InspectionType" NOT NULL DEFAULT 'IN_PROCESS',
    "samplingPlan" JSONB,
    "effectiveFrom" TIMESTAMPTZ(6) NOT NULL,
    "effectiveTo" TIMESTAMPTZ(6),
    "approvedBy" VARCHAR(64),
    "approvedAt" TIMESTAMPTZ(6),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "QualityPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualityCharacteristic" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "characteristicNumber" INTEGER NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "type" "CharacteristicType" NOT NULL DEFAULT 'VARIABLE',
    "classification" "CharacteristicClass" NOT NULL DEFAULT 'MAJOR',
    "nominal" DECIMAL(18,4),
    "lowerSpecLimit" DECIMAL(18,4),
    "upperSpecLimit" DECIMAL(18,4),
    "unitOfMeasure" VARCHAR(16),
    "gaugeType" VARCHAR(64),
    "sampleSize" INTEGER NOT NULL DEFAULT 1,
    "isSpcControlled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "QualityCharacteristic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualityInspection" (
    "id" TEXT NOT NULL,
    "inspectionNumber" VARCHAR(32) NOT NULL,
    "planId" TEXT NOT NULL,
    "inspectionType" "InspectionType" NOT NULL,
    "status" "InspectionStatus" NOT NULL DEFAULT 'PLANNED',
    "result" "Verdict",
    "workOrderId" VARCHAR(64),
    "operationId" VARCHAR(64),
    "lotId" VARCHAR(64),
    "serialNumber" VARCHAR(64),
    "partId" VARCHAR(64) NOT NULL,
    "sampleSize" INTEGER NOT NULL DEFAULT 1,
    "quantityInspected" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "quantityAccepted" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "quantityRejected" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "unitOfMeasure" VARCHAR(16) NOT NULL DEFAULT 'EA',
    "inspectorId" VARCHAR(64),
    "startedAt" TIMESTAMPTZ(6),
    "completedAt" TIMESTAMPTZ(6),
    "notes" TEXT,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "QualityInspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualityMeasurement" (
    "id" TEXT NOT NULL,
    "inspectionId" TEXT NOT NULL,
    "characteristicId" TEXT NOT NULL,
    "sampleNumber" INTEGER NOT NULL DEFAULT 1,
    "measuredValue" DECIMAL(18,6),
    "attributeValue" VARCHAR(64),
    "unitOfMeasure" VARCHAR(16),
    "result" "Verdict" NOT NULL,
    "gaugeId" VARCHAR(64),
    "measuredAt" TIMESTAMPTZ(6) NOT NULL,
    "measuredBy" VARCHAR(64),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QualityMeasurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NCR" (
    "id" TEXT NOT NULL,
    "ncrNumber" VARCHAR(32) NOT NULL,
    "status" "NCRStatus" NOT NULL DEFAULT 'OPEN',
    "severity" "NCRSeverity" NOT NULL,
    "title" VARCHAR(255) NOT NULL,
    "description" TEXT NOT NULL,
    "partId" VARCHAR(64) NOT NULL,
    "partNumber" VARCHAR(64) NOT NULL,
    "workOrderId" VARCHAR(64),
    "lotId" VARCHAR(64),
    "serialNumber" VARCHAR(64),
    "supplierId" VARCHAR(64),
    "inspectionId" TEXT,
    "quantityAffected" DECIMAL(18,4) NOT NULL,
    "unitOfMeasure" VARCHAR(16) NOT NULL DEFAULT 'EA',
    "defectCodes" TEXT[],
    "rootCause" TEXT,
    "disposition" "Disposition",
    "dispositionBy" VARCHAR(64),
    "dispositionAt" TIMESTAMPTZ(6),
    "correctiveActionRef" VARCHAR(64),
    "costImpact" DECIMAL(18,4),
    "currency" VARCHAR(3) NOT NULL DEFAULT 'USD',
    "reportedBy" VARCHAR(64) NOT NULL,
    "reportedAt" TIMESTAMPTZ(6) NOT NULL,
    "closedBy" VARCHAR(64),
    "closedAt" TIMESTAMPTZ(6),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "NCR_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FAIReport" (
    "id" TEXT NOT NULL,
    "faiNumber" VARCHAR(32) NOT NULL,
    "status" "FAIStatus" NOT NULL DEFAULT 'DRAFT',
    "reason" "FAIReason" NOT NULL,
    "partId" VARCHAR(64) NOT NULL,
    "partNumber" VARCHAR(64) NOT NULL,
    "partRevision" VARCHAR(16) NOT NULL,
    "drawingNumber" VARCHAR(64),
    "workOrderId" VARCHAR(64),
    "serialNumber" VARCHAR(64),
    "isPartial" BOOLEAN NOT NULL DEFAULT false,
    "formData" JSONB,
    "submittedAt" TIMESTAMPTZ(6),
    "approvedAt" TIMESTAMPTZ(6),
    "approvedBy" VARCHAR(64),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "FAIReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FAICharacteristic" (
    "id" TEXT NOT NULL,
    "faiReportId" TEXT NOT NULL,
    "characteristicNumber" INTEGER NOT NULL,
    "designRequirement" TEXT NOT NULL,
    "nominal" DECIMAL(18,4),
    "lowerSpecLimit" DECIMAL(18,4),
    "upperSpecLimit" DECIMAL(18,4),
    "unitOfMeasure" VARCHAR(16),
    "actualValue" DECIMAL(18,6),
    "actualText" VARCHAR(255),
    "result" "Verdict" NOT NULL,
    "toolUsed" VARCHAR(64),
    "ncrId" TEXT,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "FAICharacteristic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ElectronicSignature" (
    "id" UUID NOT NULL,
    "signerId" VARCHAR(64) NOT NULL,
    "signerUsername" VARCHAR(64) NOT NULL,
    "signerFullName" VARCHAR(200) NOT NULL,
    "signerRole" VARCHAR(64),
    "meaning" "SignatureMeaning" NOT NULL,
    "reason" TEXT,
    "recordType" "SignedRecordType" NOT NULL,
    "recordId" VARCHAR(64) NOT NULL,
    "recordHash" VARCHAR(128) NOT NULL,
    "hashAlgorithm" VARCHAR(16) NOT NULL DEFAULT 'SHA-256',
    "authMethod" "SignatureAuthMethod" NOT NULL DEFAULT 'PASSWORD',
    "signedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sessionId" VARCHAR(64),
    "ipAddress" VARCHAR(45),
    "workstationId" VARCHAR(64),
    "isValid" BOOLEAN NOT NULL DEFAULT true,
    "invalidatedAt" TIMESTAMPTZ(6),
    "invalidatedReason" TEXT,
    "ncrId" TEXT,
    "faiReportId" TEXT,

    CONSTRAINT "ElectronicSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QIFMeasurementPlan" (
    "id" UUID NOT NULL,
    "qpid" UUID NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "qifVersion" VARCHAR(16) NOT NULL DEFAULT '3.0.0',
    "partId" VARCHAR(64) NOT NULL,
    "partNumber" VARCHAR(64) NOT NULL,
    "qualityPlanId" TEXT,
    "document" TEXT,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "QIFMeasurementPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QIFCharacteristic" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "qifId" INTEGER NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "characteristicType" VARCHAR(64) NOT NULL,
    "nominal" DECIMAL(18,6),
    "lowerTolerance" DECIMAL(18,6),
    "upperTolerance" DECIMAL(18,6),
    "unitOfMeasure" VARCHAR(16) NOT NULL DEFAULT 'mm',
    "qualityCharacteristicId" TEXT,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QIFCharacteristic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QIFMeasurementResult" (
    "id" UUID NOT NULL,
    "resultsQpid" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "inspectionId" TEXT,
    "serialNumber" VARCHAR(64),
    "lotId" VARCHAR(64),
    "workOrderId" VARCHAR(64),
    "status" "Verdict" NOT NULL,
    "measurementDevice" VARCHAR(128),
    "operatorId" VARCHAR(64),
    "measuredAt" TIMESTAMPTZ(6) NOT NULL,
    "importedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rawDocument" TEXT,

    CONSTRAINT "QIFMeasurementResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QIFMeasurement" (
    "id" UUID NOT NULL,
    "resultId" UUID NOT NULL,
    "characteristicId" UUID NOT NULL,
    "measuredValue" DECIMAL(18,6) NOT NULL,
    "deviation" DECIMAL(18,6),
    "result" "Verdict" NOT NULL,
    "measuredAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "QIFMeasurement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QualityPlan_partId_status_idx" ON "QualityPlan"("partId", "status");

-- CreateIndex
CREATE INDEX "QualityPlan_status_idx" ON "QualityPlan"("status");

-- CreateIndex
CREATE UNIQUE INDEX "QualityPlan_planNumber_revision_key" ON "QualityPlan"("planNumber", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "QualityCharacteristic_planId_characteristicNumber_key" ON "QualityCharacteristic"("planId", "characteristicNumber");

-- CreateIndex
CREATE UNIQUE INDEX "QualityInspection_inspectionNumber_key" ON "QualityInspection"("inspectionNumber");

-- CreateIndex
CREATE INDEX "QualityInspection_status_idx" ON "QualityInspection"("status");

-- CreateIndex
CREATE INDEX "QualityInspection_workOrderId_idx" ON "QualityInspection"("workOrderId");

-- CreateIndex
CREATE INDEX "QualityInspection_lotId_idx" ON "QualityInspection"("lotId");

-- CreateIndex
CREATE INDEX "QualityInspection_serialNumber_idx" ON "QualityInspection"("serialNumber");

-- CreateIndex
CREATE INDEX "QualityInspection_planId_idx" ON "QualityInspection"("planId");

-- CreateIndex
CREATE INDEX "QualityInspection_completedAt_idx" ON "QualityInspection"("completedAt");

-- CreateIndex
CREATE INDEX "QualityMeasurement_characteristicId_measuredAt_idx" ON "QualityMeasurement"("characteristicId", "measuredAt");

-- CreateIndex
CREATE INDEX "QualityMeasurement_result_idx" ON "QualityMeasurement"("result");

-- CreateIndex
CREATE UNIQUE INDEX "QualityMeasurement_inspectionId_characteristicId_sampleNumb_key" ON "QualityMeasurement"("inspectionId", "characteristicId", "sampleNumber");

-- CreateIndex
CREATE UNIQUE INDEX "NCR_ncrNumber_key" ON "NCR"("ncrNumber");

-- CreateIndex
CREATE UNIQUE INDEX "NCR_inspectionId_key" ON "NCR"("inspectionId");

-- CreateIndex
CREATE INDEX "NCR_status_severity_idx" ON "NCR"("status", "severity");

-- CreateIndex
CREATE INDEX "NCR_partId_idx" ON "NCR"("partId");

-- CreateIndex
CREATE INDEX "NCR_workOrderId_idx" ON "NCR"("workOrderId");

-- CreateIndex
CREATE INDEX "NCR_reportedAt_idx" ON "NCR"("reportedAt");

-- CreateIndex
CREATE UNIQUE INDEX "FAIReport_faiNumber_key" ON "FAIReport"("faiNumber");

-- CreateIndex
CREATE INDEX "FAIReport_partId_idx" ON "FAIReport"("partId");

-- CreateIndex
CREATE INDEX "FAIReport_status_idx" ON "FAIReport"("status");

-- CreateIndex
CREATE UNIQUE INDEX "FAICharacteristic_faiReportId_characteristicNumber_key" ON "FAICharacteristic"("faiReportId", "characteristicNumber");

-- CreateIndex
CREATE INDEX "ElectronicSignature_recordType_recordId_idx" ON "ElectronicSignature"("recordType", "recordId");

-- CreateIndex
CREATE INDEX "ElectronicSignature_signerId_signedAt_idx" ON "ElectronicSignature"("signerId", "signedAt");

-- CreateIndex
CREATE INDEX "ElectronicSignature_ncrId_idx" ON "ElectronicSignature"("ncrId");

-- CreateIndex
CREATE INDEX "ElectronicSignature_faiReportId_idx" ON "ElectronicSignature"("faiReportId");

-- CreateIndex
CREATE UNIQUE INDEX "ElectronicSignature_recordType_recordId_signerId_meaning_key" ON "ElectronicSignature"("recordType", "recordId", "signerId", "meaning");

-- CreateIndex
CREATE UNIQUE INDEX "QIFMeasurementPlan_qpid_key" ON "QIFMeasurementPlan"("qpid");

-- CreateIndex
CREATE INDEX "QIFMeasurementPlan_partId_idx" ON "QIFMeasurementPlan"("partId");

-- CreateIndex
CREATE INDEX "QIFMeasurementPlan_qualityPlanId_idx" ON "QIFMeasurementPlan"("qualityPlanId");

-- CreateIndex
CREATE UNIQUE INDEX "QIFCharacteristic_planId_qifId_key" ON "QIFCharacteristic"("planId", "qifId");

-- CreateIndex
CREATE UNIQUE INDEX "QIFMeasurementResult_resultsQpid_key" ON "QIFMeasurementResult"("resultsQpid");

-- CreateIndex
CREATE INDEX "QIFMeasurementResult_planId_measuredAt_idx" ON "QIFMeasurementResult"("planId", "measuredAt");

-- CreateIndex
CREATE INDEX "QIFMeasurementResult_serialNumber_idx" ON "QIFMeasurementResult"("serialNumber");

-- CreateIndex
CREATE INDEX "QIFMeasurementResult_inspectionId_idx" ON "QIFMeasurementResult"("inspectionId");

-- CreateIndex
CREATE INDEX "QIFMeasurement_characteristicId_measuredAt_idx" ON "QIFMeasurement"("characteristicId", "measuredAt");

-- CreateIndex
CREATE UNIQUE INDEX "QIFMeasurement_resultId_characteristicId_key" ON "QIFMeasurement"("resultId", "characteristicId");

-- AddForeignKey
ALTER TABLE "QualityCharacteristic" ADD CONSTRAINT "QualityCharacteristic_planId_fkey" FOREIGN KEY ("planId") REFERENCES "QualityPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityInspection" ADD CONSTRAINT "QualityInspection_planId_fkey" FOREIGN KEY ("planId") REFERENCES "QualityPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityMeasurement" ADD CONSTRAINT "QualityMeasurement_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "QualityInspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityMeasurement" ADD CONSTRAINT "QualityMeasurement_characteristicId_fkey" FOREIGN KEY ("characteristicId") REFERENCES "QualityCharacteristic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NCR" ADD CONSTRAINT "NCR_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "QualityInspection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FAICharacteristic" ADD CONSTRAINT "FAICharacteristic_faiReportId_fkey" FOREIGN KEY ("faiReportId") REFERENCES "FAIReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FAICharacteristic" ADD CONSTRAINT "FAICharacteristic_ncrId_fkey" FOREIGN KEY ("ncrId") REFERENCES "NCR"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectronicSignature" ADD CONSTRAINT "ElectronicSignature_ncrId_fkey" FOREIGN KEY ("ncrId") REFERENCES "NCR"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ElectronicSignature" ADD CONSTRAINT "ElectronicSignature_faiReportId_fkey" FOREIGN KEY ("faiReportId") REFERENCES "FAIReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QIFMeasurementPlan" ADD CONSTRAINT "QIFMeasurementPlan_qualityPlanId_fkey" FOREIGN KEY ("qualityPlanId") REFERENCES "QualityPlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QIFCharacteristic" ADD CONSTRAINT "QIFCharacteristic_planId_fkey" FOREIGN KEY ("planId") REFERENCES "QIFMeasurementPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QIFCharacteristic" ADD CONSTRAINT "QIFCharacteristic_qualityCharacteristicId_fkey" FOREIGN KEY ("qualityCharacteristicId") REFERENCES "QualityCharacteristic"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QIFMeasurementResult" ADD CONSTRAINT "QIFMeasurementResult_planId_fkey" FOREIGN KEY ("planId") REFERENCES "QIFMeasurementPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QIFMeasurementResult" ADD CONSTRAINT "QIFMeasurementResult_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "QualityInspection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QIFMeasurement" ADD CONSTRAINT "QIFMeasurement_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "QIFMeasurementResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QIFMeasurement" ADD CONSTRAINT "QIFMeasurement_characteristicId_fkey" FOREIGN KEY ("characteristicId") REFERENCES "QIFCharacteristic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
