import { openDatabase } from '../../src/storage/database.js';

/** A real in-memory SQLite with every migration applied. */
export const testDatabase = () => openDatabase(':memory:');
