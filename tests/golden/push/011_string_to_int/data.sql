INSERT INTO "Item" VALUES (1,$$x$$,$$y$$);
