// Migrations are plain .sql files bundled as text (esbuild loader / Vitest plugin).
declare module '*.sql' {
  const sql: string;
  export default sql;
}
