import { z } from 'zod';
import { method } from './define';
import { orderStateSchema } from './orders';

/**
 * Partner systems (the 12345 hotline platform and others) filing a request through Open311
 * GeoReport v2. The HTTP endpoint verifies the API key and passes the request's fields here, so the
 * order is made through the same router as every other write: one validation, one audit row for a
 * success and for a failure, one set of events. The fields keep their GeoReport names
 * (service_code, description, lat, long, address_string, workstation, first_name, …); their rules
 * are GeoReport's and live with the endpoint (main/services/open311/requests.ts). Never the key.
 */
export const open311Methods = {
  'open311.requests.create': method({
    input: z
      .record(z.string().max(40), z.union([z.string().max(20_000), z.number(), z.null()]))
      .refine((fields) => Object.keys(fields).length <= 40, { error: 'too many fields' })
      .refine((fields) => !('api_key' in fields), { error: 'api_key is not a request field' }),
    output: z.object({ id: z.number().int(), code: z.string(), state: orderStateSchema }),
    access: 'apiKey',
    writes: true,
    summary: 'Open311 报件',
  }),
};
