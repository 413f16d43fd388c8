import { useId, useState } from 'react';
import { moodLabels, type CheckIn } from '@kindred/common/recovery';
import { Button } from '../../components/button.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { toApiError } from '../../lib/api.ts';
import {
  addDays,
  addMonths,
  endOfMonth,
  formatMonth,
  formatShortDay,
  formatWeekday,
  startOfMonth,
  weekdayIndex,
} from '../../lib/calendar-days.ts';
import { useCheckInRange } from './checkins.api.ts';

// 2024-01-01 was a Monday: the weeks here start on Monday.
const weekdays = Array.from({ length: 7 }, (_, index) => addDays('2024-01-01', index));

/** The days of a month in weeks (Monday first), with null for the days of the months around it. */
function weeksOf(monthStart: string): (string | null)[][] {
  const last = endOfMonth(monthStart);
  const cells: (string | null)[] = Array.from({ length: weekdayIndex(monthStart) }, () => null);
  for (let day = monthStart; day <= last; day = addDays(day, 1)) cells.push(day);
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

/** A month of check-ins: which days had one and the mood of each, today marked. */
export function CheckInCalendar({ today }: { today: string }) {
  const thisMonth = startOfMonth(today);
  const [month, setMonth] = useState(thisMonth);
  // The days to come have nothing to show: ask only up to today.
  const checkIns = useCheckInRange(month, endOfMonth(month) < today ? endOfMonth(month) : today);
  const captionId = useId();

  const byDay = new Map<string, CheckIn>((checkIns.data ?? []).map((checkIn) => [checkIn.day, checkIn]));

  return (
    <div className="calendar">
      <div className="calendar-nav">
        <Button variant="secondary" className="calendar-step" onClick={() => setMonth(addMonths(month, -1))}>
          <span aria-hidden="true">‹</span>
          <span className="visually-hidden">Previous month</span>
        </Button>
        <p className="calendar-month" id={captionId} aria-live="polite">
          {formatMonth(month)}
        </p>
        <Button
          variant="secondary"
          className="calendar-step"
          onClick={() => setMonth(addMonths(month, 1))}
          disabled={month >= thisMonth}
        >
          <span aria-hidden="true">›</span>
          <span className="visually-hidden">Next month</span>
        </Button>
      </div>
      {checkIns.isPending ? (
        <Loading label="Loading this month…" />
      ) : checkIns.isError ? (
        <Notice tone="error" title="We could not load this month">
          <p>{toApiError(checkIns.error).message}</p>
        </Notice>
      ) : (
        <table className="calendar-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              {weekdays.map((day) => (
                <th key={day} scope="col">
                  <span aria-hidden="true">{formatWeekday(day, 'short')}</span>
                  <span className="visually-hidden">{formatWeekday(day, 'long')}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeksOf(month).map((week, index) => (
              <tr key={index}>
                {week.map((day, column) =>
                  day === null ? (
                    <td key={`empty-${column}`} />
                  ) : (
                    <CalendarDay key={day} day={day} today={today} checkIn={byDay.get(day)} />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="calendar-legend">
        <span className="calendar-legend-item">
          <span className="calendar-mark" aria-hidden="true">
            ✓
          </span>{' '}
          a day you checked in
        </span>
        <span className="calendar-legend-item">
          <span className="mood-pips" aria-hidden="true">
            <span className="pip is-on" />
            <span className="pip is-on" />
            <span className="pip is-on" />
            <span className="pip" />
            <span className="pip" />
          </span>{' '}
          mood, from 1 dot (very low) to 5 (great)
        </span>
      </p>
    </div>
  );
}

function CalendarDay({ day, today, checkIn }: { day: string; today: string; checkIn: CheckIn | undefined }) {
  const dayNumber = Number(day.slice(8));
  const isToday = day === today;
  const isFuture = day > today;
  if (isFuture) {
    return (
      <td className="calendar-day is-future">
        <span className="calendar-date">{dayNumber}</span>
      </td>
    );
  }
  const mood = checkIn?.mood ?? null;
  const words = [
    formatShortDay(day),
    isToday ? 'today' : null,
    checkIn ? 'checked in' : 'no check-in',
    mood === null ? null : `mood: ${moodLabels[mood] ?? mood}`,
  ].filter(Boolean);
  const className = ['calendar-day', checkIn && 'is-checked-in', isToday && 'is-today'].filter(Boolean).join(' ');
  return (
    <td className={className} aria-current={isToday ? 'date' : undefined}>
      <span className="calendar-date" aria-hidden="true">
        {dayNumber}
        {checkIn && <span className="calendar-mark"> ✓</span>}
      </span>
      {mood !== null && (
        <span className="mood-pips" aria-hidden="true">
          {[1, 2, 3, 4, 5].map((pip) => (
            <span key={pip} className={pip <= mood ? 'pip is-on' : 'pip'} />
          ))}
        </span>
      )}
      <span className="visually-hidden">{words.join(', ')}</span>
    </td>
  );
}
