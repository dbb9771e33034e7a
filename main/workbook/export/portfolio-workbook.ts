import ExcelJS from 'exceljs';
import type BetterSqlite3 from 'better-sqlite3';
import type { Portfolio } from './portfolio-data';
import { readPortfolio } from './portfolio-data';
import { addFilter, currencyFormat, DATE_FORMAT, dateCell, major, tableSheet, text } from './sheet-style';

export const PORTFOLIO_COLUMNS = [
  'Account',
  'External id',
  'Tier',
  'Industry',
  'Region',
  'Owner',
  'ARR',
  'Renewal date',
  'Responses',
  'Promoters',
  'Passives',
  'Detractors',
  'NPS (count-all)',
  'Account score',
  'Category',
  'At risk',
  'Negative drivers',
] as const;

/**
 * Accounts with category, ARR, risk and drivers. NPS per account and the portfolio totals are live
 * formulas over the counts beside them, so finance can audit them; each formula's cached value is the
 * engine's own figure.
 */
export async function writePortfolioWorkbook(raw: BetterSqlite3.Database, asOf: string, filePath: string): Promise<Portfolio> {
  const portfolio = readPortfolio(raw, asOf);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'AX Workbench';
  const money = currencyFormat(portfolio.currency);
  const ws = tableSheet(
    wb,
    'Portfolio',
    PORTFOLIO_COLUMNS.map((header) => ({
      header,
      width: header === 'Account' || header === 'Negative drivers' ? 30 : undefined,
      format: header === 'ARR' ? money : header === 'Renewal date' ? DATE_FORMAT : header === 'NPS (count-all)' || header === 'Account score' ? '0.0' : undefined,
    })),
  );
  portfolio.accounts.forEach((a, i) => {
    const r = i + 2;
    const counts = a.result.countAll.counts;
    const nps = a.result.countAll.nps.value;
    ws.addRow([
      text(a.name),
      text(a.externalId),
      text(a.tier),
      text(a.industry),
      text(a.region),
      text(a.owner),
      major(a.arrMinor, portfolio.currency),
      dateCell(a.renewalDate),
      counts.total,
      counts.promoters,
      counts.passives,
      counts.detractors,
      { formula: `IF(I${r}=0,"",100*(J${r}-L${r})/I${r})`, result: nps ?? '' },
      a.result.headline.score.value,
      a.result.headline.category ?? 'unscored',
      a.atRisk ? 'Yes' : 'No',
      text(a.negativeDrivers.join(', ')),
    ]);
  });
  const n = portfolio.accounts.length;
  addFilter(ws, PORTFOLIO_COLUMNS.length, n);
  const last = n + 1;
  const range = (col: string) => `Portfolio!${col}2:${col}${Math.max(2, last)}`;
  const summary = wb.addWorksheet('Summary');
  summary.columns = [{ header: 'Figure', width: 34 }, { header: 'Value', width: 18 }, { header: 'How', width: 70 }];
  summary.getRow(1).font = { bold: true };
  const totalArr = portfolio.accounts.reduce((s, a) => s + a.arrMinor, 0);
  const active = portfolio.accounts.filter((a) => a.arrMinor > 0);
  const sum = (pick: (a: (typeof active)[number]) => number) => active.reduce((s, a) => s + pick(a), 0);
  summary.addRow(['As of', dateCell(portfolio.asOf), 'ARR on this day; responses in the 12 months up to it']).getCell(2).numFmt = DATE_FORMAT;
  summary.addRow(['Total ARR', { formula: `SUM(${range('G')})`, result: major(totalArr, portfolio.currency) }, 'sum of the ARR column']).getCell(2).numFmt = money;
  summary
    .addRow(['ARR at risk', { formula: `SUMIFS(${range('G')},${range('P')},"Yes",${range('G')},">0")`, result: major(portfolio.arrAtRiskMinor, portfolio.currency) }, `active accounts at risk (rule: ${portfolio.settings.atRiskRule})`])
    .getCell(2).numFmt = money;
  summary.addRow(['Responses (active accounts)', { formula: `SUMIFS(${range('I')},${range('G')},">0")`, result: sum((a) => a.result.countAll.counts.total) }, 'valid NPS answers in the window']);
  summary
    .addRow([
      'Portfolio NPS (count-all)',
      {
        formula: `IF(SUMIFS(${range('I')},${range('G')},">0")=0,"",100*(SUMIFS(${range('J')},${range('G')},">0")-SUMIFS(${range('L')},${range('G')},">0"))/SUMIFS(${range('I')},${range('G')},">0"))`,
        result: portfolio.countAllNps ?? '',
      },
      '100 × (promoters − detractors) / responses, active accounts only',
    ])
    .getCell(2).numFmt = '0.0';
  await wb.xlsx.writeFile(filePath);
  return portfolio;
}
