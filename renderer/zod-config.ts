import { z } from 'zod';

// The renderer's CSP forbids eval; without this zod probes `new Function` and the browser logs a CSP violation on every start.
z.config({ jitless: true });
