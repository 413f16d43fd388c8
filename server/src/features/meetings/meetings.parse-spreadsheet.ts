/**
 * The 12 Step Meeting List spreadsheet (the Meeting Guide "table format"), saved as CSV: a header
 * row of plain-language column names ("Time", "End Time", "Day", "Name", "Location", "Address",
 * "City", "State", "Postal Code", "Country", "Types", "Notes", "Region", "Sub Region", "Group",
 * "Conference URL", …, "Slug", "Updated"), in any order, then one meeting per row with day names,
 * "6:00 PM" times and type names.
 */
import { parse } from 'csv-parse/sync';
import { MalformedSourceError, type ParsedSource } from './meetings.import-types.ts';
import { deriveSlug, parseDay, parseText, parseTime } from './meetings.parse-common.ts';
import { parseMeetingGuideRecords, type MeetingGuideParseOptions } from './meetings.parse-meeting-guide.ts';

/** Column names people and tools use for a Meeting Guide field, beyond "Plain Name" → plain_name. */
const columnAliases: Record<string, string> = {
  id: 'slug',
  full_address: 'formatted_address',
  formatted_address: 'formatted_address',
  zip: 'postal_code',
  zip_code: 'postal_code',
  postal: 'postal_code',
  postcode: 'postal_code',
  province: 'state',
  state_province: 'state',
  meeting: 'name',
  meeting_name: 'name',
  location_name: 'location',
  start_time: 'time',
  end: 'end_time',
  time_zone: 'timezone',
  subregion: 'sub_region',
  group_name: 'group',
  attendance: 'attendance_option',
  feedback_email: 'feedback_emails',
  pay_pal: 'paypal',
};

/** "Conference URL Notes" → "conference_url_notes", then aliases ("ID" → "slug"). */
function fieldForColumn(header: string): string {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return columnAliases[key] ?? key;
}

/** Comma, or tab/semicolon when the header line plainly uses those instead. */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (character: string) => firstLine.split(character).length - 1;
  const commas = count(',');
  if (count('\t') > commas) return '\t';
  if (count(';') > commas) return ';';
  return ',';
}

const requiredFields = [
  ['name', 'Name'],
  ['day', 'Day'],
  ['time', 'Time'],
] as const;

/**
 * Parses a 12 Step Meeting List spreadsheet saved as CSV. Throws MalformedSourceError when the text
 * is not CSV or its first row is not a header with Name, Day and Time columns. A row without a slug
 * gets one derived from its name, day, time and address, so importing the same sheet again matches.
 */
export function parseMeetingGuideCsv(text: string, options: MeetingGuideParseOptions = {}): ParsedSource {
  let table: string[][];
  try {
    table = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    throw new MalformedSourceError(
      `The file is not a readable CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  }

  const isBlank = (row: string[]) => row.every((cell) => cell.trim() === '');
  const headerIndex = table.findIndex((row) => !isBlank(row));
  const header = headerIndex === -1 ? [] : (table[headerIndex] ?? []);
  const fields = header.map(fieldForColumn);
  const missing = requiredFields.filter(([field]) => !fields.includes(field)).map(([, column]) => column);
  if (missing.length > 0) {
    throw new MalformedSourceError(
      `The first row must name the columns, including Name, Day and Time; missing: ${missing.join(', ')}.`,
    );
  }

  const records: Record<string, string>[] = [];
  const sheetRows: number[] = [];
  table.forEach((row, index) => {
    if (index <= headerIndex || isBlank(row)) return;
    const record: Record<string, string> = {};
    fields.forEach((field, column) => {
      const cell = row[column];
      if (!field || cell === undefined) return;
      // A repeated column keeps its first non-empty cell.
      if (record[field] === undefined || record[field].trim() === '') record[field] = cell;
    });
    if (parseText(record.slug) === null) record.slug = slugForRow(record);
    records.push(record);
    sheetRows.push(index + 1);
  });

  return parseMeetingGuideRecords(records, {
    ...options,
    rowLabel: (index) => `row ${sheetRows[index] ?? index + 2}`,
  });
}

/** A stable slug from the parsed day and time (so "6:00 PM" and "18:00" give the same one). */
function slugForRow(record: Record<string, string>): string {
  const day = parseDay(record.day);
  const time = parseTime(record.time);
  const address =
    parseText(record.formatted_address) ??
    [record.address, record.city, record.state, record.postal_code, record.country]
      .map((part) => parseText(part))
      .filter((part) => part !== null)
      .join(', ');
  return deriveSlug({
    name: record.name ?? '',
    day: day.ok ? (day.value?.join(',') ?? '') : (record.day ?? ''),
    time: time.ok ? (time.value ?? '') : (record.time ?? ''),
    address,
  });
}
