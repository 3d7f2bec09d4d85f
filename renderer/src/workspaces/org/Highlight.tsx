/** Marks the first occurrence of the search text, case-insensitively. */
export function Highlight({ text, query }: { text: string; query: string }) {
  const q = query.trim();
  const at = q ? text.toLowerCase().indexOf(q.toLowerCase()) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span className="search-hit">{text.slice(at, at + q.length)}</span>
      {text.slice(at + q.length)}
    </>
  );
}
