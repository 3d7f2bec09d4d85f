import { reportWords } from '../../services/audit/notes-ops';
import type { KpiReportService } from '../../services/kpi-reports/report-service';
import type { OrgRepo } from '../../services/org/org-repo';
import { viewerOf } from '../../services/org/viewer';
import type { Handler } from '../handler-types';

/** 统计分析 → 报表: generate (audited), list and download, each scoped by the caller's station. */
export function kpiReportHandlers(deps: { reports: KpiReportService; org: OrgRepo }) {
  const { reports, org } = deps;

  const generate: Handler<'reports.generate'> = (ctx, input) => {
    const { user } = ctx.requireSession();
    ctx.audit.target = `report:${input.kind}:${input.date}`;
    const entry = reports.generate(input, viewerOf(org, user), user.displayName);
    ctx.audit.target = `report:${entry.name}`;
    const center = org.units().find((u) => u.kind === 'center')?.id ?? '';
    Object.assign(ctx.audit, reportWords(entry.name, { ...entry, unitId: entry.stationId ?? center }));
    return entry;
  };

  const list: Handler<'reports.list'> = (ctx) => reports.list(viewerOf(org, ctx.requireSession().user));

  const download: Handler<'reports.download'> = (ctx, { name, format }) => {
    const file = reports.download(name, format, viewerOf(org, ctx.requireSession().user));
    return {
      fileName: file.fileName,
      mime: file.mime,
      dataBase64: Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength).toString('base64'),
    };
  };

  return { 'reports.generate': generate, 'reports.list': list, 'reports.download': download };
}
