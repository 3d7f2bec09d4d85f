import { apiKeyWords } from '../../services/audit/notes-ops';
import type { ApiKeysService } from '../../services/open311/api-keys';
import type { Handler } from '../handler-types';

/** Admin methods for Open311 API keys. The secret goes to the caller once and never into the audit log. */
export function apiKeyHandlers(keys: ApiKeysService) {
  const list: Handler<'admin.apiKeys.list'> = () => keys.list();

  const create: Handler<'admin.apiKeys.create'> = (ctx, { name }) => {
    const { user } = ctx.requireSession();
    ctx.audit.target = `apikey:${name}`;
    Object.assign(ctx.audit, apiKeyWords('apikey.issue', name));
    const issued = ctx.tx(() => {
      const result = keys.create(name, { id: user.id, name: user.displayName });
      ctx.audit.target = `apikey:${result.key.id}`;
      Object.assign(ctx.audit, apiKeyWords('apikey.issue', result.key.name));
      return result;
    });
    return issued;
  };

  const revoke: Handler<'admin.apiKeys.revoke'> = (ctx, { id }) => {
    ctx.audit.target = `apikey:${id}`;
    Object.assign(ctx.audit, apiKeyWords('apikey.revoke', `#${id}`));
    return ctx.tx(() => {
      const before = keys.get(id);
      const key = keys.revoke(id);
      Object.assign(
        ctx.audit,
        apiKeyWords(before?.revokedAt === null ? 'apikey.revoke' : 'apikey.alreadyRevoked', key.name),
      );
      return key;
    });
  };

  return {
    'admin.apiKeys.list': list,
    'admin.apiKeys.create': create,
    'admin.apiKeys.revoke': revoke,
  };
}
