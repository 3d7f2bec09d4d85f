import { Typography } from 'antd';

/** A chart's numbers: a header row and one row per label. */
export interface TableData {
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

/**
 * The 表格 view of a chart: a plain, accessible <table> (caption, column and row headers) that
 * screen readers read and a spreadsheet takes by copy and paste.
 */
export function DataTable({
  id,
  caption,
  table,
  maxHeight,
  onPick,
}: {
  id: string;
  caption: string;
  table: TableData;
  maxHeight: number;
  /** Each row's name opens its orders (as a click on its bar does). */
  onPick?: (index: number) => void;
}) {
  return (
    <div style={{ maxHeight, overflow: 'auto' }}>
      <table className="dashboard-table" data-testid={`dashboard-table-${id}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={String(row[0])}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {onPick ? (
                      <Typography.Link
                        data-testid={`dashboard-link-${id}`}
                        onClick={() => {
                          onPick(r);
                        }}
                      >
                        {cell}
                      </Typography.Link>
                    ) : (
                      cell
                    )}
                  </th>
                ) : (
                  <td key={i}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
