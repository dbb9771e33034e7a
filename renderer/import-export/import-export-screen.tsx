import { ExportCard } from './export-card';
import { HistoryCard } from './history-card';
import { ImportWizard } from './import-wizard';

/** Import/Export (issue #5): the import wizard on top; exports and the import history side by side below. */
export function ImportExportScreen() {
  return (
    <div className="page ie-page">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">Import/Export</h1>
          <p className="page-header__subtitle">Bring in account lists and survey exports; take workbooks out that re-import losslessly.</p>
        </div>
      </header>
      <ImportWizard />
      <div className="ie-lower">
        <ExportCard />
        <HistoryCard />
      </div>
    </div>
  );
}
