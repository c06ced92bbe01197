-- CreateEnum
CREATE TYPE "ReportType" AS ENUM ('PRODUCTION', 'QUALITY', 'INVENTORY', 'MAINTENANCE', 'OEE', 'TRACEABILITY', 'COMPLIANCE', 'CUSTOM');

-- CreateEnum
CREATE TYPE "ReportFormat" AS ENUM ('PDF', 'XLSX', 'CSV', 'HTML', 'JSON');

-- CreateEnum
CREATE TYPE "ScheduleFrequency" AS ENUM ('HOURLY', 'SHIFT_END', 'DAILY', 'WEEKLY', 'MONTHLY');

-- CreateEnum
CREATE TYPE "ExecutionStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ParameterDataType" AS ENUM ('STRING', 'NUMBER', 'DATE', 'DATETIME', 'BOOLEAN', 'LIST');

-- CreateEnum
CREATE TYPE "WidgetType" AS ENUM ('KPI_TILE', 'LINE_CHART', 'BAR_CHART', 'PARETO', 'TABLE', 'GAUGE', 'ANDON_BOARD');

-- CreateEnum
CREATE TYPE "KPICategory" AS ENUM ('OEE', 'AVAILABILITY', 'PERFORMANCE', 'QUALITY', 'THROUGHPUT', 'FIRST_PASS_YIELD', 'SCRAP_RATE', 'ON_TIME_DELIVERY', 'MTBF', 'MTTR');

-- CreateEnum
CREATE TYPE "AlertSeverity" AS ENUM ('INFO', 'WARNING', 'CRITICAL');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('ACTIVE', 'ACKNOWLEDGED', 'RESOLVED', 'SUPPRESSED');

-- CreateTable
CREATE TABLE "reports" (
    "id" TEXT NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "description" TEXT,
    "type" "ReportType" NOT NULL,
    "default_format" "ReportFormat" NOT NULL DEFAULT 'PDF',
    "definition" JSONB NOT NULL,
    "owner_id" VARCHAR(64) NOT NULL,
    "is_public" BOOLEAN NOT NULL DEFAULT false,
    "tags" TEXT[],
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,
    "created_by" VARCHAR(64),
    "updated_by" VARCHAR(64),

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_parameters" (
    "id" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "label" VARCHAR(255) NOT NULL,
    "data_type" "ParameterDataType" NOT NULL DEFAULT 'STRING',
    "is_required" BOOLEAN NOT NULL DEFAULT false,
    "default_value" VARCHAR(255),
    "allowed_values" TEXT[],
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "report_parameters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_schedules" (
    "id" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "frequency" "ScheduleFrequency" NOT NULL,
    "cron_expression" VARCHAR(64),
    "timezone" VARCHAR(64) NOT NULL DEFAULT 'UTC',
    "format" "ReportFormat" NOT NULL DEFAULT 'PDF',
    "recipients" TEXT[],
    "parameters" JSONB,
    "is_enabled" BOOLEAN NOT NULL DEFAULT true,
    "next_run_at" TIMESTAMPTZ(6),
    "last_run_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,
    "created_by" VARCHAR(64),
    "updated_by" VARCHAR(64),

    CONSTRAINT "report_schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_executions" (
    "id" UUID NOT NULL,
    "report_id" TEXT NOT NULL,
    "schedule_id" TEXT,
    "status" "ExecutionStatus" NOT NULL DEFAULT 'QUEUED',
    "format" "ReportFormat" NOT NULL,
    "parameters" JSONB,
    "requested_by" VARCHAR(64) NOT NULL,
    "queued_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(6),
    "finished_at" TIMESTAMPTZ(6),
    "duration_ms" INTEGER,
    "row_count" INTEGER,
    "output_uri" VARCHAR(512),
    "output_size_bytes" BIGINT,
    "error_message" TEXT,

    CONSTRAINT "report_executions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "kpis" (
    "id" TEXT NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "category" "KPICategory" NOT NULL,
    "description" TEXT,
    "formula" TEXT NOT NULL,
    "unit" VARCHAR(16) NOT NULL,
    "target_value" DECIMAL(18,4) NOT NULL,
    "warning_threshold" DECIMAL(18,4),
    "critical_threshold" DECIMAL(18,4),
    "higher_is_better" BOOLEAN NOT NULL DEFAULT true,
    "scope_type" VARCHAR(16) NOT NULL DEFAULT 'SITE',
    "scope_id" VARCHAR(64),
    "current_value" DECIMAL(18,4),
    "calculated_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,
    "created_by" VARCHAR(64),
    "updated_by" VARCHAR(64),

    CONSTRAINT "kpis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dashboards" (
    "id" TEXT NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "name" VARCHAR(255) NOT NULL,
    "description" TEXT,
    "owner_id" VARCHAR(64) NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "layout" JSONB NOT NULL,
    "refresh_interval_sec" INTEGER NOT NULL DEFAULT 60,
    "shared_with_roles" TEXT[],
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,
    "created_by" VARCHAR(64),
    "updated_by" VARCHAR(64),

    CONSTRAINT "dashboards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dashboard_widgets" (
    "id" TEXT NOT NULL,
    "dashboard_id" TEXT NOT NULL,
    "kpi_id" TEXT,
    "report_id" TEXT,
    "type" "WidgetType" NOT NULL,
    "title" VARCHAR(255) NOT NULL,
    "position_x" INTEGER NOT NULL,
    "position_y" INTEGER NOT NULL,
    "width" INTEGER NOT NULL DEFAULT 4,
    "height" INTEGER NOT NULL DEFAULT 3,
    "config" JSONB,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "dashboard_widgets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" TEXT NOT NULL,
    "alert_number" VARCHAR(32) NOT NULL,
    "kpi_id" TEXT,
    "severity" "AlertSeverity" NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'ACTIVE',
    "title" VARCHAR(255) NOT NULL,
    "message" TEXT NOT NULL,
    "source_service" VARCHAR(32) NOT NULL,
    "source_entity_type" VARCHAR(64),
    "source_entity_id" VARCHAR(64),
    "metric_value" DECIMAL(18,4),
    "threshold_value" DECIMAL(18,4),
    "triggered_at" TIMESTAMPTZ(6) NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(6),
    "acknowledged_by" VARCHAR(64),
    "resolved_at" TIMESTAMPTZ(6),
    "resolved_by" VARCHAR(64),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_DashboardToKPI" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_DashboardToKPI_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "reports_code_key" ON "reports"("code");

-- CreateIndex
CREATE INDEX "reports_type_idx" ON "reports"("type");

-- CreateIndex
CREATE INDEX "reports_owner_id_idx" ON "reports"("owner_id");

-- CreateIndex
CREATE UNIQUE INDEX "report_parameters_report_id_name_key" ON "report_parameters"("report_id", "name");

-- CreateIndex
CREATE INDEX "report_schedules_report_id_idx" ON "report_schedules"("report_id");

-- CreateIndex
CREATE INDEX "report_schedules_is_enabled_next_run_at_idx" ON "report_schedules"("is_enabled", "next_run_at");

-- CreateIndex
CREATE INDEX "report_executions_report_id_queued_at_idx" ON "report_executions"("report_id", "queued_at");

-- CreateIndex
CREATE INDEX "report_executions_schedule_id_idx" ON "report_executions"("schedule_id");

-- CreateIndex
CREATE INDEX "report_executions_status_idx" ON "report_executions"("status");

-- CreateIndex
CREATE UNIQUE INDEX "kpis_code_key" ON "kpis"("code");

-- CreateIndex
CREATE INDEX "kpis_category_idx" ON "kpis"("category");

-- CreateIndex
CREATE INDEX "kpis_scope_type_scope_id_idx" ON "kpis"("scope_type", "scope_id");

-- CreateIndex
CREATE UNIQUE INDEX "dashboards_code_key" ON "dashboards"("code");

-- CreateIndex
CREATE INDEX "dashboards_owner_id_idx" ON "dashboards"("owner_id");

-- CreateIndex
CREATE INDEX "dashboard_widgets_dashboard_id_idx" ON "dashboard_widgets"("dashboard_id");

-- CreateIndex
CREATE INDEX "dashboard_widgets_kpi_id_idx" ON "dashboard_widgets"("kpi_id");

-- CreateIndex
CREATE INDEX "dashboard_widgets_report_id_idx" ON "dashboard_widgets"("report_id");

-- CreateIndex
CREATE UNIQUE INDEX "alerts_alert_number_key" ON "alerts"("alert_number");

-- CreateIndex
CREATE INDEX "alerts_status_severity_idx" ON "alerts"("status", "severity");

-- CreateIndex
CREATE INDEX "alerts_triggered_at_idx" ON "alerts"("triggered_at");

-- CreateIndex
CREATE INDEX "alerts_kpi_id_idx" ON "alerts"("kpi_id");

-- CreateIndex
CREATE INDEX "_DashboardToKPI_B_index" ON "_DashboardToKPI"("B");

-- AddForeignKey
ALTER TABLE "report_parameters" ADD CONSTRAINT "report_parameters_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_executions" ADD CONSTRAINT "report_executions_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_executions" ADD CONSTRAINT "report_executions_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "report_schedules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dashboard_widgets" ADD CONSTRAINT "dashboard_widgets_dashboard_id_fkey" FOREIGN KEY ("dashboard_id") REFERENCES "dashboards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dashboard_widgets" ADD CONSTRAINT "dashboard_widgets_kpi_id_fkey" FOREIGN KEY ("kpi_id") REFERENCES "kpis"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dashboard_widgets" ADD CONSTRAINT "dashboard_widgets_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_kpi_id_fkey" FOREIGN KEY ("kpi_id") REFERENCES "kpis"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_DashboardToKPI" ADD CONSTRAINT "_DashboardToKPI_A_fkey" FOREIGN KEY ("A") REFERENCES "dashboards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_DashboardToKPI" ADD CONSTRAINT "_DashboardToKPI_B_fkey" FOREIGN KEY ("B") REFERENCES "kpis"("id") ON DELETE CASCADE ON UPDATE CASCADE;
