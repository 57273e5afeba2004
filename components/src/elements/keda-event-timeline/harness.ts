import { ChartHarness } from '../shared/chart-harness.js';
import type { EventTimeline } from './keda-event-timeline.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Reads and drives a rendered `keda-event-timeline`. */
export class EventTimelineHarness extends ChartHarness<EventTimeline> {
  /** The episode list, newest first: `{move, sentence, reasons}`. */
  episodes(): Array<{ move: string; sentence: string; reasons: string }> {
    return [...this.root.querySelectorAll('ol.episodes li')].map((li) => {
      const reasons = text(li.querySelector('.reasons'));
      const sentence = text(li.querySelector('.sentence'));
      return {
        move: text(li.querySelector('.move')),
        sentence: reasons ? sentence.slice(0, sentence.length - reasons.length).trim() : sentence,
        reasons,
      };
    });
  }

  /** The lanes of the timeline, top to bottom. */
  lanes(): string[] {
    const y = (this.option().yAxis as Array<{ data?: string[] }>)[0];
    return [...(y?.data ?? [])].reverse();
  }

  /** The plotted events as `[lane, symbol size]` by id. */
  plotted(): Map<string, { lane: string; size: number }> {
    const events = this.option().series.find((s) => s.id === 'events') as {
      data?: Array<{ id: string; value: [number, string]; symbolSize: number }>;
    };
    return new Map((events?.data ?? []).map((d) => [d.id, { lane: d.value[1], size: d.symbolSize }]));
  }

  /** The tooltip of the event with id `key` (series 0 data index). */
  async eventTooltip(key: string): Promise<{ text: string; html: string }> {
    const index = [...this.plotted().keys()].indexOf(key);
    return this.tooltipAt(index);
  }
}
