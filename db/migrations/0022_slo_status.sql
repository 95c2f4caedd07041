CREATE TABLE `slo_status` (
	`slo_id` text PRIMARY KEY NOT NULL,
	`read_at` integer NOT NULL,
	`remaining` real,
	`burn_rate` real,
	`burn_range_ms` integer NOT NULL,
	`problem` text
);
