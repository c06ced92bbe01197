CREATE TABLE "Membership" ("userId" INTEGER NOT NULL, "groupId" INTEGER NOT NULL, role TEXT NOT NULL, code TEXT, tenant INTEGER,
  CONSTRAINT "Membership_pkey" PRIMARY KEY ("userId", "groupId"));
CREATE UNIQUE INDEX "Membership_code_tenant_key" ON "Membership"(code, tenant);
CREATE UNIQUE INDEX "custom_unique" ON "Membership"(role, tenant);
CREATE TABLE "Other" (a INTEGER NOT NULL, b INTEGER NOT NULL, CONSTRAINT "other_pk" PRIMARY KEY (a, b));
CREATE TABLE "Single" (id INTEGER NOT NULL, CONSTRAINT "single_pk_custom" PRIMARY KEY (id), code TEXT CONSTRAINT "code_uq" UNIQUE);
