import { z } from 'zod';
import { commandParser } from './command-text.js';

/** `/incident alerts [service]`, `/incident slo [service]`: no service = all of them. */
export const parseOptionalService = commandParser(
  ({ rest }) => ({ service: rest }),
  z.object({ service: z.string().trim().transform((service) => service || null) }),
);
