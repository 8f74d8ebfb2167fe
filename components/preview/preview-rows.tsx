import { type PreviewTableRow, previewColumns } from "@/components/preview/preview-columns";

/** The preview's rows as a table, for the paged plan and for the first look alike. */
export function PreviewRows({ rows, caption }: { rows: PreviewTableRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="preview-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-border text-muted-foreground">
          <tr>
            {previewColumns.map((column) => (
              <th key={column.key} scope="col" className="px-2 py-2 font-medium">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.seq}
              className="border-b border-border align-top"
              data-contact-id={row.entry.contact.id}
            >
              {previewColumns.map((column) => (
                <td key={column.key} className="px-2 py-2">
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
