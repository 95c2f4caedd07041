import { z } from 'zod';
import { commandParser } from './command-text.js';

/** `/incident alerts [service]`: no service = all of them. */
export const parseAlertsCommand = commandParser(
  ({ rest }) => ({ service: rest }),
  z.object({ service: z.string().trim().transform((service) => service || null) }),
);
