import type { ApiKeysService } from '../../services/open311/api-keys';
import type { Handler } from '../handler-types';

/** Admin methods for Open311 API keys. The secret goes to the caller once and never into the audit log. */
export function apiKeyHandlers(keys: ApiKeysService) {
  const list: Handler<'admin.apiKeys.list'> = () => keys.list();

  const create: Handler<'admin.apiKeys.create'> = (ctx, { name }) => {
    const { user } = ctx.requireSession();
    ctx.audit.target = `apikey:${name}`;
    ctx.audit.summary = `签发 Open311 API 密钥「${name}」/ issued an Open311 API key`;
    const issued = ctx.tx(() => {
      const result = keys.create(name, { id: user.id, name: user.displayName });
      ctx.audit.target = `apikey:${result.key.id}`;
      ctx.audit.summary = `签发 Open311 API 密钥「${result.key.name}」/ issued an Open311 API key`;
      return result;
    });
    return issued;
  };

  const revoke: Handler<'admin.apiKeys.revoke'> = (ctx, { id }) => {
    ctx.audit.target = `apikey:${id}`;
    ctx.audit.summary = `吊销 Open311 API 密钥 ${id} / revoked an Open311 API key`;
    return ctx.tx(() => {
      const before = keys.get(id);
      const key = keys.revoke(id);
      ctx.audit.summary =
        before?.revokedAt === null
          ? `吊销 Open311 API 密钥「${key.name}」/ revoked an Open311 API key`
          : `Open311 API 密钥「${key.name}」早已吊销 / already revoked`;
      return key;
    });
  };

  return {
    'admin.apiKeys.list': list,
    'admin.apiKeys.create': create,
    'admin.apiKeys.revoke': revoke,
  };
}
