/** What a backup holds, from the copy itself once it has passed its integrity check. */
export interface BackupSummary {
  bytes: number;
  incidents: number;
  /** Investigating, identified or monitoring. */
  activeIncidents: number;
  alerts: number;
  pendingJobs: number;
  /** The newest migration the copy has: a restore onto a newer bot migrates it forward at start. */
  migratedAt: number | undefined;
}

/** Copies of the bot's own database (storage/backup.ts). */
export interface DatabaseBackups {
  /** A consistent, checked copy of the database at `file`, which must not exist yet. */
  take(file: string): Promise<BackupSummary>;
  /** The names of the files in `dir`. */
  list(dir: string): string[];
  remove(file: string): void;
}
