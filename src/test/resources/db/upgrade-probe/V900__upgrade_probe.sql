-- Test only (UpgradeTest): a migration newer than any of the program's, so that opening a database
-- from the previous release has one pending whatever main's migrations are.
CREATE TABLE upgrade_probe (id INT PRIMARY KEY);
INSERT INTO upgrade_probe VALUES (1);
