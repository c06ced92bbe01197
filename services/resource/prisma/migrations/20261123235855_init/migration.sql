-- CreateEnum
CREATE TYPE "EquipmentLevel" AS ENUM ('SITE', 'AREA', 'WORK_CENTER', 'WORK_UNIT');

-- CreateEnum
CREATE TYPE "EquipmentState" AS ENUM ('IDLE', 'RUNNING', 'SETUP', 'DOWN', 'MAINTENANCE', 'OFFLINE', 'RETIRED');

-- CreateEnum
CREATE TYPE "MaintenanceType" AS ENUM ('PREVENTIVE', 'CORRECTIVE', 'PREDICTIVE', 'CALIBRATION', 'INSPECTION');

-- CreateEnum
CREATE TYPE "MaintenanceStatus" AS ENUM ('SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED', 'OVERDUE');

-- CreateEnum
CREATE TYPE "PersonnelStatus" AS ENUM ('ACTIVE', 'ON_LEAVE', 'INACTIVE', 'TERMINATED');

-- CreateEnum
CREATE TYPE "QualificationType" AS ENUM ('CERTIFICATION', 'TRAINING', 'SKILL', 'LICENSE');

-- CreateEnum
CREATE TYPE "ToolStatus" AS ENUM ('AVAILABLE', 'IN_USE', 'IN_CALIBRATION', 'IN_REPAIR', 'RETIRED');

-- CreateEnum
CREATE TYPE "PartType" AS ENUM ('RAW_MATERIAL', 'COMPONENT', 'SUBASSEMBLY', 'ASSEMBLY', 'FINISHED_GOOD');

-- CreateEnum
CREATE TYPE "PartLifecycle" AS ENUM ('DESIGN', 'PROTOTYPE', 'PRODUCTION', 'OBSOLETE');

-- CreateEnum
CREATE TYPE "RoutingStatus" AS ENUM ('DRAFT', 'RELEASED', 'SUPERSEDED', 'OBSOLETE');

-- CreateEnum
CREATE TYPE "ParameterDataType" AS ENUM ('NUMBER', 'STRING', 'BOOLEAN');

-- CreateTable
CREATE TABLE "EquipmentClass" (
    "id" TEXT NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "description" TEXT,
    "properties" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "EquipmentClass_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Equipment" (
    "id" TEXT NOT NULL,
    "equipmentNumber" VARCHAR(32) NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "level" "EquipmentLevel" NOT NULL DEFAULT 'WORK_UNIT',
    "state" "EquipmentState" NOT NULL DEFAULT 'IDLE',
    "equipmentClassId" TEXT NOT NULL,
    "parentId" TEXT,
    "siteCode" VARCHAR(32) NOT NULL DEFAULT 'PLANT-01',
    "areaCode" VARCHAR(32),
    "workCenterCode" VARCHAR(32),
    "manufacturer" VARCHAR(100),
    "model" VARCHAR(100),
    "serialNumber" VARCHAR(64),
    "installedAt" DATE,
    "ratedCapacity" DECIMAL(18,4),
    "capacityUom" VARCHAR(16),
    "oeeTarget" DECIMAL(5,4),
    "attributes" JSONB,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "Equipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EquipmentCapability" (
    "id" TEXT NOT NULL,
    "equipmentId" TEXT NOT NULL,
    "capabilityCode" VARCHAR(32) NOT NULL,
    "description" VARCHAR(255),
    "capacity" DECIMAL(18,4),
    "minValue" DECIMAL(18,4),
    "maxValue" DECIMAL(18,4),
    "unitOfMeasure" VARCHAR(16),
    "effectiveFrom" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EquipmentCapability_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaintenanceRecord" (
    "id" TEXT NOT NULL,
    "maintenanceNumber" VARCHAR(32) NOT NULL,
    "equipmentId" TEXT NOT NULL,
    "type" "MaintenanceType" NOT NULL,
    "status" "MaintenanceStatus" NOT NULL DEFAULT 'SCHEDULED',
    "scheduledAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "downtimeMinutes" INTEGER,
    "technicianId" TEXT,
    "description" TEXT NOT NULL,
    "findings" TEXT,
    "partsUsed" JSONB,
    "laborHours" DECIMAL(10,2),
    "cost" DECIMAL(18,4),
    "currency" VARCHAR(3) NOT NULL DEFAULT 'USD',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "MaintenanceRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonnelClass" (
    "id" TEXT NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonnelClass_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Personnel" (
    "id" TEXT NOT NULL,
    "employeeNumber" VARCHAR(32) NOT NULL,
    "userId" VARCHAR(64),
    "firstName" VARCHAR(100) NOT NULL,
    "lastName" VARCHAR(100) NOT NULL,
    "email" VARCHAR(255),
    "personnelClassId" TEXT NOT NULL,
    "shiftId" TEXT,
    "status" "PersonnelStatus" NOT NULL DEFAULT 'ACTIVE',
    "siteCode" VARCHAR(32) NOT NULL DEFAULT 'PLANT-01',
    "departmentCode" VARCHAR(32),
    "hireDate" DATE,
    "badgeNumber" VARCHAR(32),
    "laborRate" DECIMAL(10,2),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "Personnel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonnelQualification" (
    "id" TEXT NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "type" "QualificationType" NOT NULL,
    "description" TEXT,
    "issuingAuthority" VARCHAR(100),
    "validityMonths" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonnelQualification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shift" (
    "id" TEXT NOT NULL,
    "code" VARCHAR(16) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "siteCode" VARCHAR(32) NOT NULL DEFAULT 'PLANT-01',
    "startTime" TIME(0) NOT NULL,
    "endTime" TIME(0) NOT NULL,
    "breakMinutes" INTEGER NOT NULL DEFAULT 30,
    "daysOfWeek" INTEGER[],
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ToolType" (
    "id" TEXT NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "category" VARCHAR(64) NOT NULL,
    "requiresCalibration" BOOLEAN NOT NULL DEFAULT false,
    "calibrationIntervalDays" INTEGER,
    "expectedLifeCycles" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ToolType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tool" (
    "id" TEXT NOT NULL,
    "toolNumber" VARCHAR(32) NOT NULL,
    "toolTypeId" TEXT NOT NULL,
    "serialNumber" VARCHAR(64),
    "status" "ToolStatus" NOT NULL DEFAULT 'AVAILABLE',
    "location" VARCHAR(64),
    "usageCycles" INTEGER NOT NULL DEFAULT 0,
    "maxUsageCycles" INTEGER,
    "lastCalibratedAt" TIMESTAMP(3),
    "nextCalibrationDue" TIMESTAMP(3),
    "purchaseCost" DECIMAL(18,4),
    "attributes" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "Tool_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ToolUsageHistory" (
    "id" TEXT NOT NULL,
    "toolId" TEXT NOT NULL,
    "equipmentId" TEXT,
    "personnelId" TEXT,
    "workOrderId" VARCHAR(64),
    "operationId" VARCHAR(64),
    "checkedOutAt" TIMESTAMP(3) NOT NULL,
    "returnedAt" TIMESTAMP(3),
    "cyclesUsed" INTEGER NOT NULL DEFAULT 0,
    "conditionOnReturn" VARCHAR(64),
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ToolUsageHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Part" (
    "id" TEXT NOT NULL,
    "partNumber" VARCHAR(64) NOT NULL,
    "revision" VARCHAR(16) NOT NULL DEFAULT 'A',
    "name" VARCHAR(255) NOT NULL,
    "description" TEXT,
    "type" "PartType" NOT NULL,
    "lifecycle" "PartLifecycle" NOT NULL DEFAULT 'PRODUCTION',
    "unitOfMeasure" VARCHAR(16) NOT NULL DEFAULT 'EA',
    "drawingNumber" VARCHAR(64),
    "weight" DECIMAL(18,4),
    "weightUom" VARCHAR(16),
    "isSerialized" BOOLEAN NOT NULL DEFAULT false,
    "isLotControlled" BOOLEAN NOT NULL DEFAULT true,
    "makeOrBuy" VARCHAR(8) NOT NULL DEFAULT 'MAKE',
    "attributes" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "Part_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartBOM" (
    "id" TEXT NOT NULL,
    "parentPartId" TEXT NOT NULL,
    "componentPartId" TEXT NOT NULL,
    "findNumber" INTEGER NOT NULL,
    "quantity" DECIMAL(18,4) NOT NULL,
    "unitOfMeasure" VARCHAR(16) NOT NULL,
    "scrapFactor" DECIMAL(9,4) NOT NULL DEFAULT 0,
    "operationSequence" INTEGER,
    "isPhantom" BOOLEAN NOT NULL DEFAULT false,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "effectiveTo" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "PartBOM_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Routing" (
    "id" TEXT NOT NULL,
    "routingNumber" VARCHAR(32) NOT NULL,
    "revision" VARCHAR(8) NOT NULL DEFAULT 'A',
    "partId" TEXT NOT NULL,
    "status" "RoutingStatus" NOT NULL DEFAULT 'DRAFT',
    "isPrimary" BOOLEAN NOT NULL DEFAULT true,
    "description" TEXT,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "effectiveTo" TIMESTAMP(3),
    "approvedBy" VARCHAR(64),
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdBy" VARCHAR(64),
    "updatedBy" VARCHAR(64),

    CONSTRAINT "Routing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoutingOperation" (
    "id" TEXT NOT NULL,
    "routingId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "operationCode" VARCHAR(32) NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "description" TEXT,
    "workCenterCode" VARCHAR(32) NOT NULL,
    "equipmentClassId" TEXT,
    "setupTime" DECIMAL(10,2) NOT NULL DEFAULT 0,
    "runTimePerUnit" DECIMAL(10,4) NOT NULL DEFAULT 0,
    "queueTime" DECIMAL(10,2) NOT NULL DEFAULT 0,
    "moveTime" DECIMAL(10,2) NOT NULL DEFAULT 0,
    "timeUnit" VARCHAR(8) NOT NULL DEFAULT 'MIN',
    "isInspectionPoint" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoutingOperation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OperationParameter" (
    "id" TEXT NOT NULL,
    "routingOperationId" TEXT NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "dataType" "ParameterDataType" NOT NULL DEFAULT 'NUMBER',
    "nominalValue" DECIMAL(18,4),
    "minValue" DECIMAL(18,4),
    "maxValue" DECIMAL(18,4),
    "textValue" VARCHAR(255),
    "unitOfMeasure" VARCHAR(16),
    "isCritical" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OperationParameter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OperationToolRequirement" (
    "id" TEXT NOT NULL,
    "routingOperationId" TEXT NOT NULL,
    "toolTypeId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "cyclesPerUnit" DECIMAL(10,4) NOT NULL DEFAULT 1,
    "isOptional" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OperationToolRequirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OperationPersonnelRequirement" (
    "id" TEXT NOT NULL,
    "routingOperationId" TEXT NOT NULL,
    "personnelClassId" TEXT NOT NULL,
    "qualificationId" TEXT,
    "headcount" INTEGER NOT NULL DEFAULT 1,
    "laborTime" DECIMAL(10,2),
    "timeUnit" VARCHAR(8) NOT NULL DEFAULT 'MIN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OperationPersonnelRequirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_PersonnelToPersonnelQualification" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_PersonnelToPersonnelQualification_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "EquipmentClass_code_key" ON "EquipmentClass"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Equipment_equipmentNumber_key" ON "Equipment"("equipmentNumber");

-- CreateIndex
CREATE INDEX "Equipment_equipmentClassId_idx" ON "Equipment"("equipmentClassId");

-- CreateIndex
CREATE INDEX "Equipment_parentId_idx" ON "Equipment"("parentId");

-- CreateIndex
CREATE INDEX "Equipment_state_idx" ON "Equipment"("state");

-- CreateIndex
CREATE INDEX "Equipment_workCenterCode_idx" ON "Equipment"("workCenterCode");

-- CreateIndex
CREATE INDEX "EquipmentCapability_capabilityCode_idx" ON "EquipmentCapability"("capabilityCode");

-- CreateIndex
CREATE UNIQUE INDEX "EquipmentCapability_equipmentId_capabilityCode_key" ON "EquipmentCapability"("equipmentId", "capabilityCode");

-- CreateIndex
CREATE UNIQUE INDEX "MaintenanceRecord_maintenanceNumber_key" ON "MaintenanceRecord"("maintenanceNumber");

-- CreateIndex
CREATE INDEX "MaintenanceRecord_equipmentId_scheduledAt_idx" ON "MaintenanceRecord"("equipmentId", "scheduledAt");

-- CreateIndex
CREATE INDEX "MaintenanceRecord_status_scheduledAt_idx" ON "MaintenanceRecord"("status", "scheduledAt");

-- CreateIndex
CREATE INDEX "MaintenanceRecord_technicianId_idx" ON "MaintenanceRecord"("technicianId");

-- CreateIndex
CREATE UNIQUE INDEX "PersonnelClass_code_key" ON "PersonnelClass"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Personnel_employeeNumber_key" ON "Personnel"("employeeNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Personnel_userId_key" ON "Personnel"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Personnel_badgeNumber_key" ON "Personnel"("badgeNumber");

-- CreateIndex
CREATE INDEX "Personnel_personnelClassId_idx" ON "Personnel"("personnelClassId");

-- CreateIndex
CREATE INDEX "Personnel_shiftId_idx" ON "Personnel"("shiftId");

-- CreateIndex
CREATE INDEX "Personnel_status_idx" ON "Personnel"("status");

-- CreateIndex
CREATE UNIQUE INDEX "PersonnelQualification_code_key" ON "PersonnelQualification"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Shift_code_key" ON "Shift"("code");

-- CreateIndex
CREATE UNIQUE INDEX "ToolType_code_key" ON "ToolType"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Tool_toolNumber_key" ON "Tool"("toolNumber");

-- CreateIndex
CREATE INDEX "Tool_toolTypeId_idx" ON "Tool"("toolTypeId");

-- CreateIndex
CREATE INDEX "Tool_status_idx" ON "Tool"("status");

-- CreateIndex
CREATE INDEX "Tool_nextCalibrationDue_idx" ON "Tool"("nextCalibrationDue");

-- CreateIndex
CREATE INDEX "ToolUsageHistory_toolId_checkedOutAt_idx" ON "ToolUsageHistory"("toolId", "checkedOutAt");

-- CreateIndex
CREATE INDEX "ToolUsageHistory_workOrderId_idx" ON "ToolUsageHistory"("workOrderId");

-- CreateIndex
CREATE INDEX "Part_type_idx" ON "Part"("type");

-- CreateIndex
CREATE INDEX "Part_lifecycle_idx" ON "Part"("lifecycle");

-- CreateIndex
CREATE UNIQUE INDEX "Part_partNumber_revision_key" ON "Part"("partNumber", "revision");

-- CreateIndex
CREATE INDEX "PartBOM_componentPartId_idx" ON "PartBOM"("componentPartId");

-- CreateIndex
CREATE UNIQUE INDEX "PartBOM_parentPartId_findNumber_key" ON "PartBOM"("parentPartId", "findNumber");

-- CreateIndex
CREATE INDEX "Routing_partId_status_idx" ON "Routing"("partId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Routing_routingNumber_revision_key" ON "Routing"("routingNumber", "revision");

-- CreateIndex
CREATE INDEX "RoutingOperation_equipmentClassId_idx" ON "RoutingOperation"("equipmentClassId");

-- CreateIndex
CREATE INDEX "RoutingOperation_workCenterCode_idx" ON "RoutingOperation"("workCenterCode");

-- CreateIndex
CREATE UNIQUE INDEX "RoutingOperation_routingId_sequence_key" ON "RoutingOperation"("routingId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "OperationParameter_routingOperationId_name_key" ON "OperationParameter"("routingOperationId", "name");

-- CreateIndex
CREATE INDEX "OperationToolRequirement_toolTypeId_idx" ON "OperationToolRequirement"("toolTypeId");

-- CreateIndex
CREATE UNIQUE INDEX "OperationToolRequirement_routingOperationId_toolTypeId_key" ON "OperationToolRequirement"("routingOperationId", "toolTypeId");

-- CreateIndex
CREATE INDEX "OperationPersonnelRequirement_qualificationId_idx" ON "OperationPersonnelRequirement"("qualificationId");

-- CreateIndex
CREATE UNIQUE INDEX "OperationPersonnelRequirement_routingOperationId_personnelC_key" ON "OperationPersonnelRequirement"("routingOperationId", "personnelClassId");

-- CreateIndex
CREATE INDEX "_PersonnelToPersonnelQualification_B_index" ON "_PersonnelToPersonnelQualification"("B");

-- AddForeignKey
ALTER TABLE "Equipment" ADD CONSTRAINT "Equipment_equipmentClassId_fkey" FOREIGN KEY ("equipmentClassId") REFERENCES "EquipmentClass"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Equipment" ADD CONSTRAINT "Equipment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Equipment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EquipmentCapability" ADD CONSTRAINT "EquipmentCapability_equipmentId_fkey" FOREIGN KEY ("equipmentId") REFERENCES "Equipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintenanceRecord" ADD CONSTRAINT "MaintenanceRecord_equipmentId_fkey" FOREIGN KEY ("equipmentId") REFERENCES "Equipment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintenanceRecord" ADD CONSTRAINT "MaintenanceRecord_technicianId_fkey" FOREIGN KEY ("technicianId") REFERENCES "Personnel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Personnel" ADD CONSTRAINT "Personnel_personnelClassId_fkey" FOREIGN KEY ("personnelClassId") REFERENCES "PersonnelClass"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Personnel" ADD CONSTRAINT "Personnel_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "Shift"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tool" ADD CONSTRAINT "Tool_toolTypeId_fkey" FOREIGN KEY ("toolTypeId") REFERENCES "ToolType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolUsageHistory" ADD CONSTRAINT "ToolUsageHistory_toolId_fkey" FOREIGN KEY ("toolId") REFERENCES "Tool"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolUsageHistory" ADD CONSTRAINT "ToolUsageHistory_equipmentId_fkey" FOREIGN KEY ("equipmentId") REFERENCES "Equipment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ToolUsageHistory" ADD CONSTRAINT "ToolUsageHistory_personnelId_fkey" FOREIGN KEY ("personnelId") REFERENCES "Personnel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartBOM" ADD CONSTRAINT "PartBOM_parentPartId_fkey" FOREIGN KEY ("parentPartId") REFERENCES "Part"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartBOM" ADD CONSTRAINT "PartBOM_componentPartId_fkey" FOREIGN KEY ("componentPartId") REFERENCES "Part"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Routing" ADD CONSTRAINT "Routing_partId_fkey" FOREIGN KEY ("partId") REFERENCES "Part"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingOperation" ADD CONSTRAINT "RoutingOperation_routingId_fkey" FOREIGN KEY ("routingId") REFERENCES "Routing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoutingOperation" ADD CONSTRAINT "RoutingOperation_equipmentClassId_fkey" FOREIGN KEY ("equipmentClassId") REFERENCES "EquipmentClass"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OperationParameter" ADD CONSTRAINT "OperationParameter_routingOperationId_fkey" FOREIGN KEY ("routingOperationId") REFERENCES "RoutingOperation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OperationToolRequirement" ADD CONSTRAINT "OperationToolRequirement_routingOperationId_fkey" FOREIGN KEY ("routingOperationId") REFERENCES "RoutingOperation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OperationToolRequirement" ADD CONSTRAINT "OperationToolRequirement_toolTypeId_fkey" FOREIGN KEY ("toolTypeId") REFERENCES "ToolType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OperationPersonnelRequirement" ADD CONSTRAINT "OperationPersonnelRequirement_routingOperationId_fkey" FOREIGN KEY ("routingOperationId") REFERENCES "RoutingOperation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OperationPersonnelRequirement" ADD CONSTRAINT "OperationPersonnelRequirement_personnelClassId_fkey" FOREIGN KEY ("personnelClassId") REFERENCES "PersonnelClass"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OperationPersonnelRequirement" ADD CONSTRAINT "OperationPersonnelRequirement_qualificationId_fkey" FOREIGN KEY ("qualificationId") REFERENCES "PersonnelQualification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_PersonnelToPersonnelQualification" ADD CONSTRAINT "_PersonnelToPersonnelQualification_A_fkey" FOREIGN KEY ("A") REFERENCES "Personnel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_PersonnelToPersonnelQualification" ADD CONSTRAINT "_PersonnelToPersonnelQualification_B_fkey" FOREIGN KEY ("B") REFERENCES "PersonnelQualification"("id") ON DELETE CASCADE ON UPDATE CASCADE;
