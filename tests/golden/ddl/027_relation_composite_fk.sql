-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Tenant" (
    "orgId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("orgId","code")
);

-- CreateTable
CREATE TABLE "TenantUser" (
    "id" INTEGER NOT NULL,
    "tenantOrg" INTEGER NOT NULL,
    "tenantCode" TEXT NOT NULL,

    CONSTRAINT "TenantUser_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TenantUser_tenantOrg_tenantCode_idx" ON "TenantUser"("tenantOrg", "tenantCode");

-- AddForeignKey
ALTER TABLE "TenantUser" ADD CONSTRAINT "TenantUser_tenantOrg_tenantCode_fkey" FOREIGN KEY ("tenantOrg", "tenantCode") REFERENCES "Tenant"("orgId", "code") ON DELETE RESTRICT ON UPDATE CASCADE;

