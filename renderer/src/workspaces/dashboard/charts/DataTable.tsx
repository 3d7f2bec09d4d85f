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
}: {
  id: string;
  caption: string;
  table: TableData;
  maxHeight: number;
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
          {table.rows.map((row) => (
            <tr key={String(row[0])}>
              {row.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {cell}
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
