INSERT INTO "User" VALUES (1,$$x$$,1,2);
