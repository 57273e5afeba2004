/** Scaling episodes: every replica change of a ScaledObject's target with its cause, as a sentence. */
export type {
  EpisodeCause,
  EpisodeDirection,
  EpisodeLimit,
  MetricReading,
  ScalingEpisode,
  StoryInput,
  StoryMetricSeries,
  StoryReplicaSample,
} from './types.js';
export { scalingEpisodes, metricOfReason, valueAt, wantsFor } from './episodes.js';
export { describeEpisode, formatValue } from './sentence.js';
