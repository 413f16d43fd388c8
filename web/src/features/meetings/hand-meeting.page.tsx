/**
 * /admin/meetings/new and /admin/meetings/:slug/edit: a meeting entered by hand, weekly or on some
 * weeks of the month ("1st and 3rd Tuesdays", "the last Friday"), for the people who keep the list.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  handMeetingInputSchema,
  weekOfMonthLabels,
  weeksOfMonth,
  type HandMeeting,
  type HandMeetingInput,
  type WeekOfMonth,
} from '@kindred/common/meetings';
import { Button } from '../../components/button.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { CheckboxGroup, Select, TextArea, TextField, type Option } from '../../components/fields.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { useToast } from '../../components/toast.tsx';
import { toApiError } from '../../lib/api.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { useMe } from '../../lib/me.ts';
import { commonTypeOptions, dayOptions } from './finder-params.ts';
import { useHandMeeting, useMeetingTypes, useRemoveHandMeeting, useSaveHandMeeting } from './hand-meetings.api.ts';
import { canKeepMeetingList } from './sources.api.ts';
import { browserTimeZone, timeZoneOptions } from './sources-form.tsx';

const fieldLabels = {
  name: 'Name',
  program: 'Fellowship',
  day: 'Day',
  weeksOfMonth: 'Weeks of the month',
  startTime: 'Starts at',
  endTime: 'Ends at',
  timeZone: 'Time zone',
  types: 'Types',
  locationName: 'Place',
  formattedAddress: 'Address',
  locationNotes: 'Finding the room',
  isLocationTemporarilyClosed: 'Closed for now',
  latitude: 'Latitude',
  longitude: 'Longitude',
  conferenceUrl: 'Join link',
  conferenceUrlNotes: 'About the join link',
  conferencePhone: 'Join by phone',
  conferencePhoneNotes: 'About joining by phone',
  groupName: 'Group',
  regions: 'Regions',
  notes: 'Notes',
} as const;

type FormValues = {
  name: string;
  program: string;
  day: string;
  weeksOfMonth: string[];
  startTime: string;
  endTime: string;
  timeZone: string;
  types: string[];
  locationName: string;
  formattedAddress: string;
  locationNotes: string;
  isLocationTemporarilyClosed: boolean;
  latitude: string;
  longitude: string;
  conferenceUrl: string;
  conferenceUrlNotes: string;
  conferencePhone: string;
  conferencePhoneNotes: string;
  groupName: string;
  regions: string;
  notes: string;
};

function toValues(meeting: HandMeeting | undefined): FormValues {
  return {
    name: meeting?.name ?? '',
    program: meeting?.program ?? '',
    day: String(meeting?.day ?? 1),
    weeksOfMonth: (meeting?.weeksOfMonth ?? []).map(String),
    startTime: meeting?.startTime ?? '19:00',
    endTime: meeting?.endTime ?? '',
    timeZone: meeting?.timeZone ?? browserTimeZone(),
    types: meeting?.types ?? [],
    locationName: meeting?.locationName ?? '',
    formattedAddress: meeting?.formattedAddress ?? '',
    locationNotes: meeting?.locationNotes ?? '',
    isLocationTemporarilyClosed: meeting?.isLocationTemporarilyClosed ?? false,
    latitude: meeting?.latitude?.toString() ?? '',
    longitude: meeting?.longitude?.toString() ?? '',
    conferenceUrl: meeting?.conferenceUrl ?? '',
    conferenceUrlNotes: meeting?.conferenceUrlNotes ?? '',
    conferencePhone: meeting?.conferencePhone ?? '',
    conferencePhoneNotes: meeting?.conferencePhoneNotes ?? '',
    groupName: meeting?.groupName ?? '',
    regions: meeting?.regions.join(', ') ?? '',
    notes: meeting?.notes ?? '',
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));

/** The values as the API takes them: empty words mean "none". */
function toInput(values: FormValues): HandMeetingInput {
  return {
    name: values.name,
    program: orNull(values.program),
    day: Number(values.day),
    weeksOfMonth:
      values.weeksOfMonth.length > 0 ? values.weeksOfMonth.map((week) => Number(week) as WeekOfMonth) : null,
    startTime: values.startTime,
    endTime: orNull(values.endTime),
    timeZone: values.timeZone,
    types: values.types,
    locationName: orNull(values.locationName),
    formattedAddress: orNull(values.formattedAddress),
    locationNotes: orNull(values.locationNotes),
    isLocationTemporarilyClosed: values.isLocationTemporarilyClosed,
    latitude: numberOrNull(values.latitude),
    longitude: numberOrNull(values.longitude),
    conferenceUrl: orNull(values.conferenceUrl),
    conferenceUrlNotes: orNull(values.conferenceUrlNotes),
    conferencePhone: orNull(values.conferencePhone),
    conferencePhoneNotes: orNull(values.conferencePhoneNotes),
    groupName: orNull(values.groupName),
    regions: values.regions
      .split(',')
      .map((region) => region.trim())
      .filter(Boolean),
    notes: orNull(values.notes),
  };
}

const weekOptions: Option[] = weeksOfMonth.map((week) => ({
  value: String(week),
  label: `The ${weekOfMonthLabels[week]}`,
}));

export function HandMeetingPage() {
  const { slug } = useParams();
  const me = useMe();
  const canUse = canKeepMeetingList(me.data?.role);
  const meeting = useHandMeeting(slug ?? '', canUse && slug !== undefined);
  const title = slug === undefined ? 'Add a meeting' : 'Change a meeting';
  if (me.isPending) return <Loading />;
  if (!canUse) {
    return (
      <Page title={title}>
        <Notice title="This page is for the people who keep the meeting list">
          <p>
            <Link to="/meetings">Find a meeting</Link>
          </p>
        </Notice>
      </Page>
    );
  }
  if (slug !== undefined && meeting.isPending) return <Loading label="Loading the meeting…" />;
  if (slug !== undefined && meeting.isError) {
    return (
      <Page title={title}>
        <Notice tone="error" title="We could not load this meeting">
          <p>{toApiError(meeting.error).message}</p>
          <p>
            <Link to="/admin/meetings">Back to the meeting list</Link>
          </p>
        </Notice>
      </Page>
    );
  }
  return (
    <Page
      title={slug === undefined ? title : `Change “${meeting.data?.name}”`}
      documentTitle={title}
      lead="A meeting kept here, not in a feed. It is in the finder as soon as you save it."
    >
      <p className="back-link">
        <Link to="/admin/meetings">
          <span aria-hidden="true">← </span>The meeting list
        </Link>
      </p>
      <HandMeetingForm key={meeting.data?.slug ?? 'new'} meeting={meeting.data} />
    </Page>
  );
}

function HandMeetingForm({ meeting }: { meeting: HandMeeting | undefined }) {
  const [values, setValues] = useState(() => toValues(meeting));
  const [isRemoving, setIsRemoving] = useState(false);
  const form = useFormErrors('meeting', fieldLabels);
  const save = useSaveHandMeeting(meeting?.slug ?? null);
  const navigate = useNavigate();
  const showToast = useToast();
  const zones = useMemo(() => timeZoneOptions(values.timeZone), [values.timeZone]);
  const allTypes = useMeetingTypes();
  const otherTypeOptions = useMemo(() => {
    const common = new Set(commonTypeOptions.map((option) => option.value));
    return (allTypes.data ?? [])
      .filter((type) => !common.has(type.code))
      .map((type) => ({ value: type.code, label: type.name }));
  }, [allTypes.data]);

  const set = <Name extends keyof FormValues>(name: Name, value: FormValues[Name]) =>
    setValues((previous) => ({ ...previous, [name]: value }));
  const text = (name: keyof FormValues) => ({
    id: form.fieldId(name),
    error: form.errorFor(name),
    value: values[name] as string,
    onChange: (event: { target: { value: string } }) => set(name, event.target.value),
  });

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const input = toInput(values);
    if (!form.checkWith(handMeetingInputSchema, input)) return;
    save.mutate(input, {
      onSuccess: (saved) => {
        showToast(meeting ? 'Changes saved.' : `“${saved.name}” is in the finder.`);
        void navigate(`/meetings/${encodeURIComponent(saved.slug)}`);
      },
      onError: form.showApiError,
    });
  };

  const commonValues = values.types.filter((code) => commonTypeOptions.some((option) => option.value === code));
  const otherValues = values.types.filter((code) => !commonValues.includes(code));

  return (
    <div className="stack">
      <ErrorSummary {...form.summary} />
      <form noValidate onSubmit={handleSubmit} className="stack">
        <fieldset className="form-section stack">
          <legend>The meeting</legend>
          <TextField label={fieldLabels.name} autoComplete="off" {...text('name')} />
          <TextField
            label={fieldLabels.program}
            isOptional
            hint="For example AA, NA or Al-Anon. People can search by it."
            autoComplete="off"
            {...text('program')}
          />
          <TextField label={fieldLabels.groupName} isOptional autoComplete="off" {...text('groupName')} />
          <Select label={fieldLabels.day} options={dayOptions} {...text('day')} />
          <CheckboxGroup
            id={form.fieldId('weeksOfMonth')}
            label="Only on some weeks of the month"
            isOptional
            hint="Leave these empty for a meeting every week. Tick “the 1st” and “the 3rd” for the 1st and 3rd of that day each month."
            error={form.errorFor('weeksOfMonth')}
            options={weekOptions}
            isCompact
            values={values.weeksOfMonth}
            onChange={(weeks) => set('weeksOfMonth', weeks)}
          />
          {values.weeksOfMonth.length > 0 && (
            <Notice title="Not in the published feed">
              <p>
                The Meeting Guide feed other apps read can only say “every week”, so this meeting is left out of it. It
                is in this site’s finder and calendars.
              </p>
            </Notice>
          )}
          <TextField type="time" label={fieldLabels.startTime} {...text('startTime')} />
          <TextField type="time" label={fieldLabels.endTime} isOptional {...text('endTime')} />
          <Select label={fieldLabels.timeZone} options={zones} {...text('timeZone')} />
          <CheckboxGroup
            id={form.fieldId('types')}
            label={fieldLabels.types}
            isOptional
            error={form.errorFor('types')}
            options={commonTypeOptions}
            isCompact
            values={commonValues}
            onChange={(chosen) => set('types', [...chosen, ...otherValues])}
          />
          {otherTypeOptions.length > 0 && (
            <details open={otherValues.length > 0}>
              <summary>More types</summary>
              <CheckboxGroup
                id="meeting-more-types"
                label="More types"
                options={otherTypeOptions}
                isCompact
                values={otherValues}
                onChange={(chosen) => set('types', [...commonValues, ...chosen])}
              />
            </details>
          )}
          <TextArea label={fieldLabels.notes} isOptional rows={3} maxLength={4000} {...text('notes')} />
        </fieldset>

        <fieldset className="form-section stack">
          <legend>In person</legend>
          <TextField
            label={fieldLabels.locationName}
            isOptional
            hint="The building: “St. Paul’s Church”."
            autoComplete="off"
            {...text('locationName')}
          />
          <TextField
            label={fieldLabels.formattedAddress}
            isOptional
            hint="Street, town, state and postal code: “4201 Main St, Kansas City, MO 64111”. Leave it empty for an online meeting."
            autoComplete="off"
            {...text('formattedAddress')}
          />
          <TextField label={fieldLabels.locationNotes} isOptional autoComplete="off" {...text('locationNotes')} />
          <div className="choice">
            <input
              id={form.fieldId('isLocationTemporarilyClosed')}
              type="checkbox"
              checked={values.isLocationTemporarilyClosed}
              onChange={(event) => set('isLocationTemporarilyClosed', event.target.checked)}
            />
            <label htmlFor={form.fieldId('isLocationTemporarilyClosed')}>
              The place is closed for now (the meeting is online only)
            </label>
          </div>
          <details open={values.latitude !== '' || Boolean(form.errorFor('latitude') ?? form.errorFor('longitude'))}>
            <summary>Exact place on the map</summary>
            <div className="stack">
              <p className="field-hint">
                Without these, the meeting is placed from its postal code or town, near enough for “near me” searches.
              </p>
              <TextField label={fieldLabels.latitude} isOptional inputMode="decimal" {...text('latitude')} />
              <TextField label={fieldLabels.longitude} isOptional inputMode="decimal" {...text('longitude')} />
            </div>
          </details>
          <TextField
            label={fieldLabels.regions}
            isOptional
            hint="Neighbourhoods or areas people search by, separated by commas."
            autoComplete="off"
            {...text('regions')}
          />
        </fieldset>

        <fieldset className="form-section stack">
          <legend>Online</legend>
          <TextField
            type="url"
            inputMode="url"
            label={fieldLabels.conferenceUrl}
            isOptional
            hint="The Zoom (or other) link, starting with https://."
            autoComplete="off"
            {...text('conferenceUrl')}
          />
          <TextField
            label={fieldLabels.conferenceUrlNotes}
            isOptional
            autoComplete="off"
            {...text('conferenceUrlNotes')}
          />
          <TextField
            type="tel"
            label={fieldLabels.conferencePhone}
            isOptional
            autoComplete="off"
            {...text('conferencePhone')}
          />
          <TextField
            label={fieldLabels.conferencePhoneNotes}
            isOptional
            autoComplete="off"
            {...text('conferencePhoneNotes')}
          />
        </fieldset>

        <div className="actions">
          <Button type="submit" isLoading={save.isPending}>
            {meeting ? 'Save changes' : 'Add the meeting'}
          </Button>
          {meeting && (
            <Button variant="danger" onClick={() => setIsRemoving(true)}>
              Remove the meeting
            </Button>
          )}
        </div>
      </form>
      {meeting && <RemoveDialog meeting={meeting} isOpen={isRemoving} onClose={() => setIsRemoving(false)} />}
    </div>
  );
}

function RemoveDialog({ meeting, isOpen, onClose }: { meeting: HandMeeting; isOpen: boolean; onClose: () => void }) {
  const remove = useRemoveHandMeeting(meeting.slug);
  const navigate = useNavigate();
  const showToast = useToast();
  return (
    <ConfirmDialog
      isOpen={isOpen}
      onClose={onClose}
      title={`Remove “${meeting.name}”?`}
      confirmLabel="Remove the meeting"
      isPending={remove.isPending}
      error={remove.error}
      errorTitle="The meeting could not be removed"
      onConfirm={() =>
        remove.mutate(undefined, {
          onSuccess: () => {
            showToast(`“${meeting.name}” was removed.`);
            void navigate('/admin/meetings');
          },
        })
      }
    >
      <p>People will no longer find it. Members who went keep it in their own log. This cannot be undone.</p>
    </ConfirmDialog>
  );
}
