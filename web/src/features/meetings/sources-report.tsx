/** What an import did: a one-line summary, and the full report with the rows that were left out. */
import type { ImportReport } from '@kindred/common/meetings';

/** "206 read · 3 new · 1 changed · 200 unchanged · 2 removed · 1 rejected" */
export function reportSummary(report: ImportReport): string {
  return [
    `${report.rowsRead} read`,
    `${report.created} new`,
    `${report.updated} changed`,
    `${report.unchanged} unchanged`,
    `${report.removed} removed`,
    `${report.rejected.length} rejected`,
  ].join(' · ');
}

/** The full report of one import: the counts in words, then each rejected row and why. */
export function ImportReportDetails({ report, headingId }: { report: ImportReport; headingId: string }) {
  const meetings = (count: number) => `${count} ${count === 1 ? 'meeting' : 'meetings'}`;
  return (
    <div className="stack">
      <ul>
        <li>{`${report.rowsRead} ${report.rowsRead === 1 ? 'row' : 'rows'} read from the file`}</li>
        <li>{`${meetings(report.created)} added`}</li>
        <li>{`${meetings(report.updated)} changed`}</li>
        <li>{`${meetings(report.unchanged)} unchanged`}</li>
        <li>{`${meetings(report.removed)} removed because they are no longer in the source`}</li>
        <li>{`${report.rejected.length} ${report.rejected.length === 1 ? 'row' : 'rows'} left out`}</li>
      </ul>
      {report.rejected.length > 0 && (
        <>
          <h4 id={headingId}>Rows left out</h4>
          <p className="muted">These rows were not imported. Fix them in the source, then import it again.</p>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Id in the source</th>
                  <th scope="col">Name</th>
                  <th scope="col">Why it was left out</th>
                </tr>
              </thead>
              <tbody>
                {report.rejected.map((row, index) => (
                  <tr key={`${row.sourceKey ?? ''}-${index}`}>
                    <td>{row.sourceKey ?? '—'}</td>
                    <td>{row.name ?? '—'}</td>
                    <td>{row.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
