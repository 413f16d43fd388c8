import { useState } from 'react';
import { Link } from 'react-router';
import {
  CRAVING_MAX,
  CRAVING_MIN,
  MOOD_MAX,
  MOOD_MIN,
  moodLabels,
  type CheckInSummary,
} from '@kindred/common/recovery';
import { Button, ButtonLink } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { Page } from '../../components/page.tsx';
import { toApiError } from '../../lib/api.ts';
import { formatDays, formatShortDay } from '../../lib/calendar-days.ts';
import { CheckInCalendar } from './check-ins-calendar.tsx';
import { CheckInLineChart, CountBar, describeValues } from './check-ins-chart.tsx';
import { useCheckInSummary, useTodayCheckIn } from './checkins.api.ts';

type Span = 30 | 90;

/** My check-ins over time: streaks, a month calendar, mood and craving charts, and triggers. */
export function CheckInHistoryPage() {
  const [span, setSpan] = useState<Span>(30);
  const summary = useCheckInSummary(span);
  const today = useTodayCheckIn();
  const data = summary.data;

  return (
    <Page title="Your check-ins" lead="Your days over time. Only you can see them.">
      {data === undefined ? (
        summary.isError ? (
          <Notice tone="error" title="We could not load your check-ins">
            <p>{toApiError(summary.error).message}</p>
            <Button variant="secondary" onClick={() => void summary.refetch()} isLoading={summary.isFetching}>
              Try again
            </Button>
          </Notice>
        ) : (
          <Loading label="Loading your check-ins…" />
        )
      ) : data.longestStreak === 0 && data.checkInCount === 0 ? (
        <EmptyState title="No check-ins yet" action={<ButtonLink to="/recovery/check-in">Check in today</ButtonLink>}>
          <p>
            A check-in takes a minute: how you feel, how strong cravings are, and what helped. Over the days, this page
            shows your streak and how things change.
          </p>
        </EmptyState>
      ) : (
        <div className="stack">
          <TodayPrompt hasCheckedIn={today.data ? today.data.checkIn !== null : undefined} />
          <Streaks summary={data} />
          <Card title="Calendar">
            <CheckInCalendar today={data.today} />
          </Card>
          <Trends summary={data} span={span} onSpanChange={setSpan} isLoading={summary.isPlaceholderData} />
        </div>
      )}
    </Page>
  );
}

function TodayPrompt({ hasCheckedIn }: { hasCheckedIn: boolean | undefined }) {
  if (hasCheckedIn === undefined) return null;
  return hasCheckedIn ? (
    <p>
      You checked in today. <Link to="/recovery/check-in">Change today’s check-in</Link>
    </p>
  ) : (
    <div className="actions">
      <ButtonLink to="/recovery/check-in">Check in today</ButtonLink>
    </div>
  );
}

function Streaks({ summary }: { summary: CheckInSummary }) {
  return (
    <Card title="Days in a row">
      <dl className="stat-list">
        <div className="stat">
          <dt>Current streak</dt>
          <dd>{formatDays(summary.currentStreak)}</dd>
        </div>
        <div className="stat">
          <dt>Longest streak</dt>
          <dd>{formatDays(summary.longestStreak)}</dd>
        </div>
      </dl>
      {summary.currentStreak === 0 && (
        <p className="muted">Every day is a good day to begin again. A check-in today starts a new streak.</p>
      )}
    </Card>
  );
}

function Trends({
  summary,
  span,
  onSpanChange,
  isLoading,
}: {
  summary: CheckInSummary;
  span: Span;
  onSpanChange: (span: Span) => void;
  isLoading: boolean;
}) {
  const moods = summary.series.map((day) => day.mood);
  const cravings = summary.series.map((day) => day.craving);
  const first = summary.series[0]?.day ?? summary.from;
  const spanWords = `the last ${summary.days} days`;
  const moodWords = describeValues(moods, summary.averageMood);
  const cravingWords = describeValues(cravings, summary.averageCraving);
  const largestCount = summary.triggerCounts[0]?.count ?? 0;

  return (
    <Card title="How things have been">
      <div className="span-toggle" role="group" aria-label="Show the last">
        {([30, 90] as const).map((days) => (
          <Button
            key={days}
            variant={span === days ? 'primary' : 'secondary'}
            aria-pressed={span === days}
            onClick={() => onSpanChange(days)}
          >
            {days} days
          </Button>
        ))}
      </div>
      {isLoading && <Loading label={`Loading the last ${span} days…`} />}
      <p>
        You checked in on {formatDays(summary.checkInCount)} of {spanWords}.
      </p>

      <h3 className="chart-title">Mood</h3>
      {moodWords ? (
        <CheckInLineChart
          label={`Mood over ${spanWords}: ${moodWords}. 1 is very low, 5 is great.`}
          values={moods}
          min={MOOD_MIN}
          max={MOOD_MAX}
          minLabel={moodLabels[MOOD_MIN] ?? String(MOOD_MIN)}
          maxLabel={moodLabels[MOOD_MAX] ?? String(MOOD_MAX)}
          startLabel={formatShortDay(first)}
          endLabel="Today"
        />
      ) : (
        <p className="muted">No mood answers in {spanWords}.</p>
      )}

      <h3 className="chart-title">Cravings</h3>
      {cravingWords ? (
        <CheckInLineChart
          label={`Cravings over ${spanWords}: ${cravingWords}. 0 is none, 10 is the strongest.`}
          values={cravings}
          min={CRAVING_MIN}
          max={CRAVING_MAX}
          minLabel="0 none"
          maxLabel="10"
          startLabel={formatShortDay(first)}
          endLabel="Today"
        />
      ) : (
        <p className="muted">No craving answers in {spanWords}.</p>
      )}

      <details className="chart-table">
        <summary>Show as a table</summary>
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Mood and cravings, day by day">
          <table className="data-table">
            <caption className="visually-hidden">Mood and cravings, day by day, over {spanWords}</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Mood</th>
                <th scope="col">Cravings</th>
              </tr>
            </thead>
            <tbody>
              {summary.series.map((day) => (
                <tr key={day.day}>
                  <th scope="row">{formatShortDay(day.day)}</th>
                  <td>{day.mood === null ? '—' : `${day.mood} · ${moodLabels[day.mood] ?? ''}`}</td>
                  <td>{day.craving === null ? '—' : `${day.craving} of ${CRAVING_MAX}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="muted">A dash means there was no answer that day.</p>
      </details>

      <h3 className="chart-title">Triggers you noted</h3>
      {summary.triggerCounts.length === 0 ? (
        <p className="muted">No triggers noted in {spanWords}.</p>
      ) : (
        <ul className="bar-list">
          {summary.triggerCounts.map((trigger) => (
            <li key={trigger.trigger}>
              <span className="bar-list-label">{trigger.label}</span>
              <CountBar count={trigger.count} largest={largestCount} />
              <span className="bar-list-count">{trigger.count === 1 ? 'once' : `${trigger.count} times`}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
