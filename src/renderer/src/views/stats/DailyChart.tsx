import { useId, useRef } from 'react';
import type { LibraryStats } from '../../../../shared/domain';
import { Disclosure } from '../../components/Disclosure';
import { useElementWidth } from '../../hooks/useElementWidth';
import { plural } from '../../lib/format';

type Day = LibraryStats['generationsPerDay'][number];

const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const longDayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
/** Days are UTC dates ("2025-03-04"): shown as that date wherever the viewer is. */
const dayLabel = (day: string, long = false): string => {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? day : (long ? longDayFormat : dayFormat).format(ms);
};

/** Until measured. */
const FALLBACK_WIDTH = 720;
const HEIGHT = 180;
const TOP = 14;
const BOTTOM = 24;
const LEFT = 30;
const GAP = 3;

/** A round top for the axis: 1, 2, 5, 10, 20, 50… at or above the busiest day. */
const niceMax = (value: number): number => {
  if (value <= 4) return Math.max(1, value);
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((each) => each * power >= value) ?? 10;
  return step * power;
};

/** Generations per day as stacked bars (completed, failed), with the same numbers as a table for anyone who wants them. */
export const DailyChart = ({ days }: { days: readonly Day[] }) => {
  const titleId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(boxRef) || FALLBACK_WIDTH;
  const completed = days.reduce((sum, day) => sum + day.completed, 0);
  const failed = days.reduce((sum, day) => sum + day.failed, 0);
  const busiest = days.reduce<Day | null>((best, day) => (!best || day.completed + day.failed > best.completed + best.failed ? day : best), null);
  const top = niceMax(Math.max(0, ...days.map((day) => day.completed + day.failed)));
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = (width - LEFT) / Math.max(1, days.length);
  const barWidth = Math.max(2, slot - GAP);
  const y = (value: number) => TOP + plotHeight - (value / top) * plotHeight;
  const summary =
    completed + failed === 0
      ? 'No generations in the last 30 days.'
      : `${plural(completed, 'generation')} completed and ${failed.toLocaleString()} failed in the last 30 days${busiest ? `; the busiest day was ${dayLabel(busiest.day, true)} with ${busiest.completed + busiest.failed}` : ''}.`;

  return (
    <div className="daily-chart">
      <div className="daily-chart__box" ref={boxRef}>
        <svg className="daily-chart__svg" width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-labelledby={titleId}>
          <title id={titleId}>{summary}</title>
          {[0, 0.5, 1].map((fraction) => (
            <g key={fraction} aria-hidden="true">
              <line className="daily-chart__grid" x1={LEFT} x2={width} y1={y(top * fraction)} y2={y(top * fraction)} />
              <text className="daily-chart__axis" x={LEFT - 6} y={y(top * fraction) + 4} textAnchor="end">
                {Number.isInteger(top * fraction) ? top * fraction : ''}
              </text>
            </g>
          ))}
          {days.map((day, index) => {
            const x = LEFT + index * slot + GAP / 2;
            const total = day.completed + day.failed;
            return (
              <g key={day.day} className="daily-chart__day">
                <title>{`${dayLabel(day.day, true)}: ${day.completed} completed, ${day.failed} failed`}</title>
                {/* A hit area the full height, so thin days still show their numbers on hover. */}
                <rect className="daily-chart__hit" x={x - GAP / 2} y={TOP} width={slot} height={plotHeight} />
                {day.completed > 0 && <rect className="daily-chart__bar daily-chart__bar--completed" x={x} y={y(day.completed)} width={barWidth} height={y(0) - y(day.completed)} rx={2} />}
                {day.failed > 0 && <rect className="daily-chart__bar daily-chart__bar--failed" x={x} y={y(total)} width={barWidth} height={y(day.completed) - y(total)} rx={2} />}
                {total === 0 && <rect className="daily-chart__bar daily-chart__bar--empty" x={x} y={y(0) - 2} width={barWidth} height={2} rx={1} />}
                {((index % 7 === 0 && days.length - 1 - index >= 4) || index === days.length - 1) && (
                  <text className="daily-chart__axis" x={x + barWidth / 2} y={HEIGHT - 6} textAnchor="middle" aria-hidden="true">
                    {dayLabel(day.day)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <div className="daily-chart__legend" aria-hidden="true">
        <span className="daily-chart__key daily-chart__key--completed">Completed</span>
        <span className="daily-chart__key daily-chart__key--failed">Failed</span>
      </div>
      <Disclosure title="Show as a table">
        <table className="stats-table">
          <caption className="visually-hidden">Generations per day, last 30 days</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Completed</th>
              <th scope="col">Failed</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">{dayLabel(day.day, true)}</th>
                <td>{day.completed}</td>
                <td>{day.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Disclosure>
    </div>
  );
};
