-- CreateEnum
CREATE TYPE "EndpointType" AS ENUM ('ERP', 'PLM', 'QMS', 'WMS', 'CMMS', 'LIMS', 'SCADA', 'HISTORIAN', 'PLC_GATEWAY');

-- CreateEnum
CREATE TYPE "IntegrationProtocol" AS ENUM ('REST', 'SOAP', 'OPC_UA', 'MQTT', 'SFTP', 'DATABASE', 'B2MML_FILE');

-- CreateEnum
CREATE TYPE "EndpointAuthType" AS ENUM ('NONE', 'BASIC', 'API_KEY', 'OAUTH2', 'CLIENT_CERTIFICATE');

-- CreateEnum
CREATE TYPE "SyncDirection" AS ENUM ('INBOUND', 'OUTBOUND', 'BIDIRECTIONAL');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('PENDING', 'RUNNING', 'SUCCEEDED', 'PARTIALLY_SUCCEEDED', 'FAILED', 'RETRYING', 'CANCELLED');

-- CreateEnum
CREATE TYPE "LogLevel" AS ENUM ('DEBUG', 'INFO', 'WARN', 'ERROR');

-- CreateEnum
CREATE TYPE "SyncState" AS ENUM ('IN_SYNC', 'PENDING', 'SYNCING', 'CONFLICT', 'ERROR');

-- CreateEnum
CREATE TYPE "TransformType" AS ENUM ('DIRECT', 'CONSTANT', 'LOOKUP', 'EXPRESSION', 'CONCAT', 'SPLIT', 'DATE_FORMAT', 'UNIT_CONVERSION');

-- CreateTable
CREATE TABLE "integration_endpoints" (
    "id" UUID NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "type" "EndpointType" NOT NULL,
    "protocol" "IntegrationProtocol" NOT NULL,
    "direction" "SyncDirection" NOT NULL DEFAULT 'BIDIRECTIONAL',
    "base_url" VARCHAR(512) NOT NULL,
    "auth_type" "EndpointAuthType" NOT NULL DEFAULT 'NONE',
    "credentials_ref" VARCHAR(255),
    "config" JSONB,
    "timeout_ms" INTEGER NOT NULL DEFAULT 30000,
    "max_retries" INTEGER NOT NULL DEFAULT 3,
    "is_enabled" BOOLEAN NOT NULL DEFAULT true,
    "last_health_check_at" TIMESTAMPTZ(6),
    "is_healthy" BOOLEAN,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,
    "created_by" VARCHAR(64),
    "updated_by" VARCHAR(64),

    CONSTRAINT "integration_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integration_jobs" (
    "id" UUID NOT NULL,
    "job_number" VARCHAR(32) NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "mapping_id" UUID,
    "job_type" VARCHAR(64) NOT NULL,
    "entity_type" VARCHAR(64) NOT NULL,
    "direction" "SyncDirection" NOT NULL,
    "status" "JobStatus" NOT NULL DEFAULT 'PENDING',
    "scheduled_at" TIMESTAMPTZ(6) NOT NULL,
    "started_at" TIMESTAMPTZ(6),
    "finished_at" TIMESTAMPTZ(6),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "records_total" INTEGER NOT NULL DEFAULT 0,
    "records_succeeded" INTEGER NOT NULL DEFAULT 0,
    "records_failed" INTEGER NOT NULL DEFAULT 0,
    "correlation_id" UUID,
    "summary" JSONB,
    "error_message" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,
    "created_by" VARCHAR(64),

    CONSTRAINT "integration_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integration_logs" (
    "id" BIGSERIAL NOT NULL,
    "job_id" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "level" "LogLevel" NOT NULL DEFAULT 'INFO',
    "message" TEXT NOT NULL,
    "entity_id" VARCHAR(64),
    "details" JSONB,
    "logged_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "integration_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "data_mappings" (
    "id" UUID NOT NULL,
    "endpoint_id" UUID NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "entity_type" VARCHAR(64) NOT NULL,
    "direction" "SyncDirection" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "source_schema" VARCHAR(128) NOT NULL,
    "target_schema" VARCHAR(128) NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,
    "created_by" VARCHAR(64),
    "updated_by" VARCHAR(64),

    CONSTRAINT "data_mappings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transformation_rules" (
    "id" UUID NOT NULL,
    "mapping_id" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "source_field" VARCHAR(255),
    "target_field" VARCHAR(255) NOT NULL,
    "transform" "TransformType" NOT NULL DEFAULT 'DIRECT',
    "expression" TEXT,
    "lookup_table" JSONB,
    "default_value" VARCHAR(255),
    "is_required" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "transformation_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_status" (
    "endpoint_id" UUID NOT NULL,
    "entity_type" VARCHAR(64) NOT NULL,
    "entity_id" VARCHAR(64) NOT NULL,
    "external_id" VARCHAR(128),
    "state" "SyncState" NOT NULL DEFAULT 'PENDING',
    "last_job_id" UUID,
    "last_synced_at" TIMESTAMPTZ(6),
    "checksum" VARCHAR(64),
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "sync_status_pkey" PRIMARY KEY ("endpoint_id","entity_type","entity_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "integration_endpoints_code_key" ON "integration_endpoints"("code");

-- CreateIndex
CREATE INDEX "integration_endpoints_type_idx" ON "integration_endpoints"("type");

-- CreateIndex
CREATE UNIQUE INDEX "integration_jobs_job_number_key" ON "integration_jobs"("job_number");

-- CreateIndex
CREATE INDEX "integration_jobs_endpoint_id_status_idx" ON "integration_jobs"("endpoint_id", "status");

-- CreateIndex
CREATE INDEX "integration_jobs_status_scheduled_at_idx" ON "integration_jobs"("status", "scheduled_at");

-- CreateIndex
CREATE INDEX "integration_jobs_scheduled_at_idx" ON "integration_jobs"("scheduled_at" DESC);

-- CreateIndex
CREATE INDEX "integration_logs_level_logged_at_idx" ON "integration_logs"("level", "logged_at");

-- CreateIndex
CREATE UNIQUE INDEX "integration_logs_job_id_sequence_key" ON "integration_logs"("job_id", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "data_mappings_endpoint_id_entity_type_direction_version_key" ON "data_mappings"("endpoint_id", "entity_type", "direction", "version");

-- CreateIndex
CREATE UNIQUE INDEX "transformation_rules_mapping_id_sequence_key" ON "transformation_rules"("mapping_id", "sequence");

-- CreateIndex
CREATE INDEX "sync_status_state_idx" ON "sync_status"("state");

-- CreateIndex
CREATE INDEX "sync_status_last_job_id_idx" ON "sync_status"("last_job_id");

-- AddForeignKey
ALTER TABLE "integration_jobs" ADD CONSTRAINT "integration_jobs_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "integration_endpoints"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integration_jobs" ADD CONSTRAINT "integration_jobs_mapping_id_fkey" FOREIGN KEY ("mapping_id") REFERENCES "data_mappings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integration_logs" ADD CONSTRAINT "integration_logs_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "integration_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "data_mappings" ADD CONSTRAINT "data_mappings_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "integration_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transformation_rules" ADD CONSTRAINT "transformation_rules_mapping_id_fkey" FOREIGN KEY ("mapping_id") REFERENCES "data_mappings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_status" ADD CONSTRAINT "sync_status_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "integration_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_status" ADD CONSTRAINT "sync_status_last_job_id_fkey" FOREIGN KEY ("last_job_id") REFERENCES "integration_jobs"("id") ON DELETE SET NULL ON UPDATE CASCADE;
