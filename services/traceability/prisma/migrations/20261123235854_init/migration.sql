-- CreateEnum
CREATE TYPE "SerialStatus" AS ENUM ('ALLOCATED', 'IN_PRODUCTION', 'COMPLETED', 'INSTALLED', 'SHIPPED', 'RETURNED', 'SCRAPPED');

-- CreateEnum
CREATE TYPE "SerialRangeStatus" AS ENUM ('AVAILABLE', 'ACTIVE', 'EXHAUSTED', 'RETIRED');

-- CreateEnum
CREATE TYPE "SequenceReset" AS ENUM ('NEVER', 'YEARLY', 'MONTHLY', 'DAILY');

-- CreateEnum
CREATE TYPE "GenealogyRelation" AS ENUM ('RECEIVED', 'SPLIT', 'MERGE', 'TRANSFORM', 'REWORK');

-- CreateEnum
CREATE TYPE "TraceEventType" AS ENUM ('LOT_CREATED', 'LOT_SPLIT', 'LOT_MERGED', 'LOT_CONSUMED', 'SERIAL_ASSIGNED', 'OPERATION_STARTED', 'OPERATION_COMPLETED', 'INSPECTED', 'ASSEMBLED', 'DISASSEMBLED', 'MOVED', 'SHIPPED', 'RETURNED', 'SCRAPPED');

-- CreateTable
CREATE TABLE "SerialNumberPolicy" (
    "id" TEXT NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "partId" VARCHAR(64),
    "prefix" VARCHAR(16) NOT NULL,
    "suffix" VARCHAR(16),
    "formatPattern" VARCHAR(64) NOT NULL,
    "sequenceLength" INTEGER NOT NULL DEFAULT 6,
    "checkDigitAlgorithm" VARCHAR(16),
    "resetFrequency" "SequenceReset" NOT NULL DEFAULT 'NEVER',
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "SerialNumberPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SerialNumberRange" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "rangeStart" BIGINT NOT NULL,
    "rangeEnd" BIGINT NOT NULL,
    "nextValue" BIGINT NOT NULL,
    "status" "SerialRangeStatus" NOT NULL DEFAULT 'AVAILABLE',
    "workOrderId" VARCHAR(64),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,
    "createdBy" VARCHAR(64),

    CONSTRAINT "SerialNumberRange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SerializedPart" (
    "id" UUID NOT NULL,
    "serialNumber" VARCHAR(64) NOT NULL,
    "partId" VARCHAR(64) NOT NULL,
    "partNumber" VARCHAR(64) NOT NULL,
    "partRevision" VARCHAR(16) NOT NULL DEFAULT 'A',
    "policyId" TEXT,
    "status" "SerialStatus" NOT NULL DEFAULT 'ALLOCATED',
    "workOrderId" VARCHAR(64),
    "lotId" VARCHAR(64),
    "parentSerialId" UUID,
    "position" VARCHAR(32),
    "manufacturedAt" TIMESTAMPTZ(6),
    "shippedAt" TIMESTAMPTZ(6),
    "customerRef" VARCHAR(64),
    "attributes" JSONB,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "SerializedPart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LotGenealogy" (
    "id" TEXT NOT NULL,
    "lotId" VARCHAR(64) NOT NULL,
    "lotNumber" VARCHAR(64) NOT NULL,
    "materialId" VARCHAR(64) NOT NULL,
    "parentId" TEXT,
    "relationType" "GenealogyRelation" NOT NULL DEFAULT 'RECEIVED',
    "quantity" DECIMAL(18,4) NOT NULL,
    "unitOfMeasure" VARCHAR(16) NOT NULL,
    "workOrderId" VARCHAR(64),
    "operationId" VARCHAR(64),
    "depth" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,
    "createdBy" VARCHAR(64),

    CONSTRAINT "LotGenealogy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TraceabilityEvent" (
    "id" UUID NOT NULL,
    "eventType" "TraceEventType" NOT NULL,
    "occurredAt" TIMESTAMPTZ(6) NOT NULL,
    "serializedPartId" UUID,
    "lotGenealogyId" TEXT,
    "serialNumber" VARCHAR(64),
    "lotNumber" VARCHAR(64),
    "workOrderId" VARCHAR(64),
    "operationId" VARCHAR(64),
    "equipmentId" VARCHAR(64),
    "personnelId" VARCHAR(64),
    "location" VARCHAR(64),
    "quantity" DECIMAL(18,4),
    "unitOfMeasure" VARCHAR(16),
    "data" JSONB,
    "sourceSystem" VARCHAR(32) NOT NULL DEFAULT 'MES',
    "recordedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedBy" VARCHAR(64),

    CONSTRAINT "TraceabilityEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SerialNumberPolicy_name_key" ON "SerialNumberPolicy"("name");

-- CreateIndex
CREATE INDEX "SerialNumberPolicy_partId_idx" ON "SerialNumberPolicy"("partId");

-- CreateIndex
CREATE INDEX "SerialNumberRange_status_idx" ON "SerialNumberRange"("status");

-- CreateIndex
CREATE INDEX "SerialNumberRange_workOrderId_idx" ON "SerialNumberRange"("workOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "SerialNumberRange_policyId_rangeStart_key" ON "SerialNumberRange"("policyId", "rangeStart");

-- CreateIndex
CREATE UNIQUE INDEX "SerializedPart_serialNumber_key" ON "SerializedPart"("serialNumber");

-- CreateIndex
CREATE INDEX "SerializedPart_partId_status_idx" ON "SerializedPart"("partId", "status");

-- CreateIndex
CREATE INDEX "SerializedPart_workOrderId_idx" ON "SerializedPart"("workOrderId");

-- CreateIndex
CREATE INDEX "SerializedPart_lotId_idx" ON "SerializedPart"("lotId");

-- CreateIndex
CREATE INDEX "SerializedPart_parentSerialId_idx" ON "SerializedPart"("parentSerialId");

-- CreateIndex
CREATE UNIQUE INDEX "LotGenealogy_lotId_key" ON "LotGenealogy"("lotId");

-- CreateIndex
CREATE UNIQUE INDEX "LotGenealogy_lotNumber_key" ON "LotGenealogy"("lotNumber");

-- CreateIndex
CREATE INDEX "LotGenealogy_parentId_idx" ON "LotGenealogy"("parentId");

-- CreateIndex
CREATE INDEX "LotGenealogy_materialId_idx" ON "LotGenealogy"("materialId");

-- CreateIndex
CREATE INDEX "LotGenealogy_workOrderId_idx" ON "LotGenealogy"("workOrderId");

-- CreateIndex
CREATE INDEX "TraceabilityEvent_serializedPartId_occurredAt_idx" ON "TraceabilityEvent"("serializedPartId", "occurredAt");

-- CreateIndex
CREATE INDEX "TraceabilityEvent_lotGenealogyId_occurredAt_idx" ON "TraceabilityEvent"("lotGenealogyId", "occurredAt");

-- CreateIndex
CREATE INDEX "TraceabilityEvent_workOrderId_idx" ON "TraceabilityEvent"("workOrderId");

-- CreateIndex
CREATE INDEX "TraceabilityEvent_eventType_occurredAt_idx" ON "TraceabilityEvent"("eventType", "occurredAt");

-- AddForeignKey
ALTER TABLE "SerialNumberRange" ADD CONSTRAINT "SerialNumberRange_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "SerialNumberPolicy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SerializedPart" ADD CONSTRAINT "SerializedPart_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "SerialNumberPolicy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SerializedPart" ADD CONSTRAINT "SerializedPart_parentSerialId_fkey" FOREIGN KEY ("parentSerialId") REFERENCES "SerializedPart"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LotGenealogy" ADD CONSTRAINT "LotGenealogy_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "LotGenealogy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraceabilityEvent" ADD CONSTRAINT "TraceabilityEvent_serializedPartId_fkey" FOREIGN KEY ("serializedPartId") REFERENCES "SerializedPart"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraceabilityEvent" ADD CONSTRAINT "TraceabilityEvent_lotGenealogyId_fkey" FOREIGN KEY ("lotGenealogyId") REFERENCES "LotGenealogy"("id") ON DELETE NO ACTION ON UPDATE CASCADE;
