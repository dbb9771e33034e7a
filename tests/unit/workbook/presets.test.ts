import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { columnHeaders, detectHeader, sheetWidth } from '../../../main/workbook/pipeline/headers';
import { detectPreset } from '../../../main/workbook/pipeline/presets';
import { proposeEntity, proposeMapping } from '../../../main/workbook/pipeline/propose';
import type { SheetRow } from '../../../main/workbook/cells';
import { CORPUS, sampleOf, sampleOfText } from './sample-rows';

async function propose(rows: SheetRow[], driverNames: string[] = []) {
  const preset = detectPreset(rows);
  const header = preset?.header ?? detectHeader(rows);
  const columns = columnHeaders(rows, header, sheetWidth(rows), preset?.id === 'surveymonkey');
  const data = rows.filter((r) => r.row >= header.first + header.count);
  const entity = preset?.entity ?? proposeEntity(columns, data);
  const mapping = proposeMapping({ entity, preset: preset?.id ?? null, columns, dataRows: data, driverNames });
  const byField = Object.fromEntries(mapping.filter((m) => m.field).map((m) => [m.field!, columns[m.column]!.parts[0]]));
  return { preset: preset?.id ?? null, header, entity, byField };
}

describe('presets recognise native exports as they are', () => {
  test('Qualtrics CSV: three header rows, ImportId row, response id and recorded date', async () => {
    const rows = await sampleOf(path.join(CORPUS, 'survey-exports/qualtrics/sample.csv'));
    const result = await propose(rows);
    expect(result.preset).toBe('qualtrics');
    expect(result.header).toEqual({ first: 1, count: 3 });
    expect(result.entity).toBe('responses');
    expect(result.byField).toMatchObject({
      'response.externalId': 'ResponseId',
      'response.date': 'RecordedDate',
      'contact.email': 'RecipientEmail',
      'contact.firstName': 'RecipientFirstName',
      'contact.lastName': 'RecipientLastName',
      'response.finished': 'Finished',
      'response.verbatim': 'Q2',
    });
  });

  test('Qualtrics legacy layout with a BOM: V1..V10 row above the names', async () => {
    const rows = await sampleOf(path.join(CORPUS, 'survey-exports/qualtrics/sample_legacy.csv'));
    const result = await propose(rows);
    expect(result.preset).toBe('qualtrics-legacy');
    expect(result.header).toEqual({ first: 1, count: 2 });
    expect(rows[0]!.cells[0]).toBe('V1');
    expect(Object.keys(result.byField)).toEqual(expect.arrayContaining(['response.externalId', 'response.date', 'contact.email']));
  });

  test('Qualtrics NPS: QIDn is the score, QIDn_NPS_GROUP the check', async () => {
    const csv = [
      'StartDate,RecordedDate,ResponseId,RecipientEmail,Company,Q5,Q5_NPS_GROUP,Q6',
      'Start Date,Recorded Date,Response ID,Email,Company,How likely...,How likely... - Group,Why?',
      '{"ImportId":"startDate"},{"ImportId":"recordedDate"},{"ImportId":"_recordId"},{"ImportId":"recipientEmail"},{"ImportId":"Company"},{"ImportId":"QID5"},{"ImportId":"QID5_NPS_GROUP"},{"ImportId":"QID6_TEXT"}',
      '2024-01-02 10:00:00,2024-01-02 10:05:00,R_1,a@acme.com,Acme,9,3,Great support',
    ].join('\n');
    const result = await propose(await sampleOfText(csv));
    expect(result.preset).toBe('qualtrics');
    expect(result.byField['response.nps']).toBe('Q5');
    expect(result.byField['response.npsGroup']).toBe('Q5_NPS_GROUP');
    expect(result.byField['account.name']).toBe('Company');
  });

  test('SurveyMonkey: two header rows, question text merged above its options', async () => {
    const csv = [
      'Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,Custom Data 1,How likely is it that you would recommend us to a friend or colleague?,What could we do better?',
      ',,,,,,,,,Response,Open-Ended Response',
      '114,431,01/02/2024 10:00:00 AM,01/02/2024 10:04:00 AM,1.2.3.4,jane@acme.com,Jane,Doe,Acme,10,Nothing',
    ].join('\n');
    const result = await propose(await sampleOfText(csv));
    expect(result.preset).toBe('surveymonkey');
    expect(result.header).toEqual({ first: 1, count: 2 });
    expect(result.byField).toMatchObject({ 'response.externalId': 'Respondent ID', 'response.date': 'End Date', 'contact.email': 'Email Address', 'response.nps': 'How likely is it that you would recommend us to a friend or colleague?' });
  });

  test('Formbricks and Delighted', async () => {
    const formbricks = await propose(
      await sampleOfText('No.,Response ID,Timestamp,Finished,Survey ID,Formbricks ID (internal),User ID,Notes,Tags,NPS,Why?\n1,abc,2024-01-02 10:00:00,Yes,s1,f1,u1,,vip,7,Fine\n'),
    );
    expect(formbricks.preset).toBe('formbricks');
    expect(formbricks.byField).toMatchObject({ 'response.externalId': 'Response ID', 'response.date': 'Timestamp', 'response.finished': 'Finished', 'contact.externalId': 'User ID' });
    const delighted = await propose(await sampleOfText('Response ID,Email,Name,Score,Comment,Created At,Company\n1,a@b.co,Ann,9,Love it,2024-01-02 10:00:00 -0700,Acme\n'));
    expect(delighted.preset).toBe('delighted');
    expect(delighted.byField).toMatchObject({ 'response.nps': 'Score', 'response.verbatim': 'Comment', 'contact.email': 'Email', 'response.date': 'Created At', 'account.name': 'Company' });
  });

  test('a CRM account list maps to accounts with ARR', async () => {
    const result = await propose(
      await sampleOfText('Account Name,Account ID,Industry,Segment,Account Owner,ARR,Renewal Date\nAcme Inc.,001A,Software,Enterprise,Jo,"$1,200,000",2025-03-31\nGlobex,001B,Retail,SMB,Al,1.2M,31/03/2025\n'),
    );
    expect(result.preset).toBe('crm-accounts');
    expect(result.entity).toBe('accounts');
    expect(result.byField).toMatchObject({
      'account.name': 'Account Name',
      'account.externalId': 'Account ID',
      'account.industry': 'Industry',
      'account.tier': 'Segment',
      'account.owner': 'Account Owner',
      'arr.amount': 'ARR',
      'account.renewalDate': 'Renewal Date',
    });
  });

  test('HubSpot and Salesforce company exports as they come', async () => {
    const hubspot = await propose(await sampleOfText('Record ID,Company name,Company owner,Annual Revenue,Country/Region,Create Date\n5012,Acme,Jo Lee,1200000,Germany,2023-01-04 10:00\n'));
    expect(hubspot.preset).toBe('crm-accounts');
    expect(hubspot.byField).toMatchObject({ 'account.externalId': 'Record ID', 'account.name': 'Company name', 'account.owner': 'Company owner', 'arr.amount': 'Annual Revenue', 'account.region': 'Country/Region' });
    const salesforce = await propose(await sampleOfText('Account ID,Account Name,Type,Industry,Annual Revenue,Billing Country,Account Owner\n001A,Acme,Customer,Software,"1,200,000.00",DE,Jo\n'));
    expect(salesforce.preset).toBe('crm-accounts');
    expect(salesforce.byField).toMatchObject({ 'account.externalId': 'Account ID', 'account.name': 'Account Name', 'arr.amount': 'Annual Revenue', 'account.region': 'Billing Country', 'account.owner': 'Account Owner', 'account.industry': 'Industry' });
  });

  test('header rows: a title row above the header is skipped, headerless data is counted 0', () => {
    const rows: SheetRow[] = [
      { row: 1, cells: ['Quarterly account list'] },
      { row: 3, cells: ['Name', 'ARR', 'Owner'] },
      { row: 4, cells: ['Acme', 1000, 'Jo'] },
    ];
    expect(detectHeader(rows)).toEqual({ first: 3, count: 1 });
    expect(detectHeader([{ row: 1, cells: [1, 2, 3] }, { row: 2, cells: [4, 5, 6] }])).toEqual({ first: 1, count: 0 });
  });

  test('driver columns are proposed as driver ratings', async () => {
    const result = await propose(await sampleOfText('Company,Email,Date,NPS,Driver: Onboarding,Support\nAcme,a@acme.com,2024-01-02,9,4,2\nAcme,b@acme.com,2024-01-03,6,2,1\n'), ['Support']);
    expect(result.byField['driver:Onboarding']).toBe('Driver: Onboarding');
    expect(result.byField['driver:Support']).toBe('Support');
  });
});
