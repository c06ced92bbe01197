-- CreateEnum
CREATE TYPE "WorkOrderType" AS ENUM ('PRODUCTION', 'REWORK', 'PROTOTYPE', 'ENGINEERING');

-- CreateEnum
CREATE TYPE "WorkOrderStatus" AS ENUM ('CREATED', 'RELEASED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "WorkOrderPriority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "OperationStatus" AS ENUM ('PENDING', 'READY', 'SETUP', 'RUNNING', 'PAUSED', 'COMPLETED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "MaterialRequirementStatus" AS ENUM ('PLANNED', 'RESERVED', 'PARTIALLY_ISSUED', 'ISSUED', 'CONSUMED', 'RETURNED');

-- CreateEnum
CREATE TYPE "ToolAssignmentStatus" AS ENUM ('REQUIRED', 'ASSIGNED', 'CHECKED_OUT', 'RETURNED');

-- CreateEnum
CREATE TYPE "PersonnelAssignmentRole" AS ENUM ('OPERATOR', 'SETUP_TECHNICIAN', 'INSPECTOR', 'SUPERVISOR');

-- CreateEnum
CREATE TYPE "VarianceType" AS ENUM ('MATERIAL_USAGE', 'LABOR_TIME', 'MACHINE_TIME', 'YIELD', 'SCRAP', 'COST');

-- CreateEnum
CREATE TYPE "InstructionFormat" AS ENUM ('TEXT', 'HTML', 'PDF', 'VIDEO', 'MODEL_3D');

-- CreateTable
CREATE TABLE "WorkOrder" (
    "id" TEXT NOT NULL,
    "workOrderNumber" VARCHAR(32) NOT NULL,
    "type" "WorkOrderType" NOT NULL DEFAULT 'PRODUCTION',
    "status" "WorkOrderStatus" NOT NULL DEFAULT 'CREATED',
    "priority" "WorkOrderPriority" NOT NULL DEFAULT 'NORMAL',
    "partId" VARCHAR(64) NOT NULL,
    "partNumber" VARCHAR(64) NOT NULL,
    "partRevision" VARCHAR(16) NOT NULL DEFAULT 'A',
    "routingId" VARCHAR(64),
    "quantityOrdered" DECIMAL(18,4) NOT NULL,
    "quantityCompleted" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "quantityScrapped" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "unitOfMeasure" VARCHAR(16) NOT NULL DEFAULT 'EA',
    "siteCode" VARCHAR(32) NOT NULL DEFAULT 'PLANT-01',
    "workCenterCode" VARCHAR(32),
    "customerOrderRef" VARCHAR(64),
    "erpOrderRef" VARCHAR(64),
    "parentWorkOrderId" TEXT,
    "dueDate" TIMESTAMPTZ(6) NOT NULL,
    "plannedStartAt" TIMESTAMPTZ(6) NOT NULL,
    "plannedEndAt" TIMESTAMPTZ(6) NOT NULL,
    "actualStartAt" TIMESTAMPTZ(6),
    "actualEndAt" TIMESTAMPTZ(6),
    "releasedAt" TIMESTAMPTZ(6),
    "releasedBy" VARCHAR(64),
    "closedAt" TIMESTAMPTZ(6),
    "closedBy" VARCHAR(64),
    "holdReason" TEXT,
    "notes" TEXT,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "WorkOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkOrderOperation" (
    "id" TEXT NOT NULL,
    "workOrderId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "operationCode" VARCHAR(32) NOT NULL,
    "description" VARCHAR(255) NOT NULL,
    "routingOperationId" VARCHAR(64),
    "workCenterCode" VARCHAR(32) NOT NULL,
    "equipmentId" VARCHAR(64),
    "workInstructionId" TEXT,
    "status" "OperationStatus" NOT NULL DEFAULT 'PENDING',
    "quantityPlanned" DECIMAL(18,4) NOT NULL,
    "quantityCompleted" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "quantityScrapped" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "unitOfMeasure" VARCHAR(16) NOT NULL DEFAULT 'EA',
    "setupTimePlanned" DECIMAL(10,2) NOT NULL DEFAULT 0,
    "runTimePlanned" DECIMAL(10,2) NOT NULL DEFAULT 0,
    "setupTimeActual" DECIMAL(10,2),
    "runTimeActual" DECIMAL(10,2),
    "timeUnit" VARCHAR(8) NOT NULL DEFAULT 'MIN',
    "isInspectionPoint" BOOLEAN NOT NULL DEFAULT false,
    "plannedStartAt" TIMESTAMPTZ(6),
    "plannedEndAt" TIMESTAMPTZ(6),
    "actualStartAt" TIMESTAMPTZ(6),
    "actualEndAt" TIMESTAMPTZ(6),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "WorkOrderOperation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkOrderMaterial" (
    "id" TEXT NOT NULL,
    "workOrderId" TEXT NOT NULL,
    "operationId" TEXT,
    "lineNumber" INTEGER NOT NULL,
    "materialId" VARCHAR(64) NOT NULL,
    "partNumber" VARCHAR(64) NOT NULL,
    "quantityRequired" DECIMAL(18,4) NOT NULL,
    "quantityIssued" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "quantityConsumed" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "unitOfMeasure" VARCHAR(16) NOT NULL,
    "lotId" VARCHAR(64),
    "status" "MaterialRequirementStatus" NOT NULL DEFAULT 'PLANNED',
    "isBackflush" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "WorkOrderMaterial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkOrderTool" (
    "id" TEXT NOT NULL,
    "workOrderId" TEXT NOT NULL,
    "operationId" TEXT,
    "toolId" VARCHAR(64) NOT NULL,
    "toolNumber" VARCHAR(64) NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "status" "ToolAssignmentStatus" NOT NULL DEFAULT 'REQUIRED',
    "assignedAt" TIMESTAMPTZ(6),
    "returnedAt" TIMESTAMPTZ(6),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "WorkOrderTool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkOrderPersonnel" (
    "workOrderId" TEXT NOT NULL,
    "personnelId" VARCHAR(64) NOT NULL,
    "role" "PersonnelAssignmentRole" NOT NULL,
    "userId" VARCHAR(64),
    "assignedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clockInAt" TIMESTAMPTZ(6),
    "clockOutAt" TIMESTAMPTZ(6),
    "laborHours" DECIMAL(10,2),
    "laborRateCode" VARCHAR(16),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "WorkOrderPersonnel_pkey" PRIMARY KEY ("workOrderId","personnelId","role")
);

-- CreateTable
CREATE TABLE "ProductionVariance" (
    "id" TEXT NOT NULL,
    "workOrderId" TEXT NOT NULL,
    "operationId" TEXT,
    "varianceType" "VarianceType" NOT NULL,
    "plannedValue" DECIMAL(18,4) NOT NULL,
    "actualValue" DECIMAL(18,4) NOT NULL,
    "varianceValue" DECIMAL(18,4) NOT NULL,
    "variancePercent" DECIMAL(9,4) NOT NULL,
    "unitOfMeasure" VARCHAR(16) NOT NULL,
    "costImpact" DECIMAL(18,4),
    "currency" VARCHAR(3) NOT NULL DEFAULT 'USD',
    "reasonCode" VARCHAR(32),
    "notes" TEXT,
    "recordedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedBy" VARCHAR(64),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "ProductionVariance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OperationCompletion" (
    "id" TEXT NOT NULL,
    "workOrderId" TEXT NOT NULL,
    "operationId" TEXT NOT NULL,
    "quantityGood" DECIMAL(18,4) NOT NULL,
    "quantityScrapped" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "quantityRework" DECIMAL(18,4) NOT NULL DEFAULT 0,
    "unitOfMeasure" VARCHAR(16) NOT NULL DEFAULT 'EA',
    "scrapReasonCode" VARCHAR(32),
    "personnelId" VARCHAR(64) NOT NULL,
    "equipmentId" VARCHAR(64),
    "isFinal" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMPTZ(6) NOT NULL,
    "completedAt" TIMESTAMPTZ(6) NOT NULL,
    "notes" TEXT,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" VARCHAR(64),

    CONSTRAINT "OperationCompletion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkInstruction" (
    "id" TEXT NOT NULL,
    "instructionNumber" VARCHAR(32) NOT NULL,
    "revision" VARCHAR(8) NOT NULL,
    "title" VARCHAR(255) NOT NULL,
    "format" "InstructionFormat" NOT NULL DEFAULT 'HTML',
    "content" TEXT NOT NULL,
    "mediaUrls" TEXT[],
    "partId" VARCHAR(64),
    "routingOperationId" VARCHAR(64),
    "operationCode" VARCHAR(32),
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "effectiveFrom" TIMESTAMPTZ(6) NOT NULL,
    "effectiveTo" TIMESTAMPTZ(6),
    "approvedBy" VARCHAR(64),
    "approvedAt" TIMESTAMPTZ(6),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "WorkInstruction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrder_workOrderNumber_key" ON "WorkOrder"("workOrderNumber");

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrder_erpOrderRef_key" ON "WorkOrder"("erpOrderRef");

-- CreateIndex
CREATE INDEX "WorkOrder_status_idx" ON "WorkOrder"("status");

-- CreateIndex
CREATE INDEX "WorkOrder_status_plannedStartAt_idx" ON "WorkOrder"("status", "plannedStartAt");

-- CreateIndex
CREATE INDEX "WorkOrder_partId_idx" ON "WorkOrder"("partId");

-- CreateIndex
CREATE INDEX "WorkOrder_siteCode_workCenterCode_status_idx" ON "WorkOrder"("siteCode", "workCenterCode", "status");

-- CreateIndex
CREATE INDEX "WorkOrder_dueDate_idx" ON "WorkOrder"("dueDate");

-- CreateIndex
CREATE INDEX "WorkOrder_parentWorkOrderId_idx" ON "WorkOrder"("parentWorkOrderId");

-- CreateIndex
CREATE INDEX "WorkOrderOperation_status_idx" ON "WorkOrderOperation"("status");

-- CreateIndex
CREATE INDEX "WorkOrderOperation_equipmentId_status_idx" ON "WorkOrderOperation"("equipmentId", "status");

-- CreateIndex
CREATE INDEX "WorkOrderOperation_workCenterCode_status_idx" ON "WorkOrderOperation"("workCenterCode", "status");

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrderOperation_workOrderId_sequence_key" ON "WorkOrderOperation"("workOrderId", "sequence");

-- CreateIndex
CREATE INDEX "WorkOrderMaterial_materialId_idx" ON "WorkOrderMaterial"("materialId");

-- CreateIndex
CREATE INDEX "WorkOrderMaterial_lotId_idx" ON "WorkOrderMaterial"("lotId");

-- CreateIndex
CREATE INDEX "WorkOrderMaterial_status_idx" ON "WorkOrderMaterial"("status");

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrderMaterial_workOrderId_lineNumber_key" ON "WorkOrderMaterial"("workOrderId", "lineNumber");

-- CreateIndex
CREATE INDEX "WorkOrderTool_toolId_idx" ON "WorkOrderTool"("toolId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkOrderTool_workOrderId_operationId_toolId_key" ON "WorkOrderTool"("workOrderId", "operationId", "toolId");

-- CreateIndex
CREATE INDEX "WorkOrderPersonnel_personnelId_idx" ON "WorkOrderPersonnel"("personnelId");

-- CreateIndex
CREATE INDEX "ProductionVariance_workOrderId_idx" ON "ProductionVariance"("workOrderId");

-- CreateIndex
CREATE INDEX "ProductionVariance_varianceType_recordedAt_idx" ON "ProductionVariance"("varianceType", "recordedAt");

-- CreateIndex
CREATE INDEX "OperationCompletion_workOrderId_idx" ON "OperationCompletion"("workOrderId");

-- CreateIndex
CREATE INDEX "OperationCompletion_operationId_idx" ON "OperationCompletion"("operationId");

-- CreateIndex
CREATE INDEX "OperationCompletion_completedAt_idx" ON "OperationCompletion"("completedAt");

-- CreateIndex
CREATE INDEX "OperationCompletion_personnelId_completedAt_idx" ON "OperationCompletion"("personnelId", "completedAt");

-- CreateIndex
CREATE INDEX "WorkInstruction_partId_idx" ON "WorkInstruction"("partId");

-- CreateIndex
CREATE INDEX "WorkInstruction_routingOperationId_idx" ON "WorkInstruction"("routingOperationId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkInstruction_instructionNumber_revision_key" ON "WorkInstruction"("instructionNumber", "revision");

-- AddForeignKey
ALTER TABLE "WorkOrder" ADD CONSTRAINT "WorkOrder_parentWorkOrderId_fkey" FOREIGN KEY ("parentWorkOrderId") REFERENCES "WorkOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrderOperation" ADD CONSTRAINT "WorkOrderOperation_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrderOperation" ADD CONSTRAINT "WorkOrderOperation_workInstructionId_fkey" FOREIGN KEY ("workInstructionId") REFERENCES "WorkInstruction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrderMaterial" ADD CONSTRAINT "WorkOrderMaterial_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrderMaterial" ADD CONSTRAINT "WorkOrderMaterial_operationId_fkey" FOREIGN KEY ("operationId") REFERENCES "WorkOrderOperation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrderTool" ADD CONSTRAINT "WorkOrderTool_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrderTool" ADD CONSTRAINT "WorkOrderTool_operationId_fkey" FOREIGN KEY ("operationId") REFERENCES "WorkOrderOperation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkOrderPersonnel" ADD CONSTRAINT "WorkOrderPersonnel_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductionVariance" ADD CONSTRAINT "ProductionVariance_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductionVariance" ADD CONSTRAINT "ProductionVariance_operationId_fkey" FOREIGN KEY ("operationId") REFERENCES "WorkOrderOperation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OperationCompletion" ADD CONSTRAINT "OperationCompletion_workOrderId_fkey" FOREIGN KEY ("workOrderId") REFERENCES "WorkOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OperationCompletion" ADD CONSTRAINT "OperationCompletion_operationId_fkey" FOREIGN KEY ("operationId") REFERENCES "WorkOrderOperation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
