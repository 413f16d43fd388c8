/**
 * The finder's filters. A real search form: Enter searches, every choice lands in the URL (so a
 * search can be shared and the back button goes back to the last one).
 */
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Place } from '@kindred/common/meetings';
import { Button } from '../../components/button.tsx';
import { CheckboxGroup, RadioGroup, Select, TextField, type Option } from '../../components/fields.tsx';
import { Notice } from '../../components/notice.tsx';
import { toApiError } from '../../lib/api.ts';
import {
  commonTypeOptions,
  dayOptions,
  modeOptions,
  radiusOptions,
  timeOfDayOptions,
  unitOptions,
  withinOptions,
  type FinderFilters,
  type NowFilter,
  type SearchableMode,
} from './finder-params.ts';
import { useFinderChoices, useFinderSettings, usePlaces } from './meetings.api.ts';
import type { DistanceUnit, TimeOfDay } from '@kindred/common/meetings';

type FinderFormProps = {
  initialFilters: FinderFilters;
  onSearch: (filters: FinderFilters) => void;
};

const nowOptions = [
  { value: '', label: 'Any time' },
  { value: 'in_progress', label: 'In progress now' },
  { value: 'starting_soon', label: 'Starting soon' },
];

/** How many of the filters inside "More choices" are set. */
function countMoreChoices(filters: FinderFilters): number {
  return (
    (filters.now ? 1 : 0) +
    filters.days.length +
    filters.timesOfDay.length +
    filters.modes.length +
    filters.types.length +
    (filters.language ? 1 : 0) +
    (filters.program ? 1 : 0) +
    (filters.region ? 1 : 0)
  );
}

export function FinderForm({ initialFilters, onSearch }: FinderFormProps) {
  const [filters, setFilters] = useState(initialFilters);
  const update = (changes: Partial<FinderFilters>) => setFilters((current) => ({ ...current, ...changes }));
  const moreCount = countMoreChoices(filters);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(filters);
  };

  return (
    <form className="finder-form" role="search" aria-label="Find a meeting" onSubmit={submit} noValidate>
      <NearPlace
        filters={filters}
        onChange={update}
        onChoose={(near) => onSearch({ ...filters, near })}
        onClear={() => update({ near: null })}
      />

      <TextField
        id="finder-q"
        label="Words in the name, place or group"
        isOptional
        type="search"
        value={filters.q}
        maxLength={100}
        onChange={(event) => update({ q: event.target.value })}
      />

      <details className="finder-more" open={moreCount > 0}>
        <summary>
          Day, time, online or in person, type, language, fellowship, region
          {moreCount > 0 && <span className="finder-more-count"> ({moreCount} chosen)</span>}
        </summary>
        <div className="finder-more-body">
          <RadioGroup
            id="finder-now"
            name="now"
            label="When"
            options={nowOptions}
            value={filters.now}
            onChange={(now) => update({ now: now as NowFilter })}
          />
          {filters.now === 'starting_soon' && (
            <Select
              id="finder-within"
              label="Starting within"
              options={withinOptions}
              value={String(filters.within)}
              onChange={(event) => update({ within: Number(event.target.value) })}
            />
          )}
          <CheckboxGroup
            id="finder-day"
            name="day"
            label="Days"
            hint="None chosen means any day."
            isCompact
            options={dayOptions}
            values={filters.days.map(String)}
            onChange={(days) => update({ days: days.map(Number) })}
          />
          <CheckboxGroup
            id="finder-time"
            name="timeOfDay"
            label="Time of day"
            hint="In the meeting’s own time zone."
            options={timeOfDayOptions}
            values={filters.timesOfDay}
            onChange={(times) => update({ timesOfDay: times as TimeOfDay[] })}
          />
          <CheckboxGroup
            id="finder-mode"
            name="mode"
            label="How people meet"
            options={modeOptions}
            values={filters.modes}
            onChange={(modes) => update({ modes: modes as SearchableMode[] })}
          />
          <CheckboxGroup
            id="finder-types"
            name="types"
            label="Type of meeting"
            hint="Meetings that are all of the types you choose."
            isCompact
            options={commonTypeOptions}
            values={filters.types}
            onChange={(types) => update({ types })}
          />
          <ListFilters filters={filters} update={update} />
        </div>
      </details>

      <div className="actions finder-actions">
        <Button type="submit">Show meetings</Button>
        <Link to="/meetings" className="finder-clear">
          Clear all choices
        </Link>
      </div>
    </form>
  );
}

type NearPlaceProps = {
  filters: FinderFilters;
  onChange: (changes: Partial<FinderFilters>) => void;
  onChoose: (near: NonNullable<FinderFilters['near']>) => void;
  onClear: () => void;
};

type LocationState = { kind: 'idle' } | { kind: 'finding' } | { kind: 'failed'; message: string };

/** Explains, in plain words, why the browser gave no location. */
function locationFailureMessage(error: GeolocationPositionError): string {
  if (error.code === error.PERMISSION_DENIED) {
    return 'Your browser did not share your location with Kindred. Type a town or postal code instead, or allow location for this site in your browser’s settings.';
  }
  if (error.code === error.TIMEOUT)
    return 'Finding your location took too long. Try again, or type a town or postal code.';
  return 'Your location could not be found just now. Type a town or postal code instead.';
}

/** "Near a place": words looked up in the place list, or the phone's own location. */
function NearPlace({ filters, onChange, onChoose, onClear }: NearPlaceProps) {
  const [words, setWords] = useState('');
  const [lookedUpWords, setLookedUpWords] = useState('');
  const [location, setLocation] = useState<LocationState>({ kind: 'idle' });
  const places = usePlaces(lookedUpWords);
  // The place list's credit (its licence asks for one) shows with the places it found.
  const settings = useFinderSettings(lookedUpWords !== '');
  const placesHeadingId = useId();
  const canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  const lookUp = () => {
    const trimmed = words.trim();
    if (trimmed !== '') setLookedUpWords(trimmed);
  };

  const choose = (place: Place) => {
    setWords('');
    setLookedUpWords('');
    onChoose({ latitude: place.latitude, longitude: place.longitude, label: place.label });
  };

  const useMyLocation = () => {
    if (!canLocate) {
      setLocation({
        kind: 'failed',
        message: 'This browser cannot share a location. Type a town or postal code instead.',
      });
      return;
    }
    setLocation({ kind: 'finding' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocation({ kind: 'idle' });
        onChoose({
          latitude: position.coords.latitude,
          longitude: position.coords.longitude,
          label: 'your location',
        });
      },
      (error) => setLocation({ kind: 'failed', message: locationFailureMessage(error) }),
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 5 * 60_000 },
    );
  };

  return (
    <fieldset className="finder-near">
      <legend className="field-label">Near</legend>
      {filters.near && (
        <div className="finder-near-chosen">
          <p>
            Near <strong>{filters.near.label}</strong>
          </p>
          <Button variant="quiet" onClick={onClear}>
            Search everywhere instead
          </Button>
        </div>
      )}
      <div className="finder-place-lookup">
        <TextField
          id="finder-place"
          label={filters.near ? 'Another town or postal code' : 'Town or postal code'}
          autoComplete="address-level2"
          value={words}
          maxLength={100}
          onChange={(event) => setWords(event.target.value)}
          onKeyDown={(event) => {
            // Enter looks the place up instead of sending the whole form.
            if (event.key === 'Enter') {
              event.preventDefault();
              lookUp();
            }
          }}
        />
        <Button variant="secondary" onClick={lookUp} isLoading={places.isFetching}>
          Look up
        </Button>
      </div>

      <div role="status" className="finder-places-status">
        {lookedUpWords !== '' && places.isSuccess && (
          <p id={placesHeadingId}>
            {places.data.length === 0
              ? `No place called “${lookedUpWords}” was found. Try a nearby town or a postal code.`
              : `Choose the place you mean (${places.data.length} found):`}
          </p>
        )}
      </div>
      {lookedUpWords !== '' && places.isError && (
        <Notice tone="error" title="The place could not be looked up">
          <p>{toApiError(places.error).message}</p>
        </Notice>
      )}
      {lookedUpWords !== '' && places.isSuccess && places.data.length > 0 && (
        <ul className="finder-places" aria-labelledby={placesHeadingId}>
          {places.data.slice(0, 6).map((place) => (
            <li key={`${place.latitude},${place.longitude},${place.label}`}>
              <Button variant="secondary" className="finder-place" onClick={() => choose(place)}>
                {place.label}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {lookedUpWords !== '' && places.isSuccess && settings.data?.placesAttribution && (
        <p className="finder-places-credit">{settings.data.placesAttribution}</p>
      )}

      <div className="finder-locate">
        <Button variant="secondary" onClick={useMyLocation} isLoading={location.kind === 'finding'}>
          <svg className="finder-locate-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="12" cy="12" r="4" />
            <path d="M12 2v4M12 18v4M2 12h4M18 12h4" />
          </svg>
          Use my location
        </Button>
        <div role="status" aria-live="polite">
          {location.kind === 'finding' && <p className="field-hint">Finding where you are…</p>}
        </div>
        {location.kind === 'failed' && (
          <p className="finder-locate-error" role="alert">
            {location.message}
          </p>
        )}
      </div>

      {filters.near && (
        <div className="finder-radius">
          <Select
            id="finder-radius"
            label="Within"
            options={
              radiusOptions.some((option) => option.value === String(filters.radius))
                ? radiusOptions
                : [...radiusOptions, { value: String(filters.radius), label: String(filters.radius) }]
            }
            value={String(filters.radius)}
            onChange={(event) => onChange({ radius: Number(event.target.value) })}
          />
          <Select
            id="finder-unit"
            label="Unit"
            options={unitOptions}
            value={filters.unit}
            onChange={(event) => onChange({ unit: event.target.value as DistanceUnit })}
          />
        </div>
      )}
    </fieldset>
  );
}

/** A list of choices, keeping a value the URL brought that the list does not have. */
function choiceOptions(anyLabel: string, values: readonly Option[], current: string): Option[] {
  const options = [{ value: '', label: anyLabel }, ...values];
  return current && !values.some((option) => option.value === current)
    ? [...options, { value: current, label: current }]
    : options;
}

/** Language, fellowship and region, as lists of what the meetings here have. */
function ListFilters({
  filters,
  update,
}: {
  filters: FinderFilters;
  update: (changes: Partial<FinderFilters>) => void;
}) {
  const choices = useFinderChoices();
  const languages = choices.data?.languages.map((language) => ({ value: language.code, label: language.name })) ?? [];
  const programs = choices.data?.programs.map((program) => ({ value: program, label: program })) ?? [];
  const regions = choices.data?.regions.map((region) => ({ value: region, label: region })) ?? [];
  return (
    <>
      {(languages.length > 0 || filters.language) && (
        <Select
          id="finder-language"
          name="language"
          label="Language"
          isOptional
          options={choiceOptions('Any language', languages, filters.language)}
          value={filters.language}
          onChange={(event) => update({ language: event.target.value })}
        />
      )}
      {programs.length > 0 ? (
        <Select
          id="finder-program"
          name="program"
          label="Fellowship"
          isOptional
          options={choiceOptions('Any fellowship', programs, filters.program)}
          value={filters.program}
          onChange={(event) => update({ program: event.target.value })}
        />
      ) : (
        <TextField
          id="finder-program"
          label="Fellowship"
          hint="As the meeting list names it, for example AA or NA."
          isOptional
          value={filters.program}
          maxLength={100}
          onChange={(event) => update({ program: event.target.value })}
        />
      )}
      {(regions.length > 0 || filters.region) && (
        <Select
          id="finder-region"
          name="region"
          label="Region"
          hint="A city, area or neighbourhood, as the meeting lists name them."
          isOptional
          options={choiceOptions('Any region', regions, filters.region)}
          value={filters.region}
          onChange={(event) => update({ region: event.target.value })}
        />
      )}
    </>
  );
}
