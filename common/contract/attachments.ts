import { z } from 'zod';
import { method } from './define';
import { idSchema } from './schemas';
import { attachmentInfoSchema, ORDER_OPERATORS as OPERATORS } from './orders';

/**
 * Files travel through the contract in chunks (the same over IPC and WebSocket, and for a remote
 * hub), never as paths. The hub checks the type by content, not by name.
 */
export const ATTACHMENT_CHUNK_BYTES = 256 * 1024;

export const attachmentMethods = {
  'attachments.begin': method({
    input: z.object({ name: z.string().trim().min(1).max(200), size: z.number().int().positive() }),
    output: z.object({ uploadId: z.string(), chunkBytes: z.number().int(), maxBytes: z.number().int() }),
    access: OPERATORS,
    writes: false,
    summary: 'Start an upload (refused when larger than the configured limit)',
  }),
  'attachments.chunk': method({
    input: z.object({
      uploadId: z.string().max(64),
      index: z.number().int().min(0),
      dataBase64: z.string().max(Math.ceil((ATTACHMENT_CHUNK_BYTES * 4) / 3) + 8),
    }),
    output: z.object({ received: z.number().int() }),
    access: OPERATORS,
    writes: false,
    summary: 'One chunk of an upload, in order',
  }),
  'attachments.finish': method({
    input: z.object({ uploadId: z.string().max(64) }),
    output: attachmentInfoSchema,
    access: OPERATORS,
    writes: true,
    summary: 'Complete an upload: type checked by content, stored by hash',
  }),
  'attachments.read': method({
    input: z.object({ id: idSchema, offset: z.number().int().min(0).default(0) }),
    output: z.object({
      info: attachmentInfoSchema,
      dataBase64: z.string(),
      offset: z.number().int(),
      done: z.boolean(),
    }),
    access: OPERATORS,
    writes: false,
    summary: 'Read an attachment in chunks (for preview and download)',
  }),
} as const;
